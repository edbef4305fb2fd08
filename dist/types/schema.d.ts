/** Compiles a JSON Schema file; the returned function lists every problem with a value (empty = valid). */
export declare function schemaValidator(schemaFile: string): (data: unknown) => string[];
