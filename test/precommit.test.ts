// The pre-commit hook, proven with the real `pre-commit` client (Debian's package) and real commits:
// a repository uses this one as a hook repository (.pre-commit-hooks.yaml at HEAD), pre-commit
// installs it with npm, and `git commit` of a leaky file is refused while a clean one goes through.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempTree } from './support/cli.js';
import { cardNumber, ssn } from './support/pii.js';

// Inherited git variables (tests run from a hook, say) would point git at the wrong repository.
const ENV = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GIT_') && !k.startsWith('PRE_COMMIT')));
// A fresh pre-commit home per run: a cached hook environment left half-built by an interrupted run
// made the hook's executable go missing ("Executable `piiguard` not found").
const PRE_COMMIT_HOME = fs.mkdtempSync(path.join(os.tmpdir(), 'piiguard-pre-commit-'));

function sh(cwd: string, command: string, args: string[]) {
  const res = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...ENV, PRE_COMMIT_HOME, PRE_COMMIT_COLOR: 'never' } });
  return { code: res.status ?? -1, out: `${res.stdout ?? ''}${res.stderr ?? ''}`, missing: res.error !== undefined };
}

const head = sh(ROOT, 'git', ['rev-parse', 'HEAD']);
const isRepoRoot = head.code === 0 && path.resolve(sh(ROOT, 'git', ['rev-parse', '--show-toplevel']).out.trim()) === path.resolve(ROOT);
const skipReason = sh(ROOT, 'pre-commit', ['--version']).missing
  ? 'pre-commit is not installed (apt-get install -y pre-commit; .ci/run installs it)'
  : !isRepoRoot
    ? 'the project is not a git checkout with a commit, so it cannot serve as a hook repository'
    : undefined;
if (skipReason !== undefined) console.warn(`precommit.test.ts skipped: ${skipReason}`);

describe('pre-commit hook (.pre-commit-hooks.yaml at HEAD)', () => {
  it.skipIf(skipReason !== undefined)(`blocks a commit that adds PII and accepts a clean one${skipReason ? ` (skipped: ${skipReason})` : ''}`, { timeout: 180_000 }, () => {
    const secret = ssn(51);
    const card = cardNumber(52);
    const repo = tempTree({
      '.pre-commit-config.yaml': `repos:\n  - repo: ${ROOT}\n    rev: ${head.out.trim()}\n    hooks:\n      - id: piiguard\n`,
      'README.md': '# demo\n',
    });
    for (const args of [['init', '-q'], ['config', 'user.email', 'test@example.invalid'], ['config', 'user.name', 'test'], ['config', 'commit.gpgsign', 'false'], ['add', '-A'], ['commit', '-qm', 'base', '--no-verify']]) {
      expect(sh(repo, 'git', args).code).toBe(0);
    }
    const install = sh(repo, 'pre-commit', ['install']);
    expect(install.code, install.out).toBe(0);
    const base = sh(repo, 'git', ['rev-parse', 'HEAD']).out;

    fs.writeFileSync(path.join(repo, 'customers.txt'), `Customer (synthetic)\nSSN: ${secret}\nCard: ${card}\n`);
    sh(repo, 'git', ['add', 'customers.txt']);
    const blocked = sh(repo, 'git', ['commit', '-m', 'add customers']);
    expect(blocked.code, blocked.out).not.toBe(0);
    expect(blocked.out).toMatch(/piiguard \(personal data\)\.+Failed/);
    expect(blocked.out).toContain('customers.txt\n  2:6 ');
    expect(blocked.out).toContain(`***-**-${secret.slice(-4)}`);
    expect(blocked.out).not.toContain(secret);
    expect(blocked.out).not.toContain(card);
    expect(sh(repo, 'git', ['rev-parse', 'HEAD']).out).toBe(base);

    sh(repo, 'git', ['rm', '-q', '--cached', 'customers.txt']);
    fs.writeFileSync(path.join(repo, 'notes.txt'), 'Release notes\nEvery check passed.\n');
    sh(repo, 'git', ['add', 'notes.txt']);
    const clean = sh(repo, 'git', ['commit', '-m', 'notes']);
    expect(clean.code, clean.out).toBe(0);
    expect(clean.out).toMatch(/piiguard \(personal data\)\.+Passed/);
    expect(sh(repo, 'git', ['rev-parse', 'HEAD']).out).not.toBe(base);
  });
});
