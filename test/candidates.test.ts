// A rule's `candidate` promise and the automaton (src/automaton.ts) only let the engine skip text:
// findings are the same as when each pattern runs over the whole text, on input made to stress the
// run boundaries and window borders.
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../src/automaton.js';
import { detectStream, loadRules } from '../src/index.js';
import { compileRule } from '../src/rules.js';
import type { CompiledRule, RuleSpec } from '../src/types.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { cardNumber, digits, email, rng, ssn, usPhone } from './support/pii.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });
const withoutCandidates = rules.map((rule) => {
  const { candidate: _, ...spec } = rule.spec;
  return compileRule({ spec, source: rule.source }, DEFAULT_SETTINGS, rule.severity).compiled!;
});

/** The same rule, left to its regex alone: the automaton reads no pattern with the `s` flag (none of these uses `.`). */
const opaque = (rule: CompiledRule): CompiledRule => ({ ...rule, regex: new RegExp(rule.regex.source, `${rule.regex.flags}s`) });

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

describe('window borders', () => {
  // Where two rules match overlapping text (a card number that also parses as a phone), the more
  // confident or longer match wins, whichever window each starts in. Seeds where that happens at a
  // border of 997-byte chunks, found by a fuzz: the shorter match used to win there.
  for (const seed of [1150, 1205, 1498]) {
    it(`findings do not depend on where windows end (overlapping rules, seed ${seed})`, async () => {
      const text = noisyText(seed, 2500);
      const whole = await found(text, rules, 1 << 20);
      expect(whole.length).toBeGreaterThan(50);
      expect(await found(text, rules, 997)).toEqual(whole);
    });
  }
});

describe('automaton', () => {
  // Without validators and context, every match of a pattern is a finding: what the pattern pass finds shows.
  const bare = rules.map((rule) => {
    const { candidate: _, validator: _v, requireContext: _r, ...spec } = rule.spec;
    return compileRule({ spec, source: rule.source }, DEFAULT_SETTINGS, rule.severity).compiled!;
  });

  for (const [seed, filler] of [[5, ''], [6, ''], [7, ' the quick brown fox, 12:30 on 2024-05-06, order 123456;'.repeat(3)]] as const) {
    it(`changes no match of the built-in patterns (noisy text, seed ${seed})`, async () => {
      const text = noisyText(seed * 1000, 3000, filler);
      // The automaton serves windows of 16 KiB and more: chunks of 16,411 bytes put matches on their borders.
      for (const size of [16_411, 1 << 20]) {
        const expected = await found(text, bare.map(opaque), size);
        expect(new Set(expected.map((f) => f.split('@')[0])).size, 'rules matching').toBeGreaterThanOrEqual(10);
        expect(await found(text, bare, size), `chunk size ${size}`).toEqual(expected);
      }
    });
  }

  it('changes no match of the built-in patterns at the start of a stream (rule examples)', async () => {
    const padding = ' '.repeat(17_000); // the first window is large enough for the automaton
    for (const rule of rules) {
      for (const { text } of rule.spec.examples.match) {
        const stream = text.trimStart() + padding;
        const expected = await found(stream, bare.map(opaque), 1 << 20);
        expect(expected.length, text).toBeGreaterThan(0);
        expect(await found(stream, bare, 1 << 20), text).toEqual(expected);
      }
    }
  });

  const custom = (id: string, pattern: string, flags?: string): CompiledRule => {
    const spec: RuleSpec = { id, name: id, description: id, severity: 'warning', pattern, ...(flags ? { flags } : {}), help: id, tags: ['test'], examples: { match: [], noMatch: [] } };
    return compileRule({ spec, source: 'test' }, DEFAULT_SETTINGS).compiled!;
  };

  it('changes no match of rules written in other regex syntax (backreferences, named groups, lookarounds, flags)', async () => {
    const userRules = [
      custom('quoted-id', String.raw`(?<q>['"])id-(?:\d{2,4}|[a-f]{3})\k<q>(?=\W|$)`, 'i'),
      custom('pair', String.raw`\b([a-c])x\1{1,3}(?!y|zz)`),
      custom('separated', String.raw`\b\d{2}([ -]?)\d{2}\1\d(?!\d)`),
      custom('word-after', String.raw`(?<=key[=:])[A-Z]{2}\d{3,5}?\b`, 'i'),
      custom('lookahead', String.raw`(?<![a-z]|\d\.)\d{2}(?=[.]|ab)`),
      custom('after-sign', String.raw`(?<=[=:])\d{3}(?!\d)`),
      custom('adjacent', String.raw`[a-c]\d(?!\d\d)`),
      custom('overlap', String.raw`abc|c\d{5}`),
      custom('group-value', String.raw`(?:^|[^\d])(?<v>\d{3})[-./](\d\d)\B`),
      custom('escapes', String.raw`\x41\u0042[\]\-\\]{1,2}\.\d{0,3}\s?\S`),
      // Without the `u` flag: `uu`, `x4g`, octal 1 and a backslash before `c1`.
      custom('legacy-escapes', String.raw`\u{2}\x4g\01\c1`),
      // A lookahead whose guarded copy of the rest would outgrow the node limit: it is taken as true.
      custom('guard-too-large', String.raw`(?!(?:[ab]{3}|[bc]{4}|[ac]{5}){1,4}x)(?:[a-c]|[ab][bc]|[ac][ab][bc]){0,30}y`),
    ];
    const r = rng(42);
    const pieces = ["'id-", '"ID-', "' ", '" ', "'", '"', 'abc', 'key=', 'KEY:', 'ax', 'aa', 'b', 'y', 'zz', 'AB]', 'AB\\-', 'uux4g\u0001\\c1', '-', '.', '/', ' ', ']', '\\', '\n', '\t', 'é'];
    let text = '';
    for (let i = 0; i < 20_000; i++) text += r() < 0.3 ? digits(r, 1 + Math.floor(r() * 5)) : pieces[Math.floor(r() * pieces.length)];
    for (const size of [16_411, 1 << 20]) {
      const expected = await found(text, userRules.map(opaque), size);
      expect([...new Set(expected.map((f) => f.split('@')[0]))].sort(), 'every rule matches').toEqual(userRules.map((u) => u.id).sort());
      expect(await found(text, userRules, size), `chunk size ${size}`).toEqual(expected);
    }
  });

  // A negative lookahead followed by more pattern is decided by carrying its body along each thread
  // (automaton.ts, compileGuarded): a body read wrong there drops matches, which these texts would show.
  it('changes no match of rules whose negative lookahead is followed by more pattern', async () => {
    // [id, before, lookahead, after, flags]
    const guarded = [
      // Nested lookahead at the body's end, as in the phone rule: a date or a decimal, but only where it ends.
      ['nested', String.raw`\b`, String.raw`(?!\d{4}-\d\d(?![\w-])|\d{1,2}\.\d\d(?!\d))`, String.raw`\d{1,4}[.-]\d{2,4}(?!\d)`, ''],
      // The body reads past the end of the match.
      ['past-end', String.raw`(?<![a-z])`, String.raw`(?!ab\d{3}|b\d\d)`, String.raw`[a-c]{2}`, ''],
      // Inside a repetition: each round starts its own body.
      ['repeated', String.raw`(?:x`, String.raw`(?!y\d)`, String.raw`[xy]){1,3}\d`, ''],
      ['case-insensitive', String.raw`\b`, String.raw`(?!ab(?!c)|x\d)`, String.raw`[a-z]{2,3}\d?\b`, 'i'],
    ] as const;
    const r = rng(99);
    const pieces = ['-', '.', ' ', ',', '\n', 'a', 'ab', 'abc', 'AB', 'b', 'c', 'x', 'xy', 'y', 'X', 'Y'];
    let text = '';
    for (let i = 0; i < 30_000; i++) text += r() < 0.4 ? digits(r, 1 + Math.floor(r() * 5)) : pieces[Math.floor(r() * pieces.length)];
    for (const [id, before, lookahead, after, flags] of guarded) {
      const rule = custom(id, before + lookahead + after, flags);
      const expected = await found(text, [opaque(rule)], 1 << 20);
      // The lookahead rejects some matches here: without it there would be more.
      const unguarded = await found(text, [opaque(custom(id, before + after, flags))], 1 << 20);
      expect(expected.length, id).toBeGreaterThan(10);
      expect(unguarded.length, id).toBeGreaterThan(expected.length);
      for (const size of [16_411, 1 << 20]) expect(await found(text, [rule], size), `${id}, chunk size ${size}`).toEqual(expected);
    }
  });

  it('reports no possible phone number end on a date, a decimal or an IPv4 address', () => {
    const phone = rules.find((rule) => rule.id === 'phone')!;
    const automaton = buildAutomaton([phone]);
    expect(automaton.covered.map((c) => c.rule.id)).toEqual(['phone']);
    const ends = (text: string) => automaton.ends(Buffer.from(`${text} `), 0)?.[0];
    for (const value of ['2024-01-15', '12074.31', '10.20.30.40']) {
      expect(ends(`x ${value},`), value).toEqual([]);
      // Continued where the lookahead's own lookahead fails, each may be a phone number again.
      expect(ends(`x ${value}-33`), value).not.toEqual([]);
    }
  });

  it('reports the same ends where it walks a window in lanes', () => {
    const r = rng(12);
    // Matches as long as the pattern allows: a lane after the first must start early enough to see them begin.
    const long = custom('long', String.raw`x\d{40,60}y(?!z)`);
    let blocks = '';
    while (blocks.length < 60_000) blocks += `x${digits(r, 38 + Math.floor(r() * 25))}${['y', 'yz', '', ' '][Math.floor(r() * 4)]}`;
    const cases: Array<[CompiledRule[], Buffer]> = [
      [rules, Buffer.from(noisyText(11_000, 6000), 'utf8')],
      [[long], Buffer.from(blocks)],
    ];
    for (const [ruleSet, text] of cases) {
      // Windows below ~17 KiB are walked in one lane: they are the reference for a long window's ends.
      const automaton = buildAutomaton(ruleSet);
      const PIECE = 6000;
      const MARGIN = 300; // more than any thread of these patterns lives
      let compared = 0;
      // Lengths that move the points where lanes take over across many values.
      for (let length = 40_000; length < 40_000 + 97 * 200; length += 97) {
        const whole = text.subarray(0, length);
        const ends = automaton.ends(whole, 0)!;
        for (let lo = 0; lo + PIECE <= length; lo += PIECE - 2 * MARGIN) {
          const piece = automaton.ends(whole.subarray(lo, lo + PIECE), 0)!;
          const inner = (at: number) => at >= lo + MARGIN && at < lo + PIECE - MARGIN;
          for (let k = 0; k < ends.length; k++) {
            const expected = piece[k]!.map((at) => at + lo).filter(inner);
            expect(ends[k]!.filter(inner), `length ${length}, piece at ${lo}, rule ${automaton.covered[k]!.rule.id}`).toEqual(expected);
            compared += expected.length;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    }
  });

  it('falls back to the regex where the automaton would grow too large', async () => {
    // Bounded, but its DFA needs a state per recent a/b sequence: more than the automaton keeps.
    const blowup = [custom('blowup', '[ab]{0,24}a[ab]{15}c')];
    const r = rng(7);
    let text = '';
    for (let i = 0; i < 100_000; i++) text += r() < 0.001 ? 'c' : r() < 0.5 ? 'a' : 'b';
    const expected = await found(text, blowup.map(opaque), 1 << 16);
    expect(expected.length).toBeGreaterThan(10);
    expect(await found(text, blowup, 1 << 16)).toEqual(expected);
  });
});
