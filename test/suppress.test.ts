// Inline `piiguard:allow` comments and the config allowlist, through the CLI on real files.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, email, ssn } from './support/pii.js';

interface JsonReport {
  findings: Array<{ ruleId: string; path: string; line: number }>;
  suppressed: Array<{ ruleId: string; path: string; line: number; masked: string; suppression: { kind: string; by: string; justification: string } }>;
  suppressions: {
    counts: Record<string, number>;
    unused: Array<{ by: string; where: string; detail: string }>;
    warnings: string[];
  };
  stats: { findings: number; suppressed: number };
}

function scanJson(dir: string, args: string[] = []): { code: number; report: JsonReport; stdout: string } {
  const run = runCli(['scan', '.', '--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return { code: run.code, report: JSON.parse(run.stdout) as JsonReport, stdout: run.stdout };
}

// Built, not written: this file is scanned too (the repository scans itself), and a literal comment
// marker in a test string would be a directive there.
const ALLOW = ['piiguard', 'allow'].join(':');

const lines = (report: JsonReport, key: 'findings' | 'suppressed') => report[key].map((f) => `${f.path}:${f.line}:${f.ruleId}`);

describe('inline piiguard:allow', () => {
  it('suppresses on its own line and, alone on a line, the next one, in every comment syntax', () => {
    const values = Array.from({ length: 8 }, (_, i) => ssn(100 + i));
    const dir = tempTree({
      'fixtures.sql': [
        `-- ${ALLOW} us-ssn -- synthetic fixture`,
        `insert into people values ('${values[0]}');`,
        `insert into people values ('${values[1]}'); -- ${ALLOW}`,
        `insert into people values ('${values[2]}');`,
      ].join('\n'),
      'page.html': [`<!-- ${ALLOW} -->`, `<td>${values[3]}</td>`, `<td>${values[4]}</td> <!-- ${ALLOW} us-ssn -->`].join('\n'),
      'code.ts': [`const a = '${values[5]}'; /* ${ALLOW} us-ssn */`, `  // ${ALLOW}`, `const b = '${values[6]}';`].join('\n'),
      'conf.py': [`    # ${ALLOW} us-ssn, payment-card`, `x = "${values[7]}"`].join('\n'),
    });
    const { code, report } = scanJson(dir);
    // Line 4 of fixtures.sql follows a *trailing* comment, which covers only its own line.
    expect(lines(report, 'findings')).toEqual(['fixtures.sql:4:us-ssn']);
    expect(code).toBe(1);
    expect(lines(report, 'suppressed')).toEqual([
      'code.ts:1:us-ssn',
      'code.ts:3:us-ssn',
      'conf.py:2:us-ssn',
      'fixtures.sql:2:us-ssn',
      'fixtures.sql:3:us-ssn',
      'page.html:2:us-ssn',
      'page.html:3:us-ssn',
    ]);
    expect(report.suppressed.every((s) => s.suppression.kind === 'inSource' && s.suppression.by === 'inline')).toBe(true);
    expect(report.suppressions.counts).toEqual({ inline: 7, allowlist: 0, baseline: 0 });
    expect(report.stats.suppressed).toBe(7);
    expect(report.suppressions.unused).toEqual([]);
  });

  it('names rules: other rules on the line still count; unused and unknown-rule comments are listed', () => {
    const card = cardNumber(7);
    const dir = tempTree({
      'a.txt': [`ssn ${ssn(1)} card ${card} # ${ALLOW} us-ssn -- only the SSN is synthetic`, `nothing here # ${ALLOW} phone`, `# ${ALLOW} us-sn`, `x ${ssn(2)}`].join('\n'),
    });
    const { report } = scanJson(dir);
    expect(lines(report, 'findings')).toEqual(['a.txt:1:payment-card', 'a.txt:4:us-ssn']);
    expect(lines(report, 'suppressed')).toEqual(['a.txt:1:us-ssn']);
    expect(report.suppressions.unused).toEqual([
      { by: 'inline', where: 'a.txt:2', detail: 'piiguard:allow phone suppressed nothing' },
      { by: 'inline', where: 'a.txt:3', detail: 'piiguard:allow us-sn suppressed nothing (no rule "us-sn" is in effect)' },
    ]);
  });

  it('counts only right after a comment opener: code and prose that mention it are not directives', () => {
    const dir = tempTree({
      'a.md': [`Use a \`${ALLOW}\` comment: ${ssn(11)}`, `const marker = '${ALLOW}'; ${ssn(12)}`].join('\n'),
      'b.js': [`/**`, ` * ${ALLOW} us-ssn -- the doc block line covers the next line`, `const x = '${ssn(13)}';`].join('\n'),
    });
    const { report } = scanJson(dir);
    expect(lines(report, 'findings')).toEqual(['a.md:1:us-ssn', 'a.md:2:us-ssn']);
    expect(lines(report, 'suppressed')).toEqual(['b.js:3:us-ssn']);
    expect(report.suppressions.unused).toEqual([]);
  });

  it('in a Markdown code block is an example: it still suppresses, and is not listed when it suppresses nothing', () => {
    const fence = '```';
    // 128 KiB less one byte of prose first: the first block's opening fence straddles the first read chunk's end.
    const filler = `${'Prose line of a long guide.\n'.repeat(4681)}ab\n`;
    expect(filler.length).toBe((128 << 10) - 1);
    const guide = [
      `${filler}${fence}python`,
      `# ${ALLOW} us-ssn -- an example of the syntax`,
      `FIXTURE = make_ssn(seed=7)`,
      fence,
      `~~~~sql`,
      `select 1;  -- ${ALLOW} phone`,
      `~~~`,
      `~~~~`,
      `<!-- ${ALLOW} email -->`,
      `${fence}`,
      `# ${ALLOW} us-ssn`,
      `SSN = "${ssn(14)}"`,
      fence,
      `${fence}text`,
      `# ${ALLOW} payment-card`,
    ].join('\n');
    const dir = tempTree({ 'docs/guide.md': guide, 'b.py': `# ${ALLOW} email\nx = 1\n` });
    const { report } = scanJson(dir);
    const line = (text: string) => guide.slice(0, guide.indexOf(text)).split('\n').length;
    expect(lines(report, 'suppressed')).toEqual([`docs/guide.md:${line('SSN = ')}:us-ssn`]);
    // Outside the blocks, in Markdown or in code, an unused comment is listed as before.
    expect(report.suppressions.unused.map((u) => u.where)).toEqual(['b.py:1', `docs/guide.md:${line('<!--')}`]);
  });

  it('is a whole word and never copies the reason into reports', () => {
    const dir = tempTree({
      'a.txt': [`${ssn(3)} # piiguard:allowed`, `${ssn(4)} # xpiiguard:allow`, `${ssn(5)} # ${ALLOW} -- reviewed-by-dana`].join('\n'),
    });
    const { report, stdout } = scanJson(dir);
    expect(lines(report, 'findings')).toEqual(['a.txt:1:us-ssn', 'a.txt:2:us-ssn']);
    expect(lines(report, 'suppressed')).toEqual(['a.txt:3:us-ssn']);
    const sarif = runCli(['scan', '.', '--format', 'sarif'], { cwd: dir }).stdout;
    const text = runCli(['scan', '.'], { cwd: dir }).stdout;
    for (const out of [stdout, sarif, text]) expect(out).not.toContain('reviewed-by-dana');
  });

  it('works next to a window border of a large file', () => {
    // 1 MiB is a multiple of the 64 KiB reads, so a window ends there. The marker starts just inside
    // that window's accept region (which ends OVERLAP = 256 bytes before the border); the value it
    // covers is found in the next window.
    const border = 1 << 20;
    const head = `# ${ALLOW} us-ssn`;
    const filler = 'x'.repeat(border - 262 - 1) + '\n';
    const dir = tempTree({ 'big.txt': `${filler}${head}\n${ssn(6)}\n${'y'.repeat(300)}\n${ssn(8)}\n` });
    expect(fs.statSync(path.join(dir, 'big.txt')).size).toBeGreaterThan(border);
    const { report } = scanJson(dir);
    expect(lines(report, 'suppressed')).toEqual(['big.txt:3:us-ssn']);
    expect(lines(report, 'findings')).toEqual(['big.txt:5:us-ssn']);
  });

  it('appears in SARIF as suppressions GitHub shows as closed, and in the text summary', () => {
    const dir = tempTree({ 'a.txt': `${ssn(9)} # ${ALLOW}\n${ssn(10)}\n` });
    const sarif = JSON.parse(runCli(['scan', '.', '--format', 'sarif'], { cwd: dir }).stdout);
    const results = sarif.runs[0].results as Array<{ locations: Array<{ physicalLocation: { region: { startLine: number } } }>; suppressions?: unknown }>;
    expect(results.map((r) => [r.locations[0]!.physicalLocation.region.startLine, r.suppressions])).toEqual([
      [2, undefined],
      [1, [{ kind: 'inSource', status: 'accepted', justification: 'piiguard:allow comment on line 1' }]],
    ]);
    expect(sarif.runs[0].properties.suppressions).toEqual({ inline: 1, allowlist: 0, baseline: 0 });
    const text = runCli(['scan', '.'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/✖ 1 finding .* · 1 suppressed \(1 inline\) ·/);
  });
});

describe('config allowlist', () => {
  it('suppresses by path glob, rule and value; values are never printed; reasons are the justification', () => {
    const listed = ssn(20);
    const spaced = listed.replace(/-/g, ' ');
    const mail = email(21);
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({
        allowlist: [
          { paths: ['fixtures/**'], rules: ['us-ssn'], reason: 'synthetic fixtures' },
          { values: [spaced], reason: 'the documented test number' },
          { rules: ['email'], paths: ['docs/*.md'] },
        ],
      }),
      'fixtures/people.csv': `id,ssn,email\n1,${ssn(22)},${mail}\n`,
      'src/app.txt': `ssn ${listed}\nssn ${ssn(23)}\n`,
      'docs/a.md': `write to ${mail}\n`,
    });
    const { code, report, stdout } = scanJson(dir);
    expect(code).toBe(1);
    expect(lines(report, 'findings')).toEqual(['fixtures/people.csv:2:email', 'src/app.txt:2:us-ssn']);
    expect(report.suppressed.map((s) => [`${s.path}:${s.line}`, s.suppression.by, s.suppression.justification])).toEqual([
      ['.piiguard.json:1', 'allowlist', 'the documented test number'],
      ['docs/a.md:1', 'allowlist', '.piiguard.json allowlist[2] (paths docs/*.md; rules email)'],
      ['fixtures/people.csv:2', 'allowlist', 'synthetic fixtures'],
      ['src/app.txt:1', 'allowlist', 'the documented test number'],
    ]);
    expect(report.suppressions.unused).toEqual([]);
    // Worker threads get the allowlisted values too.
    const inWorkers = runCli(['scan', '.', '--format', 'json', '--jobs', '2'], { cwd: dir }).stdout;
    expect(JSON.parse(inWorkers).suppressed).toEqual(report.suppressed);
    const outputs = [stdout, inWorkers, runCli(['scan', '.', '--format', 'sarif'], { cwd: dir }).stdout, runCli(['scan', '.'], { cwd: dir }).stdout];
    for (const out of outputs) {
      expect(out).not.toContain(listed);
      expect(out).not.toContain(spaced);
      expect(out).not.toContain(listed.replace(/-/g, ''));
    }
  });

  it('an expired entry stops suppressing and says so; unused entries are listed', () => {
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({
        allowlist: [
          { paths: ['old/**'], reason: 'legacy export', expires: '2020-01-31' },
          { paths: ['current/**'], reason: 'until the migration', expires: '2999-12-31' },
          { rules: ['phone'], reason: 'nothing to suppress' },
        ],
      }),
      'old/a.txt': `${ssn(30)}\n`,
      'current/b.txt': `${ssn(31)}\n`,
    });
    const { report } = scanJson(dir);
    expect(lines(report, 'findings')).toEqual(['old/a.txt:1:us-ssn']);
    expect(lines(report, 'suppressed')).toEqual(['current/b.txt:1:us-ssn']);
    expect(report.suppressions.warnings).toEqual(['.piiguard.json allowlist[0] expired on 2020-01-31 and no longer suppresses (paths old/** — legacy export)']);
    expect(report.suppressions.unused).toEqual([{ by: 'allowlist', where: '.piiguard.json allowlist[2]', detail: 'suppressed nothing (rules phone — nothing to suppress)' }]);
    const text = runCli(['scan', '.'], { cwd: dir }).stdout;
    expect(text).toContain('Warnings (1):\n  .piiguard.json allowlist[0] expired on 2020-01-31');
    expect(text).toContain('Unused suppressions (1):\n  .piiguard.json allowlist[2]  suppressed nothing');

    // A run over some files (a pre-commit hook) cannot tell whether an entry is used elsewhere.
    const partial = JSON.parse(runCli(['scan', 'old/a.txt', '--format', 'json'], { cwd: dir }).stdout) as JsonReport;
    expect(partial.suppressions.unused).toEqual([]);
    expect(partial.suppressions.warnings).toHaveLength(1);

    // Nor can a pre-commit run over the staged files.
    const git = (...args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', 'old/a.txt');
    const staged = runCli(['scan', '--staged', '--format', 'json'], { cwd: dir });
    expect(staged.code).toBe(1);
    expect((JSON.parse(staged.stdout) as JsonReport).suppressions.unused).toEqual([]);
  });

  it('a config that is not JSON is reported without quoting its text (it may hold allowlisted values)', () => {
    const value = ssn(33);
    for (const text of [`{"allowlist": [{"values": [x${value}]}]}`, `{"allowlist": [{"values": ["${value}"]}],,}`]) {
      const dir = tempTree({ '.piiguard.json': text });
      const run = runCli(['scan', '.'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^piiguard: config error: .*\.piiguard\.json: not valid JSON \(.+\)\n$/);
      // No piece of it either: V8 quotes a truncated excerpt (`..."values": [x123-45-67"...`) of longer texts.
      for (let i = 0; i + 4 <= value.length; i++) expect(run.stderr).not.toContain(value.slice(i, i + 4));
    }
  });

  it('rejects malformed entries with every problem listed, exit 2', () => {
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({ allowlist: [{ reason: 'no condition' }, { paths: ['a'], expires: '2026-02-30' }, { rules: ['Bad Id'], extra: 1 }] }),
    });
    const run = runCli(['scan', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    const file = path.join(dir, '.piiguard.json');
    expect(run.stderr.trim().split('\n')).toEqual(
      expect.arrayContaining([
        `piiguard: config error: ${file}: /allowlist/2: unknown key "extra"`,
        `piiguard: config error: ${file}: /allowlist/2/rules/0: must match pattern "^[a-z0-9]+(-[a-z0-9]+)*$"`,
      ]),
    );
    const fixed = { allowlist: [{ reason: 'no condition' }, { paths: ['a'], expires: '2026-02-30' }] };
    fs.writeFileSync(file, JSON.stringify(fixed));
    expect(runCli(['scan', '.'], { cwd: dir }).stderr.trim().split('\n')).toEqual([
      `piiguard: config error: ${file}: /allowlist/0: needs at least one of "paths", "rules", "values"`,
      `piiguard: config error: ${file}: /allowlist/1/expires: "2026-02-30" is not a calendar date`,
    ]);
  });
});
