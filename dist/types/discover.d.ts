import type { ResolvedConfig } from './config.js';
import type { ScanError, Skipped } from './types.js';
export interface InputFile {
    abs: string;
    /** Relative to the working directory, `/`-separated. */
    display: string;
}
export interface Discovery {
    files: InputFile[];
    skipped: Skipped[];
    errors: ScanError[];
}
export declare function displayPath(cwd: string, abs: string): string;
/** The nearest folder at or above `start` that holds `.git`. */
export declare function repositoryRoot(start: string): string | undefined;
/** Resolves CLI paths into the sorted list of files to scan. A path that does not exist is a usage error. */
export declare function discover(paths: string[], cwd: string, config: ResolvedConfig): Promise<Discovery>;
/** Applies the config's include/exclude globs, drops duplicates and sorts by display path. */
export declare function selectInputs<T extends InputFile>(candidates: T[], config: ResolvedConfig): T[];
