import type { AllowlistEntry } from './config.js';
import type { AllowedValues } from './detect.js';
import type { AllowDirective, BaselineEntry, CompiledRule, Finding, SuppressedFinding, SuppressionSummary, UnusedSuppression } from './types.js';
export interface InlineResult {
    active: Finding[];
    suppressed: SuppressedFinding[];
    unused: UnusedSuppression[];
}
/** Applies one stream's `piiguard:allow` comments to its findings. */
export declare function applyInline(findings: Finding[], allows: AllowDirective[], streamPath: string, ruleIds: ReadonlySet<string>): InlineResult;
/** Entries still in force on `today` (YYYY-MM-DD, UTC): an entry suppresses through its expiry day. */
export declare function activeEntries(allowlist: AllowlistEntry[], today: string): AllowlistEntry[];
/** The value conditions of the allowlist, normalised per rule, for the engine to check matches against. */
export declare function allowedValues(rules: CompiledRule[], entries: AllowlistEntry[]): AllowedValues | undefined;
export interface LoadedBaseline {
    /** As given on the command line, for messages. */
    file: string;
    entries: BaselineEntry[];
}
export interface SuppressOptions {
    allowlist: AllowlistEntry[];
    /** The config file as shown to users (`.piiguard.json`), to name allowlist entries. */
    configLabel: string;
    /** Allowlist path globs are relative to this folder; finding paths to `cwd`. */
    configDir: string;
    cwd: string;
    today: string;
    ruleIds: ReadonlySet<string>;
    baseline?: LoadedBaseline;
    /** Whether this run scanned the input a path belongs to (baseline entries elsewhere are not stale). */
    scanned: (findingPath: string) => boolean;
    /**
     * Whether the run scanned the config file's whole folder. Only then can an allowlist entry that
     * suppressed nothing be called unused: a pre-commit run over two files says nothing about the rest.
     */
    coversConfigDir: boolean;
}
export interface Suppressed {
    findings: Finding[];
    suppressed: SuppressedFinding[];
    summary: SuppressionSummary;
}
/** Applies the config allowlist and the baseline to what inline comments left. */
export declare function suppress(active: Finding[], inlineSuppressed: SuppressedFinding[], inlineUnused: UnusedSuppression[], options: SuppressOptions): Suppressed;
