// SARIF output checked with ajv against the official SARIF 2.1.0 schema, plus what GitHub needs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './support/cli.js';
import { cardNumber, email, ssn, usPhone } from './support/pii.js';

const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats') as (ajv: Ajv2020) => void;
const schema = JSON.parse(fs.readFileSync(fileURLToPath(new URL('./schemas/sarif-2.1.0.json', import.meta.url)), 'utf8'));
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const dir = tempTree({
  'data/people.csv': `name,email,phone\nA,${email(7)},${usPhone(8)}\n`,
  'data/sub dir/ünïcode.txt': `ssn ${ssn(9)} card ${cardNumber(10)}\n`,
  'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]),
});
const res = runCli(['scan', '.', '--format', 'sarif'], { cwd: dir });
const log = JSON.parse(res.stdout);
const run = log.runs[0];

describe('SARIF report', () => {
  it('is valid against the SARIF 2.1.0 JSON schema', () => {
    expect(res.code).toBe(1);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('lists every rule, sorted, with descriptions, help, tags and a string security-severity', () => {
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['ca-sin', 'date-of-birth', 'email', 'iban', 'in-aadhaar', 'ip-address', 'passport', 'payment-card', 'phone', 'uk-nhs', 'uk-nino', 'us-itin', 'us-ssn']);
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text).not.toBe('');
      expect(rule.fullDescription.text).not.toBe('');
      expect(rule.help.text).not.toBe('');
      expect(rule.help.markdown).not.toBe('');
      expect(rule.properties.tags).toContain('security');
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
      // SARIF1001: a name must not repeat the opaque id (compared ignoring case), or be left out.
      if (rule.name !== undefined) expect(rule.name.toLowerCase()).not.toBe(rule.id.toLowerCase());
    }
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'iban').name).toBeUndefined();
    expect(run.tool.driver.rules.find((r: { id: string }) => r.id === 'us-ssn').name).toBe('USSocialSecurityNumber');
  });

  it('results point at rules by id and index, with relative URIs, 1-based regions and fingerprints', () => {
    const rules = run.tool.driver.rules;
    expect(run.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(['email', 'phone', 'us-ssn', 'payment-card']);
    for (const result of run.results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId);
      const loc = result.locations[0].physicalLocation;
      expect(loc.artifactLocation.uri).not.toMatch(/^(\/|[a-z]+:)/);
      expect(loc.region.startLine).toBeGreaterThanOrEqual(1);
      expect(loc.region.startColumn).toBeGreaterThanOrEqual(1);
      expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}$/);
    }
    const ssnResult = run.results.find((r: { ruleId: string }) => r.ruleId === 'us-ssn');
    expect(ssnResult.locations[0].physicalLocation.artifactLocation.uri).toBe('data/sub%20dir/%C3%BCn%C3%AFcode.txt');
    expect(ssnResult.locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 5, endLine: 1, endColumn: 16 });
    expect(ssnResult.level).toBe('error');
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'phone').level).toBe('warning');
  });

  it('reports skipped inputs as notifications', () => {
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications).toEqual([{ level: 'note', message: { text: 'skipped logo.png (binary: PNG image)' } }]);
  });
});

describe('SARIF report with suppressions', () => {
  it('suppressed results (inline, allowlist, baseline) and suppression notices are valid SARIF', () => {
    const allow = ['piiguard', 'allow'].join(':'); // built: a literal marker here would be a directive
    const sdir = tempTree({
      '.piiguard.json': JSON.stringify({ allowlist: [{ paths: ['fixtures/**'], reason: 'synthetic' }, { rules: ['phone'], expires: '2020-01-01' }] }),
      'fixtures/a.txt': `${ssn(11)}\n`,
      'b.py': `x = "${ssn(12)}"  # ${allow} us-ssn\ny = "${ssn(13)}"\n# ${allow} email\n`,
    });
    expect(runCli(['baseline', 'b.py', '--output', '../base.json'], { cwd: sdir }).code).toBe(0);
    const out = runCli(['scan', '.', '--format', 'sarif', '--baseline', '../base.json'], { cwd: sdir });
    expect(out.code).toBe(0);
    const slog = JSON.parse(out.stdout);
    expect(validate(slog), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const kinds = slog.runs[0].results.map((r: { suppressions?: Array<{ kind: string; status: string }> }) => r.suppressions?.map((s) => `${s.kind}/${s.status}`));
    expect(kinds).toEqual([['inSource/accepted'], ['external/accepted'], ['external/accepted']]); // b.py:1, b.py:2, fixtures/a.txt
    const notices = slog.runs[0].invocations[0].toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => `${n.level}: ${n.message.text}`);
    expect(notices).toEqual([
      'warning: .piiguard.json allowlist[1] expired on 2020-01-01 and no longer suppresses (rules phone)',
      'warning: unused suppression: b.py:3: piiguard:allow email suppressed nothing',
    ]);
  });
});

describe('SARIF report of inputs outside the working directory', () => {
  // repo/ is the working directory; ../shared and a folder two levels up are scanned from it.
  const root = tempTree({ 'repo/in.txt': `ssn ${ssn(14)}\n`, 'shared/dumps/users.txt': `ssn ${ssn(15)}\n` });
  const cwd = path.join(root, 'repo');
  const far = tempTree({ 'x/notes.txt': `ssn ${ssn(16)}\n` });
  type Location = { artifactLocation: { uri: string; uriBaseId: string } };
  const locations = (sarif: { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: Location }> }> }> }) =>
    sarif.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation);
  /** Where a location points, resolved as the SARIF spec says: the uri against its base. */
  const resolved = (sarif: { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }> }> }, loc: { uri: string; uriBaseId: string }) =>
    fileURLToPath(new URL(loc.uri, sarif.runs[0]!.originalUriBaseIds[loc.uriBaseId]!.uri));

  it('has no dot segments: each location is relative to the folder its ".." segments lead to, and resolves to the file', () => {
    const run = runCli(['scan', '.', '../shared', far, '--format', 'sarif'], { cwd });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const locs = locations(sarif);
    expect(locs.map((l) => l.uriBaseId)).toEqual(['PARENT2', 'PARENT1', '%SRCROOT%']);
    for (const loc of locs) expect(loc.uri.split('/')).not.toContain('..');
    expect(locs.map((l) => resolved(sarif, l))).toEqual([path.join(far, 'x/notes.txt'), path.join(root, 'shared/dumps/users.txt'), path.join(cwd, 'in.txt')]);
    expect(locs[1]!.uri).toBe('shared/dumps/users.txt');
    expect(Object.keys(sarif.runs[0].originalUriBaseIds).sort()).toEqual(['%SRCROOT%', 'PARENT1', 'PARENT2']);
  });

  it('keeps every base a merged report uses', () => {
    const reports = ['1/2', '2/2'].map((shard) => {
      const file = path.join(root, `shard-${shard.replace('/', 'of')}.sarif`);
      runCli(['scan', '.', '../shared', '--shard', shard, '--format', 'sarif', '--output', file], { cwd });
      // One file each: the first shard's report has no input outside the working directory.
      expect(JSON.parse(fs.readFileSync(file, 'utf8')).runs[0].results).toHaveLength(1);
      return file;
    });
    const merged = JSON.parse(runCli(['merge', ...reports], { cwd }).stdout);
    const whole = JSON.parse(runCli(['scan', '.', '../shared', '--format', 'sarif'], { cwd }).stdout);
    expect(merged.runs[0].results).toEqual(whole.runs[0].results);
    for (const loc of locations(merged)) expect(fs.existsSync(resolved(merged, loc))).toBe(true);
  });
});

describe('SARIF report of a scan run in a subfolder of a repository', () => {
  // Code scanning places a result by its path in the repository: `backend/seed.sql`, not `seed.sql`.
  const repo = tempTree({ '.git/HEAD': 'ref: refs/heads/main\n', 'backend/db/seed.sql': `ssn ${ssn(17)}\n`, 'shared/x.txt': `ssn ${ssn(18)}\n` });
  const cwd = path.join(repo, 'backend');

  it('gives locations relative to the repository root, which %SRCROOT% names', () => {
    const run = runCli(['scan', '.', '../shared', '--format', 'sarif'], { cwd });
    expect(run.code).toBe(1);
    const sarif = JSON.parse(run.stdout);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const locs = sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }) => r.locations[0]!.physicalLocation.artifactLocation);
    // In report order: by the path from the working directory.
    expect(locs).toEqual([
      { uri: 'shared/x.txt', uriBaseId: '%SRCROOT%' },
      { uri: 'backend/db/seed.sql', uriBaseId: '%SRCROOT%' },
    ]);
    expect(Object.keys(sarif.runs[0].originalUriBaseIds)).toEqual(['%SRCROOT%']);
    expect(fileURLToPath(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri)).toBe(repo + path.sep);
    // Other reports keep paths as the user typed them, relative to the working directory.
    expect(JSON.parse(runCli(['scan', '.', '../shared', '--format', 'json'], { cwd }).stdout).findings.map((f: { path: string }) => f.path)).toEqual(['../shared/x.txt', 'db/seed.sql']);
  });
});

describe('SARIF URIs of file names with URI delimiters', () => {
  // `#` and `?` would start a fragment or a query, a `:` in the first segment a scheme; `(` sorts
  // after `:` but before its escape `%3A`.
  const names = ['a(1).txt', 'a:1.txt', 'notes#1.txt', 'what?.txt', 'sp ace.txt'];
  const dir = tempTree(Object.fromEntries(names.map((name, i) => [`d/${name}`, `ssn ${ssn(40 + i)}\n`])));
  type Log = { runs: Array<{ originalUriBaseIds: Record<string, { uri: string }>; results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId: string } } }> }> }> };
  const files = (sarif: Log) =>
    sarif.runs[0]!.results.map(({ locations: [loc] }) => {
      const { uri, uriBaseId } = loc!.physicalLocation.artifactLocation;
      return fileURLToPath(new URL(uri, sarif.runs[0]!.originalUriBaseIds[uriBaseId]!.uri));
    });

  it('encodes them so that each location resolves to its file, and merge sorts by the path, as one scan does', () => {
    const run = runCli(['scan', '.', '--format', 'sarif'], { cwd: dir });
    const whole = JSON.parse(run.stdout);
    expect(validate(whole), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(files(whole)).toEqual([...names].sort().map((name) => path.join(dir, 'd', name)));
    const reports = ['1/2', '2/2'].map((shard, i) => {
      const out = path.join(dir, '..', `${path.basename(dir)}-part${i}.sarif`);
      runCli(['scan', '.', '--shard', shard, '--format', 'sarif', '--output', out], { cwd: dir });
      return out;
    });
    expect(JSON.parse(runCli(['merge', ...reports]).stdout).runs[0].results).toEqual(whole.runs[0].results);
  });
});
