import { type ResolvedConfig } from './config.js';
import { type Shard } from './shard.js';
import { type LoadedBaseline } from './suppress.js';
import type { CompiledRule, ScanResult } from './types.js';
export { compareFindings } from './findings-cap.js';
export interface ScanOptions {
    /** Files and folders to scan, relative to cwd. Ignored when `stdin` is given. */
    paths?: string[];
    cwd?: string;
    /** Defaults to the nearest .piiguard.json (or built-in defaults). */
    config?: ResolvedConfig;
    /** Defaults to the built-in rules with the config's overrides and custom rules. */
    rules?: CompiledRule[];
    /** Scan a byte stream instead of paths, reported under `name`. */
    stdin?: {
        stream: AsyncIterable<Buffer>;
        name: string;
    };
    /** Worker threads; default: one per core for large inputs, none for a few small files. */
    workers?: number;
    /** Accepted findings (see baseline.ts): they are reported as suppressed, not as findings. */
    baseline?: LoadedBaseline;
    /** The clock for allowlist expiry; default: now. */
    now?: Date;
    /** Scan the files staged for commit, as the git index holds them, instead of `paths`. */
    staged?: boolean;
    /** Keep only this shard of the inputs (a CI matrix job's part). */
    shard?: Shard;
    /**
     * List what a report shows: the config's findingsCap per file and rule, and LISTED_BUDGET in all
     * (runScan's default), so memory stays flat. Otherwise every finding the engine keeps is listed (a
     * baseline records them all; JSON lists them unless given a cap) and memory grows with them.
     */
    capped?: boolean;
}
export declare function scan(options?: ScanOptions): Promise<ScanResult>;
