import type { CompiledRule, RuleSpec, Severity, ValidatorSettings } from './types.js';
/** The package's own rules folder (src/ and dist/ both sit one level below the package root). */
export declare const BUILTIN_RULES_DIR: string;
export interface LoadedRule {
    spec: RuleSpec;
    source: string;
}
export interface RuleOverrides {
    /** Per rule id: switch off, or change severity. */
    [id: string]: {
        enabled?: boolean;
        severity?: Severity;
    };
}
/** Reads one rule file; its id must equal the file name. */
export declare function readRuleFile(file: string): {
    rules: LoadedRule[];
    problems: string[];
};
/** Reads every `*.json` rule in a folder. */
export declare function readRuleFolder(dir: string): {
    rules: LoadedRule[];
    problems: string[];
};
/** Validates an inline rule from a config file. */
export declare function checkInlineRule(data: unknown, source: string): {
    rule?: LoadedRule;
    problems: string[];
};
export declare function compileRule(rule: LoadedRule, settings: ValidatorSettings, severity?: Severity): {
    compiled?: CompiledRule;
    problems: string[];
};
/**
 * Built-in rules plus user rules, overrides applied, compiled. Every problem is collected and
 * raised at once as a ConfigError.
 */
export declare function loadRules(options: {
    settings: ValidatorSettings;
    extra?: LoadedRule[];
    overrides?: RuleOverrides;
    builtinDir?: string;
}): Promise<CompiledRule[]>;
