/** `s` with characters of its own. */
export declare function ownedCopy(s: string): string;
