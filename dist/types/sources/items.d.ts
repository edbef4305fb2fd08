import type { ScanError, SkipReason, Skipped } from '../types.js';
import type { Layer } from './limits.js';
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
export interface ErrorInput {
    kind: 'error';
    error: ScanError;
}
export type SourceItem = TextInput | SkippedInput | ErrorInput;
/** Reads one member of a container (passed in, so container modules need not import the dispatcher). */
export type ReadMember = (input: AsyncIterable<Buffer>, path: string, layer: Layer) => AsyncGenerator<SourceItem>;
export declare function skip(path: string, reason: SkipReason, detail: string): SkippedInput;
/** `outer.zip` + `dir/file.csv` → `outer.zip!dir/file.csv`. */
export declare function memberPath(container: string, name: string): string;
