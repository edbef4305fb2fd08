// One input → its findings, skips and errors, then what the report keeps of them (summarizeFile).
// Both run where the input was scanned, the main thread or a worker: only the summary crosses over.
import { confidenceRank } from './context.js';
import { detect, type AllowedValues } from './detect.js';
import { capList, compareFindings, createListing, findingCount, type Position } from './findings-cap.js';
import { MARKDOWN_PATH, trackFences } from './markdown-fences.js';
import { describeError, GuardTrip, readSource, readStream, type SourceItem, type SourceLimits } from './sources/index.js';
import { withFingerprint } from './redact.js';
import { applyInline, createSuppressor, type Accepted, type SuppressionRules, type SuppressionUse } from './suppress.js';
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

async function consume(items: AsyncIterable<SourceItem>, display: string, engine: Engine): Promise<FileResult> {
  const result: FileResult = { findings: [], suppressed: [], unusedInline: [], skipped: [], errors: [], scanned: 0, bytes: 0 };
  const ruleIds = new Set(engine.rules.map((r) => r.id));
  // One failure can surface twice (in a member's stream, then in the archive around it): record it once.
  const seen = new Set<unknown>();
  const record = (err: unknown, path: string) => {
    if (seen.has(err)) return;
    seen.add(err);
    const message = describeError(err);
    if (err instanceof GuardTrip) result.skipped.push(err.skipped);
    else if (!result.errors.some((e) => e.message === message)) result.errors.push({ path, message });
  };
  try {
    for await (const item of items) {
      if (item.kind === 'skipped') result.skipped.push(item.skipped);
      else if (item.kind === 'error') result.errors.push(item.error);
      else {
        try {
          const markdown = MARKDOWN_PATH.test(item.path) ? trackFences(item.chunks) : undefined;
          const out = await detect(markdown?.chunks ?? item.chunks, engine.rules, item.path, engine.allowed, engine.keepPerRule);
          const inline = applyInline(out.findings, out.allows, item.path, ruleIds, markdown?.inFence);
          // Not push(...list): a dump can hold more findings than a call has room for arguments.
          for (const f of inline.active) result.findings.push(f);
          for (const f of inline.suppressed) result.suppressed.push(f);
          for (const u of inline.unused) result.unusedInline.push(u);
          result.scanned++;
          result.bytes += out.bytes;
        } catch (err) {
          record(err, item.path);
        }
      }
    }
  } catch (err) {
    record(err, display);
  }
  return result;
}

export function scanFile(abs: string, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult> {
  return consume(readSource(abs, display, limits), display, engine);
}

export function scanStream(input: AsyncIterable<Buffer>, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult> {
  return consume(readStream(input, display, limits), display, engine);
}

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
export function createSummarizer(listing: Listing): (result: FileResult, bounds: ListingBounds) => FileSummary {
  const minRank = confidenceRank(listing.minConfidence);
  const confident = (f: EngineFinding) => confidenceRank(f.confidence) >= minRank;
  const suppress = createSuppressor(listing.suppression);
  // A report lists a few thousand of a dump's findings: only those get their fingerprints here.
  const list = <T extends EngineFinding>(entries: T[], bound: Position | undefined): Array<T & { fingerprint: string }> => {
    const listed = createListing<T>(listing.budget, bound);
    for (const entry of capList(entries, listing.cap)) listed.add(entry);
    return listed.entries().map(withFingerprint);
  };
  return ({ findings: found, suppressed: inline, ...rest }, bounds) => {
    const { findings, suppressed, use } = suppress(found.filter(confident), inline.filter(confident));
    findings.sort(compareFindings);
    suppressed.sort(compareFindings);
    const totals: FindingTotals = { findings: 0, suppressed: 0, byRule: {}, firstOf: {}, bySeverity: { error: 0, warning: 0, info: 0 }, files: 0 };
    let path: string | undefined;
    for (const f of findings) {
      if (f.path !== path) totals.files++; // sorted: a path's findings come together
      path = f.path;
      const n = findingCount(f);
      totals.findings += n;
      if (totals.byRule[f.ruleId] === undefined) totals.firstOf[f.ruleId] = { path: f.path, line: f.line, column: f.column, ruleId: f.ruleId, severity: f.severity };
      totals.byRule[f.ruleId] = (totals.byRule[f.ruleId] ?? 0) + n;
      totals.bySeverity[f.severity] += n;
    }
    for (const f of suppressed) totals.suppressed += findingCount(f);
    return { ...rest, findings: list(findings, bounds.findings), suppressed: list(suppressed, bounds.suppressed), totals, use };
  };
}
