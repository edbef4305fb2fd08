// Findings at scale: a leaked dump yields hundreds of thousands of findings of one rule in one file,
// a folder of logs millions over thousands of files. Reports list the first `cap` findings per file
// and rule; the first one left out stands for all the rest as an aggregate carrying their count. On
// top of that a report lists at most LISTED_BUDGET findings in all, the most severe first: the others
// fold into one aggregate per rule, so memory stays flat whatever the input. Applied after
// suppressions, file by file as results arrive; the verdict and the totals in stats count every finding.
import type { EngineFinding, Finding } from './types.js';

/** A finding with or without its fingerprint: what caps and listings look at. */
type Listable = Omit<Finding, 'fingerprint'>;

export const DEFAULT_FINDINGS_CAP = 100;

/**
 * Findings (and, apart, accepted ones) a capped report lists in all: GitHub code scanning keeps at
 * most 5,000 results per SARIF run (and rejects runs over 25,000), and no one reads further in a
 * terminal. `--findings-cap 0` lifts it with the per-file cap.
 */
export const LISTED_BUDGET = 5_000;

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

/**
 * Collects one stream's findings, keeping `limit` per rule whole and counting the rest. The engine
 * builds a finding only where `admit` says it is kept or starts the aggregate, then hands it to `keep`:
 * it skips masking and locating the hundreds of thousands of matches a big dump has past the limit.
 */
export class FindingsLimit {
  private readonly kept: EngineFinding[] = [];
  private readonly counts = new Map<string, number>();
  private readonly aggregates = new Map<string, EngineFinding & { aggregate: { count: number } }>();
  /** What the last admit() said the next keep() gets: a finding kept whole, or one that starts its rule's aggregate. */
  private startsAggregate = false;

  constructor(private readonly limit: number) {}

  admit(ruleId: string): boolean {
    const n = (this.counts.get(ruleId) ?? 0) + 1;
    this.counts.set(ruleId, n);
    this.startsAggregate = this.limit !== 0 && n > this.limit;
    if (!this.startsAggregate) return true;
    const aggregate = this.aggregates.get(ruleId);
    if (aggregate === undefined) return true;
    aggregate.aggregate.count++;
    return false;
  }

  /** The finding admit() just let in. */
  keep(finding: EngineFinding): void {
    if (!this.startsAggregate) this.kept.push(finding);
    else {
      // The finding itself becomes the aggregate: a copy by spread, of findings of every shape (with
      // a table or a listed value, or none), deoptimised the engine's loop it is inlined in each time.
      const first = finding as EngineFinding & { aggregate: { count: number } };
      first.aggregate = { count: 1 };
      this.aggregates.set(finding.ruleId, first);
    }
  }

  findings(): EngineFinding[] {
    return [...this.kept, ...this.aggregates.values()];
  }
}

/** A finding's place in report order and in the order a budget is spent: what the comparisons look at. */
export type Position = Pick<Finding, 'path' | 'line' | 'column' | 'ruleId' | 'severity'>;

/** Report order: path, line, column, rule. */
export function compareFindings(a: Position, b: Position): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

const SEVERITY_RANK: Record<Finding['severity'], number> = { error: 0, warning: 1, info: 2 };

/**
 * The order a report's budget is spent in: errors, then warnings, then notes, each in report order.
 * A dump's hundred thousand IP-address warnings must not push its SSNs out of the report.
 */
function compareForListing(a: Position, b: Position): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || compareFindings(a, b);
}

/** `findings` sorted by path (then position); per path and rule, the first `cap` plus one aggregate. */
export function capList<T extends Listable>(findings: T[], cap: number): T[] {
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

export interface Listing<T extends Listable> {
  add(entry: T): void;
  /** Once the budget is full: the last entry listed so far (in listing order). An entry after it will not be listed. */
  bound(): Position | undefined;
  /** The first `budget` entries in listing order, then one aggregate per rule for all the others, in report order. */
  entries(): T[];
}

/**
 * Keeps the first `budget` entries in listing order (most severe first, then report order), whatever
 * order they arrive in, and folds every other one into its rule's aggregate, which sits where the
 * first of them sits (a rule has one severity, so its folded findings are those after that place).
 * Entries after `bound` (a listing elsewhere is already full up to there) are folded at once.
 * `budget` 0 keeps everything.
 */
export function createListing<T extends Listable>(budget: number, bound?: Position): Listing<T> {
  const listed: T[] = [];
  const rest = new Map<string, T>();
  let last = bound;
  const fold = (entry: T) => {
    const aggregate = rest.get(entry.ruleId);
    const count = findingCount(entry);
    if (aggregate === undefined || compareFindings(entry, aggregate) < 0) {
      rest.set(entry.ruleId, { ...entry, aggregate: { count: count + (aggregate ? findingCount(aggregate) : 0), acrossFiles: true } });
    } else aggregate.aggregate!.count += count;
  };
  // Sorting once per `budget / 4` arrivals, not per arrival: at most 1.25 times the budget is held.
  const trim = () => {
    listed.sort(compareForListing);
    if (budget === 0 || listed.length <= budget) return;
    for (let i = budget; i < listed.length; i++) fold(listed[i]!);
    listed.length = budget;
    const { path, line, column, ruleId, severity } = listed[budget - 1]!;
    last = { path, line, column, ruleId, severity };
  };
  return {
    add(entry) {
      if (last !== undefined && compareForListing(entry, last) > 0) return fold(entry);
      listed.push(entry);
      if (budget > 0 && listed.length >= budget + Math.ceil(budget / 4)) trim();
    },
    bound: () => last,
    entries() {
      trim();
      return [...listed.sort(compareFindings), ...[...rest.values()].sort(compareFindings)];
    },
  };
}

/**
 * The words reporters add to an aggregate, e.g. `4321 us-ssn findings from here on, listed as one
 * (findings cap)`; past the report's budget, the findings from here on span the files after this one.
 */
export function aggregateNote(f: Finding): string | undefined {
  if (f.aggregate?.acrossFiles) return `${f.aggregate.count} ${f.ruleId} findings from here on, in this file and the ones after it, listed as one (a report lists ${LISTED_BUDGET} in all)`;
  return f.aggregate && `${f.aggregate.count} ${f.ruleId} findings from here on, listed as one (findings cap)`;
}

/** How many findings a listed finding stands for (an aggregate, all it counts). */
export function findingCount(f: Pick<Finding, 'aggregate'>): number {
  return f.aggregate?.count ?? 1;
}
