// One scan as every entry point runs it (CLI, pre-commit hook, GitHub Action): config and overrides
// → scan → exit code. Sharing it means a setting behaves the same in a terminal, a hook and a workflow.
import { loadConfig, type ResolvedConfig } from './config.js';
import { scan, type ScanOptions } from './scan.js';
import { SEVERITY_RANK, type Confidence, type FailOn, type ScanResult, type Severity } from './types.js';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface ScanRequest extends Omit<ScanOptions, 'config' | 'rules' | 'cwd'> {
  /** Display paths are relative to this folder; paths resolve against it. */
  cwd: string;
  /** Folder the nearest .piiguard.json is looked for from, and `configPath` resolves against (default: cwd). */
  configFrom?: string;
  configPath?: string;
  /** Overrides the config's failOn. */
  failOn?: FailOn;
  /** Overrides the config's maxFileSize. */
  maxFileSize?: number;
  /** Overrides the config's minConfidence. */
  minConfidence?: Confidence;
}

export interface ScanRun {
  result: ScanResult;
  /** The configuration the scan ran with (overrides applied). */
  config: ResolvedConfig;
  /** The threshold in effect (request, else config). */
  failOn: FailOn;
  code: ExitCode;
}

export function isFailing(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

export function failed(result: ScanResult, failOn: FailOn): boolean {
  return result.findings.some((f) => isFailing(f.severity, failOn));
}

/** Throws ConfigError / UsageError before scanning anything; an unscannable input gives EXIT.error. */
export async function runScan(request: ScanRequest): Promise<ScanRun> {
  const { configFrom, configPath, failOn: failOnOverride, maxFileSize, minConfidence, ...options } = request;
  const loaded = loadConfig({ cwd: configFrom ?? request.cwd, ...(configPath !== undefined ? { configPath } : {}) });
  const config = { ...loaded, ...(maxFileSize !== undefined ? { maxFileSize } : {}), ...(minConfidence !== undefined ? { minConfidence } : {}) };
  const result = await scan({ ...options, config });
  const failOn = failOnOverride ?? config.failOn;
  const code = result.errors.length > 0 ? EXIT.error : failed(result, failOn) ? EXIT.findings : EXIT.clean;
  return { result, config, failOn, code };
}
