// The pipeline: discover → read → detect → findings, over a pool of worker threads (one per core)
// when the input is big enough to pay for them. Output order never depends on scheduling.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadConfig, sourceLimits, type ResolvedConfig } from './config.js';
import { confidenceRank } from './context.js';
import { discover, displayPath, selectInputs, type InputFile } from './discover.js';
import { loadRules } from './rules.js';
import { engineLimit, findingCount } from './findings-cap.js';
import { scanFile, scanStream, type Engine, type FileResult } from './scan-file.js';
import { inShard, type Shard } from './shard.js';
import type { SourceLimits } from './sources/index.js';
import { listStaged, scanStaged } from './staged.js';
import { activeEntries, allowedValues, suppress, type LoadedBaseline } from './suppress.js';
import type { CompiledRule, Finding, ScanResult, Severity } from './types.js';
import type { WorkerInit, WorkerRequest } from './worker.js';

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
}

// Below this much input, starting workers costs more than it saves (pre-commit runs).
const WORKER_THRESHOLD_BYTES = 8 << 20;
const WORKER_FILE = fileURLToPath(new URL('./worker.js', import.meta.url));

export function compareFindings(a: Finding, b: Finding): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

async function totalSize(files: InputFile[]): Promise<number> {
  let total = 0;
  for (const f of files) {
    try {
      total += (await fs.promises.stat(f.abs)).size;
    } catch {
      // scanFile reports it
    }
    if (total >= WORKER_THRESHOLD_BYTES) break;
  }
  return total;
}

async function scanInProcess(files: InputFile[], engine: Engine, limits: SourceLimits): Promise<FileResult[]> {
  const results: FileResult[] = [];
  for (const f of files) results.push(await scanFile(f.abs, f.display, engine, limits));
  return results;
}

/** Hands files to workers one at a time, as each finishes the last. */
async function scanInWorkers(files: InputFile[], engine: Engine, config: ResolvedConfig, count: number): Promise<FileResult[]> {
  const init: WorkerInit = {
    rules: engine.rules.map((r) => ({ spec: r.spec, source: r.source, severity: r.severity })),
    allowed: engine.allowed,
    keepPerRule: engine.keepPerRule,
    settings: config.settings,
    limits: sourceLimits(config),
  };
  const results = new Array<FileResult>(files.length);
  // Largest first, so a big dump does not start last and leave one core idle at the end.
  const sizeOf = (f: InputFile) => fs.statSync(f.abs, { throwIfNoEntry: false })?.size ?? 0;
  const sizes = files.map(sizeOf);
  const order = files.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]!);
  let next = 0;
  const workers = Array.from({ length: count }, () => new Worker(WORKER_FILE, { workerData: init }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= files.length) return resolve();
              const id = order[next++]!;
              const req: WorkerRequest = { id, abs: files[id]!.abs, display: files[id]!.display };
              worker.postMessage(req);
            };
            worker.on('message', (msg: { id: number; result: FileResult }) => {
              results[msg.id] = msg.result;
              feed();
            });
            worker.on('error', reject);
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? loadConfig({ cwd });
  const rules = options.rules ?? (await loadRules({ settings: config.settings, extra: config.customRules, overrides: config.ruleOverrides }));
  const today = (options.now ?? new Date()).toISOString().slice(0, 10);
  const engine: Engine = { rules, allowed: allowedValues(rules, activeEntries(config.allowlist, today)), keepPerRule: engineLimit(config.findingsCap) };

  const shard = (display: string) => options.shard === undefined || inShard(display, options.shard);
  let discovery = { files: [] as InputFile[], skipped: [] as ScanResult['skipped'], errors: [] as ScanResult['errors'] };
  let results: FileResult[];
  if (options.stdin) {
    results = [await scanStream(options.stdin.stream, options.stdin.name, engine, sourceLimits(config))];
  } else if (options.staged) {
    const staged = selectInputs(await listStaged(cwd), config).filter((f) => shard(f.display));
    discovery.files = staged;
    results = await scanStaged(staged, cwd, engine, sourceLimits(config));
  } else {
    const found = await discover(options.paths ?? ['.'], cwd, config);
    discovery = { files: found.files.filter((f) => shard(f.display)), skipped: found.skipped.filter((s) => shard(s.path)), errors: found.errors.filter((e) => shard(e.path)) };
    const files = discovery.files;
    const wanted = options.workers ?? (files.length > 1 && (await totalSize(files)) >= WORKER_THRESHOLD_BYTES ? os.availableParallelism() : 0);
    const count = Math.min(wanted, files.length);
    results = count > 0 && fs.existsSync(WORKER_FILE) ? await scanInWorkers(files, engine, config, count) : await scanInProcess(files, engine, sourceLimits(config));
  }

  const minRank = confidenceRank(config.minConfidence);
  const confident = (f: Finding) => confidenceRank(f.confidence) >= minRank;
  const skipped = [...discovery.skipped, ...results.flatMap((r) => r.skipped)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const errors = [...discovery.errors, ...results.flatMap((r) => r.errors)].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const outer = (p: string) => p.split('!', 1)[0]!;
  const unseen = new Set([...skipped, ...errors].map((s) => outer(s.path)));
  const inputs = new Set(options.stdin ? [options.stdin.name] : discovery.files.map((f) => f.display));
  const { findings, suppressed, summary } = suppress(
    results.flatMap((r) => r.findings).filter(confident),
    results.flatMap((r) => r.suppressed).filter(confident),
    results.flatMap((r) => r.unusedInline),
    {
      allowlist: config.allowlist,
      configLabel: config.file !== undefined ? displayPath(cwd, config.file) : 'config',
      configDir: config.dir,
      cwd,
      today,
      ruleIds: new Set(rules.map((r) => r.id)),
      ...(options.baseline !== undefined ? { baseline: options.baseline } : {}),
      scanned: (p) => inputs.has(outer(p)) && !unseen.has(outer(p)),
      coversConfigDir: !options.stdin && !options.staged && (options.paths ?? ['.']).some((p) => !path.relative(path.resolve(cwd, p), config.dir).startsWith('..')),
    },
  );
  findings.sort(compareFindings);
  suppressed.sort(compareFindings);
  const byRule: Record<string, number> = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) {
    byRule[f.ruleId] = (byRule[f.ruleId] ?? 0) + findingCount(f);
    bySeverity[f.severity] += findingCount(f);
  }
  return {
    findings,
    suppressed,
    suppressions: summary,
    skipped,
    errors,
    rules: rules.map((r) => ({ ...r.spec, severity: r.severity })),
    stats: {
      filesScanned: results.reduce((n, r) => n + r.scanned, 0),
      bytesScanned: results.reduce((n, r) => n + r.bytes, 0),
      findings: findings.reduce((n, f) => n + findingCount(f), 0),
      findingsListed: findings.length,
      suppressed: suppressed.reduce((n, f) => n + findingCount(f), 0),
      byRule,
      bySeverity,
      skipped: skipped.length,
      errors: errors.length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
