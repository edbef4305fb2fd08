import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  VERSION,
  findConfigFile,
  jsonReporter,
  loadConfig,
  resolveConfig,
  run,
  sarifReporter,
  scan,
  textReporter
} from "./chunk-R2JTOEGA.js";
import {
  BUILTIN_RULES_DIR,
  ConfigError,
  UsageError,
  checkExamples,
  detectStream,
  loadRules,
  readRuleFile,
  readRuleFolder
} from "./chunk-7UBOARD6.js";
export {
  BUILTIN_RULES_DIR,
  ConfigError,
  UsageError,
  VERSION,
  checkExamples,
  detectStream,
  findConfigFile,
  jsonReporter,
  loadConfig,
  loadRules,
  readRuleFile,
  readRuleFolder,
  resolveConfig,
  run,
  sarifReporter,
  scan,
  textReporter
};
