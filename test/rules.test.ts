// Every built-in rule's own examples hold (exact values), and rule files are validated on load.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, checkExamples, loadRules, readRuleFolder } from '../src/index.js';
import { DEFAULT_SETTINGS } from '../src/validators/index.js';
import { tempTree } from './support/cli.js';

const rules = await loadRules({ settings: DEFAULT_SETTINGS });

describe('built-in rules', () => {
  it('loads one rule per file, id = file name', () => {
    const files = fs.readdirSync(BUILTIN_RULES_DIR).filter((f) => f.endsWith('.json') && f !== 'rule.schema.json');
    expect(rules.map((r) => `${r.id}.json`).sort()).toEqual(files.sort());
    expect(rules.map((r) => r.id)).toEqual(expect.arrayContaining(['email', 'us-ssn', 'payment-card', 'phone']));
  });

  for (const rule of rules) {
    it(`${rule.id}: examples.match yield exactly their values, examples.noMatch nothing`, async () => {
      expect(await checkExamples(rule)).toEqual([]);
    });
  }
});

describe('rule validation', () => {
  it('reports every schema problem with file and JSON pointer', () => {
    const dir = tempTree({ 'bad-rule.json': JSON.stringify({ id: 'bad-rule', name: 'x', severity: 'fatal', pattern: 'a', extra: 1 }) });
    const { problems } = readRuleFolder(dir);
    const file = path.join(dir, 'bad-rule.json');
    expect(problems).toContain(`${file}: /: must have required property 'description'`);
    expect(problems).toContain(`${file}: /severity: must be one of "error", "warning", "info"`);
    expect(problems).toContain(`${file}: /: unknown key "extra"`);
  });

  it('rejects an id that differs from the file name', () => {
    const spec = { ...rules[0]!.spec, id: 'other' };
    const dir = tempTree({ 'mine.json': JSON.stringify(spec) });
    expect(readRuleFolder(dir).problems).toEqual([`${path.join(dir, 'mine.json')}: rule id "other" must equal the file name`]);
  });
});
