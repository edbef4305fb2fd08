export type SniffKind = 'text' | 'utf16le' | 'utf16be' | 'gzip' | 'zip' | 'tar' | 'binary' | 'unsupported';
export interface SniffResult {
    kind: SniffKind;
    detail: string;
}
/** Bytes the sniffer wants to see (a tar header is 512; NUL bytes are looked for in this much). */
export declare const SNIFF_BYTES = 8192;
export declare function sniff(head: Buffer): SniffResult;
