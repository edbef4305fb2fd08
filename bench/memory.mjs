#!/usr/bin/env node
// npm run bench:memory: peak RSS of scanning one generated SQL dump of SIZE MiB (default 2048) that is
// a single line (a mysqldump with its newlines turned into spaces: real rows, no line break at all),
// as a file and through stdin. Target: under 300 MB, flat whatever the size. A script, not a unit
// test: it needs minutes and gigabytes of disk.
//
//   npm run bench:memory -- [--size MIB] [--corpus-root DIR] [--gzip] [--bin PATH]
//
// --bin measures another build (default: dist/bin.js of this checkout).
//
// The dump is generated once by ../shared/bench/gen-corpus.mjs (PIIGUARD_CORPUS_GENERATOR overrides)
// and kept outside the repository: $TMPDIR/piiguard-bench/memory-<size>/one-line.sql.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const GENERATOR = process.env.PIIGUARD_CORPUS_GENERATOR ?? path.resolve(ROOT, '..', 'shared', 'bench', 'gen-corpus.mjs');
const PRELOAD = path.join(ROOT, 'bench', 'rss-on-exit.mjs');
const TARGET_MB = 300;
const MiB = 1024 * 1024;

function options(argv) {
  const opt = { size: 2048, corpusRoot: path.join(os.tmpdir(), 'piiguard-bench'), gzip: false, bin: path.join(ROOT, 'dist', 'bin.js') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--size') opt.size = Number(argv[++i]);
    else if (argv[i] === '--corpus-root') opt.corpusRoot = argv[++i];
    else if (argv[i] === '--gzip') opt.gzip = true;
    else if (argv[i] === '--bin') opt.bin = path.resolve(argv[++i]);
    else throw new Error(`unknown option ${argv[i]} (see the header of bench/memory.mjs)`);
  }
  return opt;
}

function generate(opt) {
  const dir = path.join(opt.corpusRoot, `memory-${opt.size}`);
  const dump = path.join(dir, 'mysqldump.sql');
  const file = path.join(dir, 'one-line.sql');
  if (!fs.existsSync(dump)) {
    console.log(`generating ${dump} (${opt.size} MiB)…`);
    const res = spawnSync(process.execPath, [GENERATOR, dir, String(opt.size), '--single', 'mysqldump', '--line-mb', String(opt.size)], { stdio: 'inherit' });
    if (res.status !== 0) throw new Error(`corpus generator failed (${GENERATOR})`);
  }
  if (!fs.existsSync(file)) oneLine(dump, file);
  return { file, bytes: fs.statSync(file).size };
}

/** Copies `from` to `to` with every newline turned into a space. */
function oneLine(from, to) {
  const input = fs.openSync(from, 'r');
  const output = fs.openSync(`${to}.partial`, 'w');
  const buf = Buffer.alloc(4 * MiB);
  for (let n; (n = fs.readSync(input, buf)) > 0; ) {
    for (let i = buf.indexOf(10); i !== -1 && i < n; i = buf.indexOf(10, i + 1)) buf[i] = 0x20;
    fs.writeSync(output, buf, 0, n);
  }
  fs.closeSync(input);
  fs.closeSync(output);
  fs.renameSync(`${to}.partial`, to);
}

/** Runs the CLI with the RSS preload; `stdinFile` is piped to it. Resolves peak RSS, time, stats. */
function measure(bin, args, stdinFile) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--import', PRELOAD, bin, 'scan', ...args, '--format', 'json'], { stdio: [stdinFile ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (stdinFile) fs.createReadStream(stdinFile).pipe(child.stdin);
    const out = [];
    const err = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const kb = Number(/piiguard-peak-rss-kb (\d+)/.exec(stderr)?.[1]);
      const report = JSON.parse(Buffer.concat(out).toString('utf8'));
      resolve({ code, seconds: Number(process.hrtime.bigint() - started) / 1e9, rssMb: (kb * 1024) / 1e6, stats: report.stats });
    });
  });
}

const opt = options(process.argv.slice(2));
const dump = generate(opt);
console.log(`input: ${dump.file}: ${(dump.bytes / MiB).toFixed(0)} MiB, one line, no newline`);
const runs = [
  ['file', [dump.file]],
  ['stdin', ['-', '--stdin-name', 'one-line.sql'], dump.file],
];
if (opt.gzip) {
  const gz = `${dump.file}.gz`;
  if (!fs.existsSync(gz)) spawnSync(process.execPath, [GENERATOR, '--gzip', dump.file, gz], { stdio: 'inherit' });
  runs.push(['gzip file', [gz]]);
}
let worst = 0;
console.log('\ninput      exit  seconds  MiB/s  findings   peak RSS');
for (const [label, args, stdinFile] of runs) {
  const r = await measure(opt.bin, args, stdinFile);
  worst = Math.max(worst, r.rssMb);
  const mibs = r.stats.bytesScanned / MiB / r.seconds;
  console.log(`${label.padEnd(10)} ${String(r.code).padStart(4)}  ${r.seconds.toFixed(1).padStart(7)}  ${mibs.toFixed(1).padStart(5)}  ${String(r.stats.findings).padStart(8)}  ${r.rssMb.toFixed(0).padStart(6)} MB`);
}
console.log(`\npeak RSS ${worst.toFixed(0)} MB: ${worst < TARGET_MB ? 'under' : 'OVER'} the ${TARGET_MB} MB target (${os.cpus().length} cores, Node ${process.version})`);
process.exitCode = worst < TARGET_MB ? 0 : 1;
