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
import type { AllowDirective, BaselineEntry, CompiledRule, Finding, SuppressedFinding, SuppressionSummary, UnusedSuppression } from './types.js';

export interface InlineResult {
  active: Finding[];
  suppressed: SuppressedFinding[];
  unused: UnusedSuppression[];
}

/** Applies one stream's `piiguard:allow` comments to its findings. */
export function applyInline(findings: Finding[], allows: AllowDirective[], streamPath: string, ruleIds: ReadonlySet<string>): InlineResult {
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
    if (used.has(i)) return;
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

function describeEntry(entry: AllowlistEntry): string {
  const parts = [
    entry.paths && `paths ${entry.paths.join(', ')}`,
    entry.rules && `rules ${entry.rules.join(', ')}`,
    entry.values && `${entry.values.length} value${entry.values.length === 1 ? '' : 's'}`,
  ].filter(Boolean);
  return `${parts.join('; ')}${entry.reason !== undefined ? ` — ${entry.reason}` : ''}`;
}

/** `a/b.zip!m.csv` relative to the config folder, as the archive and as the member. */
function configRelative(findingPath: string, options: SuppressOptions): string[] {
  const bang = findingPath.indexOf('!');
  const outer = bang < 0 ? findingPath : findingPath.slice(0, bang);
  const rel = path.relative(options.configDir, path.resolve(options.cwd, outer)).split(path.sep).join('/');
  return bang < 0 ? [rel] : [rel, rel + findingPath.slice(bang)];
}

/** Applies the config allowlist and the baseline to what inline comments left. */
export function suppress(active: Finding[], inlineSuppressed: SuppressedFinding[], inlineUnused: UnusedSuppression[], options: SuppressOptions): Suppressed {
  const label = (entry: AllowlistEntry) => `${options.configLabel} allowlist[${entry.index}]`;
  const warnings: string[] = [];
  const inForce = activeEntries(options.allowlist, options.today);
  for (const entry of options.allowlist) {
    if (!inForce.includes(entry)) warnings.push(`${label(entry)} expired on ${entry.expires} and no longer suppresses (${describeEntry(entry)})`);
    for (const id of entry.rules ?? []) if (!options.ruleIds.has(id)) warnings.push(`${label(entry)} names rule "${id}", which is not in effect`);
  }
  const matchers = inForce.map((entry) => {
    const glob = entry.paths && picomatch(entry.paths, { dot: true });
    // A dump yields many findings per path: resolve and match each path once.
    const pathVerdicts = new Map<string, boolean>();
    const pathMatches = (findingPath: string): boolean => {
      let verdict = pathVerdicts.get(findingPath);
      if (verdict === undefined) pathVerdicts.set(findingPath, (verdict = configRelative(findingPath, options).some((p) => glob!(p))));
      return verdict;
    };
    return (f: Finding) =>
      (entry.rules === undefined || entry.rules.includes(f.ruleId)) &&
      (entry.values === undefined || (f.listedValue?.includes(entry.index) ?? false)) &&
      (glob === undefined || pathMatches(f.path));
  });

  const used = new Set<number>();
  const baselined = new Set(options.baseline?.entries.map((e) => e.fingerprint));
  const findings: Finding[] = [];
  const suppressed = [...inlineSuppressed];
  for (const f of active) {
    const i = matchers.findIndex((matches) => matches(f));
    if (i >= 0) {
      used.add(i);
      const entry = inForce[i]!;
      suppressed.push({ ...f, suppression: { kind: 'external', by: 'allowlist', justification: entry.reason ?? `${label(entry)} (${describeEntry(entry)})` } });
    } else if (baselined.has(f.fingerprint)) {
      suppressed.push({ ...f, suppression: { kind: 'external', by: 'baseline', justification: `accepted in baseline ${options.baseline!.file}` } });
    } else {
      findings.push(f);
    }
  }

  const unused = [
    ...inlineUnused,
    ...inForce.filter((_, i) => options.coversConfigDir && !used.has(i)).map((entry) => ({ by: 'allowlist' as const, where: label(entry), detail: `suppressed nothing (${describeEntry(entry)})` })),
  ];
  const counts = { inline: 0, allowlist: 0, baseline: 0 };
  for (const s of suppressed) counts[s.suppression.by]++;
  const summary: SuppressionSummary = { counts, unused, warnings };
  if (options.baseline !== undefined) {
    const seen = new Set([...findings, ...suppressed].map((f) => f.fingerprint));
    const entries = options.baseline.entries;
    summary.baseline = {
      file: options.baseline.file,
      entries: entries.length,
      matched: entries.filter((e) => seen.has(e.fingerprint)).length,
      stale: entries.filter((e) => !seen.has(e.fingerprint) && options.scanned(e.path)),
    };
  }
  return { findings, suppressed, summary };
}
