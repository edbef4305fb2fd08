// .piiguard.json: found by walking up to the repository root (or given with --config), validated
// against schema/config.schema.json with every problem listed, then resolved into run settings.
import fs from 'node:fs';
import path from 'node:path';
import { isSupportedCountry } from 'libphonenumber-js/max';
import { DEFAULT_MIN_CONFIDENCE } from './context.js';
import { ConfigError, jsonSyntaxError } from './errors.js';
import { checkInlineRule, readRuleFile, readRuleFolder, type LoadedRule, type RuleOverrides } from './rules.js';
import { DEFAULT_FINDINGS_CAP } from './findings-cap.js';
import { schemaValidator } from './schema.js';
import { DEFAULT_LIMITS, type SourceLimits } from './sources/limits.js';
import type { Confidence, FailOn, ValidatorSettings } from './types.js';
import { DEFAULT_SETTINGS } from './validators/index.js';

export const CONFIG_FILE = '.piiguard.json';

/** The config file as written (after schema validation). */
export interface ConfigFile {
  include?: string[];
  exclude?: string[];
  failOn?: FailOn;
  rules?: RuleOverrides;
  customRules?: Array<string | object>;
  email?: { allowDomains?: string[] };
  phone?: { regions?: string[] };
  maxFileSize?: number;
  allowlist?: Array<Omit<AllowlistEntry, 'index'>>;
  minConfidence?: Confidence;
  archives?: Partial<ArchiveSettings>;
  findingsCap?: number;
  followSymlinks?: boolean;
}

/** A config allowlist entry: suppresses findings for which every condition it has holds. */
export interface AllowlistEntry {
  /** Position in the config's `allowlist` array, to name it in reports. */
  index: number;
  paths?: string[];
  rules?: string[];
  /** Raw values: only the engine compares them, nothing prints them. */
  values?: string[];
  reason?: string;
  /** YYYY-MM-DD, inclusive. */
  expires?: string;
}

/** What happens when archive guards or unsupported formats leave content unread. */
export type OnArchiveSkip = 'fail' | 'report';

/** Archive guards (see sources/limits.ts) and the policy for what they leave unread. */
export interface ArchiveSettings extends Omit<SourceLimits, 'maxFileSize'> {
  onSkip: OnArchiveSkip;
}

/** Everything a scan needs from configuration, with defaults applied. */
export interface ResolvedConfig {
  /** The file it came from, if any. */
  file: string | undefined;
  /** Folder that include/exclude globs and rule paths are relative to. */
  dir: string;
  include: string[];
  exclude: string[];
  failOn: FailOn;
  ruleOverrides: RuleOverrides;
  customRules: LoadedRule[];
  settings: ValidatorSettings;
  maxFileSize: number;
  allowlist: AllowlistEntry[];
  /** Findings below this confidence are left out (src/context.ts rates them). */
  minConfidence: Confidence;
  archives: ArchiveSettings;
  findingsCap: number;
  followSymlinks: boolean;
}

const { maxFileSize: _, ...DEFAULT_GUARDS } = DEFAULT_LIMITS;
const DEFAULT_ARCHIVES: ArchiveSettings = { ...DEFAULT_GUARDS, onSkip: 'fail' };

/** What the readers need from the config (posted to workers as it is). */
export function sourceLimits(config: ResolvedConfig): SourceLimits {
  const { onSkip: _, ...guards } = config.archives;
  return { maxFileSize: config.maxFileSize, ...guards };
}

const validateConfigShape = schemaValidator('config');

/** Where the files that settle a run (config, baseline) are read: the disk, or with --staged the git index. */
export interface SettingsFiles {
  exists(file: string): boolean;
  /** Throws as fs.readFileSync does. */
  read(file: string): string;
}

export const DISK: SettingsFiles = { exists: (file) => fs.existsSync(file), read: (file) => fs.readFileSync(file, 'utf8') };

/** Where .piiguard.json may be, nearest first: `start` and each folder above it up to the repository root (a folder with .git). */
export function configCandidates(start: string): string[] {
  const candidates: string[] = [];
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, CONFIG_FILE));
    if (fs.existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return candidates;
  }
}

/** Looks for .piiguard.json from `start` upwards, stopping at the repository root. */
export function findConfigFile(start: string, files: SettingsFiles = DISK): string | undefined {
  return configCandidates(start).find((candidate) => files.exists(candidate));
}

function resolveCustomRules(entries: Array<string | object>, file: string, dir: string, problems: string[]): LoadedRule[] {
  const rules: LoadedRule[] = [];
  for (const [i, entry] of entries.entries()) {
    if (typeof entry !== 'string') {
      const checked = checkInlineRule(entry, `${file}#/customRules/${i}`);
      problems.push(...checked.problems);
      if (checked.rule) rules.push(checked.rule);
      continue;
    }
    const target = path.resolve(dir, entry);
    if (!fs.existsSync(target)) {
      problems.push(`${file}: /customRules/${i}: ${entry} does not exist`);
      continue;
    }
    const loaded = fs.statSync(target).isDirectory() ? readRuleFolder(target) : readRuleFile(target);
    problems.push(...loaded.problems);
    rules.push(...loaded.rules);
  }
  return rules;
}

function isCalendarDate(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/** Validates a parsed config object and resolves it; `file` names it in messages. */
export function resolveConfig(data: unknown, file: string | undefined, dir: string): ResolvedConfig {
  const where = file ?? 'config';
  const problems = validateConfigShape(data).map((p) => `${where}: ${p}`);
  if (problems.length > 0) throw new ConfigError(problems);
  const config = data as ConfigFile;
  for (const [i, region] of (config.phone?.regions ?? []).entries()) {
    if (!isSupportedCountry(region)) problems.push(`${where}: /phone/regions/${i}: "${region}" is not a region libphonenumber knows`);
  }
  for (const [i, entry] of (config.allowlist ?? []).entries()) {
    // Not in the schema: ajv's strict mode rejects `required` inside anyOf.
    if (entry.paths === undefined && entry.rules === undefined && entry.values === undefined) {
      problems.push(`${where}: /allowlist/${i}: needs at least one of "paths", "rules", "values"`);
    }
    if (entry.expires !== undefined && !isCalendarDate(entry.expires)) problems.push(`${where}: /allowlist/${i}/expires: "${entry.expires}" is not a calendar date`);
  }
  const customRules = resolveCustomRules(config.customRules ?? [], where, dir, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    file,
    dir,
    include: config.include ?? [],
    exclude: config.exclude ?? [],
    failOn: config.failOn ?? 'info',
    ruleOverrides: config.rules ?? {},
    customRules,
    settings: {
      allowEmailDomains: [...DEFAULT_SETTINGS.allowEmailDomains, ...(config.email?.allowDomains ?? [])],
      phoneRegions: config.phone?.regions ?? DEFAULT_SETTINGS.phoneRegions,
    },
    maxFileSize: config.maxFileSize ?? 0,
    allowlist: (config.allowlist ?? []).map((entry, index) => ({ index, ...entry })),
    minConfidence: config.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    archives: { ...DEFAULT_ARCHIVES, ...config.archives },
    findingsCap: config.findingsCap ?? DEFAULT_FINDINGS_CAP,
    followSymlinks: config.followSymlinks ?? false,
  };
}

/**
 * Loads the config named by `configPath`, or the nearest .piiguard.json above `cwd`, or defaults.
 * Throws ConfigError listing every problem.
 */
export function loadConfig(options: { cwd: string; configPath?: string; files?: SettingsFiles }): ResolvedConfig {
  const files = options.files ?? DISK;
  const file = options.configPath !== undefined ? path.resolve(options.cwd, options.configPath) : findConfigFile(options.cwd, files);
  if (file === undefined) return resolveConfig({}, undefined, options.cwd);
  let text: string;
  try {
    text = files.read(file);
  } catch (err) {
    throw new ConfigError([`${file}: cannot read config file (${(err as NodeJS.ErrnoException).code ?? 'error'})`]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ConfigError([`${file}: ${jsonSyntaxError(err)}`]);
  }
  return resolveConfig(data, file, path.dirname(file));
}
