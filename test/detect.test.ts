// The engine: the same findings at the same positions however the stream is chunked.
import { describe, expect, it } from 'vitest';
import { detectStream, loadRules } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { cardNumber, email, rng, ssn, usPhone } from './support/pii.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function positions(text: string | Buffer, size: number) {
  const buf = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  const { findings, bytes } = await detectStream(chunked(buf, size), rules, 'x');
  expect(bytes).toBe(buf.length);
  return findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
}

describe('detectStream', () => {
  const filler = 'lorem ipsum dolor sit amet, '.repeat(20);
  const text = `${filler}${email(1)}\r\n${filler}\n${'x'.repeat(1000)} ${ssn(2)} card=${cardNumber(3)}\n${filler}${usPhone(4)}`;

  it('finds the same spans for every chunk size, across CRLF and LF', async () => {
    const whole = await positions(text, text.length + 1);
    expect(whole).toEqual([`email@1:561-1:${561 + email(1).length}`, 'us-ssn@3:1002-3:1013', 'payment-card@3:1019-3:1035', 'phone@4:561-4:575']);
    for (const size of [1, 3, 64, 255, 256, 257, 1000, 4096]) expect(await positions(text, size), `chunk size ${size}`).toEqual(whole);
  });

  it('counts columns in UTF-16 code units (accents, CJK, emoji)', async () => {
    const line = `Zoë 王芳 😀 ${ssn(5)}`;
    expect(await positions(line, 2)).toEqual([`us-ssn@1:${line.indexOf(ssn(5)) + 1}-1:${line.length + 1}`]);
  });

  it('invalid UTF-8 does not shift later positions', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`\n${ssn(6)}`)]);
    expect(await positions(buf, 2)).toEqual(['us-ssn@2:1-2:12']);
  });

  it('counts invalid UTF-8 before a value on its line as the decoder shows it', async () => {
    const r = rng(3);
    // Overlong, surrogate, truncated, out of range and stray continuation bytes, and well-formed ones.
    const samples = [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xc3, 0xa9], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbf, 0xbd], [0xe0, 0x9f, 0x80], [0xf0, 0x8f], [0xfe]];
    for (let seed = 0; seed < 30; seed++) {
      const bytes = Array.from({ length: 12 }, () => [...samples[Math.floor(r() * samples.length)]!, ...(r() < 0.3 ? [0x20] : [])]).flat();
      const before = Buffer.from([...bytes, 0x20]);
      const column = before.toString('utf8').length + 1;
      const line = Buffer.concat([Buffer.from('x\n'), before, Buffer.from(ssn(seed))]);
      for (const size of [3, 1 << 16]) expect(await positions(line, size), `bytes ${bytes.join(' ')}`).toEqual([`us-ssn@2:${column}-2:${column + 11}`]);
    }
  });

  it('finds piiguard:allow comments alike with and without the automaton', async () => {
    const r = rng(9);
    const shapes = ['# piiguard:allow', '// piiguard:allow us-ssn', 'x piiguard:allow', '# piiguard:allowed', '-- piiguard:allow email -- ok', '#piiguard:allow'];
    let text = '';
    while (text.length < 300_000) text += `${'lorem ipsum '.repeat(Math.floor(r() * 40))}${ssn(text.length)} ${shapes[Math.floor(r() * shapes.length)]}\n`;
    const buf = Buffer.from(text);
    const allows = async (size: number) => (await detectStream(chunked(buf, size), await loadRules({ settings: DEFAULT_SETTINGS }), 'x')).allows;
    // Windows of 4 KiB never build the automaton (fresh rules each time: it is built per rule list).
    const direct = await allows(4096);
    expect(direct.length).toBeGreaterThan(500);
    for (const size of [1 << 16, 100_000, 1 << 20]) expect(await allows(size), `chunk size ${size}`).toEqual(direct);
  });

  it('a value split by a chunk border in a single huge line is still found once', async () => {
    const value = cardNumber(7);
    const big = `${'9 '.repeat(600_000)}card=${value} ${'a'.repeat(300_000)}`;
    const at = big.indexOf(value);
    expect(await positions(big, 1 << 20)).toEqual([`payment-card@1:${at + 1}-1:${at + 17}`]);
    expect(await positions(big, at + 8)).toEqual([`payment-card@1:${at + 1}-1:${at + 17}`]);
  });
});
