// SARIF 2.1.0 for GitHub code scanning: rules with help and security-severity, relative URIs,
// 1-based regions in UTF-16 columns, and fingerprints GitHub uses instead of hashing the source line
// (which would put a hash of the raw PII on GitHub's side).
import nodePath from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { aggregateNote } from '../findings-cap.js';
import type { Finding, RuleSpec, ScanResult, Severity, SuppressedFinding } from '../types.js';
import type { Reporter } from './context.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const FINGERPRINT_KEY = 'piiguard/v1';
/** GitHub code scanning rejects a run with more results than this. */
export const MAX_RESULTS = 25_000;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

function sarifRule(rule: RuleSpec): Sarif.ReportingDescriptor {
  const name = rule.name
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
  return {
    id: rule.id,
    // SARIF wants `name` to differ from the opaque `id` (Multitool SARIF1001 compares them ignoring
    // case: `IBAN` vs `iban`), and to be left out otherwise.
    ...(name.toLowerCase() !== rule.id.toLowerCase() ? { name } : {}),
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.description },
    help: { text: rule.help.replace(/`/g, ''), markdown: rule.help },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', 'privacy', ...rule.tags],
      precision: 'high',
      'security-severity': (rule.securitySeverity ?? 5).toFixed(1),
    },
  };
}

/** `dump.zip!users.csv` → the archive is the artifact GitHub can show; the member goes in the message. */
function splitArchivePath(path: string): { uri: string; member: string | undefined } {
  const bang = path.indexOf('!');
  return bang < 0 ? { uri: path, member: undefined } : { uri: path.slice(0, bang), member: path.slice(bang + 1) };
}

const SRCROOT = '%SRCROOT%';

/** A report path (relative to the working directory `cwd`) relative to `root` instead. */
function rebase(path: string, cwd: string, root: string): string {
  return root === cwd ? path : nodePath.relative(root, nodePath.resolve(cwd, path)).split(nodePath.sep).join('/');
}

/** How many folders above the source root a path starts (`../../x` → 2). */
function levelsUp(path: string): number {
  let up = 0;
  while (path.startsWith('../', up * 3)) up++;
  return up;
}

const baseId = (up: number): string => (up === 0 ? SRCROOT : `PARENT${up}`);

/**
 * A relative reference without dot segments, which the SARIF spec and GitHub want: under the source
 * root relative to %SRCROOT%, outside it (`../shared/x`) relative to the folder its `..` segments
 * lead to, PARENT1 for one level up (`shared/x`), PARENT2 for two, and so on.
 */
function artifactLocation(path: string): Sarif.ArtifactLocation {
  const up = levelsUp(path);
  // Each segment encoded as a whole: encodeURI keeps `#` and `?`, which would start a fragment or a
  // query, and a `:` that makes a first segment read as a scheme (`c:notes.txt`).
  return { uri: path.slice(up * 3).split('/').map(encodeURIComponent).join('/'), uriBaseId: baseId(up) };
}

/** The bases of these report paths, as absolute file URIs ending in `/`. */
function uriBases(paths: string[], root: string): Record<string, Sarif.ArtifactLocation> {
  const folder = (abs: string): string => pathToFileURL(abs).href.replace(/\/?$/, '/');
  const bases: Record<string, Sarif.ArtifactLocation> = { [SRCROOT]: { uri: folder(root) } };
  for (const up of new Set(paths.map(levelsUp))) {
    if (up === 0) continue;
    const text = `${up} folder${up === 1 ? '' : 's'} above ${SRCROOT}, for inputs outside it`;
    bases[baseId(up)] = { uri: folder(nodePath.resolve(root, ...Array<string>(up).fill('..'))), description: { text } };
  }
  return bases;
}

/** `place`: the finding's artifact (relative to the source root) and its archive member, if any. */
function sarifResult(f: Finding | SuppressedFinding, place: { uri: string; member: string | undefined }, rules: RuleSpec[], ruleIndex: Map<string, number>): Sarif.Result {
  const { uri, member } = place;
  const name = rules[ruleIndex.get(f.ruleId)!]?.name ?? f.ruleId;
  // An archive member has no place in the archive's bytes to point at: its own position is in the message.
  const region: Sarif.Region = member === undefined ? { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn } : { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 };
  const where = member === undefined ? '' : ` in archive member ${member}, line ${f.line} column ${f.column}`;
  const note = aggregateNote(f);
  return {
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId)!,
    level: LEVEL[f.severity],
    message: { text: `${name} (${f.masked})${where}; ${f.confidence} confidence: ${f.reason}${note ? `; ${note}` : ''}` },
    locations: [{ physicalLocation: { artifactLocation: artifactLocation(uri), region } }],
    partialFingerprints: { primaryLocationLineHash: f.fingerprint, [FINGERPRINT_KEY]: f.fingerprint },
    // GitHub shows a result with suppressions as closed; the gate does not count it.
    ...('suppression' in f ? { suppressions: [{ kind: f.suppression.kind, status: 'accepted' as const, justification: f.suppression.justification }] } : {}),
    properties: {
      confidence: f.confidence,
      reason: f.reason,
      ...(f.table !== undefined ? { table: f.table } : {}),
      ...(f.field !== undefined ? { field: f.field } : {}),
      ...(f.aggregate ? { count: f.aggregate.count } : {}),
    },
  };
}

/** Marks the notice of an unused allowlist entry, which `piiguard merge` keeps only if every shard lists it. */
export const UNUSED_ALLOWLIST = 'unusedAllowlistEntry';

/** Unused suppressions, expired allowlist entries and stale baseline entries, as warnings. */
function suppressionNotices(result: ScanResult): Sarif.Notification[] {
  const s = result.suppressions;
  const warning = (text: string): Sarif.Notification => ({ level: 'warning', message: { text } });
  return [
    ...s.warnings.map(warning),
    ...s.unused.map((u) => ({ ...warning(`unused suppression: ${u.where}: ${u.detail}`), ...(u.by === 'allowlist' ? { properties: { [UNUSED_ALLOWLIST]: true } } : {}) })),
    ...(s.baseline !== undefined && s.baseline.stale.length > 0
      ? [warning(`${s.baseline.stale.length} baseline entries in ${s.baseline.file} no longer match a finding: prune them with piiguard baseline`)]
      : []),
  ];
}

export const sarifReporter: Reporter = (result, context) => {
  const rules = [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Findings first: past GitHub's limit, accepted findings are the ones left out.
  const results = [...result.findings, ...result.suppressed];
  const listed = results.slice(0, MAX_RESULTS);
  const root = context.sourceRoot ?? context.cwd;
  const places = listed.map((f) => {
    const { uri, member } = splitArchivePath(f.path);
    return { uri: rebase(uri, context.cwd, root), member };
  });
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'piiguard',
            version: context.version,
            semanticVersion: context.version,
            informationUri: 'https://github.com/piiguard/piiguard',
            rules: rules.map(sarifRule),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: uriBases(places.map((p) => p.uri), root),
        results: listed.map((f, i) => sarifResult(f, places[i]!, rules, ruleIndex)),
        invocations: [
          {
            executionSuccessful: result.errors.length === 0,
            toolExecutionNotifications: [
              ...result.errors.map((e) => ({ level: 'error' as const, message: { text: `${e.path}: ${e.message}` } })),
              ...(results.length > MAX_RESULTS
                ? [{ level: 'warning' as const, message: { text: `${results.length - MAX_RESULTS} more results not listed: GitHub accepts ${MAX_RESULTS} per run (totals in properties.stats; lower --findings-cap or use the JSON report)` } }]
                : []),
              ...result.skipped.map((s) => ({ level: 'note' as const, message: { text: `skipped ${s.path} (${s.reason}: ${s.detail})` } })),
              ...suppressionNotices(result),
            ],
          },
        ],
        properties: { stats: result.stats, suppressions: result.suppressions.counts },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
