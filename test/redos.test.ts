// JavaScript regexes have no timeout: every rule, built-in or future, must stay linear on adversarial
// input. Each case is ~1 MB; a quadratic pattern would take minutes here, a linear one milliseconds,
// so the generous per-test timeout separates them without timing anything finely.
import { describe, expect, it } from 'vitest';
import { detectStream, loadRules } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });
const SIZE = 1 << 20;

const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const adversarial: Record<string, string> = {
  'one long word, then @': `${fill('a')}@`,
  'dotted local part without a domain': `${fill('a.')}@`,
  'many @ signs': fill('a@'),
  'domain labels that never end in a TLD': `x@${fill('a-')}`,
  'long digit run': fill('4'),
  'digits and single spaces': fill('4 '),
  'digits and dashes': fill('12-'),
  'digit groups that almost form an SSN': fill('123-45-678 '),
  'phone-like groups': fill('(212) 86'),
  'plus signs and digits': fill('+1'),
  'parentheses': fill('(1'),
};

async function* once(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text, 'latin1');
}

describe('every rule stays linear on adversarial input', () => {
  for (const [name, text] of Object.entries(adversarial)) {
    it(name, { timeout: 20_000 }, async () => {
      const { bytes } = await detectStream(once(text), rules, 'adversarial');
      expect(bytes).toBe(text.length);
    });
  }
});
