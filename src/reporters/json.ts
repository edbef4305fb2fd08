// JSON report, schema version 1 (documented in README "JSON report"). Fields are listed explicitly so
// nothing internal (byte offsets) slips into the output when Finding grows.
import type { Finding, SuppressedFinding } from '../types.js';
import type { Reporter } from './context.js';

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

export const jsonReporter: Reporter = (result, context) =>
  JSON.stringify(
    {
      version: JSON_REPORT_VERSION,
      tool: { name: 'piiguard', version: context.version },
      findings: result.findings.map(findingFields),
      suppressed: result.suppressed.map((f: SuppressedFinding) => ({ ...findingFields(f), suppression: f.suppression })),
      suppressions: result.suppressions,
      skipped: result.skipped,
      errors: result.errors,
      stats: result.stats,
    },
    null,
    2,
  ) + '\n';
