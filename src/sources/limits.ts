// Guards against hostile inputs. A tripped guard is a reported skip with a reason, never a hang, a
// crash or an out-of-memory; whether it fails the run is the caller's policy (archives.onSkip).
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

export const DEFAULT_LIMITS: SourceLimits = {
  maxFileSize: 0,
  maxDepth: 5,
  maxExpandedBytes: 16 * 2 ** 30,
  maxRatio: 200,
  maxMembers: 100_000,
};

/**
 * The ratio guard looks at layers past this size only: a small, very repetitive file (a fixture of
 * repeated lines) compresses far beyond any bomb threshold and costs nothing to scan.
 */
export const RATIO_FLOOR = 16 << 20;

/** Where a stream sits: how deep in containers, and what its top-level input has expanded so far. */
export interface Layer {
  limits: SourceLimits;
  depth: number;
  expanded: { bytes: number };
}

export function topLayer(limits: SourceLimits): Layer {
  return { limits, depth: 0, expanded: { bytes: 0 } };
}

/** Thrown from inside a stream when a guard trips mid-read; the scan records it as a skip. */
export class GuardTrip extends Error {
  readonly skipped: Skipped;
  constructor(path: string, reason: SkipReason, detail: string) {
    super(`${reason}: ${detail}`);
    this.name = 'GuardTrip';
    this.skipped = { path, reason, detail };
  }
}

/** Skip reasons that mean content went unread because of a guard or an unsupported format. */
export const UNSCANNED_REASONS: ReadonlySet<SkipReason> = new Set(['archive-depth', 'archive-ratio', 'archive-size', 'archive-entries', 'archive-path', 'unsupported']);

export function tooLarge(path: string, size: number, limits: SourceLimits): Skipped | undefined {
  if (limits.maxFileSize === 0 || size <= limits.maxFileSize) return undefined;
  return { path, reason: 'too-large', detail: `${size} bytes > max file size ${limits.maxFileSize}` };
}

/** Why a member name must not be used as a path (absolute, drive letter, `..`), or undefined. */
export function unsafeMemberName(name: string): string | undefined {
  if (/^([A-Za-z]:|[/\\])/.test(name)) return 'absolute member path';
  if (name.split(/[/\\]/).includes('..')) return 'member path climbs out of the archive (..)';
  return undefined;
}

/** Too much compression for its size (a bomb), judged on what one layer has produced so far. */
export function ratioProblem(expanded: number, compressed: number, limits: SourceLimits): string | undefined {
  if (limits.maxRatio === 0 || expanded < RATIO_FLOOR || expanded <= limits.maxRatio * compressed) return undefined;
  return `expands more than ${limits.maxRatio}x (${expanded} bytes from ${compressed})`;
}

export function budgetProblem(expanded: number, limits: SourceLimits): string | undefined {
  if (limits.maxExpandedBytes === 0 || expanded <= limits.maxExpandedBytes) return undefined;
  return `expands past the limit of ${limits.maxExpandedBytes} bytes`;
}

/**
 * Counts the bytes a decompressing layer produces, against the input's budget and the layer's ratio
 * (`compressed()` says how many bytes it has consumed so far).
 */
export async function* metered(output: AsyncIterable<Buffer>, path: string, layer: Layer, compressed: () => number): AsyncGenerator<Buffer> {
  let produced = 0;
  for await (const chunk of output) {
    produced += chunk.length;
    layer.expanded.bytes += chunk.length;
    const ratio = ratioProblem(produced, compressed(), layer.limits);
    if (ratio !== undefined) throw new GuardTrip(path, 'archive-ratio', ratio);
    const budget = budgetProblem(layer.expanded.bytes, layer.limits);
    if (budget !== undefined) throw new GuardTrip(path, 'archive-size', budget);
    yield chunk;
  }
}

/** An archive or compressed stream that its library could not read; the message names the format. */
export class CorruptInput extends Error {
  constructor(format: string, cause: unknown) {
    super(`corrupt or truncated ${format} (${(cause as Error).message ?? String(cause)})`);
    this.name = 'CorruptInput';
  }
}

/** Library errors become CorruptInput; file-system errors, guard trips and earlier labels pass unchanged. */
export function labelError(format: string, err: unknown): unknown {
  if (err instanceof GuardTrip || err instanceof CorruptInput) return err;
  if (/^E[A-Z]/.test(String((err as NodeJS.ErrnoException).code ?? ''))) return err;
  return new CorruptInput(format, err);
}
