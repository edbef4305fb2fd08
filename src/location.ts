// Byte offsets → 1-based line and UTF-16 column. The engine walks forward through each stream once;
// no rule ever computes a position.
import { isAscii } from 'node:buffer';

export interface Position {
  line: number;
  column: number;
}

const LF = 0x0a;

/** UTF-16 code units encoded by bytes [from, to): one per UTF-8 lead byte, two for 4-byte sequences. */
export function utf16Units(buf: Buffer, from: number, to: number): number {
  if (to <= from) return 0;
  if (isAscii(buf.subarray(from, to))) return to - from;
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = buf[i]!;
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

/** The position reached from `pos` after the bytes [from, to) of `buf`. */
export function advance(pos: Position, buf: Buffer, from: number, to: number): Position {
  // Search a bounded view: indexOf on the whole buffer would run past `to` when no LF is near.
  const span = buf.subarray(from, to);
  let lines = 0;
  let lastLf = -1;
  for (let i = span.indexOf(LF); i !== -1; i = span.indexOf(LF, i + 1)) {
    lines++;
    lastLf = i;
  }
  if (lines === 0) return { line: pos.line, column: pos.column + utf16Units(buf, from, to) };
  return { line: pos.line + lines, column: 1 + utf16Units(buf, from + lastLf + 1, to) };
}

/**
 * Follows a stream forward: `at(buf, base, target)` gives the position of absolute byte `target`,
 * where `buf` holds the stream from absolute offset `base` and covers everything since the last call.
 * Targets must not decrease.
 */
export function createLineTracker(): { at(buf: Buffer, base: number, target: number): Position } {
  let offset = 0;
  let pos: Position = { line: 1, column: 1 };
  return {
    at(buf, base, target) {
      if (target > offset) {
        pos = advance(pos, buf, offset - base, target - base);
        offset = target;
      }
      return pos;
    },
  };
}
