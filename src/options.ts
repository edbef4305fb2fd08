// Values the CLI flags and the Action inputs share, parsed one way. `label` names the flag or input
// in the message (`--fail-on`, `input fail-on`), so the Action can collect every problem at once.
import type { ArchiveSettings, OnArchiveSkip } from './config.js';
import { UsageError } from './errors.js';
import { REPORTERS } from './reporters/index.js';
import type { Reporter } from './reporters/context.js';
import type { Confidence, FailOn } from './types.js';

export const FAIL_ON: FailOn[] = ['error', 'warning', 'info', 'never'];
const CONFIDENCES: Confidence[] = ['high', 'medium', 'low'];

export function parseFailOn(value: string, label: string): FailOn {
  if (!FAIL_ON.includes(value as FailOn)) throw new UsageError(`${label} must be one of ${FAIL_ON.join(', ')}, got "${value}"`);
  return value as FailOn;
}

export function parseConfidence(value: string, label: string): Confidence {
  if (!CONFIDENCES.includes(value as Confidence)) throw new UsageError(`${label} must be one of ${CONFIDENCES.join(', ')}, got "${value}"`);
  return value as Confidence;
}

function parseOnArchiveSkip(value: string, label: string): OnArchiveSkip {
  if (value !== 'fail' && value !== 'report') throw new UsageError(`${label} must be fail or report, got "${value}"`);
  return value;
}

export function parseWholeNumber(value: string, label: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${label} must be a whole number, got "${value}"`);
  return Number(value);
}

export function parseFormat(value: string, label: string): Reporter {
  const reporter = REPORTERS[value];
  if (reporter === undefined) throw new UsageError(`${label} must be one of ${Object.keys(REPORTERS).join(', ')}, got "${value}"`);
  return reporter;
}

/** Archive guards as flags (`--NAME`) and Action inputs (`NAME`), with the config key each overrides. */
const ARCHIVE_OPTIONS: Array<[name: string, key: keyof ArchiveSettings, parse: (value: string, label: string) => number | OnArchiveSkip]> = [
  ['max-archive-depth', 'maxDepth', parseWholeNumber],
  ['max-expanded-bytes', 'maxExpandedBytes', parseWholeNumber],
  ['max-compression-ratio', 'maxRatio', parseWholeNumber],
  ['max-archive-members', 'maxMembers', parseWholeNumber],
  ['on-archive-skip', 'onSkip', parseOnArchiveSkip],
];

/**
 * The archive options given, as config overrides. `value` reads one by name, `label` names it in
 * messages; `attempt` runs each parse (the Action's collects the problem and goes on to the next).
 */
export function archiveOverrides(
  value: (name: string) => string | undefined,
  label: (name: string) => string,
  attempt: <T>(parse: () => T) => T | undefined = (parse) => parse(),
): Partial<ArchiveSettings> {
  const overrides: Partial<Record<keyof ArchiveSettings, number | OnArchiveSkip>> = {};
  for (const [name, key, parse] of ARCHIVE_OPTIONS) {
    const given = value(name);
    const parsed = given === undefined ? undefined : attempt(() => parse(given, label(name)));
    if (parsed !== undefined) overrides[key] = parsed;
  }
  return overrides as Partial<ArchiveSettings>;
}
