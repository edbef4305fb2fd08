export interface Position {
    line: number;
    column: number;
}
/** UTF-16 code units encoded by bytes [from, to): one per UTF-8 lead byte, two for 4-byte sequences. */
export declare function utf16Units(buf: Buffer, from: number, to: number): number;
/** The position reached from `pos` after the bytes [from, to) of `buf`. */
export declare function advance(pos: Position, buf: Buffer, from: number, to: number): Position;
/**
 * Follows a stream forward: `at(buf, base, target)` gives the position of absolute byte `target`,
 * where `buf` holds the stream from absolute offset `base` and covers everything since the last call.
 * Targets must not decrease.
 */
export declare function createLineTracker(): {
    at(buf: Buffer, base: number, target: number): Position;
};
