import { type SourceItem } from './items.js';
import { type SourceLimits } from './limits.js';
export type { SourceItem, TextInput } from './items.js';
export { DEFAULT_LIMITS, GuardTrip, UNSCANNED_REASONS, type SourceLimits } from './limits.js';
export declare const READ_CHUNK: number;
/**
 * Yields the text streams inside one file. Throws (with a message naming no content) when the file
 * cannot be read; the caller records that as a scan error.
 */
export declare function readSource(file: string, displayPath: string, limits: SourceLimits): AsyncGenerator<SourceItem>;
/** A byte stream (stdin): the same as a file, except that a zip is spooled to disk first. */
export declare function readStream(input: AsyncIterable<Buffer>, displayPath: string, limits: SourceLimits): AsyncGenerator<SourceItem>;
/** Messages name the problem, never content. */
export declare function describeError(err: unknown): string;
