/**
 * Before `report --merge` adds shards up: the same file twice, the same shard twice, or
 * shards of different counts (K/N with another N) would count runs twice or leave gaps,
 * so they are refused with a line saying which files.
 */
import { realpathSync } from 'node:fs';
import { parseShard } from './hunt/seedStream.ts';

/** The first reason the files (with their summaries' shard fields) cannot be merged, or null. */
export function mergeProblem(inputs: readonly { file: string; shard: string | null }[]): string | null {
  const real = new Map<string, string>();
  for (const { file } of inputs) {
    const key = safeRealpath(file);
    const before = real.get(key);
    if (before !== undefined) return `${before} and ${file} are the same file: each shard's run.json once`;
    real.set(key, file);
  }
  const shards = inputs.filter((i) => i.shard !== null);
  const seen = new Map<string, string>();
  for (const { file, shard } of shards) {
    const before = seen.get(shard!);
    if (before !== undefined) return `${before} and ${file} are both shard ${shard}: the same seeds would be counted twice`;
    seen.set(shard!, file);
  }
  const counts = new Set(shards.map((i) => parseShard(i.shard!)?.count));
  if (counts.size > 1) return `the shards are of different counts (${shards.map((i) => `${i.file}: ${i.shard}`).join(', ')}): merge shards K/N of one N`;
  return null;
}

function safeRealpath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}
