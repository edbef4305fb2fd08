// Findings at scale: a leaked dump yields hundreds of thousands of findings of one rule in one file.
// Reports list the first `cap` findings per file and rule; the first one left out stands for all the
// rest as an aggregate carrying their count. Applied last, after suppressions, to what reports show:
// the verdict, the totals in stats and baselines always see every finding.
import type { Finding, ScanResult } from './types.js';

export const DEFAULT_FINDINGS_CAP = 100;

/**
 * Findings of one rule the engine keeps whole per stream (at least the cap): past that, a 2 GB dump
 * with millions of matches would not fit in memory, so the rest are only counted, into an aggregate.
 * Suppressions then apply to that aggregate as a whole (a baseline records it; inline comments and
 * allowlisted values further on do not reach inside it).
 */
const KEEP_PER_RULE = 10_000;

/** What the engine keeps per stream and rule for a findings cap; 0 (no cap) keeps everything. */
export function engineLimit(cap: number): number {
  return cap === 0 ? 0 : Math.max(cap, KEEP_PER_RULE);
}

/** Collects one stream's findings, keeping `limit` per rule whole and counting the rest. */
export function createFindingsLimit(limit: number): { add(finding: Finding): void; findings(): Finding[] } {
  const kept: Finding[] = [];
  const counts = new Map<string, number>();
  const aggregates = new Map<string, Finding & { aggregate: { count: number } }>();
  return {
    add(finding) {
      const n = (counts.get(finding.ruleId) ?? 0) + 1;
      counts.set(finding.ruleId, n);
      const aggregate = aggregates.get(finding.ruleId);
      if (limit === 0 || n <= limit) kept.push(finding);
      else if (aggregate) aggregate.aggregate.count++;
      else aggregates.set(finding.ruleId, { ...finding, aggregate: { count: 1 } });
    },
    findings: () => [...kept, ...aggregates.values()],
  };
}

/** `findings` sorted by path (then position); per path and rule, the first `cap` plus one aggregate. */
function capList<T extends Finding>(findings: T[], cap: number): T[] {
  if (cap === 0) return findings;
  const out: T[] = [];
  let path: string | undefined;
  const listed = new Map<string, number>();
  const aggregates = new Map<string, T & { aggregate: { count: number } }>();
  for (const f of findings) {
    if (f.path !== path) {
      path = f.path;
      listed.clear();
      aggregates.clear();
    }
    const n = (listed.get(f.ruleId) ?? 0) + 1;
    listed.set(f.ruleId, n);
    const aggregate = aggregates.get(f.ruleId);
    if (n <= cap) out.push(f);
    else if (aggregate) aggregate.aggregate.count += findingCount(f);
    else {
      const first = { ...f, aggregate: { count: findingCount(f) } };
      aggregates.set(f.ruleId, first);
      out.push(first);
    }
  }
  return out;
}

/** The result as reports show it: findings (and accepted ones) capped; stats keep the exact totals. */
export function capFindings(result: ScanResult, cap: number): ScanResult {
  const findings = capList(result.findings, cap);
  return { ...result, findings, suppressed: capList(result.suppressed, cap), stats: { ...result.stats, findingsListed: findings.length } };
}

/** The words reporters add to an aggregate, e.g. `4321 us-ssn findings from here on, listed as one (findings cap)`. */
export function aggregateNote(f: Finding): string | undefined {
  return f.aggregate && `${f.aggregate.count} ${f.ruleId} findings from here on, listed as one (findings cap)`;
}

/** How many findings a listed finding stands for (an aggregate, all it counts). */
export function findingCount(f: Finding): number {
  return f.aggregate?.count ?? 1;
}
