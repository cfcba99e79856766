/**
 * How a hunt splits the seed space: N shards (CI machines) × W workers (threads), each
 * worker walking its own stream of batch seeds. The k-th seed (k = 0, 1, 2, …) of worker
 * w (0-based) in shard K/N (1-based) is
 *
 *     base + (K - 1) + N · (w + W · k)
 *
 * Read the offset j = seed - base in mixed radix: j mod N is the shard, (j div N) mod W
 * the worker and j div (N·W) the position k. Every offset j ≥ 0 has exactly one
 * (shard, worker, k), so no two streams ever share a seed, and the first k seeds of all
 * N·W streams together are exactly base … base + N·W·k - 1.
 *
 * fast-check reads seeds as 32-bit integers: keep base + N·W·k below 2^31 (a hunt of
 * 4 shards × 64 workers covers ten million batches before it comes near).
 */

/** Which part of the seed space a shard searches: shard index (1-based) of count. */
export interface Shard {
  index: number;
  count: number;
}

/** One worker's stream in a hunt. */
export interface SeedStream {
  base: number;
  shard: Shard;
  /** 0-based worker index and the number of workers of the shard. */
  worker: number;
  workers: number;
}

/** The k-th seed (0-based) of a stream; see the file comment. */
export function seedAt(stream: SeedStream, k: number): number {
  const { base, shard, worker, workers } = stream;
  return base + (shard.index - 1) + shard.count * (worker + workers * k);
}

/** The whole space as one shard: what a hunt without --shard searches. */
export const WHOLE: Shard = { index: 1, count: 1 };

/** Shard "K/N" as written on the command line, or null when it is not of that form (1 ≤ K ≤ N). */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}
