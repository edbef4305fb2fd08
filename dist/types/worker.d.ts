import { type LoadedRule } from './rules.js';
import type { AllowedValues } from './detect.js';
import { type FileSummary, type Listing, type ListingBounds } from './scan-file.js';
import type { SourceLimits } from './sources/index.js';
import type { Severity, ValidatorSettings } from './types.js';
export interface WorkerInit {
    rules: Array<LoadedRule & {
        severity: Severity;
    }>;
    allowed: AllowedValues | undefined;
    keepPerRule: number;
    settings: ValidatorSettings;
    limits: SourceLimits;
    listing: Listing;
}
export interface WorkerRequest {
    /** Files to scan, in this order. */
    files: Array<{
        id: number;
        abs: string;
        display: string;
    }>;
    /** How far the scan's listings are full: findings past that are folded here, not sent. */
    bounds: ListingBounds;
}
export interface WorkerReply {
    summaries: Array<{
        id: number;
        summary: FileSummary;
    }>;
    /** The last reply to the request: the worker is free for the next. */
    done: boolean;
}
