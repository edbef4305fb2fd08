// Configuration and user rules: every problem listed at once, exit 2, and rules that work.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { email, ssn } from './support/pii.js';

const rule = (over: Record<string, unknown> = {}) => ({
  id: 'employee-id',
  name: 'Employee ID',
  description: 'Acme employee numbers.',
  severity: 'warning',
  pattern: '(?<![\\w-])E\\d{7}(?!\\d)',
  help: 'Use E0000000 in fixtures.',
  tags: ['internal'],
  examples: { match: [{ text: 'owner=E1234567;', value: 'E1234567' }], noMatch: ['IE12345678'] },
  ...over,
});

describe('config file', () => {
  it('lists every schema problem at once with its JSON pointer, exit 2', () => {
    const dir = tempTree({ '.piiguard.json': JSON.stringify({ failOn: 'sometimes', exclude: 'x', colour: true, phone: { regions: ['us'] } }) });
    const res = runCli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    const lines = res.stderr.trim().split('\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/config error: .*\.piiguard\.json: \/: unknown key "colour"$/),
        expect.stringMatching(/\/failOn: must be one of "error", "warning", "info", "never"$/),
        expect.stringMatching(/\/exclude: must be array$/),
        expect.stringMatching(/\/phone\/regions\/0: must match pattern/),
      ]),
    );
    expect(lines).toHaveLength(4);
  });

  it('malformed JSON → exit 2 naming the file', () => {
    const dir = tempTree({ '.piiguard.json': '{ "failOn": ' });
    const res = runCli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^piiguard: config error: .*\.piiguard\.json: not valid JSON/);
  });

  it('an unknown phone region and an unknown rule id are errors', () => {
    const dir = tempTree({ '.piiguard.json': JSON.stringify({ phone: { regions: ['XX'] }, rules: { 'no-such-rule': { enabled: false } } }) });
    const res = runCli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/\/phone\/regions\/0: "XX" is not a region libphonenumber knows/);
    // Config shape problems are reported before rules load; fix the region and the rule id surfaces.
    const dir2 = tempTree({ '.piiguard.json': JSON.stringify({ rules: { 'no-such-rule': { enabled: false } } }) });
    expect(runCli(['scan', '.'], { cwd: dir2 }).stderr).toMatch(/rules\.no-such-rule: no rule with this id/);
  });

  it('is found by walking up from a subfolder, and exclude/severity/allowDomains apply', () => {
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({ exclude: ['golden/**'], rules: { email: { severity: 'info' } }, email: { allowDomains: ['corp-mail.com'] } }),
      'sub/a.csv': `${email(1, 'corp-mail.com')}\n${email(2, 'sub.corp-mail.com')}\n${email(3, 'yahoo.com')}\n`,
      'golden/b.csv': `${ssn(1)}\n`,
    });
    const res = runCli(['scan', '.', '--format', 'json', '--fail-on', 'warning'], { cwd: `${dir}/sub` });
    expect(res.code).toBe(0); // email is info now, below --fail-on warning
    const report = JSON.parse(res.stdout);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'email', severity: 'info', line: 3 })]);
  });

  it('rules.<id>.enabled = false switches a rule off', () => {
    const dir = tempTree({ '.piiguard.json': JSON.stringify({ rules: { 'us-ssn': { enabled: false } } }), 'a.txt': `${ssn(5)}\n` });
    expect(runCli(['scan', '.'], { cwd: dir }).code).toBe(0);
    expect(runCli(['rules'], { cwd: dir }).stdout).not.toMatch(/us-ssn/);
  });
});

describe('custom rules', () => {
  it('a rules folder and an inline rule both run', () => {
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({ customRules: ['./my-rules', rule({ id: 'badge', pattern: 'BADGE-\\d{4}', examples: { match: [{ text: 'BADGE-1234', value: 'BADGE-1234' }], noMatch: [] } })] }),
      'my-rules/employee-id.json': JSON.stringify(rule()),
      'data.txt': 'owner=E7654321\nBADGE-9876\n',
    });
    const res = runCli(['scan', 'data.txt', '--format', 'json'], { cwd: dir });
    expect(res.code).toBe(1);
    expect(JSON.parse(res.stdout).findings.map((f: { ruleId: string; masked: string }) => [f.ruleId, f.masked])).toEqual([
      ['employee-id', '******21'], // short values keep a third of their characters, not four
      ['badge', '*****-9876'],
    ]);
  });

  it('a pattern that does not compile is exit 2 naming the rule', () => {
    const dir = tempTree({ '.piiguard.json': JSON.stringify({ customRules: [rule({ pattern: '(unclosed' })] }) });
    const res = runCli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/rule "employee-id" \(.*customRules\/0\): pattern does not compile: Invalid regular expression/);
  });

  it('a rule whose own examples fail is refused', () => {
    const dir = tempTree({ '.piiguard.json': JSON.stringify({ customRules: [rule({ examples: { match: [{ text: 'id E123', value: 'E123' }], noMatch: ['E7654321'] } })] }) });
    const res = runCli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/examples\.match\[0\] yields 0 match\(es\), expected exactly its value/);
    expect(res.stderr).toMatch(/examples\.noMatch\[0\] yields 1 match\(es\), expected none/);
  });

  it('a malformed rule file lists its problems and an unknown validator is named', () => {
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({ customRules: ['rules'] }),
      'rules/employee-id.json': JSON.stringify(rule({ severity: 'fatal', validator: 'magic' })),
    });
    const res = runCli(['scan', '.'], { cwd: dir });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/employee-id\.json: \/severity: must be one of "error", "warning", "info"/);
    const dir2 = tempTree({ '.piiguard.json': JSON.stringify({ customRules: [rule({ validator: 'magic' })] }) });
    expect(runCli(['scan', '.'], { cwd: dir2 }).stderr).toMatch(/rule "employee-id" .*: unknown validator "magic" \(known: email, us-ssn, payment-card, phone/);
  });
});
