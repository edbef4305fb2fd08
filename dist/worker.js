import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  compileRule,
  createSummarizer,
  scanFile
} from "./chunk-XWPMSPCZ.js";

// src/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var init = workerData;
var rules = init.rules.map((r) => compileRule(r, init.settings, r.severity).compiled).filter((r) => r !== void 0);
var summarize = createSummarizer(init.listing);
parentPort.on("message", (req) => {
  void scanFile(req.abs, req.display, { rules, allowed: init.allowed, keepPerRule: init.keepPerRule }, init.limits).then(
    (result) => parentPort.postMessage({ id: req.id, summary: summarize(result, req.bounds) })
  );
});
