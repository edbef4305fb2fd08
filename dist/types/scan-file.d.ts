import { type SourceLimits } from './sources/index.js';
import type { CompiledRule, Finding, ScanError, Skipped } from './types.js';
export interface FileResult {
    findings: Finding[];
    skipped: Skipped[];
    errors: ScanError[];
    /** Text streams scanned (a zip counts its members) and their bytes. */
    scanned: number;
    bytes: number;
}
/** Messages name the problem, never content. */
export declare function describeError(err: unknown): string;
export declare function scanFile(abs: string, display: string, rules: CompiledRule[], limits: SourceLimits): Promise<FileResult>;
export declare function scanStream(input: AsyncIterable<Buffer>, display: string, rules: CompiledRule[]): Promise<FileResult>;
