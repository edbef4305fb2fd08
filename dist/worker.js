import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  compileRule,
  scanFile
} from "./chunk-XZHIJB3H.js";

// src/worker.ts
import { parentPort, workerData } from "node:worker_threads";
var init = workerData;
var rules = init.rules.map((r) => compileRule(r, init.settings, r.severity).compiled).filter((r) => r !== void 0);
parentPort.on("message", (req) => {
  void scanFile(req.abs, req.display, rules, { maxFileSize: init.maxFileSize }).then((result) => parentPort.postMessage({ id: req.id, result }));
});
