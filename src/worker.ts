// Worker thread entry: compiles the rules it is given once, then scans batches of files on request and
// sends back each file's summary (only what the report may list, and exact totals).
import { parentPort, workerData } from 'node:worker_threads';
import { compileRule, type LoadedRule } from './rules.js';
import type { AllowedValues } from './detect.js';
import { createSummarizer, scanFile, type FileSummary, type Listing, type ListingBounds } from './scan-file.js';
import type { SourceLimits } from './sources/index.js';
import type { CompiledRule, Severity, ValidatorSettings } from './types.js';

export interface WorkerInit {
  rules: Array<LoadedRule & { severity: Severity }>;
  allowed: AllowedValues | undefined;
  keepPerRule: number;
  settings: ValidatorSettings;
  limits: SourceLimits;
  listing: Listing;
}
export interface WorkerRequest {
  /** Files to scan, in this order. */
  files: Array<{ id: number; abs: string; display: string }>;
  /** How far the scan's listings are full: findings past that are folded here, not sent. */
  bounds: ListingBounds;
}
export interface WorkerReply {
  summaries: Array<{ id: number; summary: FileSummary }>;
  /** The last reply to the request: the worker is free for the next. */
  done: boolean;
}

// Summaries go back together (a message costs more than a small file's scan), but never more than
// this many listed findings in one message, so what waits to be sent stays small.
const REPLY_FINDINGS = 1_000;

const init = workerData as WorkerInit;
const rules = init.rules
  .map((r) => compileRule(r, init.settings, r.severity).compiled)
  .filter((r): r is CompiledRule => r !== undefined);
const summarize = createSummarizer(init.listing);

parentPort!.on('message', async (req: WorkerRequest) => {
  let summaries: WorkerReply['summaries'] = [];
  let listed = 0;
  for (const file of req.files) {
    const summary = summarize(await scanFile(file.abs, file.display, { rules, allowed: init.allowed, keepPerRule: init.keepPerRule }, init.limits), req.bounds);
    summaries.push({ id: file.id, summary });
    listed += summary.findings.length + summary.suppressed.length;
    if (listed >= REPLY_FINDINGS) {
      parentPort!.postMessage({ summaries, done: false } satisfies WorkerReply);
      summaries = [];
      listed = 0;
    }
  }
  parentPort!.postMessage({ summaries, done: true } satisfies WorkerReply);
});
