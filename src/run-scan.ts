// One scan as every entry point runs it (CLI, pre-commit hook, GitHub Action): config and overrides
// → scan → exit code. Sharing it means a setting behaves the same in a terminal, a hook and a workflow.
import { loadConfig, type ArchiveSettings, type ResolvedConfig, type SettingsFiles } from './config.js';
import { scan, type ScanOptions } from './scan.js';
import { UNSCANNED_REASONS } from './sources/index.js';
import { SEVERITY_RANK, type Confidence, type FailOn, type ScanResult, type Severity } from './types.js';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface ScanRequest extends Omit<ScanOptions, 'config' | 'rules' | 'cwd'> {
  /** Display paths are relative to this folder; paths resolve against it. */
  cwd: string;
  /** Folder the nearest .piiguard.json is looked for from, and `configPath` resolves against (default: cwd). */
  configFrom?: string;
  configPath?: string;
  /** Where the config is read (default: the disk; `scan --staged` reads it as staged, see staged.ts). */
  settingsFiles?: SettingsFiles;
  /** Overrides the config's failOn. */
  failOn?: FailOn;
  /** Overrides the config's maxFileSize. */
  maxFileSize?: number;
  /** Overrides the config's minConfidence. */
  minConfidence?: Confidence;
  /** Overrides of the config's archive guards and their policy. */
  archives?: Partial<ArchiveSettings>;
  /** Overrides the config's findingsCap. */
  findingsCap?: number;
  /** Overrides the config's followSymlinks. */
  followSymlinks?: boolean;
}

export interface ScanRun {
  /** What reports list (capped unless the request says `capped: false`), with exact totals in stats. */
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
  return (Object.keys(result.stats.bySeverity) as Severity[]).some((severity) => result.stats.bySeverity[severity] > 0 && isFailing(severity, failOn));
}

/** Content a guard or an unsupported format left unread (see archives.onSkip). */
export function unscanned(result: ScanResult): boolean {
  return result.skipped.some((s) => UNSCANNED_REASONS.has(s.reason));
}

/** Throws ConfigError / UsageError before scanning anything; an unscannable input gives EXIT.error. */
export async function runScan(request: ScanRequest): Promise<ScanRun> {
  const { configFrom, configPath, settingsFiles, failOn: failOnOverride, maxFileSize, minConfidence, archives, findingsCap, followSymlinks, ...options } = request;
  const loaded = loadConfig({ cwd: configFrom ?? request.cwd, ...(configPath !== undefined ? { configPath } : {}), ...(settingsFiles !== undefined ? { files: settingsFiles } : {}) });
  const config = {
    ...loaded,
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    archives: { ...loaded.archives, ...archives },
    ...(findingsCap !== undefined ? { findingsCap } : {}),
    ...(followSymlinks !== undefined ? { followSymlinks } : {}),
  };
  const result = await scan({ capped: true, ...options, config });
  const failOn = failOnOverride ?? config.failOn;
  const unread = result.errors.length > 0 || (config.archives.onSkip === 'fail' && unscanned(result));
  const code = unread ? EXIT.error : failed(result, failOn) ? EXIT.findings : EXIT.clean;
  // The verdict counts every finding; the cap and the budget only shorten what reports list.
  return { result, config, failOn, code };
}
