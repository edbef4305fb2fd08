import { type AllowedValues } from './detect.js';
import { type Position } from './findings-cap.js';
import { type SourceLimits } from './sources/index.js';
import { type Accepted, type SuppressionRules, type SuppressionUse } from './suppress.js';
import type { CompiledRule, Confidence, EngineFinding, Finding, ScanError, Severity, Skipped, SuppressedFinding, UnusedSuppression } from './types.js';
export interface FileResult {
    /** Findings no inline comment suppressed; the config allowlist and baseline come later (createSummarizer). */
    findings: EngineFinding[];
    suppressed: Accepted[];
    unusedInline: UnusedSuppression[];
    skipped: Skipped[];
    errors: ScanError[];
    /** Text streams scanned (a zip counts its members) and their bytes. */
    scanned: number;
    bytes: number;
}
/** What the engine needs besides the input: the rules and the allowlisted values. */
export interface Engine {
    rules: CompiledRule[];
    allowed: AllowedValues | undefined;
    /** Findings kept whole per stream and rule (findings-cap.ts engineLimit); 0 = all. */
    keepPerRule: number;
}
export declare function scanFile(abs: string, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult>;
export declare function scanStream(input: AsyncIterable<Buffer>, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult>;
/** How a file's findings are judged and cut down for the report: plain data, for workers too. */
export interface Listing {
    minConfidence: Confidence;
    suppression: SuppressionRules;
    /** Findings listed per path and rule (findings-cap.ts); 0 = all. */
    cap: number;
    /** Findings listed in all (findings-cap.ts LISTED_BUDGET); 0 = all. */
    budget: number;
}
/** Where the scan's listings are full up to (createListing's bound): later findings are folded at once. */
export interface ListingBounds {
    findings: Position | undefined;
    suppressed: Position | undefined;
}
/** Exact totals of findings: every finding counts, listed or not. */
export interface FindingTotals {
    findings: number;
    suppressed: number;
    byRule: Record<string, number>;
    /** Where each rule's first finding that counts sits: stats list rules in that order. */
    firstOf: Record<string, Position>;
    bySeverity: Record<Severity, number>;
    /** Paths (archive members apart) with findings that count. */
    files: number;
}
/** One input as the report needs it: exact totals, and only the findings it may list. */
export interface FileSummary extends Omit<FileResult, 'findings' | 'suppressed'> {
    findings: Finding[];
    suppressed: SuppressedFinding[];
    totals: FindingTotals;
    use: SuppressionUse;
}
/** Applies the confidence threshold, the allowlist and the baseline to one input, then its caps. */
export declare function createSummarizer(listing: Listing): (result: FileResult, bounds: ListingBounds) => FileSummary;
