// The only classes in the code base: errors the CLI turns into exit code 2 and one line per problem.

/** Configuration or rule problems; all of them, collected before anything runs. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * A JSON.parse error without the excerpt of the text V8 quotes in some messages (`Unexpected token 'x',
 * "…" is not valid JSON`, or of a longer text `..."…"... is not valid JSON`): a config may hold
 * allowlisted values, and errors never print content.
 */
export function jsonSyntaxError(err: unknown): string {
  return `not valid JSON (${(err as Error).message.replace(/, (?:\.\.\.)?".*is not valid JSON$/s, '')})`;
}

/** A bad command line: unknown flag, missing value, a path that does not exist. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
