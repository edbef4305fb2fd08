// The only module that turns raw match text into something printable. Everything downstream of
// detection sees the masked value and the fingerprint, never the value itself.
import { createHash } from 'node:crypto';
import type { MaskStyle } from './types.js';

const KEEP_TRAILING = 4;

/** First letter and domain only (`j***@gmail.com`): the domain says where, not who. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskTrailing(value);
  return `${value[0]}***${value.slice(at)}`;
}

/** Keeps separators and the last four letters or digits: `***-**-6789`, `************4242`. */
export function maskTrailing(value: string): string {
  const chars = [...value];
  const total = chars.filter(isAlnum).length;
  // Short values would be mostly revealed by four characters: keep a third of them instead.
  const keep = total > 2 * KEEP_TRAILING ? KEEP_TRAILING : Math.floor(total / 3);
  let seen = 0;
  return chars.map((ch) => (!isAlnum(ch) ? ch : ++seen > total - keep ? ch : '*')).join('');
}

function isAlnum(ch: string): boolean {
  return /[\p{L}\p{N}]/u.test(ch);
}

export function maskerFor(style: MaskStyle): (value: string) => string {
  return style === 'email' ? maskEmail : maskTrailing;
}

/**
 * A fingerprint built only from what the report already shows (rule, path, masked value) plus the
 * occurrence number of that masked value in the file. Hashing the raw value would be reversible by
 * brute force (an SSN has ~10^9 values); this is not, and it survives edits that shift lines.
 */
export function fingerprint(ruleId: string, path: string, masked: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\0${path}\0${masked}\0${occurrence}`).digest('hex').slice(0, 32);
}
