import type { Reporter } from './context.js';
export declare const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
export declare const FINGERPRINT_KEY = "piiguard/v1";
/** GitHub code scanning rejects a run with more results than this. */
export declare const MAX_RESULTS = 25000;
/** Marks the notice of an unused allowlist entry, which `piiguard merge` keeps only if every shard lists it. */
export declare const UNUSED_ALLOWLIST = "unusedAllowlistEntry";
export declare const sarifReporter: Reporter;
