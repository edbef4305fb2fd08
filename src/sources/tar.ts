// tar (ustar, GNU, pax; and under gzip, .tar.gz/.tgz) with tar-stream: a forward-only streaming parser
// with backpressure, so a tar of any size passes through in constant memory.
import { pipeline, Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { skip, memberPath, type ReadMember, type SourceItem } from './items.js';
import { labelError, tooLarge, unsafeMemberName, type Layer } from './limits.js';

function memberSkip(header: tarStream.Header, path: string, layer: Layer): SourceItem | undefined {
  if (header.type === 'symlink' || header.type === 'link') return skip(path, 'symlink', `${header.type} inside the archive is not followed`);
  if (header.type !== 'file' && header.type !== 'contiguous-file') return skip(path, 'unsupported', `${header.type} entry`);
  const unsafe = unsafeMemberName(header.name);
  if (unsafe !== undefined) return skip(path, 'archive-path', unsafe);
  const large = tooLarge(path, header.size, layer.limits);
  return large ? { kind: 'skipped', skipped: large } : undefined;
}

export async function* tarMembers(input: AsyncIterable<Buffer>, path: string, layer: Layer, read: ReadMember): AsyncGenerator<SourceItem> {
  const extract = tarStream.extract();
  // An error of the input (a corrupt gzip underneath) destroys extract, which ends the loop below with it.
  pipeline(Readable.from(input), extract, () => {});
  let members = 0;
  try {
    for await (const entry of extract) {
      try {
        if (entry.header.type === 'directory') continue;
        if (layer.limits.maxMembers > 0 && ++members > layer.limits.maxMembers) {
          yield skip(path, 'archive-entries', `more than ${layer.limits.maxMembers} members; the rest were not scanned`);
          return;
        }
        const member = memberPath(path, entry.header.name);
        const skipped = memberSkip(entry.header, member, layer);
        if (skipped) yield skipped;
        else yield* read(entry as AsyncIterable<Buffer>, member, layer);
      } finally {
        entry.resume(); // whatever the reader left unread, so the parser reaches the next header
      }
    }
  } catch (err) {
    throw labelError('tar archive', err);
  } finally {
    extract.destroy();
  }
}
