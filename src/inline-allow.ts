// `piiguard:allow [rule-id…] [-- reason]` comments, found by the engine in the window it already has
// (a literal search, so files without the marker cost one indexOf per window). The syntax does not
// care which comment style surrounds it: `#`, `//`, `--`, `/* */` and `<!-- -->` all work because
// only the marker and what follows it on the line are read. The reason is for reviewers and is never
// copied out: it sits on the same line as the value it excuses.

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

/**
 * Directives starting in [from, to) of the latin1 view `text`. `atStreamStart` says `text[0]` begins the
 * stream, so a line start not found in the window is the stream start.
 */
export function findAllowDirectives(text: string, from: number, to: number, atStreamStart: boolean): DirectiveMatch[] {
  const found: DirectiveMatch[] = [];
  for (let i = text.indexOf(ALLOW_MARKER, from); i !== -1 && i < to; i = text.indexOf(ALLOW_MARKER, i + 1)) {
    const end = i + ALLOW_MARKER.length;
    if ((i > 0 && WORD_BYTE.test(text[i - 1]!)) || (end < text.length && WORD_BYTE.test(text[end]!))) continue;
    found.push({ offset: i, rules: ruleIds(text, end), coversNextLine: aloneOnLine(text, i, atStreamStart) });
  }
  return found;
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

/** Only whitespace and comment punctuation (`#`, `//`, `--`, `/*`, `<!--`, `*`) before the marker. */
function aloneOnLine(text: string, at: number, atStreamStart: boolean): boolean {
  const lf = text.lastIndexOf('\n', at - 1);
  if (lf === -1 && !atStreamStart) return false; // the line starts before the window: cannot tell
  return !/[A-Za-z0-9\x80-\xff]/.test(text.slice(lf + 1, at));
}
