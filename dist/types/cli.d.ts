import { type Env } from './audit.js';
import { type FailOn, type ScanResult } from './types.js';
export declare const EXIT: {
    readonly clean: 0;
    readonly findings: 1;
    readonly error: 2;
};
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
export declare function failed(result: ScanResult, failOn: FailOn): boolean;
export declare function run(argv: string[], io: CliIO): Promise<number>;
