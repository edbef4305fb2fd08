import type { ScanResult } from '../types.js';
import type { Reporter } from './context.js';
export declare const textReporter: Reporter;
/** One line: verdict, counts, bytes, time. Also printed on its own when the report goes to a file. */
export declare function summaryLine(result: ScanResult, color: boolean): string;
