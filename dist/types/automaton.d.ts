/** What a rule must give the automaton: its compiled pattern. */
export interface PatternSource {
    regex: RegExp;
}
/**
 * A rule's place in the automaton. A match of it reported as ending at `end` started in
 * [end - maxLength, end - minLength]: ends may be reported up to a few bytes late (lookaheads). Its
 * lookarounds read at most `reach` bytes beyond a match, each side.
 */
export interface Covered<R> {
    rule: R;
    maxLength: number;
    minLength: number;
    reach: number;
}
export interface Automaton<R> {
    covered: Covered<R>[];
    /**
     * Per covered rule (same order), the positions of `window` at or after `from` where one of its
     * matches may end, ascending; undefined when the DFA gave up on this window.
     */
    ends(window: Uint8Array, from: number): number[][] | undefined;
}
export declare function buildAutomaton<R extends PatternSource>(rules: R[]): Automaton<R>;
