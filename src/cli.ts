// run(argv, io) → exit code. Never calls process.exit and never touches process directly: bin.ts does.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appendAuditLog, auditRecord, type Env } from './audit.js';
import { formatBaseline, readBaseline } from './baseline.js';
import { configCandidates, DISK, loadConfig, type ResolvedConfig, type SettingsFiles } from './config.js';
import { ConfigError, UsageError } from './errors.js';
import { repositoryRoot } from './discover.js';
import { mergeReports } from './merge.js';
import { archiveOverrides, parseConfidence, parseFailOn, parseFormat, parseWholeNumber } from './options.js';
import { inBlocks, jsonReportPieces, jsonReporter } from './reporters/json.js';
import { summaryLine } from './reporters/text.js';
import { loadRules } from './rules.js';
import { EXIT, runScan, type ScanRun } from './run-scan.js';
import { parseShard } from './shard.js';
import { stagedSettings } from './staged.js';
import type { LoadedBaseline } from './suppress.js';
import { VERSION } from './version.js';


export interface CliIO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  stdin: AsyncIterable<Buffer>;
  /** Colour by default (stdout is a terminal and NO_COLOR is unset). */
  color: boolean;
  /** Environment, for the audit log's "who ran it" (CI variables, else the OS user). */
  env?: Env;
}

const HELP = `piiguard ${VERSION}: find personal data (PII) in source trees, fixtures, dumps and CI artifacts.

Usage:
  piiguard scan [paths...]     scan files and folders (default: .); "-" reads stdin
  piiguard scan --staged       scan the files staged for commit, as the git index holds them
  piiguard merge REPORT...     combine SARIF or JSON reports (of --shard jobs) into one
  piiguard baseline [paths...] --output FILE
                               accept today's findings: scan --baseline FILE then fails only on new ones
  piiguard rules               list the rules in effect
  piiguard --help | --version

Scan options:
  -f, --format <text|json|sarif|markdown>   report format (default: text)
  -o, --output <file>              write the report to a file (a summary still goes to stdout)
  -c, --config <file>              config file (default: nearest .piiguard.json up to the repo root)
      --fail-on <level>            error | warning | info | never: lowest severity that fails (default: info)
      --max-file-size <bytes>      skip (and report) larger files and archive members
      --min-confidence <level>     high | medium | low: report findings at or above (default: medium)
      --stdin-name <name>          name for stdin input in reports (default: stdin)
      --baseline <file>            report findings in this baseline as suppressed; fail only on new ones
      --audit-log <file>           append one JSON line about this run (counts, verdict, commit, who)
      --findings-cap <n>           findings listed per file and rule, the rest summed in one
                                   (default: 100; json, unless given, lists what the engine
                                   keeps: 10,000 per file and rule; 0 = no cap); a
                                   capped report lists 5,000 in all, errors first, the rest summed per rule;
                                   uncapped, memory grows with the findings listed
      --follow-symlinks            follow symbolic links in folders (loops are detected)
  -j, --jobs <n>                   worker threads (default: one per core for large inputs)
      --staged                     scan what is staged for commit (git index), not paths
      --shard <K/N>                scan only part K of N (a CI matrix job); merge the reports after
      --no-color                   plain text output
  -q, --quiet                      print nothing when the run is clean

Archive guards (gzip, zip, tar, tar.gz; README "Inputs"):
      --max-archive-depth <n>      container layers opened in one input (default: 5)
      --max-expanded-bytes <n>     bytes decompressed from one input (default: 16 GiB, 0 = no limit)
      --max-compression-ratio <n>  largest expansion ratio past 16 MiB (default: 200, 0 = no limit)
      --max-archive-members <n>    members read from one archive (default: 100000, 0 = no limit)
      --on-archive-skip <policy>   fail | report: exit 2 when a guard or an unsupported format left
                                   content unread, or only report it (default: fail)

Merge options:
  -o, --output <file>              write the merged report to a file (default: stdout)

Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage/config error or an input that could not be scanned.
Docs: README.md, rules/*.json, schema/config.schema.json`;

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'fail-on': { type: 'string' },
  'max-file-size': { type: 'string' },
  'min-confidence': { type: 'string' },
  'stdin-name': { type: 'string' },
  baseline: { type: 'string' },
  'audit-log': { type: 'string' },
  'findings-cap': { type: 'string' },
  'follow-symlinks': { type: 'boolean' },
  'max-archive-depth': { type: 'string' },
  'max-expanded-bytes': { type: 'string' },
  'max-compression-ratio': { type: 'string' },
  'max-archive-members': { type: 'string' },
  'on-archive-skip': { type: 'string' },
  jobs: { type: 'string', short: 'j' },
  staged: { type: 'boolean' },
  shard: { type: 'string' },
  'no-color': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs messages name the flag; keep the first sentence and point at --help.
    throw new UsageError(`${(err as Error).message.split('. ')[0]!.replace(/\.$/, '')} (see piiguard --help)`);
  }
}

function optional<T>(value: string | undefined, parser: (value: string, label: string) => T, label: string): T | undefined {
  return value === undefined ? undefined : parser(value, label);
}

/** `scan some/repo` uses some/repo's own .piiguard.json, as gitleaks does; otherwise look from cwd. */
function configSearchStart(cwd: string, paths: string[]): string {
  const only = paths.length === 1 && paths[0] !== '-' ? path.resolve(cwd, paths[0]!) : undefined;
  return only !== undefined && fs.existsSync(only) && fs.statSync(only).isDirectory() ? only : cwd;
}

type Values = ReturnType<typeof parse>['values'];

function writeOutput(file: string, text: string | Iterable<string>, cwd: string): void {
  const target = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(target, 'w');
    try {
      for (const piece of typeof text === 'string' ? [text] : text) fs.writeSync(fd, piece);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new UsageError(`--output ${file}: cannot write (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Where the config and baseline are read: as staged with --staged (the commit is judged by what it carries), else from disk. */
async function settingsFiles(positionals: string[], values: Values, io: CliIO): Promise<SettingsFiles> {
  if (!values.staged) return DISK;
  if (positionals.length > 0) throw new UsageError('--staged scans what git has staged: give it no paths');
  const config = values.config !== undefined ? [path.resolve(io.cwd, values.config)] : configCandidates(io.cwd);
  const baseline = values.baseline !== undefined ? [path.resolve(io.cwd, values.baseline)] : [];
  return stagedSettings(io.cwd, [...config, ...baseline]);
}

/** The scan both commands run, from the command-line flags. */
async function scanFromFlags(positionals: string[], values: Values, io: CliIO, capped: boolean, files: SettingsFiles, baseline?: LoadedBaseline): Promise<ScanRun & { paths: string[] }> {
  const failOn = optional(values['fail-on'], parseFailOn, '--fail-on');
  const maxFileSize = optional(values['max-file-size'], parseWholeNumber, '--max-file-size');
  const jobs = optional(values.jobs, parseWholeNumber, '--jobs');
  const shard = optional(values.shard, parseShard, '--shard');
  const minConfidence = optional(values['min-confidence'], parseConfidence, '--min-confidence');
  const findingsCap = optional(values['findings-cap'], parseWholeNumber, '--findings-cap');
  const paths = positionals.length > 0 ? positionals : ['.'];
  const useStdin = paths.includes('-');
  if (useStdin && paths.length > 1) throw new UsageError('"-" (stdin) cannot be combined with other paths');
  if (useStdin && shard !== undefined) throw new UsageError('--shard splits files: it cannot be used with stdin ("-")');

  const run = await runScan({
    cwd: io.cwd,
    paths,
    configFrom: configSearchStart(io.cwd, paths),
    ...(values.config !== undefined ? { configPath: path.resolve(io.cwd, values.config) } : {}),
    settingsFiles: files,
    ...(failOn !== undefined ? { failOn } : {}),
    ...(maxFileSize !== undefined ? { maxFileSize } : {}),
    ...(minConfidence !== undefined ? { minConfidence } : {}),
    archives: archiveOverrides((name) => values[name as keyof Values] as string | undefined, (name) => `--${name}`),
    ...(findingsCap !== undefined ? { findingsCap } : {}),
    ...(values['follow-symlinks'] ? { followSymlinks: true } : {}),
    ...(useStdin ? { stdin: { stream: io.stdin, name: values['stdin-name'] ?? 'stdin' } } : {}),
    ...(jobs !== undefined ? { workers: jobs } : {}),
    ...(values.staged ? { staged: true } : {}),
    ...(shard !== undefined ? { shard } : {}),
    ...(baseline !== undefined ? { baseline } : {}),
    capped,
  });
  return { ...run, paths };
}

function audit(values: Values, io: CliIO, input: Omit<Parameters<typeof auditRecord>[0], 'cwd' | 'env' | 'version' | 'now' | 'shard'>): void {
  if (values['audit-log'] === undefined) return;
  const selection = { ...input, ...(values.staged ? { targets: ['git index (--staged)'] } : {}), ...(values.shard !== undefined ? { shard: values.shard } : {}) };
  appendAuditLog(values['audit-log'], io.cwd, auditRecord({ ...selection, cwd: io.cwd, env: io.env ?? {}, version: VERSION, now: new Date() }));
}

async function scanCommand(positionals: string[], values: Values, io: CliIO): Promise<number> {
  const reporter = parseFormat(values.format ?? 'text', '--format');
  const files = await settingsFiles(positionals, values, io);
  const baseline = values.baseline !== undefined ? readBaseline(values.baseline, io.cwd, files) : undefined;
  // JSON feeds tools (benchmarks, dashboards, evaluations): unless a cap is asked for, it lists all the engine keeps.
  const capped = values.format !== 'json' || values['findings-cap'] !== undefined;
  const { result: shown, config, failOn, code, paths } = await scanFromFlags(positionals, values, io, capped, files, baseline);

  const color = io.color && !values['no-color'];
  const quiet = values.quiet === true && code === EXIT.clean;
  const context = { cwd: io.cwd, sourceRoot: repositoryRoot(io.cwd) ?? io.cwd, version: VERSION, color: values.output === undefined && color };
  const report = reporter === jsonReporter ? inBlocks(jsonReportPieces(shown, context)) : [reporter(shown, context)];
  if (values.output !== undefined) {
    writeOutput(values.output, report, io.cwd);
    if (!quiet) io.stdout(`${summaryLine(shown, color)} → ${values.output}\n`);
  } else if (!quiet) {
    for (const piece of report) io.stdout(piece);
  }
  audit(values, io, {
    command: 'scan',
    targets: paths,
    config,
    failOn,
    result: shown,
    exitCode: code,
    ...(baseline !== undefined ? { baseline: { file: baseline.file, digest: baseline.digest } } : {}),
  });
  return code;
}

async function baselineCommand(positionals: string[], values: Values, io: CliIO): Promise<number> {
  const output = values.output;
  if (output === undefined) throw new UsageError('piiguard baseline needs --output FILE (where to write the baseline)');
  if (values.baseline !== undefined) throw new UsageError('--baseline does not apply to piiguard baseline (a new baseline accepts every current finding)');
  if (positionals.includes('-')) throw new UsageError('piiguard baseline scans files, not stdin');
  // A baseline accepts every finding the engine keeps, so none of them may be left out.
  const { result, config, failOn, paths } = await scanFromFlags(positionals, values, io, false, await settingsFiles(positionals, values, io));
  const exitCode = result.errors.length > 0 ? EXIT.error : EXIT.clean;
  if (exitCode === EXIT.error) {
    // A baseline from a partial scan would accept too little; write nothing and say why.
    for (const e of result.errors) io.stderr(`piiguard: ${e.path}: ${e.message}\n`);
    io.stderr(`piiguard: baseline not written: ${result.errors.length} input(s) could not be scanned\n`);
  } else {
    writeOutput(output, formatBaseline(result.findings, VERSION), io.cwd);
    const s = result.stats;
    const extra = [s.skipped > 0 ? `${s.skipped} skipped` : '', s.suppressed > 0 ? `${s.suppressed} already suppressed` : ''].filter(Boolean);
    io.stdout(`piiguard baseline: ${s.findings} accepted finding${s.findings === 1 ? '' : 's'} → ${output} (scanned ${s.filesScanned} file${s.filesScanned === 1 ? '' : 's'}${extra.map((e) => `, ${e}`).join('')})\n`);
  }
  audit(values, io, { command: 'baseline', targets: paths, config, failOn, result, exitCode });
  return exitCode;
}

function mergeCommand(files: string[], values: Values, io: CliIO): number {
  const reports = files.map((name) => {
    try {
      return { name, text: fs.readFileSync(path.resolve(io.cwd, name), 'utf8') };
    } catch (err) {
      throw new UsageError(`${name}: cannot read report (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  });
  const merged = mergeReports(reports);
  if (values.output === undefined) {
    io.stdout(merged.text);
  } else {
    writeOutput(values.output, merged.text, io.cwd);
    io.stdout(`merged ${files.length} ${merged.format.toUpperCase()} report${files.length === 1 ? '' : 's'}: ${merged.findings} finding${merged.findings === 1 ? '' : 's'} → ${values.output}\n`);
  }
  return EXIT.clean;
}

function rulesCommand(values: Values, io: CliIO): Promise<number> {
  const config = loadConfig({ cwd: io.cwd, ...(values.config !== undefined ? { configPath: values.config } : {}) });
  return loadRules({ settings: config.settings, extra: config.customRules, overrides: config.ruleOverrides }).then((rules) => {
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.spec.name}  [${r.spec.tags.join(', ')}]\n`);
    return EXIT.clean;
  });
}

export async function run(argv: string[], io: CliIO): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    if (values.version) {
      io.stdout(`${VERSION}\n`);
      return EXIT.clean;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === undefined || command === 'help') {
      io.stdout(`${HELP}\n`);
      return command === undefined && !values.help ? EXIT.error : EXIT.clean;
    }
    if (command === 'scan') return await scanCommand(rest, values, io);
    if (command === 'baseline') return await baselineCommand(rest, values, io);
    if (command === 'rules') return await rulesCommand(values, io);
    if (command === 'merge') return mergeCommand(rest, values, io);
    throw new UsageError(`unknown command "${command}" (commands: scan, baseline, merge, rules; see piiguard --help)`);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const problem of err.problems) io.stderr(`piiguard: config error: ${problem}\n`);
      return EXIT.error;
    }
    if (err instanceof UsageError) {
      io.stderr(`piiguard: ${err.message}\n`);
      return EXIT.error;
    }
    // Unexpected: one line, no stack, no data.
    io.stderr(`piiguard: internal error: ${(err as Error).message ?? String(err)} (please report this)\n`);
    return EXIT.error;
  }
}
