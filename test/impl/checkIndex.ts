/**
 * Test helpers: a seeded generator, and the check of a resource's child index against the
 * kernel's sibling list walked linearly (impl/selfCheck.ts, which the implementation's
 * selfCheck() runs after every step of a property run).
 */
import * as assert from 'uvu/assert';
import type { Resource } from '../../impl/resource.ts';
import { checkChildIndex, linearFirstGap, siblingList } from '../../impl/selfCheck.ts';

/** A seeded generator: integers in [0, n). */
export function prng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

export const kids = siblingList;
export { linearFirstGap };

/** Asserts that every cached field of p's child index agrees with the sibling list. */
export function checkIndex(p: Resource): void {
  assert.equal(checkChildIndex(p), [], `${p.name}'s child index`);
}
