// readSource(): one input (a file or a stream) → text streams, or a reasoned skip. Archive formats
// plug in here, behind the same content sniffing.
import fs from 'node:fs';
import type { Skipped } from '../types.js';
import { sniff } from './sniff.js';

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

export const READ_CHUNK = 1 << 20;

/**
 * Yields the text streams inside one file. Throws (with a message naming no content) when the file
 * cannot be read; the caller records that as a scan error.
 */
export async function* readSource(file: string, displayPath: string, limits: SourceLimits): AsyncGenerator<SourceItem> {
  const stat = await fs.promises.stat(file);
  if (limits.maxFileSize > 0 && stat.size > limits.maxFileSize) {
    yield { kind: 'skipped', skipped: { path: displayPath, reason: 'too-large', detail: `${stat.size} bytes > max file size ${limits.maxFileSize}` } };
    return;
  }
  const stream = fs.createReadStream(file, { highWaterMark: READ_CHUNK });
  try {
    yield* readStream(stream, displayPath);
  } finally {
    stream.destroy();
  }
}

/** Sniffs the first block of a byte stream and yields what it holds. */
export async function* readStream(input: AsyncIterable<Buffer>, displayPath: string): AsyncGenerator<SourceItem> {
  const iterator = input[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  const kind = sniff(head);
  if (kind.binary) {
    yield { kind: 'skipped', skipped: { path: displayPath, reason: 'binary', detail: kind.detail } };
    return;
  }
  yield { kind: 'text', path: displayPath, chunks: prepend(head, iterator) };
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) return;
    yield next.value;
  }
}
