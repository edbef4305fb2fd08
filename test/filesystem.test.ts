// Filesystem edge cases: symlinks (not followed by default; followed with loop detection on request),
// unreadable files and folders (exit 2: a gate must not pass a partial scan), files that vanish,
// names with spaces and Unicode.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/index.js';
import { scanFile } from '../src/scan-file.js';
import { DEFAULT_LIMITS } from '../src/sources/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { runCli, tempTree } from './support/cli.js';
import { ssn } from './support/pii.js';
import { scanJson } from './support/report.js';

const CSV = `id,ssn\n1,${ssn(41)}\n`;

describe('symbolic links', () => {
  function linkedTree(): string {
    const cwd = tempTree({ 'data/users.csv': CSV, 'elsewhere/more.csv': CSV });
    fs.symlinkSync(path.join(cwd, 'elsewhere'), path.join(cwd, 'data/linked-dir'));
    fs.symlinkSync(path.join(cwd, 'elsewhere/more.csv'), path.join(cwd, 'data/linked.csv'));
    fs.symlinkSync('..', path.join(cwd, 'data/loop'));
    fs.symlinkSync(path.join(cwd, 'missing.csv'), path.join(cwd, 'data/dangling.csv'));
    return cwd;
  }

  it('are reported, not followed, by default', () => {
    const { code, report } = scanJson(['data'], { cwd: linkedTree() });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.path)).toEqual(['data/users.csv']);
    expect(report.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['data/dangling.csv', 'symlink'],
      ['data/linked-dir', 'symlink'],
      ['data/linked.csv', 'symlink'],
      ['data/loop', 'symlink'],
    ]);
  });

  it('are followed with --follow-symlinks; a loop and a dangling link are reported, not walked', () => {
    const { code, report } = scanJson(['data', '--follow-symlinks'], { cwd: linkedTree() });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.path)).toEqual(['data/linked-dir/more.csv', 'data/linked.csv', 'data/users.csv']);
    expect(report.skipped).toEqual([
      { path: 'data/dangling.csv', reason: 'symlink', detail: 'link target cannot be read (ENOENT)' },
      { path: 'data/loop', reason: 'symlink', detail: 'loop: links to a folder that is already being scanned' },
    ]);
  });

  it('a link back into the folder being walked, from below it, is a loop', () => {
    const cwd = tempTree({ 'a/b/users.csv': CSV });
    fs.symlinkSync(path.join(cwd, 'a'), path.join(cwd, 'a/b/up'));
    const { report } = scanJson(['a', '--follow-symlinks'], { cwd });
    expect(report.findings.map((f) => f.path)).toEqual(['a/b/users.csv']);
    expect(report.skipped.map((s) => [s.path, s.reason])).toEqual([['a/b/up', 'symlink']]);
  });
});

describe('unreadable and vanishing inputs', () => {
  const root = process.getuid?.() === 0;
  // Root reads everything: run the CLI as an unprivileged user to see permissions bite.
  const asUser = root ? { uid: 65534 } : {};

  it('an unreadable file and an unreadable folder are errors (exit 2), the rest is still scanned', () => {
    const cwd = tempTree({ 'ok.csv': CSV, 'secret.csv': CSV, 'locked/inner.csv': CSV });
    fs.chmodSync(cwd, 0o755);
    fs.chmodSync(path.join(cwd, 'secret.csv'), 0o000);
    fs.chmodSync(path.join(cwd, 'locked'), 0o000);
    const { code, report } = scanJson(['.'], { cwd, ...asUser });
    expect(code).toBe(2);
    expect(report.errors).toEqual([
      { path: 'locked', message: 'cannot read folder (EACCES)' },
      { path: 'secret.csv', message: 'permission denied: cannot read this input' },
    ]);
    expect(report.findings.map((f) => f.path)).toEqual(['ok.csv']);
  });

  it('a file that vanished between discovery and reading is an error, not a silent skip', async () => {
    const rules = await loadRules({ settings: DEFAULT_SETTINGS });
    const cwd = tempTree({ 'gone.csv': CSV });
    fs.rmSync(path.join(cwd, 'gone.csv'));
    const result = await scanFile(path.join(cwd, 'gone.csv'), 'gone.csv', { rules, allowed: undefined, keepPerRule: 0 }, DEFAULT_LIMITS);
    expect(result.errors).toEqual([{ path: 'gone.csv', message: 'vanished during the scan' }]);
  });

  it('a path given on the command line that does not exist is a usage error', () => {
    const res = runCli(['scan', 'nope.csv'], { cwd: tempTree({}) });
    expect([res.code, res.stderr]).toEqual([2, 'piiguard: nope.csv: no such file or folder\n']);
  });
});

describe('names', () => {
  it('paths with spaces and Unicode are reported as they are, and URI-encoded in SARIF', () => {
    const name = 'dir with space/naïve 名前.csv';
    const cwd = tempTree({ [name]: CSV });
    expect(scanJson(['.'], { cwd }).report.findings.map((f) => f.path)).toEqual([name]);
    const sarif = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd }).stdout);
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(encodeURI(name));
  });
});
