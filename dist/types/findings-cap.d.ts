import type { Finding, ScanResult } from './types.js';
export declare const DEFAULT_FINDINGS_CAP = 100;
/** The result as reports show it: findings (and accepted ones) capped; stats keep the exact totals. */
export declare function capFindings(result: ScanResult, cap: number): ScanResult;
/** The words reporters add to an aggregate, e.g. `4321 us-ssn findings from here on, listed as one (findings cap)`. */
export declare function aggregateNote(f: Finding): string | undefined;
/** How many findings a listed finding stands for (an aggregate, all it counts). */
export declare function findingCount(f: Finding): number;
