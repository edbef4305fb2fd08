import type { ScanResult } from '../types.js';
import type { ReportContext, Reporter } from './context.js';
export declare const JSON_REPORT_VERSION = 1;
/**
 * The report in pieces, one finding per line: a dump can yield millions of findings, more than one
 * JavaScript string can hold, so the CLI writes the pieces as they come.
 */
export declare function jsonReportPieces(result: ScanResult, context: ReportContext): Generator<string>;
export declare const jsonReporter: Reporter;
/** Joins pieces into blocks of about `size` characters: one write per finding costs a syscall each. */
export declare function inBlocks(pieces: Iterable<string>, size?: number): Generator<string>;
