import { type SettingsFiles } from './config.js';
import type { LoadedBaseline } from './suppress.js';
import type { Finding } from './types.js';
export declare const BASELINE_VERSION = 1;
/** The file's text: entries sorted, no timestamps, so regenerating an unchanged tree changes nothing. */
export declare function formatBaseline(findings: Finding[], toolVersion: string): string;
/** Reads and validates a baseline; every problem is a ConfigError naming the file. */
export declare function readBaseline(file: string, cwd: string, files?: SettingsFiles): LoadedBaseline & {
    digest: string;
};
