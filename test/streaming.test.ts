// Line and column stay exact whatever the chunk borders: tiny and odd chunk sizes, LF, CRLF, one
// line with no newline at all, and multi-byte characters before the values.
import { describe, expect, it } from 'vitest';
import { detectStream, loadRules } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { cardNumber, email, ssn } from './support/pii.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });

interface Planted {
  line: number;
  column: number;
  value: string;
}

/** A document of `lines` joined by `eol`, with every `{}` replaced by a value; positions in UTF-16 units. */
function plant(lines: string[], values: string[], eol: string): { text: string; planted: Planted[] } {
  const planted: Planted[] = [];
  let next = 0;
  const out = lines.map((template, i) => {
    let line = '';
    const parts = template.split('{}');
    parts.forEach((part, j) => {
      line += part;
      if (j < parts.length - 1) {
        const value = values[next++ % values.length]!;
        planted.push({ line: i + 1, column: line.length + 1, value });
        line += value;
      }
    });
    return line;
  });
  return { text: out.join(eol) + (eol === '' ? '' : eol), planted };
}

function* chunked(bytes: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function positions(bytes: Buffer, size: number): Promise<Array<[number, number, number, number]>> {
  const { findings } = await detectStream((async function* () { yield* chunked(bytes, size); })(), rules, 'doc');
  return findings.map((f) => [f.line, f.column, f.endLine, f.endColumn]);
}

const VALUES = [ssn(11), email(12), cardNumber(13), ssn(14)];
const LINES = ['name,ssn,email', 'Zoë,{},x', '名前,{},{}', '', 'emoji 😀 then {} and {}', 'tab\t{}'];

describe('positions across chunk borders', () => {
  for (const eol of ['\n', '\r\n']) {
    const { text, planted } = plant(LINES, VALUES, eol);
    const expected = planted.map((p) => [p.line, p.column, p.line, p.column + p.value.length]);
    for (const size of [1, 2, 3, 5, 7, 64, 1000]) {
      it(`${eol === '\n' ? 'LF' : 'CRLF'}, chunks of ${size} bytes`, async () => {
        expect(await positions(Buffer.from(text), size)).toEqual(expected);
      });
    }
  }

  it('one long line with no newline at all: columns exact for every chunk size', async () => {
    const filler = 'x,'.repeat(997) + 'é ';
    const { text, planted } = plant(Array.from({ length: 1 }, () => Array.from({ length: 60 }, () => `${filler}{},`).join('')), VALUES, '');
    const expected = planted.map((p) => [1, p.column, 1, p.column + p.value.length]);
    expect(expected).toHaveLength(60);
    for (const size of [1, 333, 4096, 65_537]) expect(await positions(Buffer.from(text), size)).toEqual(expected);
  });

  it('a value cut by a chunk border at every possible offset is found once, whole', async () => {
    const value = cardNumber(21);
    const bytes = Buffer.from(`card ${value} end`);
    for (let cut = 1; cut < bytes.length; cut++) {
      const chunks = (async function* () {
        yield bytes.subarray(0, cut);
        yield bytes.subarray(cut);
      })();
      const { findings } = await detectStream(chunks, rules, 'doc');
      expect(findings.map((f) => [f.ruleId, f.column, f.endColumn])).toEqual([['payment-card', 6, 6 + value.length]]);
    }
  });
});
