// Random and mutated bytes never crash the reader: every input ends as findings, skips or one-line
// errors. Deterministic (seeded) and bounded: 900 small inputs.
import { describe, expect, it } from 'vitest';
import { loadRules, resolveConfig, scan } from '../src/index.js';
import { gzip, tar, zip } from './support/archives.js';
import { cardNumber, email, rng, ssn } from './support/pii.js';

const config = resolveConfig({}, undefined, process.cwd());
const rules = await loadRules({ settings: config.settings });
const CSV = `id,ssn,email,card\n1,${ssn(51)},${email(52)},${cardNumber(53)}\r\n2,é名😀,\n`;

const SAMPLES: Array<() => Promise<Buffer> | Buffer> = [
  () => Buffer.from(CSV),
  () => gzip(CSV),
  () => zip({ 'a/b.csv': CSV, 'c.csv.gz': gzip(CSV) }),
  () => zip({ 'a.csv': CSV }, { compress: false, zip64: true }),
  () => tar({ 'a.csv': CSV, 'd/e.csv': CSV }),
  async () => gzip(await tar({ 'a.csv': CSV })),
  () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')]),
];

function mutate(input: Buffer, r: () => number): Buffer {
  const out = Buffer.from(input);
  const pick = (n: number) => Math.floor(r() * n);
  switch (pick(4)) {
    case 0: // flip some bytes
      for (let i = 0, n = 1 + pick(8); i < n; i++) out[pick(out.length)] = pick(256);
      return out;
    case 1: // truncate
      return out.subarray(0, pick(out.length));
    case 2: // insert random bytes
      return Buffer.concat([out.subarray(0, pick(out.length)), randomBytes(r, 1 + pick(64)), out.subarray(pick(out.length))]);
    default: // repeat a slice (duplicate headers, overlapping members)
      return Buffer.concat([out, out.subarray(pick(out.length))]);
  }
}

function randomBytes(r: () => number, n: number): Buffer {
  return Buffer.from(Array.from({ length: n }, () => Math.floor(r() * 256)));
}

/** Feeds `bytes` as a stream in random-sized chunks, as stdin would. */
async function scanBytes(bytes: Buffer, r: () => number) {
  const sizes: number[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = 1 + Math.floor(r() * 700);
    sizes.push(size);
    at += size;
  }
  async function* stream() {
    let at = 0;
    for (const size of sizes) {
      yield bytes.subarray(at, at + size);
      at += size;
    }
  }
  return scan({ config, rules, stdin: { stream: stream(), name: 'fuzz' } });
}

function expectWellFormed(result: Awaited<ReturnType<typeof scan>>): void {
  for (const e of result.errors) expect(e.message).toMatch(/^[^\n]+$/);
  for (const s of result.skipped) expect(s.detail).toMatch(/^[^\n]+$/);
  expect(result.stats.findings).toBeGreaterThanOrEqual(0);
}

describe('fuzz', () => {
  it('random bytes', async () => {
    const r = rng(20261124);
    for (let i = 0; i < 300; i++) {
      const prefix = [[], [0x1f, 0x8b], [0x50, 0x4b, 0x03, 0x04], [0xff, 0xfe], [0xfe, 0xff]][i % 5]!;
      expectWellFormed(await scanBytes(Buffer.concat([Buffer.from(prefix), randomBytes(r, Math.floor(r() * 4096))]), r));
    }
  });

  it('mutated archives and encodings', async () => {
    const r = rng(4);
    const samples = await Promise.all(SAMPLES.map((build) => build()));
    for (let i = 0; i < 600; i++) {
      const sample = samples[i % samples.length]!;
      expectWellFormed(await scanBytes(mutate(sample, r), r));
    }
  });
});
