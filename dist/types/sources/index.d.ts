import type { Skipped } from '../types.js';
export interface TextInput {
    kind: 'text';
    /** Display path (archive members as `outer.zip!inner/file.csv`). */
    path: string;
    /** UTF-8 bytes, in order; chunk sizes are arbitrary. */
    chunks: AsyncIterable<Buffer>;
}
export interface SkippedInput {
    kind: 'skipped';
    skipped: Skipped;
}
export type SourceItem = TextInput | SkippedInput;
export interface SourceLimits {
    /** Largest file to scan, in bytes; 0 = no limit. */
    maxFileSize: number;
}
export declare const READ_CHUNK: number;
/**
 * Yields the text streams inside one file. Throws (with a message naming no content) when the file
 * cannot be read; the caller records that as a scan error.
 */
export declare function readSource(file: string, displayPath: string, limits: SourceLimits): AsyncGenerator<SourceItem>;
/** Sniffs the first block of a byte stream and yields what it holds. */
export declare function readStream(input: AsyncIterable<Buffer>, displayPath: string): AsyncGenerator<SourceItem>;
