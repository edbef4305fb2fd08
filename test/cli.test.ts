// The CLI as users run it: a child process, argv in, exit code and output out.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, email, ssn, usPhone } from './support/pii.js';

const leaky = tempTree({
  'fixtures/users.csv': `id,email,ssn\n1,${email(1)},${ssn(2)}\n`,
  'fixtures/payments.json': JSON.stringify({ card: cardNumber(3), phone: usPhone(4) }, null, 2),
  'src/app.ts': 'export const answer = 42;\n',
});
const clean = tempTree({ 'notes.txt': 'Nothing personal here: order ORD-2024-00012345, total 129.99, see qa@example.com\n' });

interface Case {
  argv: string[];
  cwd?: string;
  code: number;
  stdout?: RegExp;
  stderr?: RegExp;
}

const cases: Record<string, Case> = {
  'leaky folder → 1': { argv: ['scan', '.'], cwd: leaky, code: 1, stdout: /✖ 4 findings \(3 errors, 1 warning\) in 2 files/ },
  'default path is .': { argv: ['scan'], cwd: leaky, code: 1, stdout: /fixtures\/users\.csv/ },
  'clean folder → 0': { argv: ['scan', '.'], cwd: clean, code: 0, stdout: /✔ no PII found · scanned 1 file/ },
  '--fail-on error ignores the warning-level phone only when alone': { argv: ['scan', 'fixtures/payments.json', '--fail-on', 'error'], cwd: leaky, code: 1 },
  '--fail-on never → 0 with findings shown': { argv: ['scan', '.', '--fail-on', 'never'], cwd: leaky, code: 0, stdout: /✖ 4 findings/ },
  '--quiet on a clean run prints nothing': { argv: ['scan', '.', '--quiet'], cwd: clean, code: 0, stdout: /^$/ },
  '--quiet still reports findings': { argv: ['scan', '.', '-q'], cwd: leaky, code: 1, stdout: /us-ssn/ },
  'rules lists the four built-in rules': { argv: ['rules'], cwd: clean, code: 0, stdout: /email[\s\S]*payment-card[\s\S]*phone[\s\S]*us-ssn/ },
  '--version': { argv: ['--version'], code: 0, stdout: /^\d+\.\d+\.\d+\n$/ },
  '--help': { argv: ['--help'], code: 0, stdout: /Usage:[\s\S]*Exit codes: 0 clean, 1 findings/ },
  'no command → help on stdout, exit 2': { argv: [], code: 2, stdout: /Usage:/ },
  'unknown flag → 2 naming it': { argv: ['scan', '--frobnicate'], code: 2, stderr: /^piiguard: Unknown option '--frobnicate' \(see piiguard --help\)\n$/ },
  'unknown command → 2': { argv: ['sacn'], code: 2, stderr: /unknown command "sacn"/ },
  'bad --format → 2': { argv: ['scan', '.', '--format', 'xml'], cwd: clean, code: 2, stderr: /--format must be one of text, json, sarif, markdown, got "xml"/ },
  'bad --fail-on → 2': { argv: ['scan', '.', '--fail-on', 'critical'], cwd: clean, code: 2, stderr: /--fail-on must be one of error, warning, info, never/ },
  'missing path → 2': { argv: ['scan', 'no/such/dir'], cwd: clean, code: 2, stderr: /^piiguard: no\/such\/dir: no such file or folder\n$/ },
  'missing flag value → 2': { argv: ['scan', '--format'], cwd: clean, code: 2, stderr: /--format/ },
  'missing --config file → 2': { argv: ['scan', '.', '--config', 'nope.json'], cwd: clean, code: 2, stderr: /config error: .*nope\.json: cannot read config file \(ENOENT\)/ },
};

describe('CLI exit codes and output', () => {
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const res = runCli(c.argv, c.cwd ? { cwd: c.cwd } : {});
      expect(res.code, res.stderr).toBe(c.code);
      if (c.stdout) expect(res.stdout).toMatch(c.stdout);
      if (c.stderr) expect(res.stderr).toMatch(c.stderr);
      expect(res.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    });
  }
});

describe('CLI reports', () => {
  it('text report lists findings by file with line:column and masked values', () => {
    const res = runCli(['scan', '.'], { cwd: leaky });
    const lines = res.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['fixtures/payments.json', expect.stringMatching(/^ {2}2:12 +error +payment-card +\*{12}\d{4} /), expect.stringMatching(/^ {2}3:13 +warning +phone +\(\*\*\*\) \*\*\*-\d{4} /)]);
    expect(lines).toContain('fixtures/users.csv');
  });

  it('--output writes the report and prints the summary', () => {
    const out = path.join(leaky, 'out', 'report.json');
    const res = runCli(['scan', 'fixtures', '--format', 'json', '--output', out], { cwd: leaky });
    expect(res.code).toBe(1);
    expect(res.stdout).toMatch(/✖ 4 findings .* → .*report\.json\n$/);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['payment-card', 'phone', 'email', 'us-ssn']);
    expect(report.stats).toMatchObject({ filesScanned: 2, findings: 4, byRule: { email: 1, 'us-ssn': 1, 'payment-card': 1, phone: 1 } });
  });

  it('stdin: "-" scans the stream under --stdin-name', () => {
    const res = runCli(['scan', '-', '--stdin-name', 'dump.sql', '--format', 'json'], { cwd: clean, input: `INSERT INTO t VALUES ('${ssn(9)}');\n` });
    expect(res.code).toBe(1);
    const report = JSON.parse(res.stdout);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'us-ssn', path: 'dump.sql', line: 1, column: 24 })]);
  });

  it('worker threads (--jobs 2) and the main thread (--jobs 0) report the same findings', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 12; i++) files[`part-${i}.csv`] = `row,${email(100 + i)}\n${'filler '.repeat(50 * i)}${ssn(200 + i)}\n`;
    const dir = tempTree(files);
    const inWorkers = runCli(['scan', '.', '--format', 'json', '--jobs', '2'], { cwd: dir });
    const inProcess = runCli(['scan', '.', '--format', 'json', '--jobs', '0'], { cwd: dir });
    expect(inWorkers.code).toBe(1);
    const findings = (out: string) => JSON.parse(out).findings;
    expect(findings(inWorkers.stdout)).toHaveLength(24);
    expect(findings(inWorkers.stdout)).toEqual(findings(inProcess.stdout));
  });

  it('many files, handed to worker threads a batch at a time, are each reported once', () => {
    // 200 files, four of them large enough to fill a batch's bytes alone: more batches than workers.
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`f-${String(i).padStart(3, '0')}.csv`] = `row,${email(300 + i)}\n${i % 50 === 0 ? `${'filler '.repeat(100_000)}\n` : ''}${ssn(500 + i)}\n`;
    const dir = tempTree(files);
    const inWorkers = JSON.parse(runCli(['scan', '.', '--format', 'json', '--jobs', '2'], { cwd: dir }).stdout);
    const inProcess = JSON.parse(runCli(['scan', '.', '--format', 'json', '--jobs', '0'], { cwd: dir }).stdout);
    expect(inWorkers.stats.filesScanned).toBe(200);
    expect(inWorkers.findings).toHaveLength(400);
    expect(inWorkers.findings).toEqual(inProcess.findings);
  });

  it('binary files are skipped and counted, not silently dropped', () => {
    const dir = tempTree({ 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'blob.bin': Buffer.from([1, 2, 0, 3]) });
    const res = runCli(['scan', '.', '--format', 'json'], { cwd: dir });
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).skipped).toEqual([
      { path: 'blob.bin', reason: 'binary', detail: 'NUL byte at offset 2' },
      { path: 'logo.png', reason: 'binary', detail: 'PNG image' },
    ]);
  });
});
