// --audit-log: one JSON line per run, appended, as evidence that the control ran: when, which tool
// and configuration, on what, with which outcome, at which commit, started by whom. Counts only:
// no finding, masked value or fingerprint is ever written here.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ResolvedConfig } from './config.js';
import { UsageError } from './errors.js';
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
  baseline?: { file: string; digest: string };
}

/** JSON with object keys sorted at every level, so equal settings always hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sha256(data: string | Buffer): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}

/**
 * Digest of the settings in force, machine-independent (no absolute paths). It covers allowlisted
 * values too, so changing one shows up; that is a hash of the whole configuration, not of a value on
 * its own, and the configuration is the user's own file.
 */
export function configDigest(config: ResolvedConfig, failOn: FailOn): string {
  const { file: _file, dir: _dir, customRules, ...settings } = config;
  return sha256(canonical({ ...settings, failOn, customRules: customRules.map((r) => r.spec) }));
}

function gitCommit(cwd: string, env: Env): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return env.GITHUB_SHA ?? env.CI_COMMIT_SHA ?? null;
  }
}

function osUser(env: Env): string {
  try {
    return os.userInfo().username;
  } catch {
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

function defined(record: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''));
}

/** Who started the run: the CI job and its actor, else the OS user. */
export function whoRan(env: Env): Record<string, string> {
  if (env.GITHUB_ACTIONS === 'true') {
    return defined({
      ci: 'github-actions',
      actor: env.GITHUB_ACTOR,
      repository: env.GITHUB_REPOSITORY,
      workflow: env.GITHUB_WORKFLOW,
      job: env.GITHUB_JOB,
      runId: env.GITHUB_RUN_ID,
      runAttempt: env.GITHUB_RUN_ATTEMPT,
    });
  }
  if (env.GITLAB_CI === 'true') {
    return defined({ ci: 'gitlab', actor: env.GITLAB_USER_LOGIN, repository: env.CI_PROJECT_PATH, job: env.CI_JOB_ID, pipeline: env.CI_PIPELINE_ID });
  }
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') {
    return defined({ ci: 'ci', user: osUser(env), job: env.BUILD_ID ?? env.BUILD_NUMBER ?? env.JOB_ID });
  }
  return { user: osUser(env), host: os.hostname() };
}

const VERDICT: Record<number, string> = { 0: 'pass', 1: 'fail', 2: 'error' };

export function auditRecord(input: AuditInput): Record<string, unknown> {
  const { result, config } = input;
  const s = result.stats;
  return {
    time: input.now.toISOString(),
    tool: { name: 'piiguard', version: input.version },
    command: input.command,
    targets: input.targets,
    ...(input.shard !== undefined ? { shard: input.shard } : {}),
    config: { file: config.file !== undefined ? path.relative(input.cwd, config.file).split(path.sep).join('/') : null, digest: configDigest(config, input.failOn) },
    failOn: input.failOn,
    ...(input.baseline !== undefined ? { baseline: input.baseline } : {}),
    counts: {
      findings: s.findings,
      byRule: s.byRule,
      bySeverity: s.bySeverity,
      suppressed: result.suppressions.counts,
      staleBaselineEntries: result.suppressions.baseline?.stale.length ?? 0,
    },
    files: { scanned: s.filesScanned, bytes: s.bytesScanned, skipped: s.skipped, errors: s.errors },
    verdict: VERDICT[input.exitCode] ?? 'error',
    exitCode: input.exitCode,
    git: { commit: gitCommit(input.cwd, input.env) },
    ranBy: whoRan(input.env),
    durationMs: s.durationMs,
  };
}

/** Appends one line; a log that cannot be written fails the run (the evidence would be missing). */
export function appendAuditLog(file: string, cwd: string, record: Record<string, unknown>): void {
  const target = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.appendFileSync(target, `${JSON.stringify(record)}\n`);
  } catch (err) {
    throw new UsageError(`--audit-log ${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}
