import type { Finding, ScanResult } from './types.js';
export declare const DEFAULT_FINDINGS_CAP = 100;
/** What the engine keeps per stream and rule for a findings cap; 0 (no cap) keeps everything. */
export declare function engineLimit(cap: number): number;
/** Collects one stream's findings, keeping `limit` per rule whole and counting the rest. */
export declare function createFindingsLimit(limit: number): {
    add(finding: Finding): void;
    findings(): Finding[];
};
/** The result as reports show it: findings (and accepted ones) capped; stats keep the exact totals. */
export declare function capFindings(result: ScanResult, cap: number): ScanResult;
/** The words reporters add to an aggregate, e.g. `4321 us-ssn findings from here on, listed as one (findings cap)`. */
export declare function aggregateNote(f: Finding): string | undefined;
/** How many findings a listed finding stands for (an aggregate, all it counts). */
export declare function findingCount(f: Finding): number;
