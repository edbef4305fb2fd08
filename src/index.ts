// Library API: embed piiguard in other tools. The CLI is a thin layer over these.
export { scan, type ScanOptions } from './scan.js';
export { loadConfig, resolveConfig, findConfigFile, type ResolvedConfig, type ConfigFile } from './config.js';
export { loadRules, readRuleFolder, readRuleFile, BUILTIN_RULES_DIR, type LoadedRule, type RuleOverrides } from './rules.js';
export { checkExamples } from './selftest.js';
export { detectStream } from './detect.js';
export { readBaseline, formatBaseline, BASELINE_VERSION } from './baseline.js';
export type { LoadedBaseline } from './suppress.js';
export { ConfigError, UsageError } from './errors.js';
export { textReporter } from './reporters/text.js';
export { jsonReporter } from './reporters/json.js';
export { sarifReporter } from './reporters/sarif.js';
export { markdownReporter } from './reporters/markdown.js';
export { mergeReports, type ReportFile, type Merged } from './merge.js';
export { runScan, EXIT, type ScanRequest, type ScanRun } from './run-scan.js';
export type { Reporter, ReportContext } from './reporters/context.js';
export { run, type CliIO } from './cli.js';
export { VERSION } from './version.js';
export type * from './types.js';
