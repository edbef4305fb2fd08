import { type LoadedRule, type RuleOverrides } from './rules.js';
import { type SourceLimits } from './sources/limits.js';
import type { Confidence, FailOn, ValidatorSettings } from './types.js';
export declare const CONFIG_FILE = ".piiguard.json";
/** The config file as written (after schema validation). */
export interface ConfigFile {
    include?: string[];
    exclude?: string[];
    failOn?: FailOn;
    rules?: RuleOverrides;
    customRules?: Array<string | object>;
    email?: {
        allowDomains?: string[];
    };
    phone?: {
        regions?: string[];
    };
    maxFileSize?: number;
    allowlist?: Array<Omit<AllowlistEntry, 'index'>>;
    minConfidence?: Confidence;
    archives?: Partial<ArchiveSettings>;
    findingsCap?: number;
    followSymlinks?: boolean;
}
/** A config allowlist entry: suppresses findings for which every condition it has holds. */
export interface AllowlistEntry {
    /** Position in the config's `allowlist` array, to name it in reports. */
    index: number;
    paths?: string[];
    rules?: string[];
    /** Raw values: only the engine compares them, nothing prints them. */
    values?: string[];
    reason?: string;
    /** YYYY-MM-DD, inclusive. */
    expires?: string;
}
/** What happens when archive guards or unsupported formats leave content unread. */
export type OnArchiveSkip = 'fail' | 'report';
/** Archive guards (see sources/limits.ts) and the policy for what they leave unread. */
export interface ArchiveSettings extends Omit<SourceLimits, 'maxFileSize'> {
    onSkip: OnArchiveSkip;
}
/** Everything a scan needs from configuration, with defaults applied. */
export interface ResolvedConfig {
    /** The file it came from, if any. */
    file: string | undefined;
    /** Folder that include/exclude globs and rule paths are relative to. */
    dir: string;
    include: string[];
    exclude: string[];
    failOn: FailOn;
    ruleOverrides: RuleOverrides;
    customRules: LoadedRule[];
    settings: ValidatorSettings;
    maxFileSize: number;
    allowlist: AllowlistEntry[];
    /** Findings below this confidence are left out (src/context.ts rates them). */
    minConfidence: Confidence;
    archives: ArchiveSettings;
    findingsCap: number;
    followSymlinks: boolean;
}
/** What the readers need from the config (posted to workers as it is). */
export declare function sourceLimits(config: ResolvedConfig): SourceLimits;
/** Where the files that settle a run (config, baseline) are read: the disk, or with --staged the git index. */
export interface SettingsFiles {
    exists(file: string): boolean;
    /** Throws as fs.readFileSync does. */
    read(file: string): string;
}
export declare const DISK: SettingsFiles;
/** Where .piiguard.json may be, nearest first: `start` and each folder above it up to the repository root (a folder with .git). */
export declare function configCandidates(start: string): string[];
/** Looks for .piiguard.json from `start` upwards, stopping at the repository root. */
export declare function findConfigFile(start: string, files?: SettingsFiles): string | undefined;
/** Validates a parsed config object and resolves it; `file` names it in messages. */
export declare function resolveConfig(data: unknown, file: string | undefined, dir: string): ResolvedConfig;
/**
 * Loads the config named by `configPath`, or the nearest .piiguard.json above `cwd`, or defaults.
 * Throws ConfigError listing every problem.
 */
export declare function loadConfig(options: {
    cwd: string;
    configPath?: string;
    files?: SettingsFiles;
}): ResolvedConfig;
