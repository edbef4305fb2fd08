import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  mergeReports,
  run
} from "./chunk-V62KSJC5.js";
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
} from "./chunk-7DEKACF7.js";
import {
  BUILTIN_RULES_DIR,
  ConfigError,
  UsageError,
  checkExamples,
  detectStream,
  loadRules,
  readRuleFile,
  readRuleFolder
} from "./chunk-KYJFNHLF.js";
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
