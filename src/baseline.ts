// Baseline files: the findings a team accepted when it adopted piiguard, so a gate fails only on new
// ones. An entry holds what a report already shows (rule, path, masked value) and the fingerprint
// from redact.ts, a hash of those plus the occurrence number: no raw value, no hash of one.
//
// Matching is by fingerprint, so line and column do not matter: edits that shift lines keep every
// entry. The occurrence number counts equal masked values of one rule in one file, in file order;
// adding or removing a value with the same mask earlier in that file renumbers the later ones. The
// count stays right (one new value = one new finding, one removed = one stale entry), but the finding
// reported as new may be a later one that shares the mask.
import path from 'node:path';
import { sha256 } from './audit.js';
import { DISK, type SettingsFiles } from './config.js';
import { ConfigError, UsageError } from './errors.js';
import { schemaValidator } from './schema.js';
import type { LoadedBaseline } from './suppress.js';
import type { BaselineEntry, Finding } from './types.js';

export const BASELINE_VERSION = 1;
const validateBaseline = schemaValidator('baseline');

/** The file's text: entries sorted, no timestamps, so regenerating an unchanged tree changes nothing. */
export function formatBaseline(findings: Finding[], toolVersion: string): string {
  const entries: BaselineEntry[] = findings
    .map((f) => ({ ruleId: f.ruleId, path: f.path, masked: f.masked, fingerprint: f.fingerprint }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  const body = {
    version: BASELINE_VERSION,
    tool: `piiguard ${toolVersion}`,
    fingerprint: 'sha256(rule, path, masked value, occurrence of that masked value in the file)',
    entries,
  };
  return JSON.stringify(body, null, 2) + '\n';
}

/** Reads and validates a baseline; every problem is a ConfigError naming the file. */
export function readBaseline(file: string, cwd: string, files: SettingsFiles = DISK): LoadedBaseline & { digest: string } {
  let text: string;
  try {
    text = files.read(path.resolve(cwd, file));
  } catch (err) {
    throw new UsageError(`--baseline ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ConfigError([`${file}: not valid JSON (regenerate it with piiguard baseline)`]);
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version !== BASELINE_VERSION) {
    throw new ConfigError([`${file}: baseline format version ${version} is not supported (this piiguard reads version ${BASELINE_VERSION}); regenerate it with piiguard baseline`]);
  }
  const problems = validateBaseline(data);
  if (problems.length > 0) throw new ConfigError(problems.map((p) => `${file}: ${p}`));
  return { file, entries: (data as { entries: BaselineEntry[] }).entries, digest: sha256(text) };
}
