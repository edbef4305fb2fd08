// The only module that turns raw match text into something printable. Everything downstream of
// detection sees the masked value and the fingerprint, never the value itself.
import crypto from 'node:crypto';
import { ownedCopy } from './owned.js';
import type { EngineFinding, MaskStyle } from './types.js';

const KEEP_TRAILING = 4;

/** First letter and domain only (`j***@gmail.com`): the domain says where, not who. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskTrailing(value);
  // The domain is cut from the value, which may be cut from a window: the finding keeps a copy, not the window.
  return `${value[0]}***${ownedCopy(value.slice(at))}`;
}

/** Keeps separators and the last four letters or digits: `***-**-6789`, `************4242`. */
export function maskTrailing(value: string): string {
  if (ASCII.test(value)) return maskAscii(value);
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

const ASCII = /^[\x00-\x7f]*$/;
const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122);

/** maskTrailing for ASCII values, without a Unicode regex per character (it runs once per finding). */
function maskAscii(value: string): string {
  let total = 0;
  for (let i = 0; i < value.length; i++) if (isAsciiAlnum(value.charCodeAt(i))) total++;
  const keep = total > 2 * KEEP_TRAILING ? KEEP_TRAILING : Math.floor(total / 3);
  let out = '';
  let seen = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += !isAsciiAlnum(code) || ++seen > total - keep ? value[i] : '*';
  }
  return out;
}

/**
 * Masks own their characters (built from single characters, the domain copied): a finding keeps its
 * mask long after the window its value was cut from, which must not stay alive with it (owned.ts).
 */
export function maskerFor(style: MaskStyle): (value: string) => string {
  return style === 'email' ? maskEmail : maskTrailing;
}

// One per finding. The one-shot crypto.hash (Node >= 20.12) with a hex digest takes ~0.5 µs; asking it
// for a Buffer costs 1.5–2.5 µs (a Buffer object per call), and createHash more still.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text, 'hex') : (text) => crypto.createHash('sha256').update(text).digest('hex');

/**
 * A fingerprint built only from what the report already shows (rule, path, masked value) plus the
 * occurrence number of that masked value in the file. Hashing the raw value would be reversible by
 * brute force (an SSN has ~10^9 values); this is not, and it survives edits that shift lines.
 */
export function fingerprint(ruleId: string, path: string, masked: string, occurrence: number): string {
  // The first 16 bytes in hex. The slice keeps the 64-character digest alive with it, 64 bytes more
  // per finding than a copy, which is cheaper than any way of copying it.
  return sha256Hex(`${ruleId}\0${path}\0${masked}\0${occurrence}`).slice(0, 32);
}

/**
 * `f` with its fingerprint, set on `f` itself (a finding passes here once, on its way into a report or
 * a baseline comparison; a copy per finding would cost more than the hash).
 */
export function withFingerprint<T extends EngineFinding>(f: T): T & { fingerprint: string } {
  const printed = f as T & { fingerprint?: string };
  printed.fingerprint ??= fingerprint(f.ruleId, f.path, f.masked, f.occurrence);
  return printed as T & { fingerprint: string };
}
