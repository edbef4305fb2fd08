export interface Position {
    line: number;
    column: number;
}
/**
 * Follows a stream forward: `at(buf, base, target)` gives the position of absolute byte `target`
 * (of the character holding it, if it falls inside one), where `buf` holds the stream from absolute
 * offset `base` and covers everything since the last call, plus three bytes. Targets must not decrease.
 * A class: one per stream, its methods the same functions to V8 for every file.
 */
export declare class LineTracker {
    private offset;
    private pos;
    private current;
    private currentBase;
    private ascii;
    private nextLf;
    at(buf: Buffer, base: number, target: number): Position;
    private units;
}
