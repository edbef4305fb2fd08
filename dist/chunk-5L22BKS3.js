import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);
import {
  DISK,
  EXIT,
  JSON_REPORT_VERSION,
  UNUSED_ALLOWLIST,
  VERSION,
  appendAuditLog,
  archiveOverrides,
  auditRecord,
  configCandidates,
  formatBaseline,
  inBlocks,
  jsonReportPieces,
  jsonReporter,
  loadConfig,
  parseConfidence,
  parseFailOn,
  parseFormat,
  parseShard,
  parseWholeNumber,
  readBaseline,
  repositoryRoot,
  runScan,
  stagedSettings,
  summaryLine
} from "./chunk-5WZVFU5A.js";
import {
  ConfigError,
  UsageError,
  compareFindings,
  loadRules
} from "./chunk-YO6G75LQ.js";

// src/merge.ts
function parse(file) {
  let data;
  try {
    data = JSON.parse(file.text);
  } catch {
    throw new UsageError(`${file.name}: not a JSON or SARIF report (not valid JSON)`);
  }
  const d = data ?? {};
  if (d.version === "2.1.0" && Array.isArray(d.runs)) {
    const runs = d.runs;
    if (runs.length === 0 || runs.some((run2) => typeof run2?.tool?.driver?.name !== "string")) throw new UsageError(`${file.name}: SARIF log without a run naming its tool`);
    return { name: file.name, format: "sarif", log: data };
  }
  if (d.version === JSON_REPORT_VERSION && Array.isArray(d.findings) && d.tool?.name === "piiguard") return { name: file.name, format: "json", report: data };
  throw new UsageError(`${file.name}: not a piiguard JSON report (version ${JSON_REPORT_VERSION}) or SARIF 2.1.0 log`);
}
function sumStats(a, b) {
  const sum = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = sum[key];
    if (typeof value === "number") sum[key] = (typeof mine === "number" ? mine : 0) + value;
    else if (value !== null && typeof value === "object" && !Array.isArray(value)) sum[key] = sumStats(mine ?? {}, value);
    else if (!(key in sum)) sum[key] = value;
  }
  return sum;
}
function distinct(items) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => {
    const key = JSON.stringify(item);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
function mergeSuppressions(all) {
  const key = (u) => `${u.where}\0${u.detail}`;
  const unusedIn = all.map((s) => new Set(s.unused.map(key)));
  const unused = distinct(all.flatMap((s) => s.unused)).filter((u) => u.by === "inline" || unusedIn.every((set) => set.has(key(u))));
  const baselines = all.flatMap((s) => s.baseline !== void 0 ? [s.baseline] : []);
  return {
    counts: all.map((s) => s.counts).reduce(sumStats),
    unused,
    warnings: distinct(all.flatMap((s) => s.warnings)),
    ...baselines.length > 0 ? { baseline: { file: baselines[0].file, entries: baselines[0].entries, matched: baselines.reduce((n, b) => n + b.matched, 0), stale: baselines.flatMap((b) => b.stale) } } : {}
  };
}
function byString(key) {
  return (a, b) => key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}
function sameTool(tools) {
  const distinct2 = [...new Set(tools.map((t) => t.tool))];
  if (distinct2.length > 1) {
    throw new UsageError(`reports come from different tools or versions (${distinct2.join(", ")}): merge reports of one piiguard version`);
  }
}
function decodedPath(uri) {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}
function resultKey(r) {
  const loc = r.locations?.[0]?.physicalLocation;
  const up = Number(/^PARENT(\d+)$/.exec(loc?.artifactLocation?.uriBaseId ?? "")?.[1] ?? 0);
  return ["../".repeat(up) + decodedPath(loc?.artifactLocation?.uri ?? ""), loc?.region?.startLine ?? 0, loc?.region?.startColumn ?? 0, r.ruleId ?? ""];
}
function compareResults(a, b) {
  const [ua, la, ca, ra] = resultKey(a);
  const [ub, lb, cb, rb] = resultKey(b);
  if (ua !== ub) return ua < ub ? -1 : 1;
  return la - lb || ca - cb || (ra < rb ? -1 : ra > rb ? 1 : 0);
}
function mergeSarif(logs) {
  const runs = logs.flatMap(({ log }) => log.runs);
  sameTool(logs.flatMap(({ name, log }) => log.runs.map((run3) => ({ name, tool: `${run3.tool.driver.name} ${run3.tool.driver.version ?? ""}`.trim() }))));
  const first = runs[0];
  const rulesById = /* @__PURE__ */ new Map();
  for (const run3 of runs) for (const rule of run3.tool.driver.rules ?? []) if (!rulesById.has(rule.id)) rulesById.set(rule.id, rule);
  const rules = [...rulesById.values()].sort(byString((r) => r.id));
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = runs.flatMap(
    (run3) => (run3.results ?? []).map((r) => {
      const ruleId = r.ruleId ?? run3.tool.driver.rules?.[r.ruleIndex ?? -1]?.id ?? "";
      return { ...r, ruleId, ...ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {} };
    })
  ).sort(compareResults);
  const invocations = runs.flatMap((run3) => run3.invocations ?? []);
  const run2 = {
    ...first,
    tool: { ...first.tool, driver: { ...first.tool.driver, rules } },
    // A shard with no input outside the working directory has no PARENT bases (reporters/sarif.ts).
    originalUriBaseIds: Object.assign({}, ...runs.map((r) => r.originalUriBaseIds)),
    results,
    invocations: [
      {
        executionSuccessful: invocations.every((i) => i.executionSuccessful),
        // Config warnings repeat in every shard's report; an allowlist entry is unused only if no shard used it.
        toolExecutionNotifications: distinct(invocations.flatMap((i) => i.toolExecutionNotifications ?? [])).filter(
          (n) => n.properties?.[UNUSED_ALLOWLIST] !== true || invocations.every((i) => i.toolExecutionNotifications?.some((m) => m.message.text === n.message.text))
        )
      }
    ],
    properties: runs.map((r) => r.properties ?? {}).reduce(sumStats)
  };
  return { ...logs[0].log, runs: [run2] };
}
function mergeJson(reports) {
  sameTool(reports.map(({ name, report }) => ({ name, tool: `${report.tool.name} ${report.tool.version}` })));
  const summaries = reports.flatMap(({ report }) => report.suppressions !== void 0 ? [report.suppressions] : []);
  return {
    version: JSON_REPORT_VERSION,
    tool: reports[0].report.tool,
    findings: reports.flatMap(({ report }) => report.findings).sort(compareFindings),
    suppressed: reports.flatMap(({ report }) => report.suppressed ?? []).sort(compareFindings),
    ...summaries.length > 0 ? { suppressions: mergeSuppressions(summaries) } : {},
    skipped: reports.flatMap(({ report }) => report.skipped).sort(byString((s) => s.path)),
    errors: reports.flatMap(({ report }) => report.errors).sort(byString((e) => e.path)),
    stats: reports.map(({ report }) => report.stats).reduce(sumStats)
  };
}
function mergeReports(files) {
  if (files.length === 0) throw new UsageError("merge needs at least one report (see piiguard --help)");
  const parsed = files.map(parse);
  const formats = [...new Set(parsed.map((p) => p.format))];
  if (formats.length > 1) throw new UsageError(`cannot merge SARIF with JSON reports: ${parsed.map((p) => `${p.name} is ${p.format}`).join(", ")}`);
  if (formats[0] === "sarif") {
    const log = mergeSarif(parsed.flatMap((p) => p.format === "sarif" ? [p] : []));
    return { format: "sarif", text: JSON.stringify(log, null, 2) + "\n", findings: log.runs[0].results.filter((r) => r.suppressions === void 0).length };
  }
  const report = mergeJson(parsed.flatMap((p) => p.format === "json" ? [p] : []));
  return { format: "json", text: JSON.stringify(report, null, 2) + "\n", findings: report.findings.length };
}

// src/cli.ts
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
var HELP = `piiguard ${VERSION}: find personal data (PII) in source trees, fixtures, dumps and CI artifacts.

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
var OPTIONS = {
  format: { type: "string", short: "f" },
  output: { type: "string", short: "o" },
  config: { type: "string", short: "c" },
  "fail-on": { type: "string" },
  "max-file-size": { type: "string" },
  "min-confidence": { type: "string" },
  "stdin-name": { type: "string" },
  baseline: { type: "string" },
  "audit-log": { type: "string" },
  "findings-cap": { type: "string" },
  "follow-symlinks": { type: "boolean" },
  "max-archive-depth": { type: "string" },
  "max-expanded-bytes": { type: "string" },
  "max-compression-ratio": { type: "string" },
  "max-archive-members": { type: "string" },
  "on-archive-skip": { type: "string" },
  jobs: { type: "string", short: "j" },
  staged: { type: "boolean" },
  shard: { type: "string" },
  "no-color": { type: "boolean" },
  quiet: { type: "boolean", short: "q" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" }
};
function parse2(argv) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${err.message.split(". ")[0].replace(/\.$/, "")} (see piiguard --help)`);
  }
}
function optional(value, parser, label) {
  return value === void 0 ? void 0 : parser(value, label);
}
function configSearchStart(cwd, paths) {
  const only = paths.length === 1 && paths[0] !== "-" ? path.resolve(cwd, paths[0]) : void 0;
  return only !== void 0 && fs.existsSync(only) && fs.statSync(only).isDirectory() ? only : cwd;
}
function writeOutput(file, text, cwd) {
  const target = path.resolve(cwd, file);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(target, "w");
    try {
      for (const piece of typeof text === "string" ? [text] : text) fs.writeSync(fd, piece);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new UsageError(`--output ${file}: cannot write (${err.code ?? "error"})`);
  }
}
async function settingsFiles(positionals, values, io) {
  if (!values.staged) return DISK;
  if (positionals.length > 0) throw new UsageError("--staged scans what git has staged: give it no paths");
  const config = values.config !== void 0 ? [path.resolve(io.cwd, values.config)] : configCandidates(io.cwd);
  const baseline = values.baseline !== void 0 ? [path.resolve(io.cwd, values.baseline)] : [];
  return stagedSettings(io.cwd, [...config, ...baseline]);
}
async function scanFromFlags(positionals, values, io, capped, files, baseline) {
  const failOn = optional(values["fail-on"], parseFailOn, "--fail-on");
  const maxFileSize = optional(values["max-file-size"], parseWholeNumber, "--max-file-size");
  const jobs = optional(values.jobs, parseWholeNumber, "--jobs");
  const shard = optional(values.shard, parseShard, "--shard");
  const minConfidence = optional(values["min-confidence"], parseConfidence, "--min-confidence");
  const findingsCap = optional(values["findings-cap"], parseWholeNumber, "--findings-cap");
  const paths = positionals.length > 0 ? positionals : ["."];
  const useStdin = paths.includes("-");
  if (useStdin && paths.length > 1) throw new UsageError('"-" (stdin) cannot be combined with other paths');
  if (useStdin && shard !== void 0) throw new UsageError('--shard splits files: it cannot be used with stdin ("-")');
  const run2 = await runScan({
    cwd: io.cwd,
    paths,
    configFrom: configSearchStart(io.cwd, paths),
    ...values.config !== void 0 ? { configPath: path.resolve(io.cwd, values.config) } : {},
    settingsFiles: files,
    ...failOn !== void 0 ? { failOn } : {},
    ...maxFileSize !== void 0 ? { maxFileSize } : {},
    ...minConfidence !== void 0 ? { minConfidence } : {},
    archives: archiveOverrides((name) => values[name], (name) => `--${name}`),
    ...findingsCap !== void 0 ? { findingsCap } : {},
    ...values["follow-symlinks"] ? { followSymlinks: true } : {},
    ...useStdin ? { stdin: { stream: io.stdin, name: values["stdin-name"] ?? "stdin" } } : {},
    ...jobs !== void 0 ? { workers: jobs } : {},
    ...values.staged ? { staged: true } : {},
    ...shard !== void 0 ? { shard } : {},
    ...baseline !== void 0 ? { baseline } : {},
    capped
  });
  return { ...run2, paths };
}
function audit(values, io, input) {
  if (values["audit-log"] === void 0) return;
  const selection = { ...input, ...values.staged ? { targets: ["git index (--staged)"] } : {}, ...values.shard !== void 0 ? { shard: values.shard } : {} };
  appendAuditLog(values["audit-log"], io.cwd, auditRecord({ ...selection, cwd: io.cwd, env: io.env ?? {}, version: VERSION, now: /* @__PURE__ */ new Date() }));
}
async function scanCommand(positionals, values, io) {
  const reporter = parseFormat(values.format ?? "text", "--format");
  const files = await settingsFiles(positionals, values, io);
  const baseline = values.baseline !== void 0 ? readBaseline(values.baseline, io.cwd, files) : void 0;
  const capped = values.format !== "json" || values["findings-cap"] !== void 0;
  const { result: shown, config, failOn, code, paths } = await scanFromFlags(positionals, values, io, capped, files, baseline);
  const color = io.color && !values["no-color"];
  const quiet = values.quiet === true && code === EXIT.clean;
  const context = { cwd: io.cwd, sourceRoot: repositoryRoot(io.cwd) ?? io.cwd, version: VERSION, color: values.output === void 0 && color };
  const report = reporter === jsonReporter ? inBlocks(jsonReportPieces(shown, context)) : [reporter(shown, context)];
  if (values.output !== void 0) {
    writeOutput(values.output, report, io.cwd);
    if (!quiet) io.stdout(`${summaryLine(shown, color)} \u2192 ${values.output}
`);
  } else if (!quiet) {
    for (const piece of report) io.stdout(piece);
  }
  audit(values, io, {
    command: "scan",
    targets: paths,
    config,
    failOn,
    result: shown,
    exitCode: code,
    ...baseline !== void 0 ? { baseline: { file: baseline.file, digest: baseline.digest } } : {}
  });
  return code;
}
async function baselineCommand(positionals, values, io) {
  const output = values.output;
  if (output === void 0) throw new UsageError("piiguard baseline needs --output FILE (where to write the baseline)");
  if (values.baseline !== void 0) throw new UsageError("--baseline does not apply to piiguard baseline (a new baseline accepts every current finding)");
  if (positionals.includes("-")) throw new UsageError("piiguard baseline scans files, not stdin");
  const { result, config, failOn, paths } = await scanFromFlags(positionals, values, io, false, await settingsFiles(positionals, values, io));
  const exitCode = result.errors.length > 0 ? EXIT.error : EXIT.clean;
  if (exitCode === EXIT.error) {
    for (const e of result.errors) io.stderr(`piiguard: ${e.path}: ${e.message}
`);
    io.stderr(`piiguard: baseline not written: ${result.errors.length} input(s) could not be scanned
`);
  } else {
    writeOutput(output, formatBaseline(result.findings, VERSION), io.cwd);
    const s = result.stats;
    const extra = [s.skipped > 0 ? `${s.skipped} skipped` : "", s.suppressed > 0 ? `${s.suppressed} already suppressed` : ""].filter(Boolean);
    io.stdout(`piiguard baseline: ${s.findings} accepted finding${s.findings === 1 ? "" : "s"} \u2192 ${output} (scanned ${s.filesScanned} file${s.filesScanned === 1 ? "" : "s"}${extra.map((e) => `, ${e}`).join("")})
`);
  }
  audit(values, io, { command: "baseline", targets: paths, config, failOn, result, exitCode });
  return exitCode;
}
function mergeCommand(files, values, io) {
  const reports = files.map((name) => {
    try {
      return { name, text: fs.readFileSync(path.resolve(io.cwd, name), "utf8") };
    } catch (err) {
      throw new UsageError(`${name}: cannot read report (${err.code ?? "error"})`);
    }
  });
  const merged = mergeReports(reports);
  if (values.output === void 0) {
    io.stdout(merged.text);
  } else {
    writeOutput(values.output, merged.text, io.cwd);
    io.stdout(`merged ${files.length} ${merged.format.toUpperCase()} report${files.length === 1 ? "" : "s"}: ${merged.findings} finding${merged.findings === 1 ? "" : "s"} \u2192 ${values.output}
`);
  }
  return EXIT.clean;
}
function rulesCommand(values, io) {
  const config = loadConfig({ cwd: io.cwd, ...values.config !== void 0 ? { configPath: values.config } : {} });
  return loadRules({ settings: config.settings, extra: config.customRules, overrides: config.ruleOverrides }).then((rules) => {
    const width = Math.max(...rules.map((r) => r.id.length));
    for (const r of rules) io.stdout(`${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.spec.name}  [${r.spec.tags.join(", ")}]
`);
    return EXIT.clean;
  });
}
async function run(argv, io) {
  try {
    const { values, positionals } = parse2(argv);
    if (values.version) {
      io.stdout(`${VERSION}
`);
      return EXIT.clean;
    }
    const [command, ...rest] = positionals;
    if (values.help || command === void 0 || command === "help") {
      io.stdout(`${HELP}
`);
      return command === void 0 && !values.help ? EXIT.error : EXIT.clean;
    }
    if (command === "scan") return await scanCommand(rest, values, io);
    if (command === "baseline") return await baselineCommand(rest, values, io);
    if (command === "rules") return await rulesCommand(values, io);
    if (command === "merge") return mergeCommand(rest, values, io);
    throw new UsageError(`unknown command "${command}" (commands: scan, baseline, merge, rules; see piiguard --help)`);
  } catch (err) {
    if (err instanceof ConfigError) {
      for (const problem of err.problems) io.stderr(`piiguard: config error: ${problem}
`);
      return EXIT.error;
    }
    if (err instanceof UsageError) {
      io.stderr(`piiguard: ${err.message}
`);
      return EXIT.error;
    }
    io.stderr(`piiguard: internal error: ${err.message ?? String(err)} (please report this)
`);
    return EXIT.error;
  }
}

export {
  mergeReports,
  run
};
