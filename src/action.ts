// GitHub Action entry (action.yml → dist/action.js), and the only module that imports @actions/core:
// inputs (all checked before anything runs) → runScan → log report, annotations, SARIF file, job
// summary, outputs. Like bin.ts it is a process entry point; the runner starts it in the workspace.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { readBaseline } from './baseline.js';
import { ConfigError, UsageError } from './errors.js';
import { archiveOverrides, parseConfidence, parseFailOn, parseFormat, parseWholeNumber } from './options.js';
import type { Reporter } from './reporters/context.js';
import { markdownReporter } from './reporters/markdown.js';
import { sarifReporter } from './reporters/sarif.js';
import { EXIT, isFailing, runScan, type ScanRequest, type ScanRun } from './run-scan.js';
import { UNSCANNED_REASONS } from './sources/index.js';
import { parseShard } from './shard.js';
import { SEVERITY_RANK, type Finding, type ScanResult } from './types.js';
import { VERSION } from './version.js';

/** GitHub shows at most this many annotations of each kind (error, warning, notice) per step. */
const ANNOTATION_LIMIT = 10;

interface ActionSettings {
  request: ScanRequest;
  /** Report printed to the log. */
  reporter: Reporter;
  /** Absolute path, or undefined when the sarif-file input is empty. */
  sarifFile: string | undefined;
}

type AnnotationKind = 'error' | 'warning' | 'notice';
const KIND: Record<Finding['severity'], AnnotationKind> = { error: 'error', warning: 'warning', info: 'notice' };
const VERDICT = { [EXIT.clean]: 'pass', [EXIT.findings]: 'fail', [EXIT.error]: 'error' } as const;

/** Workspace-relative `/` path for outputs and messages. */
function relative(workspace: string, abs: string): string {
  return path.relative(workspace, abs).split(path.sep).join('/') || '.';
}

/** Reads every input and returns the settings, or every problem found (nothing runs then). */
function readInputs(workspace: string): { settings?: ActionSettings; problems: string[] } {
  const problems: string[] = [];
  const check = <T>(parse: () => T): T | undefined => {
    try {
      return parse();
    } catch (err) {
      if (err instanceof ConfigError) problems.push(...err.problems);
      else if (err instanceof UsageError) problems.push(err.message);
      else throw err;
      return undefined;
    }
  };
  const input = (name: string): string | undefined => core.getInput(name) || undefined;

  const workingDirectory = path.resolve(workspace, input('working-directory') ?? '.');
  const folderExists = fs.existsSync(workingDirectory) && fs.statSync(workingDirectory).isDirectory();
  if (!folderExists) problems.push(`input working-directory: ${input('working-directory')} is not a folder in the workspace`);
  const resolveExisting = (name: string, value: string): string => {
    const abs = path.resolve(workingDirectory, value);
    if (folderExists && !fs.existsSync(abs)) problems.push(`input ${name}: ${value}: no such file or folder`);
    return abs;
  };

  const paths = core.getMultilineInput('paths').map((p) => resolveExisting('paths', p));
  const configPath = input('config') !== undefined ? resolveExisting('config', input('config')!) : undefined;
  const baselineFile = input('baseline') !== undefined ? resolveExisting('baseline', input('baseline')!) : undefined;
  const baseline = baselineFile !== undefined && fs.existsSync(baselineFile) ? check(() => readBaseline(relative(workspace, baselineFile), workspace)) : undefined;
  /** An optional input, parsed; a bad value is a problem and counts as not given. */
  const parsed = <T>(name: string, parse: (value: string, label: string) => T): T | undefined => {
    const value = input(name);
    return value === undefined ? undefined : check(() => parse(value, `input ${name}`));
  };
  const failOn = parsed('fail-on', parseFailOn);
  const maxFileSize = parsed('max-file-size', parseWholeNumber);
  const shard = parsed('shard', parseShard);
  const minConfidence = parsed('min-confidence', parseConfidence);
  const findingsCap = parsed('findings-cap', parseWholeNumber);
  const archives = archiveOverrides(input, (name) => `input ${name}`, check);
  const reporter = check(() => parseFormat(input('format') ?? 'text', 'input format'));
  const sarifFile = input('sarif-file') !== undefined ? path.resolve(workingDirectory, input('sarif-file')!) : undefined;
  if (problems.length > 0 || reporter === undefined) return { problems };

  // The scan runs from the workspace so that report paths are repository paths, as annotations and
  // code scanning need them; working-directory only anchors the inputs and the config lookup.
  const request: ScanRequest = {
    cwd: workspace,
    configFrom: workingDirectory,
    paths: paths.length > 0 ? paths : [workingDirectory],
    ...(configPath !== undefined ? { configPath } : {}),
    ...(failOn !== undefined ? { failOn } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(shard !== undefined ? { shard } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    ...(findingsCap !== undefined ? { findingsCap } : {}),
    archives,
    ...(baseline !== undefined ? { baseline } : {}),
  };
  return { settings: { request, reporter, sarifFile }, problems };
}

function severityOrder(a: Finding, b: Finding): number {
  return SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity];
}

/**
 * Annotations on the exact file and line, most severe first. GitHub drops those past the per-kind
 * limit, so the overflow is counted in one notice that points at the full list. One error slot is
 * kept for the step's failure message when the run fails.
 */
function annotate(result: ScanResult, failing: boolean, sarifFile: string | undefined, workspace: string): void {
  const names = new Map(result.rules.map((r) => [r.id, r.name]));
  const room: Record<AnnotationKind, number> = { error: ANNOTATION_LIMIT - (failing ? 1 : 0), warning: ANNOTATION_LIMIT, notice: ANNOTATION_LIMIT };
  const wanted = { error: result.errors.length, warning: 0, notice: 0 };
  for (const f of result.findings) wanted[KIND[f.severity]]++;
  const overflow = (Object.keys(room) as AnnotationKind[]).some((k) => wanted[k] > room[k]);
  if (overflow) room.notice--;

  let hidden = 0;
  const emit = (kind: AnnotationKind, message: string, properties: core.AnnotationProperties): void => {
    if (room[kind] <= 0) {
      hidden++;
      return;
    }
    room[kind]--;
    core[kind](message, properties);
  };
  for (const e of result.errors) emit('error', `Could not scan: ${e.message}`, { title: 'piiguard: input not scanned', file: e.path.split('!')[0]! });
  for (const f of [...result.findings].sort(severityOrder)) {
    const name = names.get(f.ruleId) ?? f.ruleId;
    const title = `piiguard: ${f.ruleId}`;
    const bang = f.path.indexOf('!');
    if (bang >= 0) {
      // An archive member has no line GitHub can show: annotate the archive, name the member.
      emit(KIND[f.severity], `${name} (${f.masked}) in archive member ${f.path.slice(bang + 1)}, line ${f.line} column ${f.column}`, { title, file: f.path.slice(0, bang) });
    } else {
      const columns = f.line === f.endLine ? { startColumn: f.column, endColumn: f.endColumn } : {};
      emit(KIND[f.severity], `${name} (${f.masked})`, { title, file: f.path, startLine: f.line, endLine: f.endLine, ...columns });
    }
  }
  if (hidden > 0) {
    const where = sarifFile !== undefined ? `the job summary and ${relative(workspace, sarifFile)}` : 'the job summary';
    core.notice(`${hidden} more piiguard annotation${hidden === 1 ? ' is' : 's are'} not shown (GitHub shows ${ANNOTATION_LIMIT} per kind per step): see ${where}`, { title: 'piiguard: more findings' });
  }
}

function verdictLine(run: ScanRun): string {
  const { result, failOn, code } = run;
  if (code === EXIT.error) return `**Verdict: error**: ${result.errors.length} input${result.errors.length === 1 ? '' : 's'} could not be scanned, so the check cannot pass.`;
  if (code === EXIT.findings) return `**Verdict: fail**: findings at or above \`${failOn}\` (fail-on).`;
  return `**Verdict: pass** (fail-on: \`${failOn}\`).`;
}

async function writeSummary(markdown: string): Promise<void> {
  try {
    await core.summary.addRaw(markdown, true).write();
  } catch (err) {
    core.info(`piiguard: no job summary written (${(err as Error).message})`);
  }
}

function printReport(report: string): void {
  // File names come from the repository under test: stop workflow commands so none can act.
  const token = randomUUID();
  core.startGroup('piiguard report');
  core.info(`::stop-commands::${token}`);
  core.info(report.replace(/\n$/, ''));
  core.info(`::${token}::`);
  core.endGroup();
}

async function main(): Promise<void> {
  const workspace = process.cwd();
  const { settings, problems } = readInputs(workspace);
  if (settings === undefined) {
    for (const problem of problems) core.error(problem, { title: 'piiguard: input error' });
    core.setOutput('verdict', 'error');
    core.setFailed(`piiguard: ${problems.length} input problem${problems.length === 1 ? '' : 's'} (listed above); nothing was scanned`);
    return;
  }
  let run: ScanRun;
  try {
    run = await runScan(settings.request);
  } catch (err) {
    if (!(err instanceof ConfigError || err instanceof UsageError)) throw err;
    const messages = err instanceof ConfigError ? err.problems : [err.message];
    for (const message of messages) core.error(message, { title: err instanceof ConfigError ? 'piiguard: config error' : 'piiguard: usage error' });
    core.setOutput('verdict', 'error');
    core.setFailed('piiguard: cannot run (see the errors above); nothing was scanned');
    return;
  }
  const { result, code } = run;
  const context = { cwd: workspace, version: VERSION, color: false };
  printReport(settings.reporter(result, context));
  const sarifWritten = settings.sarifFile === undefined || writeSarif(settings.sarifFile, sarifReporter(result, context), workspace);
  annotate(result, code !== EXIT.clean || !sarifWritten, settings.sarifFile, workspace);
  await writeSummary(`${markdownReporter(result, context)}\n${verdictLine(run)}\n`);

  core.setOutput('findings', result.stats.findings);
  core.setOutput('sarif-file', settings.sarifFile !== undefined ? relative(workspace, settings.sarifFile) : '');
  core.setOutput('verdict', sarifWritten ? VERDICT[code] : VERDICT[EXIT.error]);
  if (code === EXIT.error) {
    const unread = result.errors.length + result.skipped.filter((s) => UNSCANNED_REASONS.has(s.reason)).length;
    core.setFailed(`piiguard: ${unread} input${unread === 1 ? '' : 's'} could not be scanned; a partial scan cannot pass`);
  }
  else if (!sarifWritten) core.setFailed('piiguard: the SARIF report could not be written');
  else if (code === EXIT.findings) {
    const failing = (['error', 'warning', 'info'] as const).filter((s) => isFailing(s, run.failOn)).reduce((n, s) => n + result.stats.bySeverity[s], 0);
    core.setFailed(`piiguard: ${failing} finding${failing === 1 ? '' : 's'} at or above fail-on ${run.failOn}; see the annotations and the job summary`);
  }
}

function writeSarif(file: string, sarif: string, workspace: string): boolean {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, sarif);
    return true;
  } catch (err) {
    core.info(`piiguard: sarif-file ${relative(workspace, file)}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return false;
  }
}

try {
  await main();
} catch (err) {
  // One line, no stack, no data.
  core.setFailed(`piiguard: internal error: ${(err as Error).message ?? String(err)} (please report this)`);
}
