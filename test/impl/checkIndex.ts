/**
 * Test helpers: a seeded generator, and the check of a resource's child index (treap
 * order and links, gaps, max-gap augmentation, childBytes, first gap) against the
 * kernel's sibling list walked linearly.
 */
import * as assert from 'uvu/assert';
import { firstGap, type Gap } from '../../impl/childIndex.ts';
import { resourceSize, type Resource } from '../../impl/resource.ts';

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

export const kids = (p: Resource): Resource[] => {
  const out: Resource[] = [];
  for (let c = p.child; c !== null; c = c.sibling) out.push(c);
  return out;
};

/** The kernel's first-fit loop over the sibling list. */
export function linearFirstGap(p: Resource): Gap | null {
  const list = kids(p);
  if (list.length === 0) return { start: p.start, len: resourceSize(p), after: null };
  if (list[0]!.start > p.start) return { start: p.start, len: list[0]!.start - p.start, after: null };
  for (let i = 0; i < list.length; i++) {
    const c = list[i]!;
    const next = list[i + 1];
    const gap = next ? next.start - c.end - 1n : p.end - c.end;
    if (gap > 0n) return { start: c.end + 1n, len: gap, after: c };
  }
  return null;
}

/** Checks every cached field of p's child index against the sibling list. */
export function checkIndex(p: Resource): void {
  const list = kids(p);
  const inorder: Resource[] = [];
  const walk = (n: Resource | null, up: Resource | null): bigint => {
    if (n === null) return 0n;
    assert.is(n.tu, up, 'up link');
    if (up !== null) assert.ok(up.prio >= n.prio, 'heap order of priorities');
    const l = walk(n.tl, n);
    inorder.push(n);
    const r = walk(n.tr, n);
    let m = n.gap;
    if (l > m) m = l;
    if (r > m) m = r;
    assert.is(n.maxGap, m, 'maxGap augmentation');
    return m;
  };
  walk(p.kids, null);
  assert.ok(inorder.length === list.length && inorder.every((n, i) => n === list[i]), 'treap order = sibling list');
  let bytes = 0n;
  list.forEach((c, i) => {
    assert.is(c.parent, p);
    const next = list[i + 1];
    assert.is(c.gap, next ? next.start - c.end - 1n : p.end - c.end, 'gap after child');
    if (next) assert.ok(c.end < next.start, 'sorted and disjoint');
    assert.ok(c.start >= p.start && c.end <= p.end, 'inside parent');
    bytes += resourceSize(c);
  });
  assert.is(p.childBytes, bytes, 'childBytes');
  assert.equal(firstGap(p), linearFirstGap(p), 'first gap');
}

