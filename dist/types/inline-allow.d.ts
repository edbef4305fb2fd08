export declare const ALLOW_MARKER = "piiguard:allow";
/** A directive at a latin1 offset of the window; the engine turns the offset into a line. */
export interface DirectiveMatch {
    offset: number;
    rules: string[];
    coversNextLine: boolean;
}
/**
 * Directives starting in [from, to) of the latin1 view `text`. `atStreamStart` says `text[0]` begins the
 * stream, so a line start not found in the window is the stream start. `markers`: where the marker
 * starts in [from, to), when the caller knows (the engine's automaton finds it with the patterns).
 */
export declare function findAllowDirectives(text: string, from: number, to: number, atStreamStart: boolean, markers?: number[]): DirectiveMatch[];
