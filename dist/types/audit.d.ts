import type { ResolvedConfig } from './config.js';
import type { FailOn, ScanResult } from './types.js';
export type Env = Record<string, string | undefined>;
export interface AuditInput {
    command: 'scan' | 'baseline';
    /** Paths as given; `--staged` runs record the git index instead. */
    targets: string[];
    /** `K/N` when the run scanned one shard of the inputs. */
    shard?: string;
    config: ResolvedConfig;
    failOn: FailOn;
    result: ScanResult;
    exitCode: number;
    cwd: string;
    env: Env;
    version: string;
    now: Date;
    /** The baseline file given to scan, and its digest. */
    baseline?: {
        file: string;
        digest: string;
    };
}
export declare function sha256(data: string | Buffer): string;
/**
 * Digest of the settings in force, machine-independent (no absolute paths). It covers allowlisted
 * values too, so changing one shows up; that is a hash of the whole configuration, not of a value on
 * its own, and the configuration is the user's own file.
 */
export declare function configDigest(config: ResolvedConfig, failOn: FailOn): string;
/** Who started the run: the CI job and its actor, else the OS user. */
export declare function whoRan(env: Env): Record<string, string>;
export declare function auditRecord(input: AuditInput): Record<string, unknown>;
/** Appends one line; a log that cannot be written fails the run (the evidence would be missing). */
export declare function appendAuditLog(file: string, cwd: string, record: Record<string, unknown>): void;
