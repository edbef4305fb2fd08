import * as compiled from './generated/schemas.js';
/** Lists every problem with a value against one of the shipped schemas (empty = valid). */
export declare function schemaValidator(schema: keyof typeof compiled): (data: unknown) => string[];
