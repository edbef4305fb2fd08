// Rules are data: load rules/*.json and user rules, validate them against rule.schema.json, compile
// them, and check that each user rule's own examples hold.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, jsonSyntaxError } from './errors.js';
import { maskerFor } from './redact.js';
import { schemaValidator } from './schema.js';
import { checkExamples } from './selftest.js';
import type { CandidateSpec, CompiledCandidate, CompiledRule, RuleSpec, Severity, ValidatorSettings } from './types.js';
import { VALIDATORS } from './validators/index.js';

/** The package's own rules folder (src/ and dist/ both sit one level below the package root). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../rules/', import.meta.url));
const SCHEMA_FILE = 'rule.schema.json';

export interface LoadedRule {
  spec: RuleSpec;
  source: string;
}

export interface RuleOverrides {
  /** Per rule id: switch off, or change severity. */
  [id: string]: { enabled?: boolean; severity?: Severity };
}

const validateRuleShape = schemaValidator('rule');

/** Reads one rule file; its id must equal the file name. */
export function readRuleFile(file: string): { rules: LoadedRule[]; problems: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const reason = err instanceof SyntaxError ? jsonSyntaxError(err) : `cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`;
    return { rules: [], problems: [`${file}: ${reason}`] };
  }
  const shape = validateRuleShape(data);
  if (shape.length > 0) return { rules: [], problems: shape.map((p) => `${file}: ${p}`) };
  const spec = data as RuleSpec;
  if (`${spec.id}.json` !== path.basename(file)) return { rules: [], problems: [`${file}: rule id "${spec.id}" must equal the file name`] };
  return { rules: [{ spec, source: file }], problems: [] };
}

/** Reads every `*.json` rule in a folder. */
export function readRuleFolder(dir: string): { rules: LoadedRule[]; problems: string[] } {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json') && n !== SCHEMA_FILE).sort();
  } catch (err) {
    return { rules: [], problems: [`${dir}: cannot read rules folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`] };
  }
  const results = names.map((name) => readRuleFile(path.join(dir, name)));
  return { rules: results.flatMap((r) => r.rules), problems: results.flatMap((r) => r.problems) };
}

/** Validates an inline rule from a config file. */
export function checkInlineRule(data: unknown, source: string): { rule?: LoadedRule; problems: string[] } {
  const shape = validateRuleShape(data);
  if (shape.length > 0) return { problems: shape.map((p) => `${source}: ${p}`) };
  return { rule: { spec: data as RuleSpec, source }, problems: [] };
}

/** Normalises a value for allowlist comparison: digits and letters only, or a lowercase address. */
function normalizerFor(spec: RuleSpec): (value: string) => string {
  return spec.mask === 'email' ? (v) => v.toLowerCase() : (v) => v.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
}

/** A character class as a table over the 256 latin1 codes: 1 where the class matches. */
function classTable(cls: string, flags: string): Uint8Array {
  const re = new RegExp(`^${cls}$`, flags);
  return Uint8Array.from({ length: 256 }, (_, code) => (re.test(String.fromCharCode(code)) ? 1 : 0));
}

function compileCandidate(spec: CandidateSpec, flags: string, where: string, problems: string[]): CompiledCandidate | undefined {
  try {
    const chars = classTable(spec.chars, flags);
    const counts = classTable(spec.counts, flags);
    if (counts.some((c, code) => c === 1 && chars[code] === 0)) problems.push(`${where}: candidate.counts must be a subset of candidate.chars`);
    return { chars, counts, atLeast: spec.atLeast };
  } catch (err) {
    problems.push(`${where}: candidate class does not compile: ${(err as Error).message}`);
    return undefined;
  }
}

function groupCount(regex: RegExp): number {
  return new RegExp(`(?:${regex.source})|`).exec('')!.length - 1;
}

export function compileRule(rule: LoadedRule, settings: ValidatorSettings, severity?: Severity): { compiled?: CompiledRule; problems: string[] } {
  const { spec, source } = rule;
  const where = `rule "${spec.id}" (${source})`;
  const group = spec.group ?? 0;
  let regex: RegExp;
  try {
    regex = new RegExp(spec.pattern, `g${group === 0 ? '' : 'd'}${spec.flags ?? ''}`);
  } catch (err) {
    return { problems: [`${where}: pattern does not compile: ${(err as Error).message}`] };
  }
  const problems: string[] = [];
  if (typeof group === 'number' && group > groupCount(regex)) problems.push(`${where}: group ${group} does not exist in the pattern`);
  if (typeof group === 'string' && !spec.pattern.includes(`(?<${group}>`)) problems.push(`${where}: named group "${group}" does not exist in the pattern`);
  const factory = spec.validator === undefined ? undefined : VALIDATORS[spec.validator];
  if (spec.validator !== undefined && factory === undefined) {
    problems.push(`${where}: unknown validator "${spec.validator}" (known: ${Object.keys(VALIDATORS).join(', ')})`);
  }
  const candidate = spec.candidate === undefined ? undefined : compileCandidate(spec.candidate, spec.flags ?? '', where, problems);
  if (problems.length > 0) return { problems };
  const normalize = normalizerFor(spec);
  return {
    compiled: {
      spec,
      id: spec.id,
      severity: severity ?? spec.severity,
      regex,
      group,
      prefilter: spec.prefilter,
      candidate,
      validate: factory ? factory(settings) : () => true,
      allow: new Set((spec.allow ?? []).map(normalize)),
      confidence: spec.confidence ?? 'medium',
      requireContext: spec.requireContext,
      normalize,
      mask: maskerFor(spec.mask ?? 'last4'),
      source,
    },
    problems: [],
  };
}

/**
 * Built-in rules plus user rules, overrides applied, compiled. Every problem is collected and
 * raised at once as a ConfigError.
 */
export async function loadRules(options: {
  settings: ValidatorSettings;
  extra?: LoadedRule[];
  overrides?: RuleOverrides;
  builtinDir?: string;
}): Promise<CompiledRule[]> {
  const builtin = readRuleFolder(options.builtinDir ?? BUILTIN_RULES_DIR);
  const problems = [...builtin.problems];
  const byId = new Map(builtin.rules.map((r) => [r.spec.id, r] as const));
  const userIds = new Map<string, string>();
  for (const rule of options.extra ?? []) {
    const previous = userIds.get(rule.spec.id);
    if (previous !== undefined) problems.push(`rule "${rule.spec.id}" is defined twice (${previous} and ${rule.source})`);
    userIds.set(rule.spec.id, rule.source);
    byId.set(rule.spec.id, rule); // a user rule with a built-in id replaces the built-in one
  }
  for (const id of Object.keys(options.overrides ?? {})) {
    if (!byId.has(id)) problems.push(`rules.${id}: no rule with this id (known: ${[...byId.keys()].join(', ')})`);
  }
  const compiled: CompiledRule[] = [];
  for (const rule of byId.values()) {
    const override = options.overrides?.[rule.spec.id];
    if (override?.enabled === false) continue;
    const result = compileRule(rule, options.settings, override?.severity);
    problems.push(...result.problems);
    if (result.compiled) compiled.push(result.compiled);
    // User rules must prove themselves with their own examples (built-in ones do in the test suite).
    if (result.compiled && userIds.has(rule.spec.id)) problems.push(...(await checkExamples(result.compiled)));
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return compiled;
}
