import type { OnArchiveSkip } from './config.js';
import type { Reporter } from './reporters/context.js';
import type { Confidence, FailOn } from './types.js';
export declare const FAIL_ON: FailOn[];
export declare function parseFailOn(value: string, label: string): FailOn;
export declare function parseConfidence(value: string, label: string): Confidence;
export declare function parseOnArchiveSkip(value: string, label: string): OnArchiveSkip;
export declare function parseWholeNumber(value: string, label: string): number;
export declare function parseFormat(value: string, label: string): Reporter;
