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
/**
 * A pattern of needles, read without regard to case; `longest` bounds a match. `spaced`: some needle
 * allows only NAME_MAX characters between tokens, which a column name of a Markdown table in the same
 * text may exceed (a row holds a `|`).
 */
export interface Needles {
    source: string;
    longest: number;
    spaced: boolean;
}
/**
 * What a text must hold for a key, element name or the words before a value in it to rate a hit of
 * `rule` high: a pattern, read without regard to case, of its context phrases' needles (needleOf).
 * Given only for rules that report nothing without such a rating (requireContext 'always', below
 * high confidence), so that the engine may skip them where a window holds none; `longest` bounds a
 * match. Undefined for other rules, and where a phrase gives no needle.
 */
export declare function contextNeedles(rule: CompiledRule): Needles | undefined;
/** How far before a hit its key or words can start: the engine keeps that much text before each window. */
export declare const CONTEXT_LOOKBACK: number;
/**
 * Where statements may start: SQL keywords in any case, as the statement patterns read them. Found in
 * one pass: the engine's automaton (positions given to window()), else this regex.
 */
export declare const SQL_KEYWORDS: readonly ["insert", "table", "copy "];
/** Where each of SQL_KEYWORDS starts in a window's region, in that order; ascending. */
export type KeywordStarts = readonly [inserts: readonly number[], tables: readonly number[], copies: readonly number[]];
export interface ContextTracker {
    /**
     * Called for every window before its hits: `text` is the latin1 view of the stream from absolute
     * offset `base`, [from, to) the region whose hits follow; `bytes` are the window's bytes;
     * `keywords`, where the SQL keywords that start in it are known already (the automaton found them),
     * as the regex finds them.
     */
    window(text: string, from: number, to: number, base: number, bytes: Buffer, keywords?: KeywordStarts): void;
    /** Context of a hit at `start` of the current window's text; hits come in increasing start order. */
    classify(rule: CompiledRule, text: string, start: number): HitContext;
    /**
     * Whether a column name this stream declared up to the current window (CSV header, CREATE TABLE,
     * COPY or INSERT column list, Markdown table header) rates hits of the rule high: a window that
     * holds none of its contextNeedles may still rate them high by such a column.
     */
    columnsMayName(rule: CompiledRule): boolean;
}
export declare function createContextTracker(rules: CompiledRule[]): ContextTracker;
