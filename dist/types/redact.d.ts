import type { EngineFinding, MaskStyle } from './types.js';
/** First letter and domain only (`j***@gmail.com`): the domain says where, not who. */
export declare function maskEmail(value: string): string;
/** Keeps separators and the last four letters or digits: `***-**-6789`, `************4242`. */
export declare function maskTrailing(value: string): string;
/**
 * Masks own their characters (built from single characters, the domain copied): a finding keeps its
 * mask long after the window its value was cut from, which must not stay alive with it (owned.ts).
 */
export declare function maskerFor(style: MaskStyle): (value: string) => string;
/**
 * A fingerprint built only from what the report already shows (rule, path, masked value) plus the
 * occurrence number of that masked value in the file. Hashing the raw value would be reversible by
 * brute force (an SSN has ~10^9 values); this is not, and it survives edits that shift lines.
 */
export declare function fingerprint(ruleId: string, path: string, masked: string, occurrence: number): string;
/**
 * `f` with its fingerprint, set on `f` itself (a finding passes here once, on its way into a report or
 * a baseline comparison; a copy per finding would cost more than the hash).
 */
export declare function withFingerprint<T extends EngineFinding>(f: T): T & {
    fingerprint: string;
};
