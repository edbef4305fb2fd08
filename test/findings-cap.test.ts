// Findings at scale: past --findings-cap per file and rule, one aggregate carries the count; totals
// stay exact in the JSON stats and the summary, SARIF stays within GitHub's 25,000 results per run,
// and the exit code never depends on the cap.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { email, ssn, usPhone } from './support/pii.js';
import { scanJson } from './support/report.js';
import { zip } from './support/archives.js';

function dump(rows: number, seed = 0): string {
  return 'id,ssn,email\n' + Array.from({ length: rows }, (_, i) => `${i},${ssn(seed + i)},${i % 2 === 0 ? email(seed + i) : ''}`).join('\n') + '\n';
}

describe('findings cap', () => {
  const cwd = tempTree({ 'dump.csv': dump(250), 'small.csv': dump(3, 9000) });

  it('JSON lists every finding by default: tools and evaluations need them all', () => {
    const { report } = scanJson(['.'], { cwd });
    expect(report.findings.filter((f) => f.aggregate)).toEqual([]);
    expect(report.findings).toHaveLength(250 + 125 + 3 + 2);
  });

  it('--findings-cap 100 (the default of the other formats): 100 per file and rule plus one aggregate; exact totals in stats', () => {
    const { code, report } = scanJson(['.', '--findings-cap', '100'], { cwd });
    expect(code).toBe(1);
    const inDump = report.findings.filter((f) => f.path === 'dump.csv');
    expect(inDump.filter((f) => f.ruleId === 'us-ssn')).toHaveLength(101);
    // Sorted by position: the 101st SSN comes before the 101st email (every other row has one).
    expect(inDump.filter((f) => f.aggregate).map((f) => [f.ruleId, f.aggregate!.count])).toEqual([
      ['us-ssn', 150],
      ['email', 25],
    ]);
    expect(report.stats.findings).toBe(250 + 125 + 3 + 2);
    expect(report.stats.byRule).toEqual({ 'us-ssn': 253, email: 127 });
    expect(report.stats.findingsListed).toBe(report.findings.length);
  });

  it('the aggregate sits where the first finding left out sits', () => {
    const capped = scanJson(['dump.csv', '--findings-cap', '10'], { cwd }).report.findings.filter((f) => f.ruleId === 'us-ssn');
    const all = scanJson(['dump.csv', '--findings-cap', '0'], { cwd }).report.findings.filter((f) => f.ruleId === 'us-ssn');
    expect(all).toHaveLength(250);
    expect(capped).toEqual([...all.slice(0, 10), { ...all[10], aggregate: { count: 240 } }]);
  });

  it('the exit code and the summary totals do not depend on the cap', () => {
    for (const cap of ['0', '1', '100']) {
      const res = runCli(['scan', '.', '--findings-cap', cap], { cwd });
      expect(res.code).toBe(1);
      expect(res.stdout).toContain('✖ 380 findings (380 errors) in 2 files');
    }
    expect(runCli(['scan', '.', '--findings-cap', '1'], { cwd }).stdout).toContain('[249 us-ssn findings from here on, listed as one (findings cap)]');
  });

  it('SARIF never holds more than 25,000 results, and says how many it left out', () => {
    const big = tempTree({ 'huge.csv': dump(25_010) });
    const res = runCli(['scan', '.', '--format', 'sarif', '--findings-cap', '0'], { cwd: big });
    expect(res.code).toBe(1);
    const run = JSON.parse(res.stdout).runs[0];
    expect(run.results).toHaveLength(25_000);
    expect(run.properties.stats.findings).toBe(25_010 + 12_505);
    expect(run.invocations[0].toolExecutionNotifications).toContainEqual({
      level: 'warning',
      message: { text: '12515 more results not listed: GitHub accepts 25000 per run (totals in properties.stats; lower --findings-cap or use the JSON report)' },
    });
  });

  it('SARIF marks an aggregate with its count', () => {
    const run = JSON.parse(runCli(['scan', 'dump.csv', '--format', 'sarif', '--findings-cap', '5'], { cwd }).stdout).runs[0];
    const aggregates = run.results.filter((r: { properties?: { count: number } }) => r.properties?.count !== undefined);
    expect(aggregates.map((r: { ruleId: string; properties: { count: number } }) => [r.ruleId, r.properties.count]).sort()).toEqual([
      ['email', 120],
      ['us-ssn', 245],
    ]);
  });
});

describe('findings kept by the engine', () => {
  // Past 10,000 findings of one rule in one file the engine only counts (memory stays flat on huge dumps).
  const cwd = tempTree({ 'huge.csv': dump(10_050) });

  it('totals stay exact past what the engine keeps, with the cap on or off', () => {
    const capped = scanJson(['huge.csv', '--findings-cap', '100'], { cwd }).report;
    expect(capped.stats.byRule['us-ssn']).toBe(10_050);
    expect(capped.findings.filter((f) => f.ruleId === 'us-ssn').map((f) => f.aggregate?.count ?? 1)).toEqual([...Array(100).fill(1), 9_950]);
    const json = scanJson(['huge.csv'], { cwd }).report; // JSON lists what the engine kept
    expect(json.findings.filter((f) => f.ruleId === 'us-ssn').map((f) => f.aggregate?.count ?? 1)).toEqual([...Array(10_000).fill(1), 50]);
    const all = scanJson(['huge.csv', '--findings-cap', '0'], { cwd }).report;
    expect(all.findings.filter((f) => f.ruleId === 'us-ssn')).toHaveLength(10_050);
  });

  it('a baseline accepts the findings the engine only counted, and the gate then passes', () => {
    expect(runCli(['baseline', 'huge.csv', '--output', 'baseline.json'], { cwd }).code).toBe(0);
    const res = runCli(['scan', 'huge.csv', '--baseline', 'baseline.json'], { cwd });
    expect(res.code).toBe(0);
  });
});

describe('the budget of a report', () => {
  // Past 5,000 listed findings in all (what GitHub code scanning keeps of a SARIF run), the ones that
  // come last fold into one aggregate per rule, whatever order the files are scanned in; memory stays flat.
  const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`part-${i}.csv`, dump(2_000, i * 10_000)]));
  // Entries in all, aggregates included: room is left for one aggregate per rule (13 built-in rules).
  const budget = 5_000 - 13;
  const cwd = tempTree(files);
  const all = scanJson(['.', '--findings-cap', '0', '--jobs', '0'], { cwd }).report.findings;

  it('lists the first 5,000 findings in report order, then one aggregate per rule for the rest', () => {
    expect(all).toHaveLength(6 * 3_000);
    const rest = all.slice(budget);
    const firstOf = (ruleId: string) => rest.find((f) => f.ruleId === ruleId)!;
    const expected = [
      ...all.slice(0, budget),
      ...['us-ssn', 'email'].map((ruleId) => ({ ...firstOf(ruleId), aggregate: { count: rest.filter((f) => f.ruleId === ruleId).length, acrossFiles: true } })),
    ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.column - b.column));
    for (const jobs of ['0', '2']) {
      const { code, report } = scanJson(['.', '--findings-cap', '10000', '--jobs', jobs], { cwd });
      expect(code).toBe(1);
      expect(report.findings).toEqual(expected);
      expect(report.stats.findings).toBe(18_000);
      expect(report.stats.byRule).toEqual({ 'us-ssn': 12_000, email: 6_000 });
      expect(report.stats.findingsListed).toBe(budget + 2);
    }
  });

  it('the summary counts every file and finding, and says where the aggregate starts', () => {
    const res = runCli(['scan', '.', '--jobs', '2', '--findings-cap', '10000'], { cwd });
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('✖ 18000 findings (18000 errors) in 6 files');
    expect(res.stdout).toMatch(/\[\d+ us-ssn findings from here on, in this file and the ones after it, listed as one \(a report lists 5000 in all\)\]/);
  });

  it('errors are listed before warnings: phone numbers in early files do not push SSNs out', () => {
    const phones = 'id,phone\n' + Array.from({ length: 5_100 }, (_, i) => `${i},${usPhone(i)}`).join('\n') + '\n';
    const tree = tempTree({ 'a-phones.csv': phones, 'z-people.csv': dump(3, 500) });
    const { report } = scanJson(['.', '--findings-cap', '10000'], { cwd: tree });
    const listedPhones = report.findings.filter((f) => f.ruleId === 'phone' && !f.aggregate).length;
    const phoneTotal = report.stats.byRule.phone!;
    expect(phoneTotal).toBeGreaterThan(5_000);
    expect(report.findings.filter((f) => f.ruleId === 'us-ssn' && !f.aggregate)).toHaveLength(3);
    expect(report.findings.filter((f) => f.ruleId === 'email' && !f.aggregate)).toHaveLength(2);
    expect(listedPhones).toBe(5_000 - 13 - 5);
    expect(report.findings.find((f) => f.ruleId === 'phone' && f.aggregate)?.aggregate?.count).toBe(phoneTotal - listedPhones);
  });
});

describe('a worker that outgrows its heap', () => {
  // A capped scan's workers run with a capped old generation (128 MB). One input can still need more:
  // an archive's members each keep up to 10,000 findings per rule until the archive is summarised,
  // here 24 members × 20,000. The worker is ended by its cap; the archive is scanned again without it.
  it('loses no finding: the report is the one the main thread makes', async () => {
    const rows = (seed: number) => 'id,ssn,email\n' + Array.from({ length: 10_000 }, (_, i) => `${i},${ssn(seed + i)},${email(seed + i)}`).join('\n') + '\n';
    const members = Object.fromEntries(Array.from({ length: 24 }, (_, m) => [`part-${m}.csv`, rows(m * 10_000)]));
    const cwd = tempTree({ 'people.zip': await zip(members), ...Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`small-${i}.csv`, dump(3, 900_000 + i * 10)])) });
    const inProcess = scanJson(['.', '--findings-cap', '100', '--jobs', '0'], { cwd });
    const inWorkers = scanJson(['.', '--findings-cap', '100', '--jobs', '2'], { cwd });
    expect(inWorkers.code).toBe(1);
    expect(inWorkers.report.errors).toEqual([]);
    expect(inWorkers.report.stats.findings).toBe(24 * 20_000 + 3 * 5);
    expect({ ...inWorkers.report.stats, durationMs: 0 }).toEqual({ ...inProcess.report.stats, durationMs: 0 });
    expect(inWorkers.report.findings).toEqual(inProcess.report.findings);
    // One lane: after the rescan of the archive, the small files are left for a capped worker again.
    const inOneWorker = scanJson(['.', '--findings-cap', '100', '--jobs', '1'], { cwd });
    expect({ ...inOneWorker.report.stats, durationMs: 0 }).toEqual({ ...inProcess.report.stats, durationMs: 0 });
    expect(inOneWorker.report.findings).toEqual(inProcess.report.findings);
  }, 90_000);
});
