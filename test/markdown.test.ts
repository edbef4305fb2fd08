// The markdown report (job summaries): counts per rule and per file, masked findings, skips, and
// cells that stay inside their table whatever the file names hold.
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { ssn } from './support/pii.js';

describe('--format markdown', () => {
  it('tabulates findings by rule, by file and one by one, masked, with skipped inputs', () => {
    const value = ssn(40);
    const dir = tempTree({ 'a|b`c.txt': `SSN: ${value}\nSSN: ${ssn(41)}\n`, 'z.bin': Buffer.from([0, 1, 2, 3, 0]) });
    const run = runCli(['scan', '.', '--format', 'markdown'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^### piiguard: ✖ 2 findings \(2 errors\) in 1 file · scanned 1 file \(\d+ B\) · 1 skipped · [\d.]+s\n/);
    expect(run.stdout).toContain('| `us-ssn` | US Social Security number | error | 2 |');
    // A pipe would end the cell and a single backtick the code span: both are neutralised.
    expect(run.stdout).toContain('| ``a\\|b`c.txt`` | 2 |');
    expect(run.stdout).toContain(`| \`\`a\\|b\`c.txt:1:6\`\` | error | \`us-ssn\` | \`***-**-${value.slice(-4)}\` |`);
    expect(run.stdout).toContain('#### Skipped inputs (1)');
    expect(run.stdout).toMatch(/\| `z\.bin` \| binary \| `.+` \|/);
    expect(run.stdout).not.toContain(value);
  });

  it('cuts long tables and says where the rest is', () => {
    const lines = Array.from({ length: 520 }, (_, i) => `SSN: ${ssn(1000 + i)}`).join('\n');
    const run = runCli(['scan', '.', '--format', 'markdown', '--findings-cap', '0'], { cwd: tempTree({ 'many.txt': lines }) });
    expect(run.stdout.match(/^\| `many\.txt:\d+:\d+` /gm)).toHaveLength(500);
    expect(run.stdout).toContain('… and 20 more findings: see the SARIF or JSON report.');
  });
});
