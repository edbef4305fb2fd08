// zip (stored and deflate, ZIP64) with yauzl: it reads the central directory, which is the archive's
// authority (local headers can disagree with it, and stored members with data descriptors cannot be
// delimited by a forward-only parse), and checks every member's size against it. yauzl needs random
// access, so a zip that arrives as a stream (stdin, a zip inside an archive) is spooled to a private
// temporary file first; memory stays flat either way.
import fs from 'node:fs';
import os from 'node:os';
import nodePath from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { skip, memberPath, type ReadMember, type SourceItem } from './items.js';
import { budgetProblem, labelError, metered, ratioProblem, tooLarge, unsafeMemberName, type Layer } from './limits.js';

const STORED = 0;
const DEFLATE = 8;

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings off: yauzl would end the whole archive on one unsafe member name; we skip that member.
    yauzl.open(file, { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true }, (err, zip) => (err ? reject(err) : resolve(zip)));
  });
}

/** The next member from the central directory, or undefined at its end. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | undefined> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, entry?: yauzl.Entry) => {
      zip.off('entry', onEntry).off('end', onEnd).off('error', onError);
      if (err) reject(err);
      else resolve(entry);
    };
    const onEntry = (entry: yauzl.Entry) => done(null, entry);
    const onEnd = () => done(null);
    const onError = (err: Error) => done(err);
    zip.on('entry', onEntry).on('end', onEnd).on('error', onError);
    zip.readEntry();
  });
}

function openMember(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err ? reject(err) : resolve(stream))));
}

/** Why a member is not read, or undefined when it is. */
function memberSkip(entry: yauzl.Entry, path: string, layer: Layer): SourceItem | undefined {
  if (entry.isEncrypted()) return skip(path, 'unsupported', 'encrypted member');
  if (entry.compressionMethod !== STORED && entry.compressionMethod !== DEFLATE) return skip(path, 'unsupported', `compression method ${entry.compressionMethod}`);
  const large = tooLarge(path, entry.uncompressedSize, layer.limits);
  if (large) return { kind: 'skipped', skipped: large };
  const ratio = ratioProblem(entry.uncompressedSize, entry.compressedSize, layer.limits);
  if (ratio !== undefined) return skip(path, 'archive-ratio', ratio);
  return undefined;
}

export async function* zipMembers(file: string, path: string, layer: Layer, read: ReadMember): AsyncGenerator<SourceItem> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(file);
  } catch (err) {
    throw labelError('zip archive', err);
  }
  // yauzl may report an error between our reads; keep it from being an unhandled 'error' event.
  zip.on('error', () => {});
  try {
    let members = 0;
    for (let entry = await nextEntry(zip); entry !== undefined; entry = await nextEntry(zip)) {
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (name.endsWith('/')) continue; // a folder
      if (layer.limits.maxMembers > 0 && ++members > layer.limits.maxMembers) {
        yield skip(path, 'archive-entries', `more than ${layer.limits.maxMembers} members (${zip.entryCount} listed); members after the first ${layer.limits.maxMembers} were not scanned`);
        return;
      }
      const member = memberPath(path, name);
      const unsafe = unsafeMemberName(name);
      if (unsafe !== undefined) {
        yield skip(member, 'archive-path', unsafe);
        continue;
      }
      const skipped = memberSkip(entry, member, layer);
      if (skipped) {
        yield skipped;
        continue;
      }
      const budget = budgetProblem(layer.expanded.bytes + entry.uncompressedSize, layer.limits);
      if (budget !== undefined) {
        yield skip(path, 'archive-size', `${budget}; members from ${name} on were not scanned`);
        return;
      }
      const stream = await openMember(zip, entry);
      try {
        yield* read(metered(stream, member, layer, () => entry.compressedSize), member, layer);
      } finally {
        stream.destroy();
      }
    }
  } catch (err) {
    throw labelError('zip archive', err);
  } finally {
    zip.close();
  }
}

/** A zip from a stream: written to a temporary file only this user can read, removed afterwards. */
export async function* spooledZipMembers(input: AsyncIterable<Buffer>, path: string, layer: Layer, read: ReadMember): AsyncGenerator<SourceItem> {
  const dir = await fs.promises.mkdtemp(nodePath.join(os.tmpdir(), 'piiguard-'));
  try {
    const file = nodePath.join(dir, 'spool.zip');
    await pipeline(Readable.from(input), fs.createWriteStream(file, { mode: 0o600 }));
    yield* zipMembers(file, path, layer, read);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}
