import { type LoadedRule } from './rules.js';
import type { AllowedValues } from './detect.js';
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
}
export interface WorkerRequest {
    id: number;
    abs: string;
    display: string;
}
