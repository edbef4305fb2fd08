// Schema validation with every error reported, as `/json/pointer: message` lines. The validators are
// compiled from the JSON Schema files at build time (scripts/compile-schemas.mjs): compiling them
// with ajv at start-up cost more than the rest of a small scan.
import type { ErrorObject } from 'ajv';
import * as compiled from './generated/schemas.js';

function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  if (error.keyword === 'additionalProperties') return `${at}: unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'enum') return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at}: ${error.message ?? 'is invalid'}`;
}

/** Lists every problem with a value against one of the shipped schemas (empty = valid). */
export function schemaValidator(schema: keyof typeof compiled): (data: unknown) => string[] {
  const validate = compiled[schema];
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(describe));
}
