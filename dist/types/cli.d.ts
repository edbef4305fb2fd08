import { type Env } from './audit.js';
export interface CliIO {
    cwd: string;
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    stdin: AsyncIterable<Buffer>;
    /** Colour by default (stdout is a terminal and NO_COLOR is unset). */
    color: boolean;
    /** Environment, for the audit log's "who ran it" (CI variables, else the OS user). */
    env?: Env;
}
export declare function run(argv: string[], io: CliIO): Promise<number>;
