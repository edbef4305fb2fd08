// The same leaky CSV must yield the same findings (rule, line, column, masked value) whether it is a
// plain file, gzip, zip (stored, deflate, ZIP64), tar, tar.gz, nested archives or stdin.
import { describe, expect, it } from 'vitest';
import { gzip, tar, zip } from './support/archives.js';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, email, ssn } from './support/pii.js';
import { scanJson, type JsonFinding } from './support/report.js';

const CSV = ['id,name,ssn,email,card', `1,Avery,${ssn(1)},${email(2)},x`, `2,Jordan,n/a,x,${cardNumber(3)}`, `3,Riley,${ssn(4)},,`].join('\n') + '\n';

/** Findings without their path, to compare one input's findings across containers. */
function located(findings: JsonFinding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${f.line}:${f.column} ${f.masked}`);
}

const plain = scanJson(['users.csv'], { cwd: tempTree({ 'users.csv': CSV }) });

describe('the same findings through every container', () => {
  it('finds three kinds in the plain file (the reference)', () => {
    expect(plain.code).toBe(1);
    expect(located(plain.report.findings)).toHaveLength(4);
    expect(new Set(plain.report.findings.map((f) => f.ruleId))).toEqual(new Set(['us-ssn', 'email', 'payment-card']));
  });

  const cases: Array<[string, () => Promise<Buffer> | Buffer, string]> = [
    ['gzip', () => gzip(CSV), 'in.csv.gz'],
    ['zip, deflate', () => zip({ 'reports/users.csv': CSV }), 'in.zip!reports/users.csv'],
    ['zip, stored', () => zip({ 'reports/users.csv': CSV }, { compress: false }), 'in.zip!reports/users.csv'],
    ['zip, ZIP64', () => zip({ 'reports/users.csv': CSV }, { zip64: true }), 'in.zip!reports/users.csv'],
    ['tar', () => tar({ 'reports/users.csv': CSV }), 'in.tar!reports/users.csv'],
    ['tar.gz', async () => gzip(await tar({ 'reports/users.csv': CSV })), 'in.tgz!reports/users.csv'],
    ['gz in zip', async () => zip({ 'logs/users.csv.gz': gzip(CSV) }), 'in.zip!logs/users.csv.gz'],
    ['tar.gz in zip in tar', async () => tar({ 'artifact.zip': await zip({ 'dump.tgz': gzip(await tar({ 'users.csv': CSV })) }) }), 'in.tar!artifact.zip!dump.tgz!users.csv'],
  ];
  for (const [name, build, path] of cases) {
    const file = path.split('!')[0]!;
    it(`${name}: file on disk`, async () => {
      const { code, report } = scanJson([file], { cwd: tempTree({ [file]: await build() }) });
      expect(code).toBe(1);
      expect(report.errors).toEqual([]);
      expect(new Set(report.findings.map((f) => f.path))).toEqual(new Set([path]));
      expect(located(report.findings)).toEqual(located(plain.report.findings));
    });
    it(`${name}: stdin`, async () => {
      const { code, report } = scanJson(['-', '--stdin-name', file], { input: await build() });
      expect(code).toBe(1);
      expect(new Set(report.findings.map((f) => f.path))).toEqual(new Set([path]));
      expect(located(report.findings)).toEqual(located(plain.report.findings));
    });
  }

  it('recognises containers by content, whatever the name says', async () => {
    const cwd = tempTree({ 'notes.txt': gzip(CSV), 'report.log': await zip({ 'a.csv': CSV }) });
    const { report } = scanJson(['.'], { cwd });
    expect(new Set(report.findings.map((f) => f.path))).toEqual(new Set(['notes.txt', 'report.log!a.csv']));
  });

  it('SARIF points at the archive and names the member, its line and column in the message', async () => {
    const cwd = tempTree({ 'in.zip': await zip({ 'reports/users.csv': CSV }) });
    const result = JSON.parse(runCli(['scan', 'in.zip', '--format', 'sarif'], { cwd }).stdout).runs[0].results[0];
    const first = plain.report.findings[0]!;
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'in.zip', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } });
    expect(result.message.text).toContain(`in archive member reports/users.csv, line ${first.line} column ${first.column}`);
  });

  it('scans every member of an archive and counts each as a file', async () => {
    const cwd = tempTree({ 'a.zip': await zip({ 'one.csv': CSV, 'two/two.csv': CSV, 'empty/': '' }) });
    const { report } = scanJson(['a.zip'], { cwd });
    expect(report.stats.filesScanned).toBe(2);
    expect(new Set(report.findings.map((f) => f.path))).toEqual(new Set(['a.zip!one.csv', 'a.zip!two/two.csv']));
  });
});

describe('text encodings and binary files', () => {
  it('decodes UTF-16 with a byte-order mark (LE and BE) to the same lines and columns', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]);
    const be = Buffer.from(le).swap16();
    const { report } = scanJson(['.'], { cwd: tempTree({ 'le.csv': le, 'be.csv': be }) });
    for (const path of ['le.csv', 'be.csv']) {
      expect(located(report.findings.filter((f) => f.path === path))).toEqual(located(plain.report.findings));
    }
  });

  it('keeps lines and columns after invalid UTF-8 as an editor shows them (one U+FFFD per bad sequence)', () => {
    const prefix = Buffer.from([0x61, 0xc3, 0x28, 0xe2, 0x82, 0x80, 0x80, 0x80, 0x62, 0x20]); // a, bad, (, €, bad, bad, b, space
    const bytes = Buffer.concat([Buffer.from([0xfe, 0x80, 0x0a]), prefix, Buffer.from(`${ssn(5)}\n`)]);
    const { code, report } = scanJson(['bad.txt'], { cwd: tempTree({ 'bad.txt': bytes }) });
    expect(code).toBe(1);
    expect(report.findings.map((f) => [f.line, f.column])).toEqual([[2, new TextDecoder().decode(prefix).length + 1]]);
  });

  it('skips binary files with a reason and counts them, without failing the run', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(CSV)]);
    const { code, report } = scanJson(['.'], { cwd: tempTree({ 'img.csv': png, 'data.bin': Buffer.concat([Buffer.from(CSV), Buffer.from([0])]) }) });
    expect(code).toBe(0);
    expect(report.skipped).toEqual([
      { path: 'data.bin', reason: 'binary', detail: `NUL byte at offset ${CSV.length}` },
      { path: 'img.csv', reason: 'binary', detail: 'PNG image' },
    ]);
  });

  it('reports compressed formats it cannot open and fails the run unless told to only report them', () => {
    const xz = Buffer.concat([Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), Buffer.alloc(64, 1)]);
    const cwd = tempTree({ 'dump.sql.xz': xz, 'users.csv': CSV });
    const failing = scanJson(['.'], { cwd });
    expect(failing.code).toBe(2);
    expect(failing.report.skipped).toEqual([{ path: 'dump.sql.xz', reason: 'unsupported', detail: 'xz data (format not supported)' }]);
    expect(scanJson(['.', '--on-archive-skip', 'report'], { cwd }).code).toBe(1);
    expect(scanJson(['dump.sql.xz', '--on-archive-skip', 'report'], { cwd }).code).toBe(0);
  });

  it('reports a corrupt gzip as an error naming the format (exit 2), and keeps scanning other files', () => {
    const whole = gzip(CSV);
    const truncated = whole.subarray(0, whole.length - 6);
    const { code, report } = scanJson(['.'], { cwd: tempTree({ 'cut.csv.gz': truncated, 'users.csv': CSV }) });
    expect(code).toBe(2);
    expect(report.errors).toEqual([{ path: 'cut.csv.gz', message: expect.stringMatching(/^cannot read: corrupt or truncated gzip data \(/) }]);
    expect(report.findings.some((f) => f.path === 'users.csv')).toBe(true);
  });

  it('reports a corrupt member inside a zip without losing the other members', async () => {
    const cwd = tempTree({ 'a.zip': await zip({ 'bad.gz': gzip(CSV).subarray(0, 12), 'good.csv': CSV }) });
    const { code, report } = scanJson(['a.zip'], { cwd });
    expect(code).toBe(2);
    expect(report.errors.map((e) => e.path)).toEqual(['a.zip!bad.gz']);
    expect(located(report.findings.filter((f) => f.path === 'a.zip!good.csv'))).toEqual(located(plain.report.findings));
  });
});
