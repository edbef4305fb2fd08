import type { CompiledRule, Confidence } from './types.js';
/** Shared by every hit in the same context: read-only. */
export interface HitContext {
    readonly confidence: Confidence;
    /** Why: `column "ssn"`, `key "order_no"`, `near "phone"`, `no context`. Never contains the value. */
    readonly reason: string;
    readonly table?: string;
    /** Column or key name. */
    readonly field?: string;
}
/** Low-confidence findings sit under keys such as order_id or uuid: reporting them would cry wolf. */
export declare const DEFAULT_MIN_CONFIDENCE: Confidence;
export declare function confidenceRank(c: Confidence): number;
/** How far before a hit its key or words can start: the engine keeps that much text before each window. */
export declare const CONTEXT_LOOKBACK: number;
export interface ContextTracker {
    /**
     * Called for every window before its hits: `text` is the latin1 view of the stream from absolute
     * offset `base`, [from, to) the region whose hits follow.
     */
    window(text: string, from: number, to: number, base: number): void;
    /** Context of a hit at `start` of the current window's text; hits come in increasing start order. */
    classify(rule: CompiledRule, text: string, start: number): HitContext;
}
export declare function createContextTracker(rules: CompiledRule[]): ContextTracker;
