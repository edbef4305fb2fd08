// JSON report, schema version 1 (documented in README "JSON report"). Fields are listed explicitly so
// nothing internal (byte offsets) slips into the output when Finding grows.
import type { Finding, ScanResult, SuppressedFinding } from '../types.js';
import type { ReportContext, Reporter } from './context.js';

export const JSON_REPORT_VERSION = 1;

function findingFields(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    path: f.path,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    masked: f.masked,
    fingerprint: f.fingerprint,
    confidence: f.confidence,
    reason: f.reason,
    ...(f.table !== undefined ? { table: f.table } : {}),
    ...(f.field !== undefined ? { field: f.field } : {}),
    ...(f.aggregate ? { aggregate: f.aggregate } : {}),
  };
}

/**
 * The report in pieces, one finding per line: a dump can yield millions of findings, more than one
 * JavaScript string can hold, so the CLI writes the pieces as they come.
 */
export function* jsonReportPieces(result: ScanResult, context: ReportContext): Generator<string> {
  const indent = (value: unknown) => JSON.stringify(value, null, 2).replace(/\n/g, '\n  ');
  const list = function* (name: string, items: unknown[], last = false): Generator<string> {
    yield `  "${name}": [`;
    for (let i = 0; i < items.length; i++) yield `${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(items[i])}`;
    yield `${items.length > 0 ? '\n  ' : ''}]${last ? '' : ','}\n`;
  };
  yield `{\n  "version": ${JSON_REPORT_VERSION},\n  "tool": ${JSON.stringify({ name: 'piiguard', version: context.version })},\n`;
  yield* list('findings', result.findings.map(findingFields));
  yield* list(
    'suppressed',
    result.suppressed.map((f: SuppressedFinding) => ({ ...findingFields(f), suppression: f.suppression })),
  );
  yield `  "suppressions": ${indent(result.suppressions)},\n  "skipped": ${indent(result.skipped)},\n  "errors": ${indent(result.errors)},\n  "stats": ${indent(result.stats)}\n}\n`;
}

export const jsonReporter: Reporter = (result, context) => [...jsonReportPieces(result, context)].join('');

/** Joins pieces into blocks of about `size` characters: one write per finding costs a syscall each. */
export function* inBlocks(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let block = '';
  for (const piece of pieces) {
    block += piece;
    if (block.length >= size) {
      yield block;
      block = '';
    }
  }
  if (block !== '') yield block;
}
