import type { ValidatorSettings } from '../types.js';
type ValidatorFactory = (settings: ValidatorSettings) => (value: string) => boolean;
export declare const VALIDATORS: Record<string, ValidatorFactory>;
export declare const DEFAULT_SETTINGS: ValidatorSettings;
export {};
