// Baselines (accept today's findings, fail on new ones) and the audit log, through the CLI on real
// files, with a no-leak check on both files.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, email, ssn, usPhone } from './support/pii.js';

interface JsonReport {
  findings: Array<{ path: string; line: number; ruleId: string }>;
  suppressed: Array<{ path: string; line: number; suppression: { by: string; kind: string } }>;
  suppressions: { baseline?: { file: string; entries: number; matched: number; stale: Array<{ path: string; ruleId: string }> } };
}

function scanJson(dir: string, args: string[]): { code: number; report: JsonReport } {
  const run = runCli(['scan', '--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport };
}

/** Raw values, their digits, and unkeyed hashes of either must not appear in `text`. */
function expectNoLeak(text: string, values: string[]): void {
  for (const value of values) {
    const forms = [value, value.replace(/\D/g, '')].filter((f) => f.length > 0);
    for (const form of new Set(forms)) {
      expect(text).not.toContain(form);
      for (const algo of ['sha256', 'sha1', 'md5']) {
        const hex = createHash(algo).update(form).digest('hex');
        expect(text).not.toContain(hex.slice(0, 16));
      }
    }
  }
}

describe('baseline', () => {
  it('accepts current findings, survives shifted lines, fails only on new ones and counts stale entries', () => {
    const [a, b, c] = [ssn(40), ssn(41), ssn(42)];
    const dir = tempTree({ 'data/people.txt': `one ${a}\ntwo ${b}\n`, 'data/other.txt': `three ${c}\n` });
    const made = runCli(['baseline', 'data', '--output', '.piiguard-baseline.json'], { cwd: dir });
    expect(made).toMatchObject({ code: 0, stderr: '' });
    expect(made.stdout).toBe('piiguard baseline: 3 accepted findings → .piiguard-baseline.json (scanned 2 files)\n');

    const clean = scanJson(dir, ['data', '--baseline', '.piiguard-baseline.json']);
    expect(clean.code).toBe(0);
    expect(clean.report.findings).toEqual([]);
    expect(clean.report.suppressed.map((s) => s.suppression)).toEqual(Array(3).fill({ kind: 'external', by: 'baseline', justification: 'accepted in baseline .piiguard-baseline.json' }));

    // Unrelated edits move every line; a new value arrives; one accepted value is removed.
    const d = ssn(43);
    fs.writeFileSync(path.join(dir, 'data/people.txt'), `header\n\n\nnew ${d}\none ${a}\nnote\ntwo ${b}\n`);
    fs.writeFileSync(path.join(dir, 'data/other.txt'), 'cleaned up\n');
    const after = scanJson(dir, ['data', '--baseline', '.piiguard-baseline.json']);
    expect(after.code).toBe(1);
    expect(after.report.findings.map((f) => `${f.path}:${f.line}`)).toEqual(['data/people.txt:4']);
    expect(after.report.suppressed.map((f) => `${f.path}:${f.line}`)).toEqual(['data/people.txt:5', 'data/people.txt:7']);
    expect(after.report.suppressions.baseline).toMatchObject({ file: '.piiguard-baseline.json', entries: 3, matched: 2, stale: [{ path: 'data/other.txt', ruleId: 'us-ssn' }] });

    const text = runCli(['scan', 'data', '--baseline', '.piiguard-baseline.json'], { cwd: dir }).stdout;
    expect(text).toContain('Baseline .piiguard-baseline.json: 2 of 3 entries matched; 1 no longer match (stale: regenerate with piiguard baseline to prune)');
  });

  it('does not call entries stale for inputs this run did not scan', () => {
    const dir = tempTree({ 'a.txt': `${ssn(50)}\n`, 'b.txt': `${ssn(51)}\n` });
    expect(runCli(['baseline', '--output', 'base.json'], { cwd: dir }).code).toBe(0);
    const { code, report } = scanJson(dir, ['a.txt', '--baseline', 'base.json']);
    expect(code).toBe(0);
    expect(report.suppressions.baseline).toMatchObject({ entries: 2, matched: 1, stale: [] });
  });

  it('holds no raw value, digits or unkeyed hash of one, and is deterministic', () => {
    const values = [ssn(60), cardNumber(61), email(62), usPhone(63), ssn(64, ' ')];
    const dir = tempTree({ 'dump.csv': `id,value\n${values.map((v, i) => `${i},${v}`).join('\n')}\n` });
    expect(runCli(['baseline', '--output', 'b1.json'], { cwd: dir }).code).toBe(0);
    const first = fs.readFileSync(path.join(dir, 'b1.json'), 'utf8');
    expect(JSON.parse(first).entries).toHaveLength(values.length);
    expectNoLeak(first, values);
    expect(runCli(['baseline', 'dump.csv', '--output', 'b2.json'], { cwd: dir }).code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'b2.json'), 'utf8')).toBe(first);
  });

  it('refuses an unknown format version, a broken or missing file, and a missing --output: exit 2', () => {
    const dir = tempTree({ 'a.txt': `${ssn(70)}\n`, 'v2.json': JSON.stringify({ version: 2, entries: [] }), 'bad.json': '{"version": 1, "entries": [{"ruleId": "x"}]}' });
    const v2 = runCli(['scan', '--baseline', 'v2.json'], { cwd: dir });
    expect(v2).toMatchObject({ code: 2, stdout: '' });
    expect(v2.stderr).toBe('piiguard: config error: v2.json: baseline format version 2 is not supported (this piiguard reads version 1); regenerate it with piiguard baseline\n');
    const bad = runCli(['scan', '--baseline', 'bad.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("piiguard: config error: bad.json: /entries/0: must have required property 'path'\n");
    expect(runCli(['scan', '--baseline', 'missing.json'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'piiguard: --baseline missing.json: cannot read (ENOENT)\n' });
    expect(runCli(['baseline'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'piiguard: piiguard baseline needs --output FILE (where to write the baseline)\n' });

  });
});

describe('audit log', () => {
  it('appends one JSON line per run with counts, verdict, config digest, commit and who ran it; never a value', () => {
    const values = [ssn(80), email(81), cardNumber(82)];
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({ allowlist: [{ paths: ['fixtures/**'], reason: 'synthetic' }] }),
      'leak.txt': `${values[0]}\n${values[1]}\n`,
      'fixtures/x.txt': `${values[2]}\n`,
    });
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'x');
    const head = git('rev-parse', 'HEAD').stdout.trim();
    expect(head).toMatch(/^[0-9a-f]{40}$/);

    const gha = { GITHUB_ACTIONS: 'true', GITHUB_ACTOR: 'octocat', GITHUB_RUN_ID: '4242', GITHUB_REPOSITORY: 'acme/app', GITHUB_JOB: 'pii', GITHUB_WORKFLOW: 'CI' };
    const first = runCli(['scan', '.', '--audit-log', 'logs/audit.jsonl', '--format', 'json'], { cwd: dir, env: gha });
    expect(first.code).toBe(1);
    const second = runCli(['scan', 'fixtures', '--audit-log', 'logs/audit.jsonl'], { cwd: dir, env: { GITHUB_ACTIONS: '', CI: '' } });
    expect(second.code).toBe(0);

    const log = fs.readFileSync(path.join(dir, 'logs/audit.jsonl'), 'utf8');
    const records = log.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(2);
    const [a, b] = records;
    expect(a).toMatchObject({
      tool: { name: 'piiguard' },
      command: 'scan',
      targets: ['.'],
      config: { file: '.piiguard.json', digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) },
      failOn: 'info',
      counts: { findings: 2, byRule: { 'us-ssn': 1, email: 1 }, suppressed: { inline: 0, allowlist: 1, baseline: 0 } },
      files: { scanned: 3, skipped: 0, errors: 0 },
      verdict: 'fail',
      exitCode: 1,
      git: { commit: head },
      ranBy: { ci: 'github-actions', actor: 'octocat', runId: '4242', repository: 'acme/app', job: 'pii', workflow: 'CI' },
    });
    expect(Date.parse(a.time)).not.toBeNaN();
    expect(b).toMatchObject({ targets: ['fixtures'], verdict: 'pass', exitCode: 0, config: { digest: a.config.digest }, ranBy: { user: expect.any(String) } });

    // Counts only: no value, no masked value, no fingerprint.
    expectNoLeak(log, values);
    const report = JSON.parse(first.stdout) as { findings: Array<{ masked: string; fingerprint: string }> };
    for (const f of report.findings) {
      expect(log).not.toContain(f.masked);
      expect(log).not.toContain(f.fingerprint);
    }

    // The digest follows the settings in force.
    fs.writeFileSync(path.join(dir, '.piiguard.json'), JSON.stringify({ failOn: 'error', allowlist: [{ paths: ['fixtures/**'], reason: 'synthetic' }] }));
    runCli(['scan', 'fixtures', '--audit-log', 'logs/audit.jsonl'], { cwd: dir });
    const third = JSON.parse(fs.readFileSync(path.join(dir, 'logs/audit.jsonl'), 'utf8').trimEnd().split('\n')[2]!);
    expect(third.config.digest).not.toBe(a.config.digest);

    // What a run covered: the staged files, or one shard.
    git('add', 'leak.txt');
    expect(runCli(['scan', '--staged', '--audit-log', 'logs/audit.jsonl'], { cwd: dir }).code).toBe(1);
    runCli(['scan', '.', '--shard', '2/3', '--audit-log', 'logs/audit.jsonl'], { cwd: dir });
    const [staged, shard] = fs.readFileSync(path.join(dir, 'logs/audit.jsonl'), 'utf8').trimEnd().split('\n').slice(3).map((l) => JSON.parse(l));
    expect(staged).toMatchObject({ targets: ['git index (--staged)'], counts: { findings: 2 } });
    expect(staged.shard).toBeUndefined();
    expect(shard).toMatchObject({ targets: ['.'], shard: '2/3' });
  });

  it('fails the run when the log cannot be written', () => {
    const dir = tempTree({ 'a.txt': 'nothing\n', 'blocker': 'a file, not a folder\n' });
    const run = runCli(['scan', 'a.txt', '--audit-log', 'blocker/audit.jsonl'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('piiguard: --audit-log blocker/audit.jsonl: cannot write (EEXIST)\n');
  });
});
