import type { Reporter } from './context.js';
export declare const MARKDOWN_ROW_LIMIT = 500;
export declare const markdownReporter: Reporter;
