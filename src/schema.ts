// ajv with every error reported, as `/json/pointer: message` lines.
import fs from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });

function describe(error: ErrorObject): string {
  const at = error.instancePath === '' ? '/' : error.instancePath;
  if (error.keyword === 'additionalProperties') return `${at}: unknown key "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  if (error.keyword === 'enum') return `${at}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  return `${at}: ${error.message ?? 'is invalid'}`;
}

/** Compiles a JSON Schema file; the returned function lists every problem with a value (empty = valid). */
export function schemaValidator(schemaFile: string): (data: unknown) => string[] {
  const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map(describe));
}
