export interface SniffResult {
    binary: boolean;
    detail: string;
}
export declare function sniff(head: Buffer): SniffResult;
