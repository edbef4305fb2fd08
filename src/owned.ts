// Strings cut from a window's text can be V8 slices (or concatenations holding slices) that keep the
// whole window alive. Whatever outlives its window — a kept finding, a memo key — must own its
// characters, or a 2 GB dump would stay in memory window by window.

/** V8 copies rather than slices (or concatenates lazily) below this length. */
const SHARED_BELOW = 13;

/** `s` with characters of its own. */
export function ownedCopy(s: string): string {
  return s.length < SHARED_BELOW ? s : Buffer.from(s, 'utf8').toString('utf8');
}
