// Markdown report for GitHub job summaries and pull-request comments: verdict line, counts per rule
// and per file, the findings (masked), skipped inputs and errors. Long lists are cut so the summary
// stays far below GitHub's 1 MiB limit; the SARIF report has everything.
import { aggregateNote, findingCount, LISTED_BUDGET } from '../findings-cap.js';
import type { ScanResult } from '../types.js';
import type { Reporter } from './context.js';
import { summaryLine } from './text.js';

export const MARKDOWN_ROW_LIMIT = 500;

/** A table cell that shows `text` literally: a code span whose fence outruns any backticks inside. */
function code(text: string): string {
  const flat = text.replace(/\r?\n|\r/g, '⏎');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  // GFM splits table cells on `|` even inside code spans.
  return `${fence}${pad}${flat.replace(/\|/g, '\\|')}${pad}${fence}`;
}

function table(head: string[], rows: string[][], align: Array<'l' | 'r'>, noun: string): string[] {
  const lines = [`| ${head.join(' | ')} |`, `| ${align.map((a) => (a === 'r' ? '---:' : '---')).join(' | ')} |`];
  for (const row of rows.slice(0, MARKDOWN_ROW_LIMIT)) lines.push(`| ${row.join(' | ')} |`);
  if (rows.length > MARKDOWN_ROW_LIMIT) lines.push('', `… and ${rows.length - MARKDOWN_ROW_LIMIT} more ${noun}: see the SARIF or JSON report.`);
  return lines;
}

export const markdownReporter: Reporter = (result) => {
  const names = new Map(result.rules.map((r) => [r.id, r.name]));
  const severities = new Map(result.rules.map((r) => [r.id, r.severity]));
  const out = [`### piiguard: ${summaryLine(result, false)}`, ''];

  if (result.findings.length > 0) {
    const byRule = Object.entries(result.stats.byRule).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    out.push('#### Findings by rule', '');
    out.push(...table(['Rule', 'Name', 'Severity', 'Findings'], byRule.map(([id, n]) => [code(id), names.get(id) ?? '', severities.get(id) ?? '', String(n)]), ['l', 'l', 'l', 'r'], 'rules'), '');

    const perFile = new Map<string, number>();
    const pastBudget = result.findings.filter((f) => f.aggregate?.acrossFiles);
    for (const f of result.findings) if (!f.aggregate?.acrossFiles) perFile.set(f.path, (perFile.get(f.path) ?? 0) + findingCount(f));
    const byFile = [...perFile].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
    out.push('#### Findings by file', '');
    out.push(...table(['File', 'Findings'], byFile.map(([file, n]) => [code(file), String(n)]), ['l', 'r'], 'files'), '');
    if (pastBudget.length > 0) {
      const n = pastBudget.reduce((sum, f) => sum + findingCount(f), 0);
      out.push(`… and ${n} findings from ${code(pastBudget[0]!.path)} on, past the ${LISTED_BUDGET} a report lists: they are in the counts by rule.`, '');
    }

    out.push('#### Findings', '');
    const rows = result.findings.map((f) => [code(`${f.path}:${f.line}:${f.column}`), f.severity, code(f.ruleId), `${code(f.masked)}${f.aggregate ? ` ${aggregateNote(f)}` : ''}`]);
    out.push(...table(['Location', 'Severity', 'Rule', 'Value (masked)'], rows, ['l', 'l', 'l', 'l'], 'findings'), '');
  }
  if (result.skipped.length > 0) {
    out.push(`#### Skipped inputs (${result.skipped.length})`, '');
    out.push(...table(['Path', 'Reason', 'Detail'], result.skipped.map((s) => [code(s.path), s.reason, code(s.detail)]), ['l', 'l', 'l'], 'skipped inputs'), '');
  }
  if (result.errors.length > 0) {
    out.push(`#### Could not scan (${result.errors.length})`, '');
    out.push(...table(['Path', 'Problem'], result.errors.map((e) => [code(e.path), code(e.message)]), ['l', 'l'], 'errors'), '');
  }
  const { baseline, unused, warnings } = result.suppressions;
  if (baseline !== undefined) {
    const stale = baseline.stale.length > 0 ? `; ${baseline.stale.length} no longer match (stale: regenerate with \`piiguard baseline\` to prune)` : '';
    out.push(`**Baseline** ${code(baseline.file)}: ${baseline.matched} of ${baseline.entries} ${baseline.entries === 1 ? 'entry' : 'entries'} matched${stale}.`, '');
  }
  if (unused.length > 0) {
    out.push(`#### Unused suppressions (${unused.length})`, '');
    out.push(...table(['Where', 'Detail'], unused.map((u) => [code(u.where), code(u.detail)]), ['l', 'l'], 'unused suppressions'), '');
  }
  if (warnings.length > 0) {
    out.push(`#### Warnings (${warnings.length})`, '');
    out.push(...table(['Warning'], warnings.map((w) => [code(w)]), ['l'], 'warnings'), '');
  }
  return out.join('\n');
};
