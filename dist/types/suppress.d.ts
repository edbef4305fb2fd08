import type { AllowlistEntry } from './config.js';
import type { AllowedValues } from './detect.js';
import type { AllowDirective, BaselineEntry, CompiledRule, EngineFinding, Suppression, SuppressedBy, SuppressionSummary, UnusedSuppression } from './types.js';
/** A finding of the engine that a suppression accepted. */
export type Accepted = EngineFinding & {
    suppression: Suppression;
};
export interface InlineResult {
    active: EngineFinding[];
    suppressed: Accepted[];
    unused: UnusedSuppression[];
}
/**
 * Applies one stream's `piiguard:allow` comments to its findings. A comment on an `example` line (in a
 * Markdown code block, markdown-fences.ts) that suppresses nothing is not listed as unused.
 */
export declare function applyInline(findings: EngineFinding[], allows: AllowDirective[], streamPath: string, ruleIds: ReadonlySet<string>, example?: (line: number) => boolean): InlineResult;
/** Entries still in force on `today` (YYYY-MM-DD, UTC): an entry suppresses through its expiry day. */
export declare function activeEntries(allowlist: AllowlistEntry[], today: string): AllowlistEntry[];
/** The value conditions of the allowlist, normalised per rule, for the engine to check matches against. */
export declare function allowedValues(rules: CompiledRule[], entries: AllowlistEntry[]): AllowedValues | undefined;
export interface LoadedBaseline {
    /** As given on the command line, for messages. */
    file: string;
    entries: BaselineEntry[];
}
/** What the allowlist and the baseline need to judge findings: plain data, for worker threads too. */
export interface SuppressionRules {
    allowlist: AllowlistEntry[];
    /** The config file as shown to users (`.piiguard.json`), to name allowlist entries. */
    configLabel: string;
    /** Allowlist path globs are relative to this folder; finding paths to `cwd`. */
    configDir: string;
    cwd: string;
    today: string;
    baseline?: LoadedBaseline;
}
export interface SuppressOptions extends SuppressionRules {
    ruleIds: ReadonlySet<string>;
    /** Whether this run scanned the input a path belongs to (baseline entries elsewhere are not stale). */
    scanned: (findingPath: string) => boolean;
    /**
     * Whether the run scanned the config file's whole folder. Only then can an allowlist entry that
     * suppressed nothing be called unused: a pre-commit run over two files says nothing about the rest.
     */
    coversConfigDir: boolean;
}
/** What suppressions did in some of the files; the tally adds them up for the summary. */
export interface SuppressionUse {
    /** Allowlist entries (by index) that suppressed something. */
    allowlist: number[];
    /** Baseline fingerprints that some finding, suppressed or not, has. */
    baseline: string[];
    /** Suppressed findings (as listed by the engine: an aggregate counts once) by what suppressed them. */
    counts: Record<SuppressedBy, number>;
}
export interface Suppressed {
    findings: EngineFinding[];
    suppressed: Accepted[];
    use: SuppressionUse;
}
/**
 * Applies the config allowlist and the baseline to what inline comments left, one file at a time
 * (in whichever thread scanned it): returns what still counts, what was accepted, and what was used.
 * Only a baseline needs fingerprints: with one, every finding gets its fingerprint here.
 */
export declare function createSuppressor(rules: SuppressionRules): (active: EngineFinding[], inlineSuppressed: Accepted[]) => Suppressed;
/** Adds up what suppressions did file by file; `summary` then lists the unused ones and the warnings. */
export declare function createSuppressionTally(): {
    add(use: SuppressionUse): void;
    summary(inlineUnused: UnusedSuppression[], options: SuppressOptions): SuppressionSummary;
};
