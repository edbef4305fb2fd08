// --shard K/N: a CI matrix of N jobs splits the inputs so that every input lands in exactly one job.
// The split hashes the display path, so it depends on nothing but the path: not on file order, file
// sizes or the machine, and adding a file moves no other file between shards.
import { createHash } from 'node:crypto';
import { UsageError } from './errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Parses `K/N` (1 ≤ K ≤ N); `label` names the flag or input in the message. */
export function parseShard(text: string, label: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && index >= 1 && index <= count)) {
    throw new UsageError(`${label} must be K/N with 1 <= K <= N (e.g. 2/4), got "${text}"`);
  }
  return { index, count };
}

export function inShard(displayPath: string, shard: Shard): boolean {
  const bucket = createHash('sha256').update(displayPath).digest().readUInt32BE(0) % shard.count;
  return bucket === shard.index - 1;
}
