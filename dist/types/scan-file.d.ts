import { type AllowedValues } from './detect.js';
import { type SourceLimits } from './sources/index.js';
import type { CompiledRule, Finding, ScanError, Skipped, SuppressedFinding, UnusedSuppression } from './types.js';
export interface FileResult {
    /** Findings no inline comment suppressed; the config allowlist and baseline come later, in scan.ts. */
    findings: Finding[];
    suppressed: SuppressedFinding[];
    unusedInline: UnusedSuppression[];
    skipped: Skipped[];
    errors: ScanError[];
    /** Text streams scanned (a zip counts its members) and their bytes. */
    scanned: number;
    bytes: number;
}
/** What the engine needs besides the input: the rules and the allowlisted values. */
export interface Engine {
    rules: CompiledRule[];
    allowed: AllowedValues | undefined;
    /** Findings kept whole per stream and rule (findings-cap.ts engineLimit); 0 = all. */
    keepPerRule: number;
}
export declare function scanFile(abs: string, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult>;
export declare function scanStream(input: AsyncIterable<Buffer>, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult>;
