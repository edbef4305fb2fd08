// A rule's `candidate` promise only lets the engine skip text: findings are the same as when each
// pattern runs over the whole text, on input made to stress the run boundaries.
import { describe, expect, it } from 'vitest';
import { detectStream, loadRules } from '../src/index.js';
import { compileRule } from '../src/rules.js';
import type { CompiledRule } from '../src/types.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { cardNumber, digits, email, rng, ssn, usPhone } from './support/pii.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });
const withoutCandidates = rules.map((rule) => {
  const { candidate: _, ...spec } = rule.spec;
  return compileRule({ spec, source: rule.source }, DEFAULT_SETTINGS, rule.severity).compiled!;
});

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function found(text: string, ruleSet: CompiledRule[], size: number): Promise<string[]> {
  const { findings } = await detectStream(chunked(Buffer.from(text, 'utf8'), size), ruleSet, 'x');
  return findings.map((f) => `${f.ruleId}@${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.masked}`);
}

/** Values, near-values and separators glued together in every order. */
function noisyText(seed: number, pieces: number, filler = ''): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const makers = [
    (i: number) => email(seed + i),
    (i: number) => email(seed + i, 'example.com'),
    (i: number) => ssn(seed + i, pick(['-', ' '])),
    (i: number) => cardNumber(seed + i, pick(['4', '51', '37', '6011']), pick([15, 16])),
    (i: number) => usPhone(seed + i),
    (i: number) => `+4915${digits(r, 9)}`,
    () => digits(r, 1 + Math.floor(r() * 20)),
    () => `${digits(r, 4)}-${digits(r, 2)}-${digits(r, 2)} ${digits(r, 2)}:${digits(r, 2)}`,
    () => `${digits(r, 5)}.${digits(r, 2)}`,
    () => [1, 2, 3, 4].map(() => String(Math.floor(r() * 256))).join('.'),
    () => `24${digits(r, 2)}:5ac:${digits(r, 3)}::af${digits(r, 2)}`,
    () => `${pick(['C', 'X', 'DE', 'NB'])}${digits(r, 7)}${pick(['', 'P', 'A'])}`,
    () => `DE${digits(r, 2)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 4)} ${digits(r, 2)}`,
    () => `${1 + Math.floor(r() * 28)} ${pick(['May', 'June', 'Dec'])} ${pick(['1965', '2004'])}`,
    () => `${pick(['19', '20'])}${digits(r, 2)}-${pick(['01', '12'])}-${pick(['07', '30'])}`,
    () => pick(['@', '@@', 'a@b', '.', '-', ' ', '(', ')', '+', '\n', 'é', '王', 'x', '_', ',', '"']),
  ];
  let text = '';
  for (let i = 0; i < pieces; i++) text += pick(makers)(i) + pick(['', ' ', '-', '.', ',', '\n', ' ', '=', '(', ')', '@', 'é']) + filler;
  return text;
}

describe('candidate promises', () => {
  it('the four core kinds declare one', () => {
    expect(rules.filter((r) => r.candidate === undefined).map((r) => r.id)).not.toEqual(expect.arrayContaining(['email']));
    for (const id of ['email', 'us-ssn', 'payment-card', 'phone']) expect(rules.find((r) => r.id === id)?.candidate, id).toBeDefined();
  });

  // Dense text (numbers everywhere, as in dumps) makes the engine run patterns over whole windows;
  // sparse text (prose between values) makes it run them around each candidate. Both must agree.
  const SPARSE = ' the quick brown fox jumps over the lazy dog, as it does every day in this log of events;'.repeat(4);
  for (const [seed, filler] of [[1, ''], [2, ''], [3, SPARSE], [4, SPARSE]] as const) {
    it(`change no finding (${filler ? 'sparse' : 'dense'} noisy text, seed ${seed})`, async () => {
      const text = noisyText(seed * 1000, 3000, filler);
      for (const size of [97, 4096, 1 << 20]) {
        const expected = await found(text, withoutCandidates, size);
        expect(expected.length).toBeGreaterThan(50);
        expect(await found(text, rules, size), `chunk size ${size}`).toEqual(expected);
      }
    });
  }
});
