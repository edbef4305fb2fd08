import type { Reporter } from './context.js';
export declare const JSON_REPORT_VERSION = 1;
export declare const jsonReporter: Reporter;
