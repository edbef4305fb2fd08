/** Markdown files by name (an archive member's path ends with its own name). */
export declare const MARKDOWN_PATH: RegExp;
export interface FenceTracker {
    /** The same chunks, unchanged. */
    chunks: AsyncIterable<Buffer>;
    /** Whether a line (1-based) lies inside a fenced code block; complete once `chunks` has been read. */
    inFence(line: number): boolean;
}
export declare function trackFences(chunks: AsyncIterable<Buffer>): FenceTracker;
