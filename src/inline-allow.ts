// `piiguard:allow [rule-id…] [-- reason]` comments, found by the engine in the window it already has
// (by its automaton in the same pass as the patterns, else one indexOf per window). The marker counts
// only right after a comment opener (`#`, `//`, `--`, `/*`, `<!--`, `;`, `%`, or a `*` starting a
// line), so code and prose that merely mention it are not directives. The reason is for reviewers and
// is never copied out: it sits on the same line as the value it excuses.

export const ALLOW_MARKER = 'piiguard:allow';

/** A directive at a latin1 offset of the window; the engine turns the offset into a line. */
export interface DirectiveMatch {
  offset: number;
  rules: string[];
  coversNextLine: boolean;
}

const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// The engine keeps OVERLAP (256) bytes after every accepted offset, so this much of the line is there.
const MAX_DIRECTIVE = 200;
const WORD_BYTE = /[A-Za-z0-9_\x80-\xff]/;
const OPENER = String.raw`(?:#+|//+|--|/\*+|<!--|;+|%+)`;
const AFTER_OPENER = new RegExp(`${OPENER}[ \\t]*$`);
const BLOCK_COMMENT_LINE = /^[ \t]*\*[ \t]*$/;
const ALONE = new RegExp(`^[ \\t]*(?:${OPENER}|\\*)[ \\t]*$`);

/**
 * Directives starting in [from, to) of the latin1 view `text`. `atStreamStart` says `text[0]` begins the
 * stream, so a line start not found in the window is the stream start. `markers`: where the marker
 * starts in [from, to), when the caller knows (the engine's automaton finds it with the patterns).
 */
export function findAllowDirectives(text: string, from: number, to: number, atStreamStart: boolean, markers = markersIn(text, from, to)): DirectiveMatch[] {
  const found: DirectiveMatch[] = [];
  for (const i of markers) {
    const end = i + ALLOW_MARKER.length;
    if (end < text.length && WORD_BYTE.test(text[end]!)) continue;
    const lf = text.lastIndexOf('\n', i - 1);
    // The engine keeps LOOKBEHIND bytes before the accept region, enough for a comment opener; the
    // start of a longer line may be out of the window, and then the line is not "alone".
    const wholeLine = lf !== -1 || atStreamStart;
    const before = text.slice(lf + 1, i);
    if (!AFTER_OPENER.test(before) && !(wholeLine && BLOCK_COMMENT_LINE.test(before))) continue;
    found.push({ offset: i, rules: ruleIds(text, end), coversNextLine: wholeLine && ALONE.test(before) });
  }
  return found;
}

function markersIn(text: string, from: number, to: number): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf(ALLOW_MARKER, from); i !== -1 && i < to; i = text.indexOf(ALLOW_MARKER, i + 1)) starts.push(i);
  return starts;
}

/** Rule ids after the marker, up to `--` (the reason), a comment close or the end of the line. */
function ruleIds(text: string, from: number): string[] {
  const eol = text.indexOf('\n', from);
  const line = text.slice(from, Math.min(eol === -1 ? text.length : eol, from + MAX_DIRECTIVE));
  const ids: string[] = [];
  for (const token of line.split(/--|\*\//, 1)[0]!.split(/[\s,]+/)) {
    if (token === '') continue;
    if (!RULE_ID.test(token)) break;
    ids.push(token);
  }
  return ids;
}
