// Worker thread entry: compiles the rules it is given once, then scans files on request and sends back
// each file's summary (only what the report may list, and exact totals).
import { parentPort, workerData } from 'node:worker_threads';
import { compileRule, type LoadedRule } from './rules.js';
import type { AllowedValues } from './detect.js';
import { createSummarizer, scanFile, type Listing, type ListingBounds } from './scan-file.js';
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
  id: number;
  abs: string;
  display: string;
  /** How far the scan's listings are full: findings past that are folded here, not sent. */
  bounds: ListingBounds;
}

const init = workerData as WorkerInit;
const rules = init.rules
  .map((r) => compileRule(r, init.settings, r.severity).compiled)
  .filter((r): r is CompiledRule => r !== undefined);
const summarize = createSummarizer(init.listing);

parentPort!.on('message', (req: WorkerRequest) => {
  void scanFile(req.abs, req.display, { rules, allowed: init.allowed, keepPerRule: init.keepPerRule }, init.limits).then((result) =>
    parentPort!.postMessage({ id: req.id, summary: summarize(result, req.bounds) }),
  );
});
