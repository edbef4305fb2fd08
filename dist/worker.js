import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  compileRule,
  createSummarizer,
  scanFile
} from "./chunk-YO6G75LQ.js";

// src/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var REPLY_FINDINGS = 1e3;
var init = workerData;
var rules = init.rules.map((r) => compileRule(r, init.settings, r.severity).compiled).filter((r) => r !== void 0);
var summarize = createSummarizer(init.listing);
parentPort.on("message", async (req) => {
  let summaries = [];
  let listed = 0;
  for (const file of req.files) {
    const summary = summarize(await scanFile(file.abs, file.display, { rules, allowed: init.allowed, keepPerRule: init.keepPerRule }, init.limits), req.bounds);
    summaries.push({ id: file.id, summary });
    listed += summary.findings.length + summary.suppressed.length;
    if (listed >= REPLY_FINDINGS) {
      parentPort.postMessage({ summaries, done: false });
      summaries = [];
      listed = 0;
    }
  }
  parentPort.postMessage({ summaries, done: true });
});
