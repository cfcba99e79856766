/**
 * Test helpers: a seeded generator, and the check of a resource's child index against the
 * kernel's sibling list walked linearly (impl/selfCheck.ts, which the implementation's
 * selfCheck() runs after every step of a property run).
 */
import * as assert from 'uvu/assert';
import type { Resource } from '../../impl/resource.ts';
import type { Gap } from '../../impl/childIndex.ts';
import { resourceSize } from '../../impl/resource.ts';
import { checkChildIndex } from '../../impl/selfCheck.ts';

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

/** p's children in sibling-list order. */
export function kids(p: Resource): Resource[] {
  const out: Resource[] = [];
  for (let c = p.child; c !== null; c = c.sibling) out.push(c);
  return out;
}

/** The kernel's first-fit loop over the sibling list. */
export function linearFirstGap(p: Resource): Gap | null {
  const list = kids(p);
  const head = list[0];
  if (head === undefined) return { start: p.start, len: resourceSize(p), after: null };
  if (head.start > p.start) return { start: p.start, len: head.start - p.start, after: null };
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const next = list[i + 1];
    const gap = next ? next.start - c.end - 1n : p.end - c.end;
    if (gap > 0n) return { start: c.end + 1n, len: gap, after: c };
  }
  return null;
}


/** Asserts that every cached field of p's child index agrees with the sibling list. */
export function checkIndex(p: Resource): void {
  assert.equal(checkChildIndex(p), [], `${p.name}'s child index`);
}
