export interface Position {
    line: number;
    column: number;
}
/**
 * UTF-16 code units of bytes [from, to) as an editor decodes them: invalid UTF-8 counts one U+FFFD per
 * bad sequence (the WHATWG decoder, which Buffer#toString follows), so it cannot shift later columns.
 */
export declare function utf16Units(buf: Buffer, from: number, to: number): number;
/** The position reached from `pos` after the bytes [from, to) of `buf`. */
export declare function advance(pos: Position, buf: Buffer, from: number, to: number): Position;
/**
 * Follows a stream forward: `at(buf, base, target)` gives the position of absolute byte `target`
 * (of the character holding it, if it falls inside one), where `buf` holds the stream from absolute
 * offset `base` and covers everything since the last call, plus three bytes. Targets must not decrease.
 */
export declare function createLineTracker(): {
    at(buf: Buffer, base: number, target: number): Position;
};
