import type { CompiledRule } from './types.js';
/** Problems with a rule's examples (empty when they all hold). Messages never repeat example values. */
export declare function checkExamples(rule: CompiledRule): Promise<string[]>;
