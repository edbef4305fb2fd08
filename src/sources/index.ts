// readSource(): one input (a file or a stream) → the text streams inside it, plus reasoned skips and
// errors. Content decides what a stream is (sniff.ts); containers nest: gzip, tar and zip hand each
// member back to readStream one layer deeper, so `a.zip!b.tar.gz!c.csv` needs no special case.
import fs from 'node:fs';
import { gunzip } from './gzip.js';
import { skip, type ReadMember, type SourceItem } from './items.js';
import { GuardTrip, labelError, tooLarge, topLayer, type Layer, type SourceLimits } from './limits.js';
import { sniff, SNIFF_BYTES } from './sniff.js';
import { tarMembers } from './tar.js';
import { utf16ToUtf8 } from './utf16.js';
import { spooledZipMembers, zipMembers } from './zip.js';

export type { SourceItem, TextInput } from './items.js';
export { DEFAULT_LIMITS, GuardTrip, UNSCANNED_REASONS, type SourceLimits } from './limits.js';

// Chunks that die young stay in V8's young generation (a 2 GiB one-line dump peaked at 297 MB read in
// 1 MiB chunks, at 185 MB from stdin's 64 KiB ones). 64 KiB rather than 128: with a fresh 128 KiB
// (or 120 KiB) buffer per read, a scan of the bench corpus took ~40% more page faults and ~8% more
// CPU (the engine itself is no faster with the larger windows), and peaked 25 MB higher.
export const READ_CHUNK = 64 << 10;

/**
 * Yields the text streams inside one file. Throws (with a message naming no content) when the file
 * cannot be read; the caller records that as a scan error.
 */
export async function* readSource(file: string, displayPath: string, limits: SourceLimits): AsyncGenerator<SourceItem> {
  // Synchronous, like the reads: an asynchronous stat per file costs a round trip through libuv's
  // thread pool, which over 20,000 small files was 5% of a scan.
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const large = tooLarge(displayPath, size, limits);
    if (large) yield { kind: 'skipped', skipped: large };
    else yield* readLayer(fileChunks(fd, size), displayPath, topLayer(limits), file);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A file's bytes in READ_CHUNK pieces, read synchronously: a scan reads one file at a time per
 * thread, and each asynchronous read would cost a round trip through libuv's thread pool (per file
 * as much as scanning a small fixture takes). Pieces are fresh buffers the engine may keep.
 */
async function* fileChunks(fd: number, size: number): AsyncGenerator<Buffer> {
  // One more byte than the size we were told, so a file that grew is still read to its end.
  let read = 0;
  for (let want = Math.min(READ_CHUNK, size + 1); ; want = READ_CHUNK) {
    const buf = Buffer.allocUnsafe(want);
    const n = fs.readSync(fd, buf, 0, want, null);
    if (n === 0) return;
    read += n;
    yield n === want ? buf : buf.subarray(0, n);
    // A short read past the size is the end: no fresh buffer for a last read of nothing (one per small file).
    if (n < want && read >= size) return;
  }
}

/** A byte stream (stdin): the same as a file, except that a zip is spooled to disk first. */
export function readStream(input: AsyncIterable<Buffer>, displayPath: string, limits: SourceLimits): AsyncGenerator<SourceItem> {
  return readLayer(input, displayPath, topLayer(limits));
}

/** The first `min` bytes (fewer at the end of the stream), and the iterator positioned after them. */
async function peek(input: AsyncIterable<Buffer>, min: number): Promise<{ head: Buffer; rest: AsyncIterator<Buffer> }> {
  const rest = input[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let length = 0;
  while (length < min) {
    const next = await rest.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return { head: parts.length === 1 ? parts[0]! : Buffer.concat(parts), rest };
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  try {
    if (head.length > 0) yield head;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.();
  }
}

/** `file` is given when `input` is that whole file from its start (a zip is then read in place). */
async function* readLayer(input: AsyncIterable<Buffer>, path: string, layer: Layer, file?: string): AsyncGenerator<SourceItem> {
  let head: Buffer;
  let rest: AsyncIterator<Buffer>;
  try {
    ({ head, rest } = await peek(input, SNIFF_BYTES));
  } catch (err) {
    // A member whose first bytes cannot be read (a corrupt .gz inside a zip) fails alone, not its archive.
    if (err instanceof GuardTrip) yield { kind: 'skipped', skipped: err.skipped };
    else if (layer.depth > 0) yield { kind: 'error', error: { path, message: describeError(labelError('data', err)) } };
    else throw err;
    return;
  }
  const bytes = prepend(head, rest);
  const { kind, detail } = sniff(head);
  switch (kind) {
    case 'text':
      yield { kind: 'text', path, chunks: bytes };
      return;
    case 'utf16le':
    case 'utf16be':
      yield { kind: 'text', path, chunks: utf16ToUtf8(bytes, kind === 'utf16le' ? 'utf-16le' : 'utf-16be') };
      return;
    case 'binary':
    case 'unsupported':
      await bytes.return(undefined);
      yield skip(path, kind, detail);
      return;
  }
  if (layer.depth >= layer.limits.maxDepth) {
    await bytes.return(undefined);
    yield skip(path, 'archive-depth', `${kind} nested more than ${layer.limits.maxDepth} containers deep`);
    return;
  }
  const inner: Layer = { ...layer, depth: layer.depth + 1 };
  const member: ReadMember = (stream, memberPath, memberLayer) => readLayer(stream, memberPath, memberLayer);
  if (kind === 'gzip') yield* readLayer(gunzip(bytes, path, inner), path, inner);
  else if (kind === 'tar') yield* tarMembers(bytes, path, inner, member);
  else if (file !== undefined) {
    await bytes.return(undefined);
    yield* zipMembers(file, path, inner, member);
  } else yield* spooledZipMembers(bytes, path, inner, member);
}

/** Messages name the problem, never content. */
export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: cannot read this input';
    case 'ENOENT':
      return 'vanished during the scan';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code !== undefined ? `cannot read (${code})` : `cannot read: ${(err as Error).message ?? String(err)}`;
  }
}
