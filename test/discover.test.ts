// Which files a scan sees: .gitignore, .git and node_modules, config include/exclude, sorted output.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { ssn } from './support/pii.js';

const leak = `${ssn(42)}\n`;

function scannedPaths(cwd: string, args: string[] = ['.']): string[] {
  const res = runCli(['scan', ...args, '--format', 'json'], { cwd });
  return JSON.parse(res.stdout).findings.map((f: { path: string }) => f.path);
}

describe('discovery', () => {
  it('leaves out .git and node_modules, respects nested .gitignore files, sorts by path', () => {
    const dir = tempTree({
      '.git/objects/leak.txt': leak,
      'node_modules/pkg/leak.txt': leak,
      '.gitignore': 'build/\n*.tmp\n',
      'build/leak.txt': leak,
      'a.tmp': leak,
      'pkg/.gitignore': 'local.csv\n',
      'pkg/local.csv': leak,
      'pkg/kept.csv': leak,
      'z.txt': leak,
      'B.txt': leak,
    });
    expect(scannedPaths(dir)).toEqual(['B.txt', 'pkg/kept.csv', 'z.txt']);
  });

  it('applies .gitignore files above the scanned folder up to the repository root', () => {
    const dir = tempTree({ '.gitignore': 'secret/\n', 'app/secret/x.txt': leak, 'app/y.txt': leak });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(scannedPaths(`${dir}/app`)).toEqual(['y.txt']);
  });

  it('a folder named on the command line is scanned even when a .gitignore above it lists it', () => {
    const dir = tempTree({ '.gitignore': 'dumps/\n*.tmp\n', 'dumps/prod.sql': leak, 'dumps/x.tmp': leak, 'app.txt': leak });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(scannedPaths(dir)).toEqual(['app.txt']);
    expect(scannedPaths(dir, ['dumps'])).toEqual(['dumps/prod.sql', 'dumps/x.tmp']);
  });

  it('config include/exclude globs are relative to the config file', () => {
    const dir = tempTree({
      '.piiguard.json': JSON.stringify({ include: ['data/**', 'logs/*.log'], exclude: ['data/golden/**'] }),
      'data/a.csv': leak,
      'data/golden/b.csv': leak,
      'logs/c.log': leak,
      'logs/old/d.log': leak,
      'src/e.ts': leak,
    });
    expect(scannedPaths(dir)).toEqual(['data/a.csv', 'logs/c.log']);
    // Explicit files obey the same excludes (a pre-commit hook passes file names).
    expect(scannedPaths(dir, ['data/golden/b.csv', 'data/a.csv'])).toEqual(['data/a.csv']);
  });
});
