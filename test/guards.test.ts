// Hostile archives: every guard trips into a reported skip with its reason (exit 2 by default,
// --on-archive-skip report to only report it), never a hang, a crash or an out-of-memory.
import { describe, expect, it } from 'vitest';
import { gzip, tar, zip } from './support/archives.js';
import { tempTree } from './support/cli.js';
import { ssn } from './support/pii.js';
import { scanJson } from './support/report.js';

const CSV = `id,ssn\n1,${ssn(31)}\n`;
const ZEROS = Buffer.alloc(40 << 20); // deflates about 1000:1

describe('archive guards', () => {
  it('zip bomb: a member that expands past the ratio is skipped before it is read; the rest is scanned', async () => {
    const cwd = tempTree({ 'bomb.zip': await zip({ 'zeros.bin': ZEROS, 'users.csv': CSV }) });
    const { code, report } = scanJson(['bomb.zip'], { cwd });
    expect(code).toBe(2);
    expect(report.skipped).toEqual([{ path: 'bomb.zip!zeros.bin', reason: 'archive-ratio', detail: expect.stringMatching(/^expands more than 200x \(41943040 bytes from \d+\)$/) }]);
    expect(report.findings.map((f) => f.path)).toEqual(['bomb.zip!users.csv']);
    expect(scanJson(['bomb.zip', '--on-archive-skip', 'report'], { cwd }).code).toBe(1);
    expect(scanJson(['bomb.zip', '--max-compression-ratio', '0'], { cwd }).report.skipped).toEqual([{ path: 'bomb.zip!zeros.bin', reason: 'binary', detail: 'NUL byte at offset 0' }]);
  });

  it('gzip bomb: decompression stops at the ratio, mid-stream', () => {
    const { code, report } = scanJson(['zeros.gz'], { cwd: tempTree({ 'zeros.gz': gzip(Buffer.alloc(40 << 20, 0x20)) }) });
    expect(code).toBe(2);
    expect(report.skipped).toEqual([{ path: 'zeros.gz', reason: 'archive-ratio', detail: expect.stringMatching(/^expands more than 200x/) }]);
  });

  it('stops at the total expanded bytes of one input, over all its layers', async () => {
    const cwd = tempTree({ 'dump.tgz': gzip(await tar({ 'a.csv': CSV.repeat(100), 'b.csv': CSV })) });
    const { code, report } = scanJson(['dump.tgz', '--max-expanded-bytes', '1000'], { cwd });
    expect(code).toBe(2);
    expect(report.skipped).toEqual([{ path: 'dump.tgz', reason: 'archive-size', detail: 'expands past the limit of 1000 bytes' }]);
    expect(scanJson(['dump.tgz'], { cwd }).report.skipped).toEqual([]);
  });

  it('deep nest: containers past the depth are skipped, and scanned when the depth allows', async () => {
    let nested: Buffer = Buffer.from(CSV);
    for (let i = 0; i < 4; i++) nested = await zip({ [`level${i}.csv${i === 0 ? '' : '.zip'}`]: gzip(nested) }); // 8 layers
    const cwd = tempTree({ 'deep.zip': nested });
    const { code, report } = scanJson(['deep.zip'], { cwd });
    expect(code).toBe(2);
    expect(report.skipped).toEqual([{ path: 'deep.zip!level3.csv.zip!level2.csv.zip!level1.csv.zip', reason: 'archive-depth', detail: 'gzip nested more than 5 containers deep' }]);
    const deeper = scanJson(['deep.zip', '--max-archive-depth', '8'], { cwd });
    expect(deeper.code).toBe(1);
    expect(deeper.report.findings.map((f) => f.path)).toEqual(['deep.zip!level3.csv.zip!level2.csv.zip!level1.csv.zip!level0.csv']);
  });

  it('stops after the member count of one archive (zip and tar)', async () => {
    const members = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`m${i}.csv`, CSV]));
    const cwd = tempTree({ 'many.zip': await zip(members), 'many.tar': await tar(members) });
    const { code, report } = scanJson(['.', '--max-archive-members', '5'], { cwd });
    expect(code).toBe(2);
    expect(report.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['many.tar', 'archive-entries'],
      ['many.zip', 'archive-entries'],
    ]);
    expect(report.stats.filesScanned).toBe(10);
  });

  it('skips members whose names climb out of the archive or are absolute', async () => {
    // yazl refuses such names, so write a same-length placeholder and patch it in the bytes.
    const zipped = await zip({ 'xx/evil.csv': CSV, 'ok.csv': CSV });
    const patched = Buffer.from(zipped.toString('latin1').replaceAll('xx/evil.csv', '../evil.csv'), 'latin1');
    const cwd = tempTree({ 'trav.zip': patched, 'trav.tar': await tar({ '../../etc/evil.csv': CSV, '/abs.csv': CSV, 'ok.csv': CSV }) });
    const { code, report } = scanJson(['.'], { cwd });
    expect(code).toBe(2);
    expect(report.skipped.map((s) => [s.path, s.reason, s.detail])).toEqual([
      ['trav.tar!../../etc/evil.csv', 'archive-path', 'member path climbs out of the archive (..)'],
      ['trav.tar!/abs.csv', 'archive-path', 'absolute member path'],
      ['trav.zip!../evil.csv', 'archive-path', 'member path climbs out of the archive (..)'],
    ]);
    expect(report.findings.map((f) => f.path)).toEqual(['trav.tar!ok.csv', 'trav.zip!ok.csv']);
  });

  it('applies --max-file-size to files and to archive members', async () => {
    const big = CSV.repeat(200); // compresses well: the zip stays under the limit, its member does not
    const cwd = tempTree({ 'big.csv': big, 'small.csv': CSV, 'a.zip': await zip({ 'big.csv': big, 'small.csv': CSV }) });
    const { code, report } = scanJson(['.', '--max-file-size', '1000'], { cwd });
    expect(code).toBe(1);
    expect(report.skipped.map((s) => [s.path, s.reason])).toEqual([
      ['a.zip!big.csv', 'too-large'],
      ['big.csv', 'too-large'],
    ]);
    expect(report.findings.map((f) => f.path)).toEqual(['a.zip!small.csv', 'small.csv']);
  });
});
