/**
 * The features of a run, HypoFuzz's "virtual branches" for guided generation: every
 * scenario label the run reached, each label's step count in AFL-style buckets (1, 2, 3,
 * 4–7, 8–15, 16–31, 32+), and each operation's outcomes (`resize ENOSPC`). A run that
 * reaches a feature no earlier run reached is worth keeping and mutating.
 */
import type { RunWorld } from '../runHooks.ts';

/** The AFL bucket of a hit count: 1, 2, 3, then powers of two up to 32. */
export function bucket(hits: number): number {
  if (hits <= 3) return hits;
  let b = 4;
  while (b * 2 <= hits && b < 32) b *= 2;
  return b;
}

/** The features a run has reached so far. */
export function featuresOf(world: RunWorld): string[] {
  const out: string[] = [];
  for (const label of world.labels) out.push(`label ${label}`);
  if (world.labelHits) for (const [label, hits] of world.labelHits) out.push(`hits ${label} ${bucket(hits)}`);
  if (world.outcomes) for (const o of world.outcomes) out.push(`outcome ${o}`);
  return out;
}
