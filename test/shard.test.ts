// Scale-out: `scan --shard K/N` splits inputs so N jobs cover everything exactly once, and
// `piiguard merge` turns their reports into the report one job would have written.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { email, ssn } from './support/pii.js';

const FILES = Object.fromEntries(Array.from({ length: 24 }, (_, i) => [`dir${i % 3}/file${i}.txt`, `row ${i}\nSSN: ${ssn(200 + i)}\n${i % 4 === 0 ? `mail ${email(300 + i)}\n` : ''}`]));
const N = 4;
// One tree and one set of shard reports serve every test below.
const dir = tempTree(FILES);
const reportPath = (name: string) => path.join(dir, '..', `${path.basename(dir)}-${name}`);
const shardReports = Object.fromEntries(
  (['json', 'sarif'] as const).map((format) => [
    format,
    Array.from({ length: N }, (_, k) => {
      const out = reportPath(`shard${k + 1}.${format}`);
      expect(runCli(['scan', '.', '--shard', `${k + 1}/${N}`, '--format', format, '--output', out], { cwd: dir }).code).toBe(1);
      return out;
    }),
  ]),
) as Record<'json' | 'sarif', string[]>;

interface JsonReport {
  findings: Array<{ path: string; line: number; ruleId: string }>;
  stats: { filesScanned: number; findings: number; byRule: Record<string, number>; bySeverity: Record<string, number> };
}

function scanJson(dir: string, args: string[]): JsonReport {
  const run = runCli(['scan', '.', '--format', 'json', ...args], { cwd: dir });
  expect(run.code).toBe(1);
  return JSON.parse(run.stdout);
}

describe('scan --shard K/N', () => {
  it('covers every file exactly once across the N shards, the same way on every run', () => {
    const shards = shardReports.json.map((file) => JSON.parse(fs.readFileSync(file, 'utf8')) as JsonReport);
    const paths = shards.map((r) => [...new Set(r.findings.map((f) => f.path))]);
    expect(paths.flat().sort()).toEqual(Object.keys(FILES).sort());
    expect(paths.every((p) => p.length > 0 && p.length < 24)).toBe(true);
    expect(shards.reduce((n, r) => n + r.stats.filesScanned, 0)).toBe(24);
    // Deterministic: the same shard again, from a copy of the tree elsewhere, holds the same files.
    const copy = tempTree(FILES);
    expect(scanJson(copy, ['--shard', `2/${N}`]).findings.map((f) => f.path)).toEqual(shards[1]!.findings.map((f) => f.path));
  });

  it('rejects malformed shards and stdin', () => {
    for (const bad of ['0/3', '4/3', 'a/b']) {
      expect(runCli(['scan', '--shard', bad], { cwd: tempTree({}) })).toMatchObject({ code: 2, stderr: `piiguard: --shard must be K/N with 1 <= K <= N (e.g. 2/4), got "${bad}"\n` });
    }
    expect(runCli(['scan', '-', '--shard', '1/2'], { input: 'x' })).toMatchObject({ code: 2, stderr: 'piiguard: --shard splits files: it cannot be used with stdin ("-")\n' });
  });
});

describe('piiguard merge', () => {
  it('merges JSON shard reports into the report of one full scan (findings, sums of stats)', () => {
    const full = scanJson(dir, []);
    const out = reportPath('merged.json');
    const run = runCli(['merge', ...shardReports.json, '--output', out]);
    expect(run).toMatchObject({ code: 0, stdout: `merged ${N} JSON reports: 30 findings → ${out}\n` });
    const merged = JSON.parse(fs.readFileSync(out, 'utf8')) as JsonReport;
    expect(merged.findings).toEqual(full.findings);
    expect(merged.stats).toMatchObject({ filesScanned: 24, findings: 30, byRule: { 'us-ssn': 24, email: 6 }, bySeverity: full.stats.bySeverity });
  });

  it('merges SARIF shard reports into one run: rules once, all results in order, renumbered rule indexes', () => {
    const full = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd: dir }).stdout);
    const run = runCli(['merge', ...shardReports.sarif]);
    expect(run.code).toBe(0);
    const merged = JSON.parse(run.stdout);
    expect(merged.runs).toHaveLength(1);
    const [mergedRun, fullRun] = [merged.runs[0], full.runs[0]];
    expect(mergedRun.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(fullRun.tool.driver.rules.map((r: { id: string }) => r.id));
    expect(mergedRun.results).toEqual(fullRun.results);
    expect(mergedRun.properties.stats).toMatchObject({ filesScanned: 24, findings: 30 });
    expect(mergedRun.invocations).toEqual([{ executionSuccessful: true, toolExecutionNotifications: [] }]);
  });

  it('merges suppressions: counts add up, an allowlist entry used by any shard is not "unused"', () => {
    const allow = { allowlist: [{ paths: ['dir0/**'], reason: 'fixtures' }, { paths: ['nowhere/**'], reason: 'stale' }] };
    const allowed = tempTree({ ...FILES, '.piiguard.json': JSON.stringify(allow) });
    const full = JSON.parse(runCli(['scan', '.', '--format', 'json'], { cwd: allowed }).stdout);
    const reports = ['1/2', '2/2'].map((shard, i) => {
      const out = path.join(allowed, '..', `${path.basename(allowed)}-shard${i}.json`);
      runCli(['scan', '.', '--shard', shard, '--format', 'json', '--output', out], { cwd: allowed });
      return out;
    });
    const run = runCli(['merge', ...reports]);
    const merged = JSON.parse(run.stdout);
    expect(merged.suppressed).toEqual(full.suppressed);
    expect(merged.suppressions).toEqual(full.suppressions);
    expect(merged.suppressions.unused.map((u: { where: string }) => u.where)).toEqual([full.suppressions.unused[0].where]);
    expect(merged.stats).toEqual({ ...full.stats, durationMs: merged.stats.durationMs });
  });

  it('merges SARIF suppression notices as one scan lists them: an allowlist entry one shard used is not "unused"', () => {
    // The first entry covers one file, so one shard uses it and the other lists it as unused.
    const allow = { allowlist: [{ paths: ['dir0/file0.txt'], reason: 'fixture' }, { paths: ['nowhere/**'], reason: 'stale' }] };
    const allowed = tempTree({ ...FILES, '.piiguard.json': JSON.stringify(allow) });
    const notices = (log: { runs: Array<{ invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }> }> }) =>
      log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text);
    const full = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd: allowed }).stdout);
    const reports = ['1/2', '2/2'].map((shard, i) => {
      const out = path.join(allowed, '..', `${path.basename(allowed)}-shard${i}.sarif`);
      runCli(['scan', '.', '--shard', shard, '--format', 'sarif', '--output', out], { cwd: allowed });
      return out;
    });
    expect(reports.map((r) => notices(JSON.parse(fs.readFileSync(r, 'utf8'))).length).sort()).toEqual([1, 2]);
    const merged = JSON.parse(runCli(['merge', ...reports]).stdout);
    expect(notices(full)).toEqual(['unused suppression: .piiguard.json allowlist[1]: suppressed nothing (paths nowhere/** — stale)']);
    expect(notices(merged)).toEqual(notices(full));
  });

  it('refuses mixed formats, non-reports and unreadable files with one clear line', () => {
    const bad = tempTree({ 'a.json': JSON.stringify({ version: 1, tool: { name: 'piiguard', version: '0.1.0' }, findings: [], skipped: [], errors: [], stats: {} }), 'b.sarif': JSON.stringify({ version: '2.1.0', runs: [{ tool: { driver: { name: 'piiguard' } } }] }), 'c.txt': 'hello', 'd.json': '{"version":1}', 'e.json': JSON.stringify({ version: 1, tool: { name: 'piiguard', version: '0.0.9' }, findings: [], skipped: [], errors: [], stats: {} }) });
    const cases: Array<[string[], string]> = [
      [['a.json', 'b.sarif'], 'piiguard: cannot merge SARIF with JSON reports: a.json is json, b.sarif is sarif\n'],
      [['c.txt'], 'piiguard: c.txt: not a JSON or SARIF report (not valid JSON)\n'],
      [['d.json'], 'piiguard: d.json: not a piiguard JSON report (version 1) or SARIF 2.1.0 log\n'],
      [['missing.json'], 'piiguard: missing.json: cannot read report (ENOENT)\n'],
      [['a.json', 'e.json'], 'piiguard: reports come from different tools or versions (piiguard 0.1.0, piiguard 0.0.9): merge reports of one piiguard version\n'],
      [[], 'piiguard: merge needs at least one report (see piiguard --help)\n'],
    ];
    for (const [args, stderr] of cases) expect(runCli(['merge', ...args], { cwd: bad })).toMatchObject({ code: 2, stderr });
  });
});
