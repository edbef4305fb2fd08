// Fenced code blocks of a Markdown stream. A `piiguard:allow` comment inside one is an example of the
// syntax (a README or a contributing guide showing how to suppress), not a comment in code: it still
// suppresses, but suppressing nothing is its purpose, so it is not listed as unused. Lines are counted
// as the engine counts them (LF), from the chunks the engine reads, as they pass.

/** Markdown files by name (an archive member's path ends with its own name). */
export const MARKDOWN_PATH = /\.(?:md|markdown|mdx)$/i;

const LF = 0x0a;
// Enough of a line for its indentation and fence; a fence is judged from a line's start only.
const HEAD_BYTES = 64;
// CommonMark: up to three spaces, then three or more backticks or tildes; a closing fence has the
// same character, at least as many of it, and nothing else after it.
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

export interface FenceTracker {
  /** The same chunks, unchanged. */
  chunks: AsyncIterable<Buffer>;
  /** Whether a line (1-based) lies inside a fenced code block; complete once `chunks` has been read. */
  inFence(line: number): boolean;
}

export function trackFences(chunks: AsyncIterable<Buffer>): FenceTracker {
  const blocks: Array<{ from: number; to: number }> = []; // lines strictly inside, inclusive bounds
  let line = 1;
  let head = ''; // the current line's first bytes (latin1 is enough to read ASCII punctuation)
  let open: { char: string; length: number; line: number } | undefined;

  const endLine = (): void => {
    const fence = FENCE.exec(head.replace(/\r$/, ''));
    if (fence !== null) {
      const marks = fence[1]!;
      const rest = fence[2]!;
      if (open === undefined) {
        // A backtick fence's info string may not hold a backtick.
        if (marks[0] === '~' || !rest.includes('`')) open = { char: marks[0]!, length: marks.length, line };
      } else if (marks[0] === open.char && marks.length >= open.length && rest.trim() === '') {
        blocks.push({ from: open.line + 1, to: line - 1 });
        open = undefined;
      }
    }
    head = '';
    line++;
  };

  async function* tap(): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      for (let start = 0; start < chunk.length; ) {
        const lf = chunk.indexOf(LF, start);
        const end = lf === -1 ? chunk.length : lf;
        if (head.length < HEAD_BYTES) head += chunk.toString('latin1', start, Math.min(end, start + HEAD_BYTES - head.length));
        if (lf === -1) break;
        endLine();
        start = lf + 1;
      }
      yield chunk;
    }
    endLine();
    // An unclosed fence runs to the end of the document.
    if (open !== undefined) blocks.push({ from: open.line + 1, to: Infinity });
  }

  return { chunks: tap(), inFence: (n) => blocks.some((b) => n >= b.from && n <= b.to) };
}
