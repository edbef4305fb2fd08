import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  BASELINE_VERSION,
  VERSION,
  findConfigFile,
  formatBaseline,
  jsonReporter,
  loadConfig,
  readBaseline,
  resolveConfig,
  run,
  sarifReporter,
  scan,
  textReporter
} from "./chunk-72JVARTE.js";
import {
  BUILTIN_RULES_DIR,
  ConfigError,
  UsageError,
  checkExamples,
  detectStream,
  loadRules,
  readRuleFile,
  readRuleFolder
} from "./chunk-RGY2TFYB.js";
export {
  BASELINE_VERSION,
  BUILTIN_RULES_DIR,
  ConfigError,
  UsageError,
  VERSION,
  checkExamples,
  detectStream,
  findConfigFile,
  formatBaseline,
  jsonReporter,
  loadConfig,
  loadRules,
  readBaseline,
  readRuleFile,
  readRuleFolder,
  resolveConfig,
  run,
  sarifReporter,
  scan,
  textReporter
};
