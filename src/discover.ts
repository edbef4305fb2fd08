// Inputs from paths: fast-glob walks folders (.git and node_modules left out), .gitignore files and
// the config's include/exclude globs filter. Symlinks are reported rather than followed, unless
// followSymlinks is set: then a link to a folder is walked like a folder, except when it leads back
// to a folder already walked or above it (a loop), which is reported instead.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import type { ResolvedConfig } from './config.js';
import { UsageError } from './errors.js';
import type { ScanError, Skipped } from './types.js';

export interface InputFile {
  abs: string;
  /** Relative to the working directory, `/`-separated. */
  display: string;
}

export interface Discovery {
  files: InputFile[];
  skipped: Skipped[];
  errors: ScanError[];
}

const ALWAYS_EXCLUDED = ['**/.git/**', '**/node_modules/**'];

export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return (rel === '' ? path.basename(abs) : rel).split(path.sep).join('/');
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}

/** The nearest folder at or above `start` that holds `.git`. */
export function repositoryRoot(start: string): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** .gitignore files that apply: those found in the walk, and those above it up to the repository root. */
function gitignoreMatchers(root: string, found: string[]): Array<{ dir: string; ig: Ignore }> {
  const files = [...found];
  const repo = repositoryRoot(root);
  if (repo !== undefined && repo !== root) {
    for (let dir = path.dirname(root); dir.startsWith(repo); dir = path.dirname(dir)) {
      const candidate = path.join(dir, '.gitignore');
      if (fs.existsSync(candidate)) files.push(candidate);
      if (dir === repo) break;
    }
  }
  return files.flatMap((file) => {
    try {
      const matcher = { dir: path.dirname(file), ig: ignore().add(fs.readFileSync(file, 'utf8')) };
      // A folder the user names is scanned even if a .gitignore above it lists it (as ripgrep does):
      // otherwise `piiguard scan build/` would report "no PII found" over zero files.
      const rootRel = path.relative(matcher.dir, root).split(path.sep).join('/');
      return rootRel !== '' && !rootRel.startsWith('..') && matcher.ig.ignores(`${rootRel}/`) ? [] : [matcher];
    } catch {
      return [];
    }
  });
}

function gitIgnored(abs: string, matchers: Array<{ dir: string; ig: Ignore }>): boolean {
  return matchers.some(({ dir, ig }) => {
    const rel = path.relative(dir, abs);
    return !rel.startsWith('..') && !path.isAbsolute(rel) && ig.ignores(rel.split(path.sep).join('/'));
  });
}

/** Real paths of the folders walked so far, when links are followed (for loop detection). */
type Walked = Set<string> | undefined;

function isWithin(dir: string, ancestor: string): boolean {
  return dir === ancestor || dir.startsWith(ancestor.endsWith(path.sep) ? ancestor : ancestor + path.sep);
}

async function followLink(abs: string, cwd: string, out: Discovery, walked: Set<string>): Promise<InputFile[]> {
  const display = displayPath(cwd, abs);
  let real: string;
  let stat: fs.Stats;
  try {
    real = await fs.promises.realpath(abs);
    stat = await fs.promises.stat(real);
  } catch (err) {
    const detail = errorCode(err) === 'ELOOP' ? 'symbolic link loop' : `link target cannot be read (${errorCode(err)})`;
    out.skipped.push({ path: display, reason: 'symlink', detail });
    return [];
  }
  if (stat.isFile()) return [{ abs, display }];
  if (!stat.isDirectory()) return [];
  const parent = await fs.promises.realpath(path.dirname(abs));
  if (isWithin(parent, real) || walked.has(real)) {
    out.skipped.push({ path: display, reason: 'symlink', detail: 'loop: links to a folder that is already being scanned' });
    return [];
  }
  return walk(abs, cwd, out, walked);
}

async function walk(root: string, cwd: string, out: Discovery, walked: Walked): Promise<InputFile[]> {
  walked?.add(await fs.promises.realpath(root));
  // Unreadable folders are recorded and the walk goes on: a gate must name what it could not see.
  const adapter = {
    ...fs,
    readdir: ((dir: string, options: unknown, callback: (err: NodeJS.ErrnoException | null, entries: fs.Dirent[]) => void) => {
      fs.readdir(dir, options as { withFileTypes: true }, (err, entries) => {
        if (err) out.errors.push({ path: displayPath(cwd, dir), message: `cannot read folder (${errorCode(err)})` });
        callback(null, err ? [] : entries);
      });
    }) as unknown as typeof fs.readdir,
  };
  const entries = await fg('**', { cwd: root, dot: true, onlyFiles: false, followSymbolicLinks: false, objectMode: true, ignore: ALWAYS_EXCLUDED, fs: adapter });
  const files: InputFile[] = [];
  const gitignores: string[] = [];
  for (const entry of entries) {
    const abs = path.join(root, entry.path);
    if (entry.dirent.isSymbolicLink()) {
      if (walked) files.push(...(await followLink(abs, cwd, out, walked)));
      else out.skipped.push({ path: displayPath(cwd, abs), reason: 'symlink', detail: 'symbolic links are not followed (--follow-symlinks)' });
    } else if (entry.dirent.isFile()) {
      files.push({ abs, display: displayPath(cwd, abs) });
      if (entry.name === '.gitignore') gitignores.push(abs);
    }
  }
  const matchers = gitignoreMatchers(root, gitignores);
  return files.filter((f) => !gitIgnored(f.abs, matchers));
}

/** Resolves CLI paths into the sorted list of files to scan. A path that does not exist is a usage error. */
export async function discover(paths: string[], cwd: string, config: ResolvedConfig): Promise<Discovery> {
  const out: Discovery = { files: [], skipped: [], errors: [] };
  const candidates: InputFile[] = [];
  for (const p of paths) {
    const abs = path.resolve(cwd, p);
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(abs);
    } catch (err) {
      if (errorCode(err) === 'ENOENT') throw new UsageError(`${p}: no such file or folder`);
      out.errors.push({ path: displayPath(cwd, abs), message: `cannot read (${errorCode(err)})` });
      continue;
    }
    if (stat.isDirectory()) for (const file of await walk(abs, cwd, out, config.followSymlinks ? new Set() : undefined)) candidates.push(file);
    else candidates.push({ abs, display: displayPath(cwd, abs) });
  }
  out.files = selectInputs(candidates, config);
  return out;
}

/** Applies the config's include/exclude globs, drops duplicates and sorts by display path. */
export function selectInputs<T extends InputFile>(candidates: T[], config: ResolvedConfig): T[] {
  const relToConfig = (abs: string) => path.relative(config.dir, abs).split(path.sep).join('/');
  const included = config.include.length > 0 ? picomatch(config.include, { dot: true }) : () => true;
  const excluded = picomatch([...ALWAYS_EXCLUDED, ...config.exclude], { dot: true });
  const seen = new Set<string>();
  const selected: T[] = [];
  for (const file of candidates) {
    const rel = relToConfig(file.abs);
    if (seen.has(file.abs) || !included(rel) || excluded(rel)) continue;
    seen.add(file.abs);
    selected.push(file);
  }
  return selected.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}
