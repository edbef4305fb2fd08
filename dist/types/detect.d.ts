import type { AllowDirective, CompiledRule, EngineFinding, Finding } from './types.js';
/** Per rule id: normalised allowlisted value → indexes of the config allowlist entries naming it. */
export type AllowedValues = ReadonlyMap<string, ReadonlyMap<string, number[]>>;
/** Longest value the engine guarantees to see in one piece (PII values are far shorter). */
export declare const OVERLAP = 256;
export interface DetectOutput<T = EngineFinding> {
    findings: T[];
    /** `piiguard:allow` comments, in stream order; suppress.ts applies them. */
    allows: AllowDirective[];
    bytes: number;
}
/** Runs every rule over one text stream and returns its findings, in stream order, with their fingerprints. */
export declare function detectStream(chunks: AsyncIterable<Buffer>, rules: CompiledRule[], path: string, allowed?: AllowedValues, keepPerRule?: number): Promise<DetectOutput<Finding>>;
/** detectStream's findings without their fingerprints: the pipeline works them out for the few it lists (EngineFinding). */
export declare function detect(chunks: AsyncIterable<Buffer>, rules: CompiledRule[], path: string, allowed?: AllowedValues, keepPerRule?: number): Promise<DetectOutput>;
