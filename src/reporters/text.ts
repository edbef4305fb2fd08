// Human report for terminals: findings grouped by file, then skips, errors and a summary line.
import { createColors } from 'picocolors';
import type { ScanResult, Severity } from '../types.js';
import { aggregateNote } from '../findings-cap.js';
import type { Reporter } from './context.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export const textReporter: Reporter = (result, context) => {
  const c = createColors(context.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const names = new Map(result.rules.map((r) => [r.id, r.name]));
  const lines: string[] = [];
  let current: string | undefined;
  const idWidth = Math.max(0, ...result.findings.map((f) => f.ruleId.length));
  for (const f of result.findings) {
    if (f.path !== current) {
      if (current !== undefined) lines.push('');
      lines.push(c.underline(f.path));
      current = f.path;
    }
    const where = c.dim(`${f.line}:${f.column}`.padEnd(9));
    const note = aggregateNote(f);
    lines.push(`  ${where} ${paint[f.severity](f.severity.padEnd(7))} ${f.ruleId.padEnd(idWidth)}  ${f.masked}  ${c.dim(`${names.get(f.ruleId) ?? ''} (${f.confidence}: ${f.reason})`)}${note ? `  ${c.bold(`[${note}]`)}` : ''}`);
  }
  if (result.skipped.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold(`Skipped (${result.skipped.length}):`));
    for (const s of result.skipped) lines.push(`  ${s.path}  ${c.dim(`${s.reason}: ${s.detail}`)}`);
  }
  if (result.errors.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.red(c.bold(`Could not scan (${result.errors.length}):`)));
    for (const e of result.errors) lines.push(`  ${e.path}  ${e.message}`);
  }
  const { baseline, unused, warnings } = result.suppressions;
  if (baseline !== undefined) {
    if (lines.length > 0) lines.push('');
    const stale = baseline.stale.length > 0 ? c.yellow(`; ${baseline.stale.length} no longer match (stale: regenerate with piiguard baseline to prune)`) : '';
    lines.push(`${c.bold('Baseline')} ${baseline.file}: ${baseline.matched} of ${baseline.entries} ${baseline.entries === 1 ? 'entry' : 'entries'} matched${stale}`);
  }
  if (unused.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.bold(`Unused suppressions (${unused.length}):`));
    for (const u of unused) lines.push(`  ${u.where}  ${c.dim(u.detail)}`);
  }
  if (warnings.length > 0) {
    if (lines.length > 0) lines.push('');
    lines.push(c.yellow(c.bold(`Warnings (${warnings.length}):`)));
    for (const w of warnings) lines.push(`  ${w}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(result, context.color));
  return lines.join('\n') + '\n';
};

/** One line: verdict, counts, bytes, time. Also printed on its own when the report goes to a file. */
export function summaryLine(result: ScanResult, color: boolean): string {
  const c = createColors(color);
  const s = result.stats;
  const files = result.filesWithFindings;
  const severities = (['error', 'warning', 'info'] as const).filter((k) => s.bySeverity[k] > 0).map((k) => plural(s.bySeverity[k], k));
  const head =
    s.findings > 0
      ? c.red(c.bold(`✖ ${plural(s.findings, 'finding')} (${severities.join(', ')}) in ${plural(files, 'file')}`))
      : c.green(c.bold('✔ no PII found'));
  const tail = [`scanned ${plural(s.filesScanned, 'file')} (${formatBytes(s.bytesScanned)})`];
  if (s.suppressed > 0) {
    const counts = result.suppressions.counts;
    const by = (['inline', 'allowlist', 'baseline'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
    tail.push(`${s.suppressed} suppressed (${by.join(', ')})`);
  }
  if (s.skipped > 0) tail.push(`${s.skipped} skipped`);
  if (s.errors > 0) tail.push(c.red(`${s.errors} not scanned`));
  tail.push(`${(s.durationMs / 1000).toFixed(2)}s`);
  return `${head} ${c.dim('·')} ${tail.join(c.dim(' · '))}`;
}
