import type { SkipReason, Skipped } from '../types.js';
export interface SourceLimits {
    /** Largest file or archive member to scan, in bytes; 0 = no limit. */
    maxFileSize: number;
    /** Container layers (gzip, zip, tar) opened inside one input; a tar.gz is two. */
    maxDepth: number;
    /** Bytes decompressed out of one input, over all its layers; 0 = no limit. */
    maxExpandedBytes: number;
    /** Decompressed ÷ compressed size of one layer or member; 0 = no limit. */
    maxRatio: number;
    /** Members of one archive; 0 = no limit. */
    maxMembers: number;
}
export declare const DEFAULT_LIMITS: SourceLimits;
/**
 * The ratio guard looks at layers past this size only: a small, very repetitive file (a fixture of
 * repeated lines) compresses far beyond any bomb threshold and costs nothing to scan.
 */
export declare const RATIO_FLOOR: number;
/** Where a stream sits: how deep in containers, and what its top-level input has expanded so far. */
export interface Layer {
    limits: SourceLimits;
    depth: number;
    expanded: {
        bytes: number;
    };
}
export declare function topLayer(limits: SourceLimits): Layer;
/** Thrown from inside a stream when a guard trips mid-read; the scan records it as a skip. */
export declare class GuardTrip extends Error {
    readonly skipped: Skipped;
    constructor(path: string, reason: SkipReason, detail: string);
}
/** Skip reasons that mean content went unread because of a guard or an unsupported format. */
export declare const UNSCANNED_REASONS: ReadonlySet<SkipReason>;
export declare function tooLarge(path: string, size: number, limits: SourceLimits): Skipped | undefined;
/** Why a member name must not be used as a path (absolute, drive letter, `..`), or undefined. */
export declare function unsafeMemberName(name: string): string | undefined;
/** Too much compression for its size (a bomb), judged on what one layer has produced so far. */
export declare function ratioProblem(expanded: number, compressed: number, limits: SourceLimits): string | undefined;
export declare function budgetProblem(expanded: number, limits: SourceLimits): string | undefined;
/**
 * Counts the bytes a decompressing layer produces, against the input's budget and the layer's ratio
 * (`compressed()` says how many bytes it has consumed so far).
 */
export declare function metered(output: AsyncIterable<Buffer>, path: string, layer: Layer, compressed: () => number): AsyncGenerator<Buffer>;
/** An archive or compressed stream that its library could not read; the message names the format. */
export declare class CorruptInput extends Error {
    constructor(format: string, cause: unknown);
}
/** Library errors become CorruptInput; file-system errors, guard trips and earlier labels pass unchanged. */
export declare function labelError(format: string, err: unknown): unknown;
