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
 */
export function utf16Units(buf: Buffer, from: number, to: number): number {
  if (to <= from) return 0;
  if (isAscii(buf.subarray(from, to))) return to - from;
  return buf.toString('utf8', from, to).length;
}

const MAX_CONTINUATION = 3;

/** `target`, or up to three bytes earlier so that it does not cut a UTF-8 sequence in two. */
function sequenceStart(buf: Buffer, base: number, target: number, floor: number): number {
  let i = target;
  while (i > floor && target - i < MAX_CONTINUATION && ((buf[i - base] ?? 0) & 0xc0) === 0x80) i--;
  return i;
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
 * Follows a stream forward: `at(buf, base, target)` gives the position of absolute byte `target`
 * (of the character holding it, if it falls inside one), where `buf` holds the stream from absolute
 * offset `base` and covers everything since the last call, plus three bytes. Targets must not decrease.
 */
export function createLineTracker(): { at(buf: Buffer, base: number, target: number): Position } {
  let offset = 0;
  let pos: Position = { line: 1, column: 1 };
  return {
    at(buf, base, target) {
      // Spans end where a sequence starts, so each decodes on its own exactly as it would in one piece.
      const to = sequenceStart(buf, base, target, offset);
      if (to > offset) {
        pos = advance(pos, buf, offset - base, to - base);
        offset = to;
      }
      return pos;
    },
  };
}
