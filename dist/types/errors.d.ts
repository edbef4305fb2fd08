/** Configuration or rule problems; all of them, collected before anything runs. */
export declare class ConfigError extends Error {
    readonly problems: string[];
    constructor(problems: string[]);
}
/**
 * A JSON.parse error without the excerpt of the text V8 quotes in some messages (`Unexpected token 'x',
 * "…" is not valid JSON`, or of a longer text `..."…"... is not valid JSON`): a config may hold
 * allowlisted values, and errors never print content.
 */
export declare function jsonSyntaxError(err: unknown): string;
/** A bad command line: unknown flag, missing value, a path that does not exist. */
export declare class UsageError extends Error {
    constructor(message: string);
}
