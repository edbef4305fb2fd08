import type { EngineFinding, Finding } from './types.js';
/** A finding with or without its fingerprint: what caps and listings look at. */
type Listable = Omit<Finding, 'fingerprint'>;
export declare const DEFAULT_FINDINGS_CAP = 100;
/**
 * Findings (and, apart, accepted ones) a capped report lists in all: GitHub code scanning keeps at
 * most 5,000 results per SARIF run (and rejects runs over 25,000), and no one reads further in a
 * terminal. `--findings-cap 0` lifts it with the per-file cap.
 */
export declare const LISTED_BUDGET = 5000;
/** What the engine keeps per stream and rule for a findings cap; 0 (no cap) keeps everything. */
export declare function engineLimit(cap: number): number;
/**
 * Collects one stream's findings, keeping `limit` per rule whole and counting the rest. The engine
 * builds a finding only where `admit` says it is kept or starts the aggregate, then hands it to `keep`:
 * it skips masking and locating the hundreds of thousands of matches a big dump has past the limit.
 */
export declare class FindingsLimit {
    private readonly limit;
    private readonly kept;
    private readonly counts;
    private readonly aggregates;
    /** What the last admit() said the next keep() gets: a finding kept whole, or one that starts its rule's aggregate. */
    private startsAggregate;
    constructor(limit: number);
    admit(ruleId: string): boolean;
    /** The finding admit() just let in. */
    keep(finding: EngineFinding): void;
    findings(): EngineFinding[];
}
/** A finding's place in report order and in the order a budget is spent: what the comparisons look at. */
export type Position = Pick<Finding, 'path' | 'line' | 'column' | 'ruleId' | 'severity'>;
/** Report order: path, line, column, rule. */
export declare function compareFindings(a: Position, b: Position): number;
/** `findings` sorted by path (then position); per path and rule, the first `cap` plus one aggregate. */
export declare function capList<T extends Listable>(findings: T[], cap: number): T[];
export interface Listing<T extends Listable> {
    add(entry: T): void;
    /** Once the budget is full: the last entry listed so far (in listing order). An entry after it will not be listed. */
    bound(): Position | undefined;
    /** The first `budget` entries in listing order, then one aggregate per rule for all the others, in report order. */
    entries(): T[];
}
/**
 * Keeps the first `budget` entries in listing order (most severe first, then report order), whatever
 * order they arrive in, and folds every other one into its rule's aggregate, which sits where the
 * first of them sits (a rule has one severity, so its folded findings are those after that place).
 * Entries after `bound` (a listing elsewhere is already full up to there) are folded at once.
 * `budget` 0 keeps everything.
 */
export declare function createListing<T extends Listable>(budget: number, bound?: Position): Listing<T>;
/**
 * The words reporters add to an aggregate, e.g. `4321 us-ssn findings from here on, listed as one
 * (findings cap)`; past the report's budget, the findings from here on span the files after this one.
 */
export declare function aggregateNote(f: Finding): string | undefined;
/** How many findings a listed finding stands for (an aggregate, all it counts). */
export declare function findingCount(f: Pick<Finding, 'aggregate'>): number;
export {};
