import type { CompiledRule, Finding } from './types.js';
/** Longest value the engine guarantees to see in one piece (PII values are far shorter). */
export declare const OVERLAP = 256;
export interface DetectOutput {
    findings: Finding[];
    bytes: number;
}
/** Runs every rule over one text stream and returns its findings, in stream order. */
export declare function detectStream(chunks: AsyncIterable<Buffer>, rules: CompiledRule[], path: string): Promise<DetectOutput>;
