// suppress(): the pipeline step after detect. Three ways to accept a finding, applied in this order,
// each counted and reported, never silently:
//   1. inline `piiguard:allow` comments (per stream, next to the value: SARIF kind inSource);
//   2. config allowlist entries (paths, rules, values; reason and expiry: kind external);
//   3. a baseline file of accepted fingerprints (kind external).
// Suppressions that suppressed nothing are listed so they can be removed.
import path from 'node:path';
import picomatch from 'picomatch';
import type { AllowlistEntry } from './config.js';
import type { AllowedValues } from './detect.js';
import { withFingerprint } from './redact.js';
import type { AllowDirective, BaselineEntry, CompiledRule, EngineFinding, Suppression, SuppressedBy, SuppressionSummary, UnusedSuppression } from './types.js';

/** A finding of the engine that a suppression accepted. */
export type Accepted = EngineFinding & { suppression: Suppression };

export interface InlineResult {
  active: EngineFinding[];
  suppressed: Accepted[];
  unused: UnusedSuppression[];
}

/**
 * Applies one stream's `piiguard:allow` comments to its findings. A comment on an `example` line (in a
 * Markdown code block, markdown-fences.ts) that suppresses nothing is not listed as unused.
 */
export function applyInline(findings: EngineFinding[], allows: AllowDirective[], streamPath: string, ruleIds: ReadonlySet<string>, example: (line: number) => boolean = () => false): InlineResult {
  if (allows.length === 0) return { active: findings, suppressed: [], unused: [] };
  const byLine = new Map<number, number[]>();
  allows.forEach((directive, i) => {
    for (const line of directive.coversNextLine ? [directive.line, directive.line + 1] : [directive.line]) {
      byLine.set(line, [...(byLine.get(line) ?? []), i]);
    }
  });
  const used = new Set<number>();
  const result: InlineResult = { active: [], suppressed: [], unused: [] };
  for (const f of findings) {
    const by = byLine.get(f.line)?.find((i) => allows[i]!.rules.length === 0 || allows[i]!.rules.includes(f.ruleId));
    if (by === undefined) {
      result.active.push(f);
      continue;
    }
    used.add(by);
    const comment = allows[by]!;
    result.suppressed.push({ ...f, suppression: { kind: 'inSource', by: 'inline', justification: `piiguard:allow comment on line ${comment.line}` } });
  }
  allows.forEach((directive, i) => {
    if (used.has(i) || example(directive.line)) return;
    const unknown = directive.rules.filter((id) => !ruleIds.has(id));
    const named = directive.rules.length > 0 ? ` ${directive.rules.join(' ')}` : '';
    const why = unknown.length > 0 ? ` (no rule ${unknown.map((id) => `"${id}"`).join(', ')} is in effect)` : '';
    result.unused.push({ by: 'inline', where: `${streamPath}:${directive.line}`, detail: `piiguard:allow${named} suppressed nothing${why}` });
  });
  return result;
}

/** Entries still in force on `today` (YYYY-MM-DD, UTC): an entry suppresses through its expiry day. */
export function activeEntries(allowlist: AllowlistEntry[], today: string): AllowlistEntry[] {
  return allowlist.filter((entry) => entry.expires === undefined || entry.expires >= today);
}

/** The value conditions of the allowlist, normalised per rule, for the engine to check matches against. */
export function allowedValues(rules: CompiledRule[], entries: AllowlistEntry[]): AllowedValues | undefined {
  const withValues = entries.filter((e) => e.values !== undefined);
  if (withValues.length === 0) return undefined;
  const byRule = new Map<string, Map<string, number[]>>();
  for (const rule of rules) {
    const values = new Map<string, number[]>();
    for (const entry of withValues) {
      if (entry.rules !== undefined && !entry.rules.includes(rule.id)) continue;
      for (const value of entry.values!) {
        const key = rule.normalize(value);
        values.set(key, [...(values.get(key) ?? []), entry.index]);
      }
    }
    if (values.size > 0) byRule.set(rule.id, values);
  }
  return byRule;
}

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

function describeEntry(entry: AllowlistEntry): string {
  const parts = [
    entry.paths && `paths ${entry.paths.join(', ')}`,
    entry.rules && `rules ${entry.rules.join(', ')}`,
    entry.values && `${entry.values.length} value${entry.values.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return `${parts.join('; ')}${entry.reason !== undefined ? ` — ${entry.reason}` : ''}`;
}

/** `a/b.zip!m.csv` relative to the config folder, as the archive and as the member. */
function configRelative(findingPath: string, rules: SuppressionRules): string[] {
  const bang = findingPath.indexOf('!');
  const outer = bang < 0 ? findingPath : findingPath.slice(0, bang);
  const rel = path.relative(rules.configDir, path.resolve(rules.cwd, outer)).split(path.sep).join('/');
  return bang < 0 ? [rel] : [rel, rel + findingPath.slice(bang)];
}

function entryLabel(entry: AllowlistEntry, rules: SuppressionRules): string {
  return `${rules.configLabel} allowlist[${entry.index}]`;
}

/**
 * Applies the config allowlist and the baseline to what inline comments left, one file at a time
 * (in whichever thread scanned it): returns what still counts, what was accepted, and what was used.
 * Only a baseline needs fingerprints: with one, every finding gets its fingerprint here.
 */
export function createSuppressor(rules: SuppressionRules): (active: EngineFinding[], inlineSuppressed: Accepted[]) => Suppressed {
  const inForce = activeEntries(rules.allowlist, rules.today);
  const matchers = inForce.map((entry) => {
    const glob = entry.paths && picomatch(entry.paths, { dot: true });
    // A dump yields many findings per path: resolve and match each path once.
    const pathVerdicts = new Map<string, boolean>();
    const pathMatches = (findingPath: string): boolean => {
      let verdict = pathVerdicts.get(findingPath);
      if (verdict === undefined) pathVerdicts.set(findingPath, (verdict = configRelative(findingPath, rules).some((p) => glob!(p))));
      return verdict;
    };
    return (f: EngineFinding) =>
      (entry.rules === undefined || entry.rules.includes(f.ruleId)) &&
      (entry.values === undefined || (f.listedValue?.includes(entry.index) ?? false)) &&
      (glob === undefined || pathMatches(f.path));
  });
  const baselined = new Set(rules.baseline?.entries.map((e) => e.fingerprint));
  const inBaseline = (f: EngineFinding) => baselined.size > 0 && baselined.has(withFingerprint(f).fingerprint);

  return (active, inlineSuppressed) => {
    const used = new Set<number>();
    const matched = new Set<string>();
    const findings: EngineFinding[] = [];
    const suppressed = [...inlineSuppressed];
    for (const f of active) {
      const i = matchers.findIndex((matches) => matches(f));
      if (i >= 0) {
        const entry = inForce[i]!;
        used.add(entry.index);
        suppressed.push({ ...f, suppression: { kind: 'external', by: 'allowlist', justification: entry.reason ?? `${entryLabel(entry, rules)} (${describeEntry(entry)})` } });
      } else if (inBaseline(f)) {
        suppressed.push({ ...f, suppression: { kind: 'external', by: 'baseline', justification: `accepted in baseline ${rules.baseline!.file}` } });
      } else {
        findings.push(f);
      }
    }
    const counts = { inline: 0, allowlist: 0, baseline: 0 };
    for (const f of suppressed) {
      counts[f.suppression.by]++;
      if (inBaseline(f)) matched.add(withFingerprint(f).fingerprint);
    }
    return { findings, suppressed, use: { allowlist: [...used], baseline: [...matched], counts } };
  };
}

/** Adds up what suppressions did file by file; `summary` then lists the unused ones and the warnings. */
export function createSuppressionTally(): { add(use: SuppressionUse): void; summary(inlineUnused: UnusedSuppression[], options: SuppressOptions): SuppressionSummary } {
  const used = new Set<number>();
  const matched = new Set<string>();
  const counts = { inline: 0, allowlist: 0, baseline: 0 };
  return {
    add(use) {
      for (const i of use.allowlist) used.add(i);
      for (const fingerprint of use.baseline) matched.add(fingerprint);
      for (const by of ['inline', 'allowlist', 'baseline'] as const) counts[by] += use.counts[by];
    },
    summary(inlineUnused, options) {
      const label = (entry: AllowlistEntry) => entryLabel(entry, options);
      const warnings: string[] = [];
      const inForce = activeEntries(options.allowlist, options.today);
      for (const entry of options.allowlist) {
        if (!inForce.includes(entry)) warnings.push(`${label(entry)} expired on ${entry.expires} and no longer suppresses (${describeEntry(entry)})`);
        for (const id of entry.rules ?? []) if (!options.ruleIds.has(id)) warnings.push(`${label(entry)} names rule "${id}", which is not in effect`);
      }
      const unused = [
        ...inlineUnused,
        ...inForce.filter((entry) => options.coversConfigDir && !used.has(entry.index)).map((entry) => ({ by: 'allowlist' as const, where: label(entry), detail: `suppressed nothing (${describeEntry(entry)})` })),
      ];
      const summary: SuppressionSummary = { counts: { ...counts }, unused, warnings };
      if (options.baseline !== undefined) {
        const entries = options.baseline.entries;
        summary.baseline = {
          file: options.baseline.file,
          entries: entries.length,
          matched: entries.filter((e) => matched.has(e.fingerprint)).length,
          stale: entries.filter((e) => !matched.has(e.fingerprint) && options.scanned(e.path)),
        };
      }
      return summary;
    },
  };
}
