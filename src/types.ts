// Shared types. Nothing here may carry raw match text: findings hold masked values only.

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
  /** What every finding is made of, so the engine can find candidate runs before running the pattern. */
  candidate?: CandidateSpec;
  /** Words that, as a key, column or nearby word, raise confidence (see src/context.ts). */
  context?: string[];
  /** Confidence of a validated match with no telling context; default `medium`. */
  confidence?: Confidence;
  /** `always`: report only with context; `bare`: only with context when written without separators. */
  requireContext?: 'always' | 'bare';
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
    match: Array<{ text: string; value: string }>;
    noMatch: string[];
  };
}

/**
 * A promise about every finding of a rule: it consists only of `chars` and holds at least `atLeast`
 * characters of `counts` (both regex character classes, e.g. `[0-9 ().+-]` and `[0-9]`). The engine
 * runs the pattern only around maximal runs of `chars` that keep the promise.
 */
export interface CandidateSpec {
  chars: string;
  counts: string;
  atLeast: number;
}

/** A CandidateSpec as lookup tables over latin1 codes (the engine's view of text). */
export interface CompiledCandidate {
  chars: Uint8Array;
  counts: Uint8Array;
  atLeast: number;
}

/** A rule ready to run: pattern compiled, validator resolved. */
export interface CompiledRule {
  spec: RuleSpec;
  id: string;
  severity: Severity;
  regex: RegExp;
  group: number | string;
  prefilter: string[] | undefined;
  candidate: CompiledCandidate | undefined;
  validate: (value: string) => boolean;
  allow: Set<string>;
  confidence: Confidence;
  requireContext: 'always' | 'bare' | undefined;
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
  confidence: Confidence;
  /** Why that confidence: the key, column or word it sits under (never the value). */
  reason: string;
  /** Where structured data says it sits: SQL table, and column or key name. */
  table?: string;
  field?: string;
  /** Byte offset and length in the (decompressed) text stream; for the engine, never printed in reports. */
  offset: number;
  length: number;
  /** Engine only: config allowlist entries (by index) whose value equals this match once normalised. */
  listedValue?: number[];
  /**
   * Set when the findings cap was reached: this finding is the first of its rule in this file that
   * was not listed, and `count` says how many it stands for (itself included). `acrossFiles`: past
   * the report's budget (findings-cap.ts LISTED_BUDGET), it stands for its rule's findings in this
   * file and all the files after it.
   */
  aggregate?: { count: number; acrossFiles?: true };
}

/**
 * A finding as the engine makes it: instead of the fingerprint, the occurrence number of its masked
 * value (per rule, in stream order) that goes into it. A dump yields hundreds of thousands of findings
 * and a report lists a few thousand: the fingerprint is worked out (redact.ts withFingerprint) only
 * for the findings a report lists and, when there is a baseline, for those it compares.
 */
export type EngineFinding = Omit<Finding, 'fingerprint'> & { occurrence: number };

/** Why a finding does not count. `kind` is SARIF's: in the scanned file, or outside it. */
export interface Suppression {
  kind: 'inSource' | 'external';
  by: SuppressedBy;
  justification: string;
}
export type SuppressedBy = 'inline' | 'allowlist' | 'baseline';

export interface SuppressedFinding extends Finding {
  suppression: Suppression;
}

/** A `piiguard:allow` comment, as the engine saw it. */
export interface AllowDirective {
  line: number;
  /** Rule ids it names; empty = every rule. */
  rules: string[];
  /** Nothing but comment punctuation before it on its line: it also covers the next line. */
  coversNextLine: boolean;
}

/** An inline comment or allowlist entry that suppressed nothing in this run. */
export interface UnusedSuppression {
  by: 'inline' | 'allowlist';
  /** `path:line` or `.piiguard.json allowlist[i]`. */
  where: string;
  detail: string;
}

/** One accepted finding in a baseline file: nothing the report does not already show. */
export interface BaselineEntry {
  ruleId: string;
  path: string;
  masked: string;
  fingerprint: string;
}

export interface SuppressionSummary {
  counts: Record<SuppressedBy, number>;
  unused: UnusedSuppression[];
  /** Expired allowlist entries and other problems with suppressions; the run goes on. */
  warnings: string[];
  baseline?: {
    file: string;
    entries: number;
    matched: number;
    /** Entries for scanned inputs that match no finding any more: prune them. */
    stale: BaselineEntry[];
  };
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
  /** Exact total, aggregated findings included; `byRule` and `bySeverity` count the same way. */
  findings: number;
  /** Findings that inline comments, the allowlist or the baseline accepted (not in `findings`). */
  suppressed: number;
  /** Entries in `findings` (past the findings cap, one aggregate stands for many). */
  findingsListed: number;
  byRule: Record<string, number>;
  bySeverity: Record<Severity, number>;
  skipped: number;
  errors: number;
  durationMs: number;
}

export interface ScanResult {
  /** Findings that count (fail the run). */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  suppressions: SuppressionSummary;
  skipped: Skipped[];
  errors: ScanError[];
  stats: ScanStats;
  /** Paths with findings that count (archive members apart), listed or not. */
  filesWithFindings: number;
  rules: RuleSpec[];
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
