// `npm run eval`: writes the labeled corpus to a temporary folder, scans it with the real scanner
// (library scan(), default configuration), and scores findings against labels by file and exact
// line/column span. Prints precision, recall and F1 per kind and overall, then the most frequent
// misses and false positives, masked. `--corpus DIR` also scores a gen-corpus.mjs folder against its
// manifest (per-file counts; that generator records no positions).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { maskerFor } from '../src/redact.js';
import { scan } from '../src/scan.js';
import type { Finding } from '../src/types.js';
import { KINDS, generateDocs, type Doc, type Label } from './generate.js';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

interface Group {
  count: number;
  example: string;
}

const { values: args } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    scale: { type: 'string', default: '1' },
    keep: { type: 'string' },
    corpus: { type: 'string' },
    top: { type: 'string', default: '12' },
    cli: { type: 'boolean', default: false },
  },
});

/**
 * Findings for a folder with default settings: from the library's scan(), or with --cli from the
 * built CLI's JSON report (`npm run build` first), as a user or an external benchmark would get them.
 */
async function findingsOf(dir: string): Promise<{ findings: Finding[] }> {
  if (!args.cli) return scan({ cwd: dir, paths: ['.'], config: loadConfig({ cwd: dir }) });
  const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
  const run = spawnSync(process.execPath, [bin, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) throw new Error(`piiguard exited ${run.status}: ${run.stderr.trim()}`);
  return JSON.parse(run.stdout) as { findings: Finding[] };
}

function position(text: string, offset: number, lineStarts: number[]): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
}

function spanKey(p: string, a: { line: number; column: number }, b: { line: number; column: number }): string {
  return `${p}:${a.line}:${a.column}-${b.line}:${b.column}`;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function table(tallies: Map<string, Tally>, title: string): string {
  const lines = [title, `${'kind'.padEnd(16)} ${'labels'.padStart(7)} ${'found'.padStart(7)} ${'TP'.padStart(6)} ${'FP'.padStart(6)} ${'FN'.padStart(6)}  precision  recall     F1`];
  const total: Tally = { tp: 0, fp: 0, fn: 0 };
  const row = (name: string, t: Tally) => {
    const p = ratio(t.tp, t.tp + t.fp);
    const r = ratio(t.tp, t.tp + t.fn);
    return `${name.padEnd(16)} ${String(t.tp + t.fn).padStart(7)} ${String(t.tp + t.fp).padStart(7)} ${String(t.tp).padStart(6)} ${String(t.fp).padStart(6)} ${String(t.fn).padStart(6)}  ${p.toFixed(4).padStart(9)}  ${r.toFixed(4).padStart(6)}  ${f1(p, r).toFixed(4)}`;
  };
  for (const [kind, t] of [...tallies].sort()) {
    lines.push(row(kind, t));
    total.tp += t.tp;
    total.fp += t.fp;
    total.fn += t.fn;
  }
  lines.push(row('overall', total));
  return lines.join('\n');
}

function worst(groups: Map<string, Group>, title: string, top: number): string {
  const sorted = [...groups].sort((a, b) => b[1].count - a[1].count).slice(0, top);
  if (sorted.length === 0) return `${title}: none`;
  return [`${title}:`, ...sorted.map(([key, g]) => `  ${String(g.count).padStart(5)} × ${key}   e.g. ${g.example}`)].join('\n');
}

function bump(groups: Map<string, Group>, key: string, example: string): void {
  const g = groups.get(key);
  if (g) g.count++;
  else groups.set(key, { count: 1, example });
}

function formatOf(p: string): string {
  return path.extname(p).slice(1) || path.basename(p);
}

async function scoreGenerated(): Promise<void> {
  const docs: Doc[] = generateDocs(Number(args.seed), Number(args.scale));
  const dir = args.keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'piiguard-eval-'));
  fs.mkdirSync(dir, { recursive: true });
  for (const doc of docs) {
    fs.mkdirSync(path.join(dir, path.dirname(doc.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, doc.path), doc.text);
  }
  try {
    const result = await findingsOf(dir);
    const tallies = new Map<string, Tally>(KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0 }]));
    const tally = (kind: string) => tallies.get(kind) ?? tallies.set(kind, { tp: 0, fp: 0, fn: 0 }).get(kind)!;
    const labels = new Map<string, { label: Label; doc: Doc }>();
    const byLine = new Map<string, Label[]>();
    for (const doc of docs) {
      const starts = [0];
      for (let i = doc.text.indexOf('\n'); i !== -1; i = doc.text.indexOf('\n', i + 1)) starts.push(i + 1);
      for (const label of doc.labels) {
        const a = position(doc.text, label.start, starts);
        const b = position(doc.text, label.end, starts);
        labels.set(spanKey(doc.path, a, b), { label, doc });
        const lineKey = `${doc.path}:${a.line}`;
        byLine.set(lineKey, [...(byLine.get(lineKey) ?? []), label]);
      }
    }
    const matched = new Set<string>();
    const misses = new Map<string, Group>();
    const falsePositives = new Map<string, Group>();
    const where = (f: Finding) => `${f.path}:${f.line}:${f.column}`;
    for (const f of result.findings) {
      const key = spanKey(f.path, { line: f.line, column: f.column }, { line: f.endLine, column: f.endColumn });
      const hit = labels.get(key);
      if (hit && hit.label.kind === f.ruleId) {
        tally(f.ruleId).tp++;
        matched.add(key);
        continue;
      }
      tally(f.ruleId).fp++;
      const labeled = hit ? ` (labeled ${hit.label.kind})` : (byLine.get(`${f.path}:${f.line}`) ?? []).length > 0 ? ' (line has labels)' : '';
      const reason = (f as Finding & { reason?: string }).reason;
      bump(falsePositives, `${f.ruleId} in ${formatOf(f.path)}${reason ? ` [${reason}]` : ''}${labeled}`, `${where(f)} ${f.masked}`);
    }
    for (const [key, { label, doc }] of labels) {
      if (matched.has(key)) continue;
      tally(label.kind).fn++;
      const value = doc.text.slice(label.start, label.end);
      const masked = maskerFor(label.kind === 'email' ? 'email' : 'last4')(value);
      bump(misses, `${label.kind} in ${label.where}`, `${key.slice(0, key.lastIndexOf('-'))} ${masked}`);
    }
    const top = Number(args.top);
    console.log(`piiguard eval: seed ${args.seed}, scale ${args.scale}: ${docs.length} documents, ${labels.size} labeled values, ${result.findings.length} findings${args.keep ? ` (corpus kept in ${dir})` : ''}\n`);
    console.log(table(tallies, 'Labeled corpus (exact file + line/column span):'));
    console.log(`\n${worst(misses, 'Most frequent misses', top)}\n\n${worst(falsePositives, 'Most frequent false positives', top)}`);
  } finally {
    if (!args.keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

// gen-corpus.mjs kinds → rule ids.
const BENCH_KINDS: Record<string, string> = { email: 'email', phone: 'phone', ssn: 'us-ssn', card: 'payment-card' };

async function scoreBenchCorpus(dir: string): Promise<void> {
  const manifestFile = `${path.resolve(dir)}.manifest.json`;
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { files: Array<{ path: string; pii: Record<string, number> }> };
  const result = await findingsOf(dir);
  const found = new Map<string, number>();
  const other = new Map<string, number>();
  for (const f of result.findings) {
    if (Object.values(BENCH_KINDS).includes(f.ruleId)) found.set(`${f.path}\0${f.ruleId}`, (found.get(`${f.path}\0${f.ruleId}`) ?? 0) + 1);
    else other.set(f.ruleId, (other.get(f.ruleId) ?? 0) + 1);
  }
  const tallies = new Map<string, Tally>();
  for (const file of manifest.files) {
    for (const [kind, ruleId] of Object.entries(BENCH_KINDS)) {
      const planted = file.pii[kind] ?? 0;
      const got = found.get(`${file.path}\0${ruleId}`) ?? 0;
      const t = tallies.get(ruleId) ?? tallies.set(ruleId, { tp: 0, fp: 0, fn: 0 }).get(ruleId)!;
      t.tp += Math.min(planted, got);
      t.fp += Math.max(0, got - planted);
      t.fn += Math.max(0, planted - got);
    }
  }
  console.log(`\n${table(tallies, `gen-corpus reference ${dir} (per-file counts against ${path.basename(manifestFile)}; no positions):`)}`);
  if (other.size > 0) console.log(`  kinds the manifest does not label: ${[...other].map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

await scoreGenerated();
if (args.corpus) await scoreBenchCorpus(args.corpus);
