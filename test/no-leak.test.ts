// Canary values planted in every kind of input must not appear in any output channel — not raw,
// not without separators, not as a plain hash. Every new output channel gets added here.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/index.js';
import { runAction } from './support/action.js';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, email, ssn, usPhone } from './support/pii.js';

const canaries = [email(101), email(102, 'outlook.com'), ssn(103), ssn(104, ' '), cardNumber(105), cardNumber(106, '51').replace(/(\d{4})(?=\d)/g, '$1 '), usPhone(107)];

/** Every form a leak could take. */
function leakForms(value: string): string[] {
  const forms = new Set([value, value.replace(/\D/g, ''), value.toLowerCase()]);
  for (const v of [...forms]) {
    if (v.length < 7) continue; // digits of a short value are not distinctive
    for (const algo of ['sha256', 'sha1', 'md5']) {
      const hash = createHash(algo).update(v);
      const digest = hash.copy().digest('hex');
      forms.add(digest);
      forms.add(hash.digest('base64'));
      forms.add(digest.slice(0, 32));
    }
  }
  return [...forms].filter((f) => f.length >= 7);
}

function expectNoLeak(channel: string, text: string): void {
  for (const canary of canaries) {
    for (const form of leakForms(canary)) {
      expect(text.includes(form), `${channel} contains a form of a planted value`).toBe(false);
    }
  }
}

const [mail1, mail2, ssn1, ssn2, card1, card2, phone1] = canaries as [string, string, string, string, string, string, string];
const dir = tempTree({
  'users.csv': `id,email,ssn,card\n1,${mail1},${ssn1},${card1}\n`,
  'dump.sql': `INSERT INTO people VALUES ('${mail2}', '${ssn2}', '${card2}', '${phone1}');\n`,
  'app.log': `2024-01-01T00:00:00Z INFO reset for ${mail1} from ${phone1}\n`,
});

describe('no output channel leaks a finding', () => {
  it('sanity: every canary is detected (otherwise this test proves nothing)', async () => {
    const result = await scan({ cwd: dir, paths: ['.'] });
    expect(result.stats.findings).toBe(9);
    expect(new Set(result.findings.map((f) => f.ruleId))).toEqual(new Set(['email', 'us-ssn', 'payment-card', 'phone']));
  });

  for (const format of ['text', 'json', 'sarif', 'markdown']) {
    it(`${format} on stdout and in --output, plus stderr`, () => {
      const stdoutRun = runCli(['scan', '.', '--format', format], { cwd: dir, env: { FORCE_COLOR: '1' } });
      expect(stdoutRun.code).toBe(1);
      expectNoLeak(`${format} stdout`, stdoutRun.stdout);
      expectNoLeak(`${format} stderr`, stdoutRun.stderr);
      const out = path.join(dir, '..', `${path.basename(dir)}-report.${format}`);
      const fileRun = runCli(['scan', '.', '--format', format, '--output', out], { cwd: dir });
      expect(fileRun.code).toBe(1);
      expectNoLeak(`${format} --output`, fs.readFileSync(out, 'utf8'));
      expectNoLeak(`${format} summary`, fileRun.stdout + fileRun.stderr);
    });
  }

  it('stdin input', () => {
    const res = runCli(['scan', '-', '--format', 'json'], { cwd: dir, input: fs.readFileSync(path.join(dir, 'dump.sql')) });
    expect(res.code).toBe(1);
    expectNoLeak('stdin json', res.stdout + res.stderr);
  });

  it('baseline file, reports of baselined findings, and the audit log', () => {
    const outside = (name: string) => path.join(dir, '..', `${path.basename(dir)}-${name}`);
    const [baseline, log] = [outside('baseline.json'), outside('audit.jsonl')];
    expect(runCli(['baseline', '.', '--output', baseline, '--audit-log', log], { cwd: dir }).code).toBe(0);
    expectNoLeak('baseline file', fs.readFileSync(baseline, 'utf8'));
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['scan', '.', '--baseline', baseline, '--format', format, '--audit-log', log], { cwd: dir });
      expect(run.code).toBe(0);
      if (format === 'json') expect(JSON.parse(run.stdout).suppressed).toHaveLength(9);
      expectNoLeak(`${format} with --baseline`, run.stdout + run.stderr);
    }
    const records = fs.readFileSync(log, 'utf8').trimEnd().split('\n');
    expect(records).toHaveLength(4);
    expectNoLeak('audit log', records.join('\n'));
  });

  it('inline comments and allowlisted values: suppressed findings and the allowlist entry', () => {
    const allowDir = tempTree({
      '.piiguard.json': JSON.stringify({ allowlist: [{ values: [ssn1, card2], reason: 'synthetic' }] }),
      'a.py': `x = "${mail1}"  # ${['piiguard', 'allow'].join(':')} email -- ${phone1}\ny = "${ssn1}"\nz = "${card2}"\n`,
    });
    for (const format of ['text', 'json', 'sarif']) {
      const run = runCli(['scan', '.', '--format', format, '--min-confidence', 'low'], { cwd: allowDir });
      expect(run.code).toBe(1); // the phone number in the comment's reason still counts
      if (format === 'json') expect(JSON.parse(run.stdout).stats.suppressed).toBe(5);
      expectNoLeak(`${format} with suppressions`, run.stdout + run.stderr);
    }
  });

  it('the GitHub Action: log, annotations, job summary, outputs, SARIF file', () => {
    const sarif = path.join(dir, '..', `${path.basename(dir)}-action.sarif`);
    const run = runAction(dir, { 'sarif-file': sarif });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.props.line !== undefined)).toHaveLength(9);
    expectNoLeak('action stdout + stderr', run.stdout + run.stderr);
    expectNoLeak('action job summary', run.summary);
    expectNoLeak('action outputs', JSON.stringify(run.outputs));
    expectNoLeak('action SARIF', fs.readFileSync(sarif, 'utf8'));
  });

  it('shard reports and their merge (JSON and SARIF)', () => {
    for (const format of ['json', 'sarif']) {
      const reports = ['1/2', '2/2'].map((shard, i) => {
        const out = path.join(dir, '..', `${path.basename(dir)}-shard${i}.${format}`);
        runCli(['scan', '.', '--shard', shard, '--format', format, '--output', out], { cwd: dir });
        return out;
      });
      const merged = runCli(['merge', ...reports]);
      expect(merged.code).toBe(0);
      expectNoLeak(`merged ${format}`, merged.stdout + merged.stderr);
    }
  });

  it('scan --staged (content read from the git index)', () => {
    const repo = tempTree(Object.fromEntries(['users.csv', 'dump.sql', 'app.log'].map((f) => [f, fs.readFileSync(path.join(dir, f))])));
    for (const args of [['init', '-q'], ['add', '-A']]) expect(spawnSync('git', args, { cwd: repo }).status).toBe(0);
    const run = runCli(['scan', '--staged', '--format', 'json'], { cwd: repo });
    expect(JSON.parse(run.stdout).stats.findings).toBe(9);
    expectNoLeak('staged json', run.stdout + run.stderr);
  });

  it('the library result object', async () => {
    const result = await scan({ cwd: dir, paths: ['.'] });
    expectNoLeak('scan() result', JSON.stringify(result));
  });
});
