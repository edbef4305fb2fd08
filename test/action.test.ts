// The bundled Action entry, started the way the Actions runner starts it: `node dist/action.js` in the
// workspace, inputs as INPUT_* variables, outputs and the job summary in GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
// files, annotations as workflow commands on stdout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction, type ActionRun } from './support/action.js';
import { gzip } from './support/archives.js';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, ssn } from './support/pii.js';

const SSN = ssn(11);
const CARD = cardNumber(12);
const LEAKY = `Customer record (synthetic)\nSSN: ${SSN}\nCard number: ${CARD}\n`;

function expectNoRawPii(run: ActionRun, values: string[]): void {
  const everything = [run.stdout, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
  for (const value of values) {
    expect(everything).not.toContain(value);
    expect(everything).not.toContain(value.replace(/\D/g, ''));
  }
}

describe('GitHub Action (node dist/action.js)', () => {
  it('fails on planted PII with annotations on the exact lines, outputs, a SARIF file and a markdown summary', () => {
    const ws = tempTree({ 'data/customers.txt': LEAKY, 'notes.txt': 'Release notes\n' });
    const run = runAction(ws);
    expect(run.code).toBe(1);
    const errors = run.commands.filter((c) => c.name === 'error');
    expect(errors.filter((c) => c.props.file).map((c) => [c.props.file, c.props.line, c.props.title])).toEqual([
      ['data/customers.txt', '2', 'piiguard: us-ssn'],
      ['data/customers.txt', '3', 'piiguard: payment-card'],
    ]);
    expect(errors[0]!.props).toMatchObject({ endLine: '2', col: '6', endColumn: String(6 + SSN.length) });
    expect(errors[0]!.data).toBe(`US Social Security number (***-**-${SSN.slice(-4)})`);
    expect(errors.at(-1)!.data).toBe('piiguard: 2 findings at or above fail-on info; see the annotations and the job summary');
    expect(run.outputs).toEqual({ findings: '2', 'sarif-file': 'piiguard.sarif', verdict: 'fail' });

    const sarif = JSON.parse(fs.readFileSync(path.join(ws, 'piiguard.sarif'), 'utf8'));
    expect(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }> }) => [r.locations[0]!.physicalLocation.artifactLocation.uri, r.locations[0]!.physicalLocation.region.startLine])).toEqual([
      ['data/customers.txt', 2],
      ['data/customers.txt', 3],
    ]);
    expect(run.summary).toContain('| `us-ssn` | US Social Security number | error | 1 |');
    expect(run.summary).toContain('| `data/customers.txt` | 2 |');
    expect(run.summary).toContain(`| \`data/customers.txt:2:6\` | error | \`us-ssn\` | \`***-**-${SSN.slice(-4)}\` |`);
    expect(run.summary).toContain('**Verdict: fail**');
    expectNoRawPii(run, [SSN, CARD]);
  });

  it('passes a clean workspace without error annotations', () => {
    const run = runAction(tempTree({ 'notes.txt': 'Release notes\nEvery check passed.\n' }));
    expect(run.code).toBe(0);
    expect(run.commands.filter((c) => c.name === 'error')).toEqual([]);
    expect(run.outputs).toEqual({ findings: '0', 'sarif-file': 'piiguard.sarif', verdict: 'pass' });
    expect(run.summary).toContain('no PII found');
  });

  it('writes no SARIF file when sarif-file is empty, and says so in the outputs', () => {
    const ws = tempTree({ 'customers.txt': LEAKY });
    const run = runAction(ws, { 'sarif-file': '' });
    expect(run.code).toBe(1);
    expect(run.outputs).toEqual({ findings: '2', 'sarif-file': '', verdict: 'fail' });
    expect(fs.readdirSync(ws)).toEqual(['customers.txt']);
  });

  it('checks every input before scanning and reports all problems at once', () => {
    const ws = tempTree({ 'customers.txt': LEAKY });
    const run = runAction(ws, { 'fail-on': 'sometimes', format: 'xml', shard: '3/2', 'min-confidence': 'sure', paths: 'customers.txt\nmissing-folder', config: 'nope.json', 'max-file-size': '1MB', 'findings-cap': 'all', 'max-archive-members': '-1', 'on-archive-skip': 'ignore' });
    expect(run.code).toBe(1);
    expect(run.commands.filter((c) => c.name === 'error').map((c) => c.data)).toEqual([
      'input paths: missing-folder: no such file or folder',
      'input config: nope.json: no such file or folder',
      'input fail-on must be one of error, warning, info, never, got "sometimes"',
      'input max-file-size must be a whole number, got "1MB"',
      'input shard must be K/N with 1 <= K <= N (e.g. 2/4), got "3/2"',
      'input min-confidence must be one of high, medium, low, got "sure"',
      'input findings-cap must be a whole number, got "all"',
      'input max-archive-members must be a whole number, got "-1"',
      'input on-archive-skip must be fail or report, got "ignore"',
      'input format must be one of text, json, sarif, markdown, got "xml"',
      'piiguard: 10 input problems (listed above); nothing was scanned',
    ]);
    expect(run.outputs).toEqual({ verdict: 'error' });
    expect(fs.existsSync(path.join(ws, 'piiguard.sarif'))).toBe(false);
  });

  it('takes the findings cap and the archive guards as inputs, as the flags of the same names do', () => {
    const ws = tempTree({ 'many.txt': Array.from({ length: 5 }, (_, i) => `SSN: ${ssn(200 + i)}`).join('\n') + '\n', 'old.txt.gz': gzip(`SSN: ${ssn(205)}\n`) });
    const sarifResults = () => JSON.parse(fs.readFileSync(path.join(ws, 'piiguard.sarif'), 'utf8')).runs[0].results as Array<{ properties: { count?: number } }>;
    const defaults = runAction(ws);
    expect(defaults.outputs).toMatchObject({ findings: '6', verdict: 'fail' });
    expect(sarifResults()).toHaveLength(6);

    // The gzip layer is one container too deep: unread content fails the run; the cap shortens the reports only.
    const capped = runAction(ws, { 'findings-cap': '2', 'max-archive-depth': '0' });
    expect(capped.outputs).toMatchObject({ findings: '5', verdict: 'error' });
    expect(sarifResults().map((r) => r.properties.count)).toEqual([undefined, undefined, 3]);
    expect(capped.summary).toContain('archive-depth');
    expect(runCli(['scan', '.', '--findings-cap', '2', '--max-archive-depth', '0', '--format', 'sarif', '--output', 'cli.sarif'], { cwd: ws }).code).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(ws, 'cli.sarif'), 'utf8')).runs[0].results).toEqual(sarifResults());

    const reported = runAction(ws, { 'max-archive-depth': '0', 'on-archive-skip': 'report', 'fail-on': 'never' });
    expect(reported.outputs).toMatchObject({ findings: '5', verdict: 'pass' });
    expect(reported.code).toBe(0);
  });

  it('annotates the 10 most severe per kind, then one notice counting the rest', () => {
    const ssns = Array.from({ length: 14 }, (_, i) => `SSN: ${ssn(100 + i)}`);
    // Info-level findings first in the file: the order of annotations must still be by severity.
    const config = JSON.stringify({ rules: { phone: { enabled: false }, email: { severity: 'info' } } });
    const emails = Array.from({ length: 3 }, (_, i) => `mail ${['avery', 'jordan', 'riley'][i]}.${4000 + i}@gmail.com`);
    const ws = tempTree({ 'a.txt': [...emails, ...ssns].join('\n') + '\n', '.piiguard.json': config });
    const run = runAction(ws, { 'sarif-file': 'reports/pii.sarif' });
    expect(run.code).toBe(1);
    const kinds = run.commands.filter((c) => ['error', 'warning', 'notice'].includes(c.name));
    // 9 findings + the failure message (one error slot kept for it), then the overflow notice.
    const located = kinds.filter((c) => c.props.line !== undefined);
    expect(located.map((c) => c.name)).toEqual([...Array(9).fill('error'), 'notice', 'notice', 'notice']);
    expect(kinds.find((c) => c.props.title === 'piiguard: more findings')!.data).toBe(
      '5 more piiguard annotations are not shown (GitHub shows 10 per kind per step): see the job summary and reports/pii.sarif',
    );
    expect(run.outputs).toMatchObject({ findings: '17', 'sarif-file': 'reports/pii.sarif' });
    expect(run.summary.match(/^\| `a\.txt:\d+:\d+` /gm)).toHaveLength(17);
  });

  it('escapes workflow-command properties (file names with , and :) and stops commands inside the log report', () => {
    const ws = tempTree({ 'odd,name:1.txt': `SSN: ${SSN}\n`, '::warning::x.txt': `SSN: ${ssn(13)}\n` });
    const run = runAction(ws, { 'fail-on': 'never' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::error title=piiguard%3A us-ssn,file=odd%2Cname%3A1.txt,line=1,');
    // The file name printed by the text report is inert: it sits between stop-commands markers.
    const stop = /^::stop-commands::(.+)$/m.exec(run.stdout)![1]!;
    const inside = run.stdout.slice(run.stdout.indexOf(`::stop-commands::${stop}`), run.stdout.indexOf(`::${stop}::`));
    expect(inside).toContain('::warning::x.txt');
    expect(run.commands.filter((c) => c.name === 'warning')).toEqual([]);
    expect(run.outputs.verdict).toBe('pass');
  });

  it('resolves paths, config and sarif-file against working-directory but reports repository paths', () => {
    const ws = tempTree({ 'app/.piiguard.json': JSON.stringify({ exclude: ['fixtures/**'] }), 'app/src/users.txt': `SSN: ${SSN}\n`, 'app/fixtures/f.txt': `SSN: ${ssn(14)}\n`, 'other/x.txt': `SSN: ${ssn(15)}\n` });
    const run = runAction(ws, { 'working-directory': 'app', paths: 'src\nfixtures' });
    expect(run.commands.filter((c) => c.name === 'error' && c.props.file).map((c) => `${c.props.file}:${c.props.line}`)).toEqual(['app/src/users.txt:1']);
    expect(run.outputs['sarif-file']).toBe('app/piiguard.sarif');
    expect(fs.existsSync(path.join(ws, 'app', 'piiguard.sarif'))).toBe(true);
  });

  it('passes a baseline on: accepted findings do not fail the step, a new one does', () => {
    const ws = tempTree({ 'app/old.txt': `SSN: ${SSN}\n` });
    expect(runCli(['baseline', '.', '--output', 'piiguard-baseline.json'], { cwd: ws }).code).toBe(0);
    const accepted = runAction(ws, { baseline: 'piiguard-baseline.json' });
    expect(accepted.code).toBe(0);
    expect(accepted.outputs).toMatchObject({ findings: '0', verdict: 'pass' });
    fs.writeFileSync(path.join(ws, 'app', 'new.txt'), `Card: ${CARD}\n`);
    const fresh = runAction(ws, { baseline: 'piiguard-baseline.json' });
    expect(fresh.code).toBe(1);
    expect(fresh.commands.filter((c) => c.name === 'error' && c.props.file).map((c) => `${c.props.file}:${c.props.line}`)).toEqual(['app/new.txt:1']);
    expect(fresh.summary).toContain('**Baseline** `piiguard-baseline.json`: 1 of 1 entry matched.');
    expect(runAction(ws, { baseline: 'nope.json' }).commands.map((c) => c.data)).toContain('input baseline: nope.json: no such file or folder');
  });

  it('reports a config error as an error annotation, one per problem, and scans nothing', () => {
    const ws = tempTree({ '.piiguard.json': JSON.stringify({ failOn: 'sometimes', bogus: 1 }), 'a.txt': 'x\n' });
    const run = runAction(ws);
    expect(run.code).toBe(1);
    const titles = run.commands.filter((c) => c.name === 'error').map((c) => c.props.title);
    expect(titles.filter((t) => t === 'piiguard: config error').length).toBe(2);
    expect(run.outputs).toEqual({ verdict: 'error' });
  });
});
