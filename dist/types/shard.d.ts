export interface Shard {
    /** 1-based. */
    index: number;
    count: number;
}
/** Parses `K/N` (1 ≤ K ≤ N); `label` names the flag or input in the message. */
export declare function parseShard(text: string, label: string): Shard;
export declare function inShard(displayPath: string, shard: Shard): boolean;
