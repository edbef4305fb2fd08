import { type ArchiveSettings, type ResolvedConfig, type SettingsFiles } from './config.js';
import { type ScanOptions } from './scan.js';
import { type Confidence, type FailOn, type ScanResult, type Severity } from './types.js';
export declare const EXIT: {
    readonly clean: 0;
    readonly findings: 1;
    readonly error: 2;
};
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
export declare function isFailing(severity: Severity, failOn: FailOn): boolean;
export declare function failed(result: ScanResult, failOn: FailOn): boolean;
/** Content a guard or an unsupported format left unread (see archives.onSkip). */
export declare function unscanned(result: ScanResult): boolean;
/** Throws ConfigError / UsageError before scanning anything; an unscannable input gives EXIT.error. */
export declare function runScan(request: ScanRequest): Promise<ScanRun>;
