export type Severity = 'error' | 'warning' | 'info';
export type FailOn = Severity | 'never';
export type Confidence = 'high' | 'medium' | 'low';
export type MaskStyle = 'email' | 'last4';
/** A rule as written in rules/<id>.json or in a user's config (validated by rules/rule.schema.json). */
export interface RuleSpec {
    id: string;
    name: string;
    description: string;
    severity: Severity;
    /** JavaScript regular expression source, matched against text decoded as latin1 (1 char = 1 byte). */
    pattern: string;
    /** Extra regex flags (only `i` is allowed; the engine adds `g` and `d`). */
    flags?: string;
    /** Index or name of the capture group holding the value; 0 = whole match. */
    group?: number | string;
    /** Literal strings of which at least one must occur in a window before the pattern runs. */
    prefilter?: string[];
    /** Words that, near a candidate, raise confidence. */
    context?: string[];
    /** Name of a validator in src/validators (checksums live in code). */
    validator?: string;
    /** Known non-PII values (issuer test numbers, advertising SSNs), compared after normalisation. */
    allow?: string[];
    mask?: MaskStyle;
    help: string;
    tags: string[];
    /** GitHub code scanning security-severity, 0.0–10.0. */
    securitySeverity?: number;
    examples: {
        match: Array<{
            text: string;
            value: string;
        }>;
        noMatch: string[];
    };
}
/** A rule ready to run: pattern compiled, validator resolved. */
export interface CompiledRule {
    spec: RuleSpec;
    id: string;
    severity: Severity;
    regex: RegExp;
    group: number | string;
    prefilter: string[] | undefined;
    validate: (value: string) => boolean;
    allow: Set<string>;
    normalize: (value: string) => string;
    mask: (value: string) => string;
    /** Where the rule came from (a file path or 'config'), for error messages. */
    source: string;
}
/** Settings validators need from configuration. */
export interface ValidatorSettings {
    /** Email domains that are never PII: exact names or `*.suffix`. */
    allowEmailDomains: string[];
    /** ISO 3166 regions whose national phone formats are recognised (E.164 numbers are always). */
    phoneRegions: string[];
}
export interface Finding {
    ruleId: string;
    severity: Severity;
    /** Display path, relative to the working directory, `/`-separated; archive members as `a.zip!dir/b.csv`. */
    path: string;
    /** 1-based; columns count UTF-16 code units (SARIF `utf16CodeUnits`). */
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    /** Masked value, e.g. `***-**-6789`; never the raw match. */
    masked: string;
    /** Stable identifier that cannot be reversed to the value: see redact.ts. */
    fingerprint: string;
    /** Byte offset and length in the (decompressed) text stream; for the engine, never printed in reports. */
    offset: number;
    length: number;
}
export type SkipReason = 'binary' | 'too-large' | 'symlink' | 'archive-depth' | 'archive-ratio' | 'archive-size' | 'archive-entries' | 'archive-path' | 'unsupported';
export interface Skipped {
    path: string;
    reason: SkipReason;
    detail: string;
}
/** An input that could not be scanned: the run cannot pass. */
export interface ScanError {
    path: string;
    message: string;
}
export interface ScanStats {
    filesScanned: number;
    bytesScanned: number;
    findings: number;
    byRule: Record<string, number>;
    bySeverity: Record<Severity, number>;
    skipped: number;
    errors: number;
    durationMs: number;
}
export interface ScanResult {
    findings: Finding[];
    skipped: Skipped[];
    errors: ScanError[];
    stats: ScanStats;
    rules: RuleSpec[];
}
export declare const SEVERITY_RANK: Record<Severity, number>;
