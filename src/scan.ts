// The pipeline: discover → read → detect → findings, over a pool of worker threads (one per core)
// when the input is big enough to pay for them. Output order never depends on scheduling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadConfig, sourceLimits, type ResolvedConfig } from './config.js';
import { discover, displayPath, selectInputs, type InputFile } from './discover.js';
import { loadRules } from './rules.js';
import { compareFindings, createListing, engineLimit, LISTED_BUDGET, type Position } from './findings-cap.js';
import { createSummarizer, scanFile, scanStream, type Engine, type FileSummary, type Listing, type ListingBounds } from './scan-file.js';
import { inShard, type Shard } from './shard.js';
import type { SourceLimits } from './sources/index.js';
import { listStaged, scanStaged } from './staged.js';
import { activeEntries, allowedValues, createSuppressionTally, type LoadedBaseline } from './suppress.js';
import type { CompiledRule, Finding, ScanResult, Severity, SuppressedFinding } from './types.js';
import type { WorkerInit, WorkerReply, WorkerRequest } from './worker.js';

export { compareFindings } from './findings-cap.js';

export interface ScanOptions {
  /** Files and folders to scan, relative to cwd. Ignored when `stdin` is given. */
  paths?: string[];
  cwd?: string;
  /** Defaults to the nearest .piiguard.json (or built-in defaults). */
  config?: ResolvedConfig;
  /** Defaults to the built-in rules with the config's overrides and custom rules. */
  rules?: CompiledRule[];
  /** Scan a byte stream instead of paths, reported under `name`. */
  stdin?: { stream: AsyncIterable<Buffer>; name: string };
  /** Worker threads; default: one per core for large inputs, none for a few small files. */
  workers?: number;
  /** Accepted findings (see baseline.ts): they are reported as suppressed, not as findings. */
  baseline?: LoadedBaseline;
  /** The clock for allowlist expiry; default: now. */
  now?: Date;
  /** Scan the files staged for commit, as the git index holds them, instead of `paths`. */
  staged?: boolean;
  /** Keep only this shard of the inputs (a CI matrix job's part). */
  shard?: Shard;
  /**
   * List what a report shows: the config's findingsCap per file and rule, and LISTED_BUDGET in all
   * (runScan's default), so memory stays flat. Otherwise every finding the engine keeps is listed (a
   * baseline records them all; JSON lists them unless given a cap) and memory grows with them.
   */
  capped?: boolean;
}

// Below this much input, starting workers costs more than it saves (pre-commit runs).
const WORKER_THRESHOLD_BYTES = 8 << 20;
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));
// A worker's short-lived garbage (chunks, windows' strings, hits) must die young: with 8 MB, windows
// still in use at a scavenge were promoted and piled up in the old generation (a worker scanning a
// 256 MiB dump and a 100 MiB log peaked at 275 MB RSS); with 16 MB, 174 MB and 12% less CPU.
const WORKER_YOUNG_GENERATION_MB = 16;
// V8 lets an old generation grow to a first limit of hundreds of MB before collecting it: on the bench
// corpus each worker's heap reached 180 MB, mostly dead findings of earlier files, while what it held
// alive stayed under 40 MB. With this cap V8 collects from about half of it on (peak RSS 436 → 285 MB).
// Only a capped scan's workers get it (what they keep alive is bounded per stream); an input that still
// needs more (an archive whose members hold hundreds of thousands of findings) ends its worker, and is
// scanned again in a worker without the cap: nothing is lost, only memory is not flat while it is.
const WORKER_OLD_GENERATION_MB = 128;
// A worker waited for main to answer each file (0.5 ms, 5 s of a 60 s scan of 20,000 files): small files
// go out in batches of at most this many files and bytes (a batch at the end is a fraction of a second).
const BATCH_FILES = 64;
const BATCH_BYTES = 1 << 20;

/** Each file's size (0 when it cannot be read: scanFile reports that), for choosing workers and the order. */
function sizesOf(files: InputFile[]): number[] {
  return files.map((f) => fs.statSync(f.abs, { throwIfNoEntry: false })?.size ?? 0);
}

/**
 * Folds each input's summary into the scan as it arrives, in any order: totals add up, the listings
 * keep their budget, and what must stay in input order (skips, errors, unused comments) keeps it.
 */
function createTally(budget: number) {
  const findings = createListing<Finding>(budget);
  const suppressed = createListing<SuppressedFinding>(budget);
  const suppressions = createSuppressionTally();
  const inputs: Array<Pick<FileSummary, 'skipped' | 'errors' | 'unusedInline'>> = [];
  const totals = { findings: 0, suppressed: 0, files: 0, scanned: 0, bytes: 0 };
  const byRule = new Map<string, { count: number; first: Position }>();
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  return {
    bounds: (): ListingBounds => ({ findings: findings.bound(), suppressed: suppressed.bound() }),
    add(index: number, summary: FileSummary): void {
      const { skipped, errors, unusedInline, totals: t } = summary;
      if (skipped.length + errors.length + unusedInline.length > 0) inputs[index] = { skipped, errors, unusedInline };
      for (const f of summary.findings) findings.add(f);
      for (const f of summary.suppressed) suppressed.add(f);
      suppressions.add(summary.use);
      totals.findings += t.findings;
      totals.suppressed += t.suppressed;
      totals.files += t.files;
      totals.scanned += summary.scanned;
      totals.bytes += summary.bytes;
      for (const [id, count] of Object.entries(t.byRule)) {
        const rule = byRule.get(id);
        const first = t.firstOf[id]!;
        if (rule === undefined) byRule.set(id, { count, first });
        else {
          rule.count += count;
          if (compareFindings(first, rule.first) < 0) rule.first = first;
        }
      }
      for (const severity of ['error', 'warning', 'info'] as const) bySeverity[severity] += t.bySeverity[severity];
    },
    inputs: () => inputs.filter((input) => input !== undefined),
    findings: () => findings.entries(),
    suppressed: () => suppressed.entries(),
    suppressions,
    totals,
    /** Counts per rule, rules in the order their first findings come in the report. */
    byRule: () => Object.fromEntries([...byRule].sort(([, a], [, b]) => compareFindings(a.first, b.first)).map(([id, rule]) => [id, rule.count])),
    bySeverity,
  };
}
type Tally = ReturnType<typeof createTally>;

async function scanInProcess(files: InputFile[], engine: Engine, limits: SourceLimits, listing: Listing, tally: Tally): Promise<void> {
  const summarize = createSummarizer(listing);
  for (const [i, f] of files.entries()) tally.add(i, summarize(await scanFile(f.abs, f.display, engine, limits), tally.bounds()));
}

/** Hands files to workers a batch at a time, as each finishes the last. */
async function scanInWorkers(files: InputFile[], sizes: number[], engine: Engine, config: ResolvedConfig, count: number, listing: Listing, tally: Tally): Promise<void> {
  const init: WorkerInit = {
    rules: engine.rules.map((r) => ({ spec: r.spec, source: r.source, severity: r.severity })),
    allowed: engine.allowed,
    keepPerRule: engine.keepPerRule,
    settings: config.settings,
    limits: sourceLimits(config),
    listing,
  };
  // Largest first, so a big dump does not start last and leave one core idle at the end.
  const order = files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!);
  let next = 0;
  /** The next files to hand out: small ones go together, as a worker waits for each request. */
  const batch = (): number[] => {
    const ids: number[] = [];
    for (let bytes = 0; next < files.length && ids.length < BATCH_FILES && (ids.length === 0 || bytes + sizes[order[next]!]! <= BATCH_BYTES); next++) {
      ids.push(order[next]!);
      bytes += sizes[order[next]!]!;
    }
    return ids;
  };
  const request = (ids: number[]): WorkerRequest => ({ files: ids.map((id) => ({ id, abs: files[id]!.abs, display: files[id]!.display })), bounds: tally.bounds() });
  const laneMb = listing.cap > 0 ? WORKER_OLD_GENERATION_MB : undefined;
  const started: Worker[] = [];
  const start = (oldGenerationMb: number | undefined): Worker => {
    const resourceLimits = { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB, ...(oldGenerationMb !== undefined ? { maxOldGenerationSizeMb: oldGenerationMb } : {}) };
    const worker = new Worker(WORKER_FILE, { workerData: init, resourceLimits });
    started.push(worker);
    return worker;
  };
  try {
    await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<void>((resolve, reject) => {
            // One worker at a time serves this lane; `unanswered` are the files of its request it has not answered yet.
            const serve = (oldGenerationMb: number | undefined, first: number[]) => {
              const worker = start(oldGenerationMb);
              let unanswered: number[] = [];
              const send = (ids: number[]) => {
                if (ids.length === 0) return resolve();
                unanswered = ids;
                worker.postMessage(request(ids));
              };
              worker.on('message', (reply: WorkerReply) => {
                for (const { id, summary } of reply.summaries) tally.add(id, summary);
                unanswered = unanswered.slice(reply.summaries.length);
                if (!reply.done) return;
                const ids = batch();
                if (ids.length === 0 || oldGenerationMb === laneMb) return send(ids);
                // The uncapped worker only rescans what outgrew the cap; the lane goes on capped.
                void worker.terminate();
                serve(laneMb, ids);
              });
              worker.on('error', (err: Error & { code?: string }) => {
                if (err.code === 'ERR_WORKER_OUT_OF_MEMORY' && oldGenerationMb !== undefined) serve(undefined, unanswered);
                else reject(err);
              });
              send(first.length > 0 ? first : batch());
            };
            serve(laneMb, []);
          }),
      ),
    );
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? loadConfig({ cwd });
  const rules = options.rules ?? (await loadRules({ settings: config.settings, extra: config.customRules, overrides: config.ruleOverrides }));
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const engine: Engine = { rules, allowed: allowedValues(rules, activeEntries(config.allowlist, today)), keepPerRule: engineLimit(config.findingsCap) };
  const cap = options.capped ? config.findingsCap : 0;
  const suppression = {
    allowlist: config.allowlist,
    configLabel: config.file !== undefined ? displayPath(cwd, config.file) : 'config',
    configDir: config.dir,
    cwd,
    today,
    ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
  };
  // The aggregates (one per rule at most) are entries of the report too: with them, it lists LISTED_BUDGET.
  const listing: Listing = { minConfidence: config.minConfidence, suppression, cap, budget: cap === 0 ? 0 : LISTED_BUDGET - rules.length };
  const tally = createTally(listing.budget);

  const shard = (display: string) => options.shard === undefined || inShard(display, options.shard);
  let discovery = { files: [] as InputFile[], skipped: [] as ScanResult['skipped'], errors: [] as ScanResult['errors'] };
  if (options.stdin) {
    tally.add(0, createSummarizer(listing)(await scanStream(options.stdin.stream, options.stdin.name, engine, sourceLimits(config)), tally.bounds()));
  } else if (options.staged) {
    const staged = selectInputs(await listStaged(cwd), config).filter((f) => shard(f.display));
    discovery.files = staged;
    const summarize = createSummarizer(listing);
    for (const [i, result] of (await scanStaged(staged, cwd, engine, sourceLimits(config))).entries()) tally.add(i, summarize(result, tally.bounds()));
  } else {
    const found = await discover(options.paths ?? ['.'], cwd, config);
    discovery = { files: found.files.filter((f) => shard(f.display)), skipped: found.skipped.filter((s) => shard(s.path)), errors: found.errors.filter((e) => shard(e.path)) };
    const files = discovery.files;
    const sizes = sizesOf(files);
    const wanted = options.workers ?? (files.length > 1 && sizes.reduce((sum, n) => sum + n, 0) >= WORKER_THRESHOLD_BYTES ? os.availableParallelism() : 0);
    const count = Math.min(wanted, files.length);
    if (count > 0 && fs.existsSync(WORKER_FILE)) await scanInWorkers(files, sizes, engine, config, count, listing, tally);
    else await scanInProcess(files, engine, sourceLimits(config), listing, tally);
  }

  const inputs = tally.inputs();
  const skipped = [...discovery.skipped, ...inputs.flatMap((r) => r.skipped)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const errors = [...discovery.errors, ...inputs.flatMap((r) => r.errors)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const outer = (p: string) => p.split('!', 1)[0]!;
  const unseen = new Set([...skipped, ...errors].map((s) => outer(s.path)));
  const scannedInputs = new Set(options.stdin ? [options.stdin.name] : discovery.files.map((f) => f.display));
  const suppressions = tally.suppressions.summary(
    inputs.flatMap((r) => r.unusedInline),
    {
      ...suppression,
      ruleIds: new Set(rules.map((r) => r.id)),
      scanned: (p) => scannedInputs.has(outer(p)) && !unseen.has(outer(p)),
      coversConfigDir: !options.stdin && !options.staged && (options.paths ?? ['.']).some((p) => !path.relative(path.resolve(cwd, p), config.dir).startsWith('..')),
    },
  );
  const findings = tally.findings();
  const totals = tally.totals;
  return {
    findings,
    suppressed: tally.suppressed(),
    suppressions,
    skipped,
    errors,
    rules: rules.map((r) => ({ ...r.spec, severity: r.severity })),
    filesWithFindings: totals.files,
    stats: {
      filesScanned: totals.scanned,
      bytesScanned: totals.bytes,
      findings: totals.findings,
      findingsListed: findings.length,
      suppressed: totals.suppressed,
      byRule: tally.byRule(),
      bySeverity: tally.bySeverity,
      skipped: skipped.length,
      errors: errors.length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
