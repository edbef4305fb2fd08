import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  mergeReports,
  run
} from "./chunk-5L22BKS3.js";
import {
  BASELINE_VERSION,
  EXIT,
  VERSION,
  findConfigFile,
  formatBaseline,
  jsonReporter,
  loadConfig,
  markdownReporter,
  readBaseline,
  resolveConfig,
  runScan,
  sarifReporter,
  scan,
  textReporter
} from "./chunk-5WZVFU5A.js";
import {
  BUILTIN_RULES_DIR,
  ConfigError,
  UsageError,
  checkExamples,
  detectStream,
  loadRules,
  readRuleFile,
  readRuleFolder
} from "./chunk-YO6G75LQ.js";
export {
  BASELINE_VERSION,
  BUILTIN_RULES_DIR,
  ConfigError,
  EXIT,
  UsageError,
  VERSION,
  checkExamples,
  detectStream,
  findConfigFile,
  formatBaseline,
  jsonReporter,
  loadConfig,
  loadRules,
  markdownReporter,
  mergeReports,
  readBaseline,
  readRuleFile,
  readRuleFolder,
  resolveConfig,
  run,
  runScan,
  sarifReporter,
  scan,
  textReporter
};
