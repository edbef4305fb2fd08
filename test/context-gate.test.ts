// Rules that report only what their context words rate high (passport, NHS, Aadhaar and ITIN numbers)
// are skipped in a window that holds none of their words, where the stream has declared no column
// named by one either. Wherever the rating reads a word, the value must still be found: before it on
// its line, in a header or column list that an earlier window declared, or in the text kept before a
// window's region. Streams here are large enough for the engine's automaton, which finds the words.
import { describe, expect, it } from 'vitest';
import { Gen } from '../eval/values.js';
import { detectStream, loadRules } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { ssn } from './support/pii.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

/** Passport findings in `text`, read in one chunk and in chunks of 64 KiB (they must agree). */
async function passports(text: string): Promise<number> {
  const buf = Buffer.from(text, 'latin1');
  const count = async (size: number) => (await detectStream(chunked(buf, size), rules, 'x')).findings.filter((f) => f.ruleId === 'passport').length;
  const whole = await count(buf.length);
  expect(await count(64 << 10)).toBe(whole);
  return whole;
}

const g = new Gen(5);
/** A passport-shaped value: a letter and eight digits. */
const passport = () => g.letters(1) + g.digits(8);
/** Text with no digits and no context word: bytes that push what follows into later windows. */
const filler = (bytes: number) => 'lorem ipsum dolor sit amet consectetur\n'.repeat(Math.ceil(bytes / 39));
const ROWS = 6000; // rows of 40-60 bytes: several windows of 120 KiB

describe('rules that need context words, in windows without them', () => {
  it('are not reported without a word, and are with one before the value far into the stream', async () => {
    expect(await passports(`${filler(300_000)}id: ${passport()}\n${filler(1000)}`)).toBe(0);
    expect(await passports(`${filler(300_000)}passport_no: ${passport()}\nTravel document ${passport()}\n${filler(1000)}`)).toBe(2);
  });

  it('are found after an abbreviation, however its letters are split', async () => {
    // `d.o.b` is read as the tokens d, o, b from each of these keys (camel case splits `dO`).
    const births = async (text: string) => (await detectStream(chunked(Buffer.from(text, 'latin1'), 1 << 20), rules, 'x')).findings.filter((f) => f.ruleId === 'date-of-birth').length;
    for (const key of ['d.o.b', 'D O B', 'dO.b']) {
      expect(await births(`${filler(300_000)}${key}: 1961-04-12\n${filler(1000)}`), key).toBe(1);
      expect(await births(`${filler(300_000)}${key.replace(/[dD]/g, 'x')}: 1961-04-12\n${filler(1000)}`), key).toBe(0);
    }
  });

  it('are found under a Markdown column whose abbreviation is spread wider than a key can be', async () => {
    const births = async (text: string) => (await detectStream(chunked(Buffer.from(text, 'latin1'), 1 << 20), rules, 'x')).findings.filter((f) => f.ruleId === 'date-of-birth').length;
    const table = (header: string) => `${filler(30_000)}| id | ${header} |\n| --- | --- |\n| 1 | 1961-04-12 |\n| 2 | 1972-11-03 |\n\n${filler(1000)}`;
    expect(await births(table(`D${' '.repeat(60)}O B`))).toBe(2);
    expect(await births(table(`X${' '.repeat(60)}O B`))).toBe(0);
  });

  it('are found under a CSV header that the first window declared', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => `${i},${passport()},lorem ipsum dolor`).join('\n');
    expect(await passports(`id,passport,notes\n${rows}\n`)).toBe(ROWS);
  });

  it('are found in INSERT rows without a column list, by the CREATE TABLE before them', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => `INSERT INTO people VALUES (${i},'${passport()}');`).join('\n');
    expect(await passports(`CREATE TABLE people (\n  id integer,\n  passport_no text\n);\n${filler(200_000)}${rows}\n`)).toBe(ROWS);
  });

  it('are found in COPY rows and under a Markdown table header that earlier windows declared', async () => {
    const copy = Array.from({ length: ROWS }, (_, i) => `${i}\t${passport()}\tlorem`).join('\n');
    expect(await passports(`COPY public.people (id, passport_number, note) FROM stdin;\n${copy}\n\\.\n`)).toBe(ROWS);
    // A table's header is looked for up to 200 rows above: long rows take it past a window border.
    const table = Array.from({ length: 190 }, (_, i) => `| ${i} | ${passport()} | ${'lorem ipsum '.repeat(90)}|`).join('\n');
    expect(await passports(`| id | Passport | note |\n| --- | --- | --- |\n${table}\n`)).toBe(190);
  });

  it('are found with the word in the text a window keeps before its region, wherever the border falls', async () => {
    // One keyed value, moved byte by byte across the border of the first two windows (120 KiB pieces).
    const border = 120 << 10;
    for (let at = border - 400; at < border - 200; at++) {
      const line = `passport: ${passport()}\n`;
      const head = filler(at).slice(0, at - 40);
      expect(await passports(`${head}\n${'x'.repeat(39 - 1)}\n${line}${filler(1000)}`), `value line at ${at}`).toBe(1);
    }
  });
});

describe('the rating of a hit in an INSERT tuple line', () => {
  it('takes the INSERT the value follows on its line, whether or not a skipped rule matched on the line first', async () => {
    const bare = ssn(7, '');
    const ssns = async (before: string, after: string, first: string) => {
      const text = `${filler(20_000)}INSERT INTO people (${before}) VALUES\n('${first}', 'x'); INSERT INTO contacts (${after}) VALUES ('${bare}');\n${filler(1000)}`;
      return (await detectStream(chunked(Buffer.from(text, 'latin1'), 1 << 20), rules, 'x')).findings.filter((f) => f.ruleId === 'us-ssn').length;
    };
    // The first value is passport-shaped (a rule skipped where no passport word is) or a word.
    for (const first of [passport(), 'lorem']) {
      expect(await ssns('ssn, note', 'name', first), first).toBe(0);
      expect(await ssns('name, note', 'ssn', first), first).toBe(1);
    }
  });
});

describe('an INSERT line whose header a window border cuts', () => {
  it('keeps its columns for the tuples of the windows after', async () => {
    // The header ends past the text the first window reads (its region ends 256 bytes before 120 KiB).
    const border = (120 << 10) - 256;
    const columns = ['id', 'birth_date', ...Array.from({ length: 100 }, (_, i) => `c${i}`)].join(', ');
    const tuples = Array.from({ length: 4000 }, (_, i) => `(${i}, '19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}')`).join(',');
    const text = `${filler(border).slice(0, border - 201)}\nINSERT INTO people (${columns}) VALUES ${tuples};\n`;
    const found = await detectStream(chunked(Buffer.from(text, 'latin1'), 1 << 20), rules, 'x');
    expect(found.findings.filter((f) => f.ruleId === 'date-of-birth' && f.field === 'birth_date').length).toBe(4000);
  });
});
