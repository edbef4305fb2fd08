import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  compileRule,
  scanFile
} from "./chunk-BH5IA5LL.js";

// src/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var init = workerData;
var rules = init.rules.map((r) => compileRule(r, init.settings, r.severity).compiled).filter((r) => r !== void 0);
parentPort.on("message", (req) => {
  void scanFile(req.abs, req.display, { rules, allowed: init.allowed, keepPerRule: init.keepPerRule }, init.limits).then((result) => parentPort.postMessage({ id: req.id, result }));
});
