// `scan --staged`: the files staged for commit, read from the git index rather than the working tree
// (what is committed is the index; the working tree may hold other edits). One `git diff --cached`
// lists them, one `git cat-file --batch` streams every blob, so a large commit costs two processes.
// The config and baseline are read as staged too: the commit is judged by the settings it carries.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { DISK, type SettingsFiles } from './config.js';
import { displayPath, type InputFile } from './discover.js';
import { UsageError } from './errors.js';
import { scanStream, type Engine, type FileResult } from './scan-file.js';
import { describeError, type SourceLimits } from './sources/index.js';
import { tooLarge } from './sources/limits.js';
import type { ScanError, Skipped } from './types.js';

export interface StagedFile extends InputFile {
  /** Blob id of the staged content. */
  oid: string;
  /** Git file mode: 100644/100755 regular, 120000 symlink, 160000 submodule. */
  mode: string;
}

function git(args: string[], cwd: string, input?: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, stdio: 'pipe' });
    child.stdin.on('error', () => undefined); // git's exit code and stderr say what went wrong
    child.stdin.end(input);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => reject(new UsageError(`--staged needs git on PATH (${(e as NodeJS.ErrnoException).code ?? e.message})`)));
    child.on('close', (code) => {
      if (code === 0) return resolve(Buffer.concat(out));
      const first = Buffer.concat(err).toString('utf8').split('\n')[0]!.replace(/^fatal: /, '');
      reject(new UsageError(`--staged: git ${args[0]} failed: ${first || `exit ${code}`}`));
    });
  });
}

/** Files added, copied, modified or renamed in the index, under their real paths. */
export async function listStaged(cwd: string): Promise<StagedFile[]> {
  const top = (await git(['rev-parse', '--show-toplevel'], cwd)).toString('utf8').trim();
  // --raw adds each file's mode and staged blob id to what --name-only gives; --no-renames keeps one
  // path per record (a rename shows as its added side).
  const raw = (await git(['diff', '--cached', '--raw', '-z', '--no-abbrev', '--no-renames', '--diff-filter=ACMR'], cwd)).toString('utf8');
  const fields = raw.split('\0');
  const files: StagedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // ":100644 100644 <old oid> <new oid> M" then the path
    const [, mode, , oid] = fields[i]!.slice(1).split(' ');
    const abs = path.join(top, fields[i + 1]!);
    files.push({ abs, display: displayPath(cwd, abs), oid: oid!, mode: mode! });
  }
  return files;
}

/**
 * The config and baseline as the commit will hold them: a file in the git index is read from there, so
 * an unstaged edit neither loosens nor tightens the verdict, and a staged change applies to the commit
 * that carries it. A file git does not track (a config kept outside the repository), or tracks as a
 * symbolic link, is read from disk.
 * `files` are every path that may be read, absolute.
 */
export async function stagedSettings(cwd: string, files: string[]): Promise<SettingsFiles> {
  const prefix = (await git(['rev-parse', '--show-prefix'], cwd)).toString('utf8').trim();
  const inRepo = files
    .map((abs) => ({ abs, rel: path.join(prefix, path.relative(cwd, abs)).split(path.sep).join('/') }))
    .filter(({ rel }) => rel !== '..' && !rel.startsWith('../') && !path.isAbsolute(rel));
  const staged = new Map<string, string>();
  // Regular files only: the blob of a symbolic link is its target's name, so a linked config is read
  // through the link, from disk, as a checkout has it. ("<mode> <oid> <stage>" TAB path, NUL-separated.)
  const listed = inRepo.length === 0 ? '' : (await git(['ls-files', '--stage', '-z', '--full-name', '--', ...inRepo.map(({ rel }) => `:(top,literal)${rel}`)], cwd)).toString('utf8');
  const regular = new Set(listed.split('\0').flatMap((entry) => /^100\d{3} [0-9a-f]+ 0\t(.*)$/s.exec(entry)?.[1] ?? []));
  const inIndex = inRepo.filter(({ rel }) => regular.has(rel));
  if (inIndex.length > 0) {
    // One batch: "<oid> <type> <size>" LF content LF for each path in the index, "<name> missing" LF otherwise.
    const out = await git(['cat-file', '--batch'], cwd, inIndex.map(({ rel }) => `:${rel}\n`).join(''));
    let at = 0;
    for (const { abs } of inIndex) {
      const lf = out.indexOf(10, at);
      const found = /^[0-9a-f]+ (\w+) (\d+)$/.exec(out.subarray(at, lf).toString('utf8'));
      at = lf + 1;
      if (found === null) continue;
      const size = Number(found[2]);
      if (found[1] === 'blob') staged.set(abs, out.subarray(at, at + size).toString('utf8'));
      at += size + 1;
    }
  }
  return {
    exists: (file) => staged.has(file) || DISK.exists(file),
    read: (file) => staged.get(file) ?? DISK.read(file),
  };
}

/** Pull-based reader over `git cat-file --batch` output: headers by line, contents by byte count. */
function batchReader(stdout: Readable) {
  const source = stdout[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let buffered: Buffer = Buffer.alloc(0);
  let unread = 0; // bytes of the current object (plus its LF terminator) not yet read

  const fill = async (): Promise<void> => {
    const next = await source.next();
    if (next.done) throw new Error('git cat-file stopped early');
    buffered = buffered.length === 0 ? next.value : Buffer.concat([buffered, next.value]);
  };
  async function* take(n: number): AsyncGenerator<Buffer> {
    while (n > 0) {
      if (buffered.length === 0) await fill();
      const piece = buffered.subarray(0, Math.min(n, buffered.length));
      buffered = buffered.subarray(piece.length);
      n -= piece.length;
      unread -= piece.length;
      yield piece;
    }
  }
  return {
    /** Skips what the previous consumer left unread (a binary file stops after its first block). */
    async header(): Promise<string> {
      for await (const _ of take(unread));
      for (;;) {
        const lf = buffered.indexOf(10);
        if (lf >= 0) {
          const line = buffered.subarray(0, lf).toString('utf8');
          buffered = buffered.subarray(lf + 1);
          return line;
        }
        await fill();
      }
    },
    /** The next `size` bytes: the object's content; its LF terminator is skipped by the next header(). */
    content(size: number): AsyncGenerator<Buffer> {
      unread = size + 1;
      return take(size);
    },
  };
}

/** Scans the staged content of `files`, in order; symlinks and submodules are skipped with a reason. */
export async function scanStaged(files: StagedFile[], cwd: string, engine: Engine, limits: SourceLimits): Promise<FileResult[]> {
  const results: FileResult[] = [];
  const unscanned = (skipped: Skipped[], errors: ScanError[]): FileResult => ({ findings: [], suppressed: [], unusedInline: [], skipped, errors, scanned: 0, bytes: 0 });
  const skip = (file: StagedFile, skipped: Omit<Skipped, 'path'>) => results.push(unscanned([{ path: file.display, ...skipped }], []));
  const blobs = files.filter((f) => f.mode.startsWith('100'));
  for (const f of files) {
    if (f.mode === '120000') skip(f, { reason: 'symlink', detail: 'symbolic links are not followed' });
    else if (!f.mode.startsWith('100')) skip(f, { reason: 'unsupported', detail: `git mode ${f.mode} (submodule) is not a file` });
  }
  if (blobs.length === 0) return results;

  const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
  // 'exit', not 'close': 'close' also waits for stdout to end, which it never does while bytes we did
  // not read (the last blob's terminating LF, the rest of a binary blob) sit in it; the process would
  // then run out of work mid-await and quit with code 13 and no output.
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  child.on('error', () => undefined); // reported through the reader as a failed read
  child.stdin.end(blobs.map((f) => `${f.oid}\n`).join(''));
  const reader = batchReader(child.stdout);
  let done = 0;
  try {
    for (const f of blobs) {
      const header = (await reader.header()).split(' ');
      const size = Number(header[2]);
      const large = tooLarge(f.display, size, limits);
      if (header[1] !== 'blob') {
        results.push(unscanned([], [{ path: f.display, message: 'missing from the git index' }]));
      } else if (large) {
        reader.content(size);
        skip(f, large);
      } else {
        results.push(await scanStream(reader.content(size), f.display, engine, limits));
      }
      done++;
    }
  } catch (err) {
    // git died part-way: every file not yet read is unscanned, and says so.
    for (const f of blobs.slice(done)) results.push(unscanned([], [{ path: f.display, message: describeError(err) }]));
  } finally {
    child.stdout.destroy();
    child.kill();
    await exited;
  }
  return results;
}
