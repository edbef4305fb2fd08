import type { ArchiveSettings } from './config.js';
import type { Reporter } from './reporters/context.js';
import type { Confidence, FailOn } from './types.js';
export declare const FAIL_ON: FailOn[];
export declare function parseFailOn(value: string, label: string): FailOn;
export declare function parseConfidence(value: string, label: string): Confidence;
export declare function parseWholeNumber(value: string, label: string): number;
export declare function parseFormat(value: string, label: string): Reporter;
/**
 * The archive options given, as config overrides. `value` reads one by name, `label` names it in
 * messages; `attempt` runs each parse (the Action's collects the problem and goes on to the next).
 */
export declare function archiveOverrides(value: (name: string) => string | undefined, label: (name: string) => string, attempt?: <T>(parse: () => T) => T | undefined): Partial<ArchiveSettings>;
