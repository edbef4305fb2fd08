// Report formats by name, as --format and the Action's `format` input accept them.
import type { Reporter } from './context.js';
import { jsonReporter } from './json.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';

export const REPORTERS: Record<string, Reporter> = { text: textReporter, json: jsonReporter, sarif: sarifReporter, markdown: markdownReporter };
