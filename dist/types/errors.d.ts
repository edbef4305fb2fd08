/** Configuration or rule problems; all of them, collected before anything runs. */
export declare class ConfigError extends Error {
    readonly problems: string[];
    constructor(problems: string[]);
}
/** A bad command line: unknown flag, missing value, a path that does not exist. */
export declare class UsageError extends Error {
    constructor(message: string);
}
