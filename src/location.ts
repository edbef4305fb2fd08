// Byte offsets → 1-based line and UTF-16 column. The engine walks forward through each stream once;
// no rule ever computes a position.
import { isAscii } from 'node:buffer';

export interface Position {
  line: number;
  column: number;
}

const LF = 0x0a;

/**
 * UTF-16 code units of bytes [from, to) as an editor decodes them: invalid UTF-8 counts one U+FFFD per
 * bad sequence (the WHATWG decoder, which Buffer#toString follows), so it cannot shift later columns.
 * Well-formed sequences are counted in place (a column in a line of names with accents, without
 * decoding the line); from the first byte that starts none, the decoder counts the rest.
 */
function utf16Units(buf: Buffer, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      units++;
      i++;
      continue;
    }
    const length = wellFormedLength(buf, i, to);
    if (length === 0) return units + buf.toString('utf8', i, to).length;
    units += length === 4 ? 2 : 1;
    i += length;
  }
  return units;
}

/** The length of the well-formed UTF-8 sequence of 2–4 bytes at `i` that ends by `to`, or 0 (Unicode table 3-7). */
function wellFormedLength(buf: Buffer, i: number, to: number): number {
  const b = buf[i]!;
  const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (length === 0 || i + length > to) return 0;
  const second = buf[i + 1]!;
  const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  if (second < low || second > high) return 0;
  for (let k = 2; k < length; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return 0;
  return length;
}

const MAX_CONTINUATION = 3;

/** `target`, or up to three bytes earlier so that it does not cut a UTF-8 sequence in two. */
function sequenceStart(buf: Buffer, base: number, target: number, floor: number): number {
  let i = target;
  while (i > floor && target - i < MAX_CONTINUATION && ((buf[i - base] ?? 0) & 0xc0) === 0x80) i--;
  return i;
}

/**
 * Follows a stream forward: `at(buf, base, target)` gives the position of absolute byte `target`
 * (of the character holding it, if it falls inside one), where `buf` holds the stream from absolute
 * offset `base` and covers everything since the last call, plus three bytes. Targets must not decrease.
 * A class: one per stream, its methods the same functions to V8 for every file.
 */
export class LineTracker {
  private offset = 0;
  private pos: Position = { line: 1, column: 1 };
  // The engine asks many times per window: per window, whether it is all ASCII (then a column is a
  // byte) and the next line feed at or after `offset` (absolute; Infinity when the window has none),
  // so that each byte is searched once and no call cuts a view of the buffer. A window is known by its
  // Buffer object and base: the caller must not refill a buffer in place and pass it with the same base.
  private current: Buffer | undefined;
  private currentBase = 0;
  private ascii = false;
  private nextLf = Infinity;

  at(buf: Buffer, base: number, target: number): Position {
    // Spans end where a sequence starts, so each decodes on its own exactly as it would in one piece.
    const to = sequenceStart(buf, base, target, this.offset);
    if (to <= this.offset) return this.pos;
    if (buf !== this.current || base !== this.currentBase) {
      this.current = buf;
      this.currentBase = base;
      this.ascii = isAscii(buf);
      this.nextLf = findLf(buf, base, this.offset);
    }
    if (this.nextLf >= to) this.pos = { line: this.pos.line, column: this.pos.column + this.units(buf, base, this.offset, to) };
    else {
      let lines = 0;
      let lastLf = this.nextLf;
      for (; this.nextLf < to; this.nextLf = findLf(buf, base, this.nextLf + 1)) {
        lines++;
        lastLf = this.nextLf;
      }
      this.pos = { line: this.pos.line + lines, column: 1 + this.units(buf, base, lastLf + 1, to) };
    }
    this.offset = to;
    return this.pos;
  }

  private units(buf: Buffer, base: number, from: number, to: number): number {
    return this.ascii ? to - from : utf16Units(buf, from - base, to - base);
  }
}

/** The next line feed at or after absolute `from` in `buf` (at absolute `base`), or Infinity. */
function findLf(buf: Buffer, base: number, from: number): number {
  const i = buf.indexOf(LF, from - base);
  return i === -1 ? Infinity : base + i;
}
