#!/usr/bin/env node
// npm run bench: piiguard against ripgrep on a generated corpus, side by side, plus the numbers the
// performance targets name (2 workers vs 1, peak RSS, pre-commit latency, 100 MiB vs 1 GiB) and the
// recall/precision against the corpus answer key. Plain Node, no dependencies.
//
//   npm run bench -- [--size MIB] [--runs N] [--corpus-root DIR] [--no-rg] [--no-linearity] [--no-jobs]
//                    [--no-latency] [--label TEXT] [--bin PATH] [--config FILE]
//
// --bin measures another build (e.g. a worktree of an older commit) against the same corpus;
// --config passes a .piiguard.json (e.g. one that keeps only some rules) to every piiguard run.
//
// The corpus lives outside the repository (default: $TMPDIR/piiguard-bench/corpus-<size>), because
// piiguard honours .gitignore and a corpus inside the repository would have to be ignored by git.
// Each run writes bench/results/<timestamp>.json and compares with the previous one.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RESULTS_DIR = path.join(ROOT, 'bench', 'results');
const GENERATOR = process.env.PIIGUARD_CORPUS_GENERATOR ?? path.resolve(ROOT, '..', 'shared', 'bench', 'gen-corpus.mjs');
const MiB = 1024 * 1024;
const TIME = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

// What ripgrep searches for: an equivalent of each rule piiguard runs (`piiguard rules` lists them),
// written for ripgrep's engine (no lookaround or backreference: those become plain classes; ASCII
// classes and word boundaries like ours). rg counts raw matches; piiguard also validates and rates.
const B = '(?-u:\\b)';
const DAY = '(?:0?[1-9]|[12][0-9]|3[01])';
const MONTH_NAME = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}';
const OCTET = '(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])';
const RG_EQUIVALENTS = {
  email: '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,24}',
  'us-ssn': `${B}[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}${B}`,
  'payment-card': `${B}[0-9](?:[ -]?[0-9]){11,18}${B}`,
  phone: '(?:\\+[0-9]{7,15}|\\(?[0-9]{3}\\)?[ .-][0-9]{3}[ .-][0-9]{4})',
  'ca-sin': `${B}[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{3}${B}`,
  'date-of-birth': `${B}(?:(?:19|20)[0-9]{2}[-/.](?:0?[1-9]|1[0-2])[-/.]${DAY}|${DAY}[-/.]${DAY}[-/.](?:19|20)[0-9]{2}|${DAY}\\.? ${MONTH_NAME}\\.?,? (?:19|20)[0-9]{2}|${MONTH_NAME}\\.? ${DAY},? (?:19|20)[0-9]{2})${B}`,
  iban: `${B}[A-Z]{2}[0-9]{2}(?:[A-Z0-9]{11,30}|(?: [A-Z0-9]{4}){2,7}(?: [A-Z0-9]{1,4})?)${B}`,
  'in-aadhaar': `${B}[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}${B}`,
  'ip-address': `${B}(?:${OCTET}\\.){3}${OCTET}${B}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){1,6}`,
  passport: `${B}[A-Z0-9]{8,9}${B}`,
  'uk-nhs': `${B}[0-9]{3}[ -]?[0-9]{3}[ -]?[0-9]{4}${B}`,
  'uk-nino': `${B}[A-Z]{2}(?:[0-9]{6}| [0-9]{2} [0-9]{2} [0-9]{2} )[A-D]${B}`,
  'us-itin': `${B}9[0-9]{2}[ -]?[0-9]{2}[ -]?[0-9]{4}${B}`,
};
const KIND_OF_RULE = { email: 'email', 'us-ssn': 'ssn', 'payment-card': 'card', phone: 'phone' };
const KINDS = ['email', 'ssn', 'card', 'phone'];

function parseArgs(argv) {
  const opt = { bin: path.join(ROOT, 'dist', 'bin.js'), config: undefined, size: 1024, runs: 3, corpusRoot: path.join(os.tmpdir(), 'piiguard-bench'), rg: true, linearity: true, jobs: true, latency: true, label: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--size') opt.size = Number(argv[++i]);
    else if (a === '--runs') opt.runs = Number(argv[++i]);
    else if (a === '--corpus-root') opt.corpusRoot = path.resolve(argv[++i]);
    else if (a === '--label') opt.label = argv[++i];
    else if (a === '--bin') opt.bin = path.resolve(argv[++i]);
    else if (a === '--config') opt.config = path.resolve(argv[++i]);
    else if (a === '--no-rg') opt.rg = false;
    else if (a === '--no-linearity') opt.linearity = false;
    else if (a === '--no-jobs') opt.jobs = false;
    else if (a === '--no-latency') opt.latency = false;
    else throw new Error(`unknown option ${a} (see the header of bench/run.mjs)`);
  }
  if (!(opt.size > 0) || !(opt.runs >= 1)) throw new Error('--size and --runs must be positive');
  return opt;
}

function ensureCorpus(root, size) {
  const dir = path.join(root, `corpus-${size}`);
  const manifest = `${dir}.manifest.json`;
  if (!fs.existsSync(manifest)) {
    if (!fs.existsSync(GENERATOR)) throw new Error(`corpus generator not found at ${GENERATOR} (set PIIGUARD_CORPUS_GENERATOR)`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true });
    console.log(`generating ${size} MiB corpus in ${dir} …`);
    const gen = spawnSync(process.execPath, [GENERATOR, dir, String(size)], { stdio: 'inherit' });
    if (gen.status !== 0) throw new Error('corpus generation failed');
  }
  const key = JSON.parse(fs.readFileSync(manifest, 'utf8'));
  return { dir, key, bytes: key.totals.bytes };
}

/** Peak RSS of a running process, by polling /proc (when /usr/bin/time is not installed). */
function pollPeakRss(pid) {
  let peak = 0;
  const read = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) peak = Math.max(peak, Number(m[1]) * 1024);
    } catch {
      // exited
    }
  };
  const timer = setInterval(read, 20);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

/** Runs a command; resolves wall time (ms), peak RSS (bytes), CPU seconds (user + system, with /usr/bin/time), exit code and stdout. */
function measure(cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const rssFile = TIME ? path.join(os.tmpdir(), `piiguard-bench-rss-${process.pid}`) : undefined;
    const [file, argv] = TIME ? [TIME, ['-f', '%M %U %S', '-o', rssFile, cmd, ...args]] : [cmd, args];
    const started = process.hrtime.bigint();
    const child = spawn(file, argv, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const stopPolling = TIME ? () => 0 : pollPeakRss(child.pid);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let rss = stopPolling();
      let cpu;
      if (rssFile) {
        const [kb, user, system] = fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1).split(' ').map(Number);
        rss = kb * 1024;
        cpu = user + system;
        fs.rmSync(rssFile, { force: true });
      }
      resolve({ ms, rss, cpu, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The JSON report lists every finding by default; on a 1 GiB corpus with all rules that is millions.
// A cap keeps the report (and the memory measured) what a CI run would produce; aggregates carry counts.
const FINDINGS_CAP = '1000';

function piiguardArgs(opt, dir, output, jobs, config = opt.config, cap = FINDINGS_CAP) {
  return [opt.bin, 'scan', dir, '--format', 'json', '--output', output, '--fail-on', 'never', '--findings-cap', cap, ...(config ? ['--config', config] : []), ...(jobs ? ['--jobs', String(jobs)] : [])];
}

/**
 * A config keeping only the rules of the answer key's four kinds: the accuracy run lists every one of
 * their findings per file (a capped report of all rules folds most of them into aggregates).
 */
function keyRulesConfig() {
  const ids = fs.readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.json') && f !== 'rule.schema.json').map((f) => f.slice(0, -5));
  const file = path.join(os.tmpdir(), `piiguard-bench-key-rules-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify({ rules: Object.fromEntries(ids.filter((id) => !(id in KIND_OF_RULE)).map((id) => [id, { enabled: false }])) }));
  return file;
}

async function runPiiguard(opt, corpus, jobs, accuracy = false) {
  const output = path.join(os.tmpdir(), `piiguard-bench-report-${process.pid}.json`);
  const config = accuracy ? keyRulesConfig() : opt.config;
  const args = piiguardArgs(opt, path.basename(corpus.dir), output, jobs, config, accuracy ? '0' : FINDINGS_CAP);
  const r = await measure(process.execPath, args, { cwd: path.dirname(corpus.dir) });
  if (accuracy) fs.rmSync(config, { force: true });
  if (r.code !== 0) throw new Error(`piiguard exited ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
  const report = JSON.parse(fs.readFileSync(output, 'utf8'));
  fs.rmSync(output, { force: true });
  return { ms: r.ms, rss: r.rss, cpu: r.cpu, report };
}

/** The rules a piiguard run applies (with --config, as configured). */
function rulesInEffect(opt) {
  const res = spawnSync(process.execPath, [opt.bin, 'rules', ...(opt.config ? ['--config', opt.config] : [])], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`piiguard rules failed: ${res.stderr.trim().split('\n')[0]}`);
  return res.stdout.split('\n').map((line) => line.split(/\s+/)[0]).filter(Boolean);
}

async function runRg(corpus, ruleIds) {
  const patterns = ruleIds.map((id) => RG_EQUIVALENTS[id]).filter(Boolean);
  const args = ['-j2', '--no-ignore', '--hidden', '--count-matches', '--no-filename', ...patterns.flatMap((p) => ['-e', p]), path.basename(corpus.dir)];
  const r = await measure('rg', args, { cwd: path.dirname(corpus.dir) });
  if (r.code !== 0 && r.code !== 1) throw new Error(`rg exited ${r.code}: ${r.stderr.trim().split('\n')[0]}`);
  const matches = r.stdout.split('\n').reduce((n, line) => n + (Number(line) || 0), 0);
  return { ms: r.ms, rss: r.rss, cpu: r.cpu, matches };
}

function hasRipgrep() {
  return spawnSync('rg', ['--version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Found vs planted per kind, per file: a finding beyond a file's planted count of its kind is a
 * false positive (the key plants decoys, which must not be found, and counts real values per file).
 */
function accuracy(report, corpus) {
  const prefix = `${path.basename(corpus.dir)}/`;
  const found = new Map();
  for (const f of report.findings) {
    const kind = KIND_OF_RULE[f.ruleId];
    if (kind === undefined) continue;
    const rel = f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    const counts = found.get(rel) ?? Object.fromEntries(KINDS.map((k) => [k, 0]));
    counts[kind] += f.aggregate?.count ?? 1;
    found.set(rel, counts);
  }
  const byKind = Object.fromEntries(KINDS.map((k) => [k, { planted: 0, found: 0, extra: 0 }]));
  for (const file of corpus.key.files) {
    const counts = found.get(file.path);
    for (const k of KINDS) {
      const planted = file.pii[k];
      const got = counts?.[k] ?? 0;
      byKind[k].planted += planted;
      byKind[k].found += Math.min(planted, got);
      byKind[k].extra += Math.max(0, got - planted);
    }
  }
  return byKind;
}

/** Several measured runs of one scenario; the medians. */
async function repeat(runs, fn) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await fn(i));
  return samples;
}

function throughput(corpus, samples) {
  const ms = median(samples.map((s) => s.ms));
  const cpu = samples.every((s) => s.cpu !== undefined) ? median(samples.map((s) => s.cpu)) : undefined;
  return { mbps: corpus.bytes / MiB / (ms / 1000), ms, cpu, rss: Math.max(...samples.map((s) => s.rss)), samplesMs: samples.map((s) => Math.round(s.ms)) };
}

/** Side by side: piiguard and rg alternate so that background load hits both alike. */
async function throughputPair(corpus, opt, withRg, ruleIds) {
  console.log(`\n${path.basename(corpus.dir)}: ${(corpus.bytes / MiB).toFixed(0)} MiB, ${corpus.key.totals.files} files; warm-up (the answer key's four rules, every finding listed, for recall) …`);
  const warm = await runPiiguard(opt, corpus, undefined, true);
  if (withRg) await runRg(corpus, ruleIds);
  const pg = [];
  const rg = [];
  for (let i = 0; i < opt.runs; i++) {
    const p = await runPiiguard(opt, corpus);
    pg.push(p);
    process.stdout.write(`  run ${i + 1}/${opt.runs}: piiguard ${(p.ms / 1000).toFixed(2)} s`);
    if (withRg) {
      const r = await runRg(corpus, ruleIds);
      rg.push(r);
      process.stdout.write(`, rg -j2 ${(r.ms / 1000).toFixed(2)} s`);
    }
    process.stdout.write('\n');
  }
  return { piiguard: throughput(corpus, pg), rg: withRg ? { ...throughput(corpus, rg), matches: rg[0].matches } : undefined, report: warm.report };
}

async function jobsScaling(corpus, opt) {
  console.log('\nworkers: --jobs 1 vs --jobs 2 …');
  const one = [];
  const two = [];
  for (let i = 0; i < opt.runs; i++) {
    one.push(await runPiiguard(opt, corpus, 1));
    two.push(await runPiiguard(opt, corpus, 2));
    console.log(`  run ${i + 1}/${opt.runs}: 1 worker ${(one.at(-1).ms / 1000).toFixed(2)} s, 2 workers ${(two.at(-1).ms / 1000).toFixed(2)} s`);
  }
  const j1 = throughput(corpus, one);
  const j2 = throughput(corpus, two);
  return { jobs1: j1, jobs2: j2, speedup: j1.ms / j2.ms };
}

/** Five small files of the corpus, named on the command line as a pre-commit hook does. */
async function precommitLatency(opt, corpus) {
  const small = corpus.key.files
    .filter((f) => f.bytes <= 16 * 1024)
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .slice(0, 5);
  const args = [opt.bin, 'scan', ...small.map((f) => path.join(path.basename(corpus.dir), f.path)), '--fail-on', 'never', '--quiet', ...(opt.config ? ['--config', opt.config] : [])];
  await measure(process.execPath, args, { cwd: path.dirname(corpus.dir) });
  const samples = await repeat(9, () => measure(process.execPath, args, { cwd: path.dirname(corpus.dir) }));
  return { files: small.length, bytes: small.reduce((n, f) => n + f.bytes, 0), ms: median(samples.map((s) => s.ms)), rss: Math.max(...samples.map((s) => s.rss)) };
}

const fmtMb = (x) => `${x.toFixed(1)} MiB/s`;
const fmtRss = (b) => `${(b / MiB).toFixed(0)} MB`;

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}

function previousResult() {
  if (!fs.existsSync(RESULTS_DIR)) return undefined;
  const files = fs.readdirSync(RESULTS_DIR).filter((f) => f.endsWith('.json')).sort();
  return files.length ? { file: files.at(-1), data: JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, files.at(-1)), 'utf8')) } : undefined;
}

function delta(now, before) {
  if (before === undefined || now === undefined) return '';
  const pct = ((now - before) / before) * 100;
  return ` (${pct >= 0 ? '+' : ''}${pct.toFixed(0)}% vs previous)`;
}

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(opt.bin)) throw new Error(`${opt.bin} is missing: run npm run build first`);
  const withRg = opt.rg && hasRipgrep();
  if (opt.rg && !withRg) console.log('ripgrep (rg) is not installed: skipping the rg column (apt-get install ripgrep).');

  const corpus = ensureCorpus(opt.corpusRoot, opt.size);
  const result = {
    date: new Date().toISOString(),
    label: opt.label,
    machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', memGiB: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}` },
    bin: opt.bin,
    config: opt.config,
    runs: opt.runs,
  };

  const ruleIds = rulesInEffect(opt);
  const rgRules = ruleIds.filter((id) => id in RG_EQUIVALENTS);
  const noEquivalent = ruleIds.filter((id) => !(id in RG_EQUIVALENTS));
  result.rules = ruleIds;
  if (withRg) result.rgRules = rgRules;
  const main = await throughputPair(corpus, opt, withRg, ruleIds);
  result.main = { size: opt.size, bytes: corpus.bytes, piiguard: main.piiguard, rg: main.rg, ratio: main.rg ? main.piiguard.mbps / main.rg.mbps : undefined };
  result.accuracy = accuracy(main.report, corpus);

  if (opt.linearity && opt.size !== 100) {
    const small = ensureCorpus(opt.corpusRoot, 100);
    const pair = await throughputPair(small, opt, withRg, ruleIds);
    result.linearity = { size: 100, bytes: small.bytes, piiguard: pair.piiguard, rg: pair.rg, ratio: pair.rg ? pair.piiguard.mbps / pair.rg.mbps : undefined };
  }
  if (opt.jobs) result.jobs = await jobsScaling(corpus, opt);
  if (opt.latency) result.precommit = await precommitLatency(opt, corpus);

  const prev = previousResult();
  const p = prev?.data;
  const rows = [['tool', 'corpus', 'MiB/s', 'median s', 'CPU s', 'peak RSS', 'ratio']];
  const add = (tool, block, t, ratio) => rows.push([tool, `${block.size} MiB`, fmtMb(t.mbps), (t.ms / 1000).toFixed(2), t.cpu === undefined ? '-' : t.cpu.toFixed(1), fmtRss(t.rss), ratio === undefined ? '' : ratio.toFixed(2)]);
  for (const block of [result.main, result.linearity].filter(Boolean)) {
    add(`piiguard, ${ruleIds.length} rules`, block, block.piiguard, block.ratio);
    if (block.rg) add(`rg -j2, ${rgRules.length} patterns`, block, block.rg, 1);
  }
  if (result.jobs) {
    add('piiguard --jobs 1', result.main, result.jobs.jobs1, undefined);
    add('piiguard --jobs 2', result.main, result.jobs.jobs2, result.jobs.speedup);
  }
  console.log(`\nmachine: ${result.machine.cpus} cores (${result.machine.cpuModel}), ${result.machine.memGiB} GiB RAM, Node ${result.machine.node}`);
  console.log(`${table(rows)}\n`);
  console.log('ratio: piiguard ÷ rg -j2 throughput; for --jobs 2, speed-up over --jobs 1. CPU s: user + system seconds of the process (all threads), median');
  if (result.precommit) console.log(`pre-commit: ${result.precommit.files} small files (${result.precommit.bytes} B), median ${result.precommit.ms.toFixed(0)} ms wall incl. process start, peak RSS ${fmtRss(result.precommit.rss)}`);
  if (main.rg) console.log(`rg -j2 searched an equivalent of each rule (${rgRules.join(', ')}) and counted ${main.rg.matches} raw matches (no validation)`);
  if (main.rg && noEquivalent.length > 0) console.log(`rg has no equivalent of ${noEquivalent.join(', ')}: the comparison leaves them out on its side`);
  console.log('\nrecall and precision against the answer key (per file and kind; "extra" = found beyond what was planted):');
  const acc = [['kind', 'planted', 'found', 'recall', 'extra']];
  for (const k of KINDS) {
    const a = result.accuracy[k];
    acc.push([k, a.planted, a.found, `${((a.found / Math.max(1, a.planted)) * 100).toFixed(1)}%`, a.extra]);
  }
  console.log(table(acc));

  if (p) {
    console.log(`\ncompared with ${prev.file}${p.label ? ` (${p.label})` : ''}:`);
    console.log(`  piiguard ${fmtMb(result.main.piiguard.mbps)}${delta(result.main.piiguard.mbps, p.main?.piiguard?.mbps)}, ratio ${result.main.ratio?.toFixed(2) ?? '-'} (was ${p.main?.ratio?.toFixed(2) ?? '-'})`);
    console.log(`  peak RSS ${fmtRss(result.main.piiguard.rss)}${delta(result.main.piiguard.rss, p.main?.piiguard?.rss)}`);
    if (result.precommit && p.precommit) console.log(`  pre-commit ${result.precommit.ms.toFixed(0)} ms${delta(result.precommit.ms, p.precommit.ms)}`);
    for (const k of KINDS) {
      const now = result.accuracy[k];
      const was = p.accuracy?.[k];
      if (was && (was.found !== now.found || was.extra !== now.extra)) console.log(`  ${k}: found ${was.found} → ${now.found}, extra ${was.extra} → ${now.extra}`);
    }
  }
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const out = path.join(RESULTS_DIR, `${result.date.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nresults: ${path.relative(process.cwd(), out)}`);
}

main().catch((err) => {
  console.error(`bench: ${err.message}`);
  process.exitCode = 2;
});
