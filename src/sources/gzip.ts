// gzip (and .tar.gz, .tgz): Node's zlib, streamed; concatenated gzip members read as one stream.
import { pipeline, Readable } from 'node:stream';
import zlib from 'node:zlib';
import { labelError, metered, type Layer } from './limits.js';

async function* counted(input: AsyncIterable<Buffer>, count: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    count(chunk.length);
    yield chunk;
  }
}

async function* labelled(output: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* output;
  } catch (err) {
    throw labelError('gzip data', err);
  }
}

/** The decompressed bytes, counted against the input's expansion budget and this layer's ratio. */
export function gunzip(input: AsyncIterable<Buffer>, path: string, layer: Layer): AsyncIterable<Buffer> {
  let consumed = 0;
  const gz = zlib.createGunzip();
  // Errors of either side surface through gz; stopping early destroys both.
  pipeline(
    Readable.from(counted(input, (n) => (consumed += n))),
    gz,
    () => {},
  );
  return metered(labelled(gz), path, layer, () => consumed);
}
