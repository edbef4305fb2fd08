import { type LoadedRule } from './rules.js';
import type { AllowedValues } from './detect.js';
import type { Severity, ValidatorSettings } from './types.js';
export interface WorkerInit {
    rules: Array<LoadedRule & {
        severity: Severity;
    }>;
    allowed: AllowedValues | undefined;
    settings: ValidatorSettings;
    maxFileSize: number;
}
export interface WorkerRequest {
    id: number;
    abs: string;
    display: string;
}
