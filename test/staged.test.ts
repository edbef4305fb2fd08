// `piiguard scan --staged`: exactly the files staged for commit, read from the git index.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, ssn } from './support/pii.js';

function git(cwd: string, ...args: string[]): string {
  const res = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`git ${args.join(' ')}: ${res.stderr}`);
  return res.stdout;
}

function repo(files: Record<string, string>): string {
  const dir = tempTree(files);
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@example.invalid');
  git(dir, 'config', 'user.name', 'test');
  git(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

describe('scan --staged', () => {
  it('scans the staged content, not the working tree, and only staged files', () => {
    const dir = repo({ 'staged.txt': `SSN: ${ssn(21)}\n`, 'unstaged.txt': `SSN: ${ssn(22)}\n`, 'fixed.txt': 'nothing here\n' });
    git(dir, 'add', 'staged.txt', 'fixed.txt');
    // The working tree now differs from the index both ways.
    fs.writeFileSync(path.join(dir, 'staged.txt'), 'cleaned up, but not staged\n');
    fs.writeFileSync(path.join(dir, 'fixed.txt'), `SSN: ${ssn(23)}\n`);
    const run = runCli(['scan', '--staged', '--format', 'json'], { cwd: dir });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { path: string; line: number; masked: string }) => [f.path, f.line, f.masked])).toEqual([['staged.txt', 1, `***-**-${ssn(21).slice(-4)}`]]);
    expect(report.stats.filesScanned).toBe(2);
  });

  it('passes when the leak is only in the working tree, and leaves deleted files out', () => {
    const dir = repo({ 'a.txt': 'clean\n', 'gone.txt': `SSN: ${ssn(24)}\n` });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'rm', '-q', 'gone.txt');
    fs.writeFileSync(path.join(dir, 'a.txt'), `SSN: ${ssn(25)}\n`);
    const run = runCli(['scan', '--staged'], { cwd: dir });
    expect(run.stdout).toContain('scanned 0 files');
    expect(run.code).toBe(0);
  });

  it('reports under real paths from a subfolder, follows renames, honours config excludes, skips symlinks with a reason', () => {
    const dir = repo({ 'old/name.txt': `Card: ${cardNumber(26)}\n`, 'fixtures/f.txt': `SSN: ${ssn(27)}\n`, 'sub/x.txt': 'x\n', '.piiguard.json': JSON.stringify({ exclude: ['fixtures/**'] }) });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'base');
    git(dir, 'mv', 'old/name.txt', 'new name.txt');
    fs.appendFileSync(path.join(dir, 'fixtures/f.txt'), 'more\n');
    fs.symlinkSync('sub/x.txt', path.join(dir, 'link.txt'));
    git(dir, 'add', '-A');
    const run = runCli(['scan', '--staged', '--format', 'json'], { cwd: path.join(dir, 'sub') });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.findings.map((f: { path: string }) => f.path)).toEqual(['../new name.txt']);
    expect(report.skipped).toEqual([{ path: '../link.txt', reason: 'symlink', detail: 'symbolic links are not followed' }]);
  });

  it('skips binary blobs and too-large blobs with a reason and keeps reading the next ones', () => {
    const big = `${'filler line\n'.repeat(200)}SSN: ${ssn(28)}\n`;
    const dir = repo({ 'a.bin': '', 'b-big.txt': big, 'c.txt': `SSN: ${ssn(29)}\n` });
    fs.writeFileSync(path.join(dir, 'a.bin'), Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.alloc(3 << 20, 7), Buffer.from(`SSN: ${ssn(30)}\n`)]));
    git(dir, 'add', '-A');
    const whole = JSON.parse(runCli(['scan', '--staged', '--format', 'json'], { cwd: dir }).stdout);
    expect(whole.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason])).toEqual([['a.bin', 'binary']]);
    expect(whole.findings.map((f: { path: string; line: number }) => [f.path, f.line])).toEqual([
      ['b-big.txt', 201],
      ['c.txt', 1],
    ]);
    const capped = JSON.parse(runCli(['scan', '--staged', '--format', 'json', '--max-file-size', '1000'], { cwd: dir }).stdout);
    expect(capped.skipped.map((s: { path: string; reason: string }) => [s.path, s.reason])).toEqual([
      ['a.bin', 'too-large'],
      ['b-big.txt', 'too-large'],
    ]);
    expect(capped.findings.map((f: { path: string }) => f.path)).toEqual(['c.txt']);
  });

  it('is a usage error outside a git repository or with paths', () => {
    const dir = tempTree({ 'a.txt': 'x\n' });
    const outside = runCli(['scan', '--staged'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toBe('piiguard: --staged: git rev-parse failed: not a git repository (or any of the parent directories): .git\n');
    const withPaths = runCli(['scan', '--staged', 'a.txt'], { cwd: repo({ 'a.txt': 'x\n' }) });
    expect(withPaths).toMatchObject({ code: 2, stderr: 'piiguard: --staged scans what git has staged: give it no paths\n' });
  });
});

describe('scan --staged reads its config and baseline as staged', () => {
  const config = (rules: Record<string, boolean>) => JSON.stringify({ rules: Object.fromEntries(Object.entries(rules).map(([id, enabled]) => [id, { enabled }])) });

  it('takes a config change staged with the code, and ignores an unstaged edit of it', () => {
    const dir = repo({ 'a.txt': `SSN: ${ssn(31)}\n`, '.piiguard.json': config({ 'us-ssn': false }) });
    git(dir, 'add', '-A');
    // Unstaged: turning the rule back on in the working tree does not change what the commit is judged by.
    fs.writeFileSync(path.join(dir, '.piiguard.json'), config({ 'us-ssn': true }));
    expect(runCli(['scan', '--staged'], { cwd: dir }).code).toBe(0);
    // Staged: now the commit carries the rule, and the working tree's copy (off again) does not matter.
    git(dir, 'add', '.piiguard.json');
    fs.writeFileSync(path.join(dir, '.piiguard.json'), config({ 'us-ssn': false }));
    const staged = runCli(['scan', '--staged', '--format', 'json'], { cwd: path.join(dir) });
    expect(staged.code).toBe(1);
    expect(JSON.parse(staged.stdout).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['us-ssn']);
  });

  it('finds the staged config from a subfolder, reads an untracked --config from disk, and a staged baseline', () => {
    const dir = repo({ 'sub/a.txt': `SSN: ${ssn(32)}\n`, '.piiguard.json': config({ 'us-ssn': false }), 'local.json': config({ 'us-ssn': false }) });
    git(dir, 'add', 'sub/a.txt', '.piiguard.json');
    fs.rmSync(path.join(dir, '.piiguard.json'));
    expect(runCli(['scan', '--staged'], { cwd: path.join(dir, 'sub') }).code).toBe(0);
    expect(runCli(['scan', '--staged', '--config', '../local.json'], { cwd: path.join(dir, 'sub') }).code).toBe(0);

    // A baseline written now, staged, then emptied in the working tree: the staged one accepts the finding.
    git(dir, 'rm', '-q', '--cached', '.piiguard.json');
    expect(runCli(['baseline', '--output', 'accepted.json'], { cwd: dir }).code).toBe(0);
    git(dir, 'add', 'accepted.json');
    const accepted = fs.readFileSync(path.join(dir, 'accepted.json'), 'utf8');
    fs.writeFileSync(path.join(dir, 'accepted.json'), JSON.stringify({ ...JSON.parse(accepted), entries: [] }));
    expect(runCli(['scan', '--staged', '--baseline', 'accepted.json'], { cwd: dir }).code).toBe(0);
    expect(runCli(['scan', 'sub', '--baseline', 'accepted.json'], { cwd: dir }).code).toBe(1);
  });

  it('reads a config staged as a symbolic link through the link, as git checks it out', () => {
    // A shared config linked into the repository: the index holds the link (its blob is the target's name), not the config.
    const dir = repo({ 'a.txt': `SSN: ${ssn(33)}\n`, 'shared/piiguard.json': config({ 'us-ssn': false }) });
    fs.symlinkSync('shared/piiguard.json', path.join(dir, '.piiguard.json'));
    git(dir, 'add', '-A');
    expect(runCli(['scan', '--staged'], { cwd: dir })).toMatchObject({ code: 0, stderr: '' });
  });
});
