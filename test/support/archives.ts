// Archives built at test time (nothing binary is committed): tar with tar-stream, zip with yazl
// (stored, deflate, ZIP64), gzip with zlib.
import zlib from 'node:zlib';
import tarStream from 'tar-stream';
import yazl from 'yazl';

export type Members = Record<string, string | Buffer>;

export function gzip(data: string | Buffer): Buffer {
  return zlib.gzipSync(data);
}

async function collect(stream: AsyncIterable<Buffer | Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

export async function tar(members: Members): Promise<Buffer> {
  const pack = tarStream.pack();
  const done = collect(pack as AsyncIterable<Buffer>);
  for (const [name, content] of Object.entries(members)) pack.entry({ name }, content);
  pack.finalize();
  return done;
}

export interface ZipOptions {
  compress?: boolean;
  zip64?: boolean;
}

export async function zip(members: Members, options: ZipOptions = {}): Promise<Buffer> {
  const archive = new yazl.ZipFile();
  for (const [name, content] of Object.entries(members)) {
    if (name.endsWith('/')) archive.addEmptyDirectory(name);
    else archive.addBuffer(Buffer.from(content), name, { compress: options.compress ?? true, forceZip64Format: options.zip64 ?? false });
  }
  archive.end();
  return collect(archive.outputStream as AsyncIterable<Buffer>);
}
