#!/usr/bin/env node
import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  run
} from "./chunk-5L22BKS3.js";
import "./chunk-5WZVFU5A.js";
import "./chunk-YO6G75LQ.js";

// src/bin.ts
var code = await run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  env: process.env,
  color: process.stdout.isTTY === true && process.env.NO_COLOR === void 0 && process.env.TERM !== "dumb"
});
process.exitCode = code;
