// `piiguard merge`: the reports of N shard jobs → one report, as if one job had scanned everything.
// SARIF: one run with the union of rules (by id), every result (ruleIndex renumbered), the distinct
// notifications and summed stats. JSON: findings, suppressed findings, skips and errors concatenated,
// stats and suppression counts summed. Pure: texts in, text out; the CLI reads and writes the files.
import type * as Sarif from 'sarif';
import { UsageError } from './errors.js';
import { JSON_REPORT_VERSION } from './reporters/json.js';
import { UNUSED_ALLOWLIST } from './reporters/sarif.js';
import { compareFindings } from './scan.js';
import type { Finding, ScanError, Skipped, SuppressionSummary, UnusedSuppression } from './types.js';

export interface ReportFile {
  name: string;
  text: string;
}

export interface Merged {
  format: 'sarif' | 'json';
  text: string;
  findings: number;
}

interface JsonReport {
  version: number;
  tool: { name: string; version: string };
  findings: Finding[];
  suppressed?: Finding[];
  suppressions?: SuppressionSummary;
  skipped: Skipped[];
  errors: ScanError[];
  stats: Record<string, unknown>;
}

type Parsed = { name: string; format: 'sarif'; log: Sarif.Log } | { name: string; format: 'json'; report: JsonReport };

function parse(file: ReportFile): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(file.text);
  } catch {
    throw new UsageError(`${file.name}: not a JSON or SARIF report (not valid JSON)`);
  }
  const d = (data ?? {}) as { version?: unknown; runs?: unknown; findings?: unknown; tool?: { name?: unknown } };
  if (d.version === '2.1.0' && Array.isArray(d.runs)) {
    const runs = d.runs as Array<{ tool?: { driver?: { name?: unknown } } }>;
    if (runs.length === 0 || runs.some((run) => typeof run?.tool?.driver?.name !== 'string')) throw new UsageError(`${file.name}: SARIF log without a run naming its tool`);
    return { name: file.name, format: 'sarif', log: data as Sarif.Log };
  }
  if (d.version === JSON_REPORT_VERSION && Array.isArray(d.findings) && d.tool?.name === 'piiguard') return { name: file.name, format: 'json', report: data as JsonReport };
  throw new UsageError(`${file.name}: not a piiguard JSON report (version ${JSON_REPORT_VERSION}) or SARIF 2.1.0 log`);
}

/** Adds numbers key by key, recursing into plain objects (stats.byRule, stats.bySeverity); other values: a's. */
function sumStats<T extends object>(a: T, b: T): T {
  const sum = { ...a } as Record<string, unknown>;
  for (const [key, value] of Object.entries(b)) {
    const mine = sum[key];
    if (typeof value === 'number') sum[key] = (typeof mine === 'number' ? mine : 0) + value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) sum[key] = sumStats((mine ?? {}) as object, value as object);
    else if (!(key in sum)) sum[key] = value;
  }
  return sum as T;
}

function distinct<T>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * Every shard sees the whole config: an allowlist entry is unused only if no shard used it, and its
 * warnings repeat in every report. Inline comments and baseline entries belong to one file, so to one shard.
 */
function mergeSuppressions(all: SuppressionSummary[]): SuppressionSummary {
  const key = (u: UnusedSuppression) => `${u.where}\0${u.detail}`;
  const unusedIn = all.map((s) => new Set(s.unused.map(key)));
  const unused = distinct(all.flatMap((s) => s.unused)).filter((u) => u.by === 'inline' || unusedIn.every((set) => set.has(key(u))));
  const baselines = all.flatMap((s) => (s.baseline !== undefined ? [s.baseline] : []));
  return {
    counts: all.map((s) => s.counts).reduce(sumStats),
    unused,
    warnings: distinct(all.flatMap((s) => s.warnings)),
    ...(baselines.length > 0
      ? { baseline: { file: baselines[0]!.file, entries: baselines[0]!.entries, matched: baselines.reduce((n, b) => n + b.matched, 0), stale: baselines.flatMap((b) => b.stale) } }
      : {}),
  };
}

function byString<T>(key: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function sameTool(tools: Array<{ name: string; tool: string }>): void {
  const distinct = [...new Set(tools.map((t) => t.tool))];
  if (distinct.length > 1) {
    throw new UsageError(`reports come from different tools or versions (${distinct.join(', ')}): merge reports of one piiguard version`);
  }
}

/** The path a URI was encoded from (reporters/sarif.ts); a malformed one (not piiguard's) as it is. */
function decodedPath(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

function resultKey(r: Sarif.Result): [string, number, number, string] {
  const loc = r.locations?.[0]?.physicalLocation;
  // The report path again (PARENT2 + x → ../../x), so results sort as one scan's report does.
  const up = Number(/^PARENT(\d+)$/.exec(loc?.artifactLocation?.uriBaseId ?? '')?.[1] ?? 0);
  return ['../'.repeat(up) + decodedPath(loc?.artifactLocation?.uri ?? ''), loc?.region?.startLine ?? 0, loc?.region?.startColumn ?? 0, r.ruleId ?? ''];
}

function compareResults(a: Sarif.Result, b: Sarif.Result): number {
  const [ua, la, ca, ra] = resultKey(a);
  const [ub, lb, cb, rb] = resultKey(b);
  if (ua !== ub) return ua < ub ? -1 : 1;
  return la - lb || ca - cb || (ra < rb ? -1 : ra > rb ? 1 : 0);
}

function mergeSarif(logs: Array<{ name: string; log: Sarif.Log }>): Sarif.Log {
  const runs = logs.flatMap(({ log }) => log.runs);
  sameTool(logs.flatMap(({ name, log }) => log.runs.map((run) => ({ name, tool: `${run.tool.driver.name} ${run.tool.driver.version ?? ''}`.trim() }))));
  const first = runs[0]!;
  const rulesById = new Map<string, Sarif.ReportingDescriptor>();
  for (const run of runs) for (const rule of run.tool.driver.rules ?? []) if (!rulesById.has(rule.id)) rulesById.set(rule.id, rule);
  const rules = [...rulesById.values()].sort(byString((r) => r.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = runs
    .flatMap((run) =>
      (run.results ?? []).map((r) => {
        const ruleId = r.ruleId ?? run.tool.driver.rules?.[r.ruleIndex ?? -1]?.id ?? '';
        return { ...r, ruleId, ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId)! } : {}) };
      }),
    )
    .sort(compareResults);
  const invocations = runs.flatMap((run) => run.invocations ?? []);
  const run: Sarif.Run = {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules } },
    // A shard with no input outside the working directory has no PARENT bases (reporters/sarif.ts).
    originalUriBaseIds: Object.assign({}, ...runs.map((r) => r.originalUriBaseIds)),
    results,
    invocations: [
      {
        executionSuccessful: invocations.every((i) => i.executionSuccessful),
        // Config warnings repeat in every shard's report; an allowlist entry is unused only if no shard used it.
        toolExecutionNotifications: distinct(invocations.flatMap((i) => i.toolExecutionNotifications ?? [])).filter(
          (n) => n.properties?.[UNUSED_ALLOWLIST] !== true || invocations.every((i) => i.toolExecutionNotifications?.some((m) => m.message.text === n.message.text)),
        ),
      },
    ],
    properties: runs.map((r) => r.properties ?? {}).reduce(sumStats),
  };
  return { ...logs[0]!.log, runs: [run] };
}

function mergeJson(reports: Array<{ name: string; report: JsonReport }>): JsonReport {
  sameTool(reports.map(({ name, report }) => ({ name, tool: `${report.tool.name} ${report.tool.version}` })));
  const summaries = reports.flatMap(({ report }) => (report.suppressions !== undefined ? [report.suppressions] : []));
  return {
    version: JSON_REPORT_VERSION,
    tool: reports[0]!.report.tool,
    findings: reports.flatMap(({ report }) => report.findings).sort(compareFindings),
    suppressed: reports.flatMap(({ report }) => report.suppressed ?? []).sort(compareFindings),
    ...(summaries.length > 0 ? { suppressions: mergeSuppressions(summaries) } : {}),
    skipped: reports.flatMap(({ report }) => report.skipped).sort(byString((s) => s.path)),
    errors: reports.flatMap(({ report }) => report.errors).sort(byString((e) => e.path)),
    stats: reports.map(({ report }) => report.stats).reduce(sumStats),
  };
}

/** Throws UsageError when a file is not a report, formats are mixed, or tool versions differ. */
export function mergeReports(files: ReportFile[]): Merged {
  if (files.length === 0) throw new UsageError('merge needs at least one report (see piiguard --help)');
  const parsed = files.map(parse);
  const formats = [...new Set(parsed.map((p) => p.format))];
  if (formats.length > 1) throw new UsageError(`cannot merge SARIF with JSON reports: ${parsed.map((p) => `${p.name} is ${p.format}`).join(', ')}`);
  if (formats[0] === 'sarif') {
    const log = mergeSarif(parsed.flatMap((p) => (p.format === 'sarif' ? [p] : [])));
    return { format: 'sarif', text: JSON.stringify(log, null, 2) + '\n', findings: log.runs[0]!.results!.filter((r) => r.suppressions === undefined).length };
  }
  const report = mergeJson(parsed.flatMap((p) => (p.format === 'json' ? [p] : [])));
  return { format: 'json', text: JSON.stringify(report, null, 2) + '\n', findings: report.findings.length };
}
