/**
 * The treap that indexes the children of one resource (the owner) by address.
 * Intrusive: the nodes are the child resources themselves (fields tl, tr, tu, prio), as
 * the kernel embeds an rb_node. Each node carries `gap` (free bytes after it) and the
 * augmentation `maxGap` = max gap over its subtree, so the first child followed by free
 * space is found in O(log n). A node's priority is drawn when it is inserted, from its
 * owner's own deterministic generator (seeded alike for every owner), so the shape of a
 * treap depends only on the operations on that owner; expected depth O(log n).
 */
import type { Resource } from './resource.ts';

/** The owner's next priority: xorshift32 over owner.prioState. */
function nextPrio(owner: Resource): number {
  let s = owner.prioState;
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  owner.prioState = s >>> 0;
  return owner.prioState;
}

/** Recomputes n.maxGap from n.gap and its two subtrees. */
function pull(n: Resource): void {
  let m = n.gap;
  if (n.tl !== null && n.tl.maxGap > m) m = n.tl.maxGap;
  if (n.tr !== null && n.tr.maxGap > m) m = n.tr.maxGap;
  n.maxGap = m;
}

/** Recomputes maxGap from n up to the treap root. */
function pullUp(n: Resource | null): void {
  for (; n !== null; n = n.tu) pull(n);
}

/** Puts `to` where `from` hung below `up` (or at the owner's root). */
function replaceSlot(owner: Resource, up: Resource | null, from: Resource, to: Resource | null): void {
  if (up === null) owner.kids = to;
  else if (up.tl === from) up.tl = to;
  else up.tr = to;
  if (to !== null) to.tu = up;
}

/** Rotates x above its treap parent, keeping the in-order sequence. */
function rotateUp(owner: Resource, x: Resource): void {
  const p = x.tu!;
  const g = p.tu;
  if (p.tl === x) {
    p.tl = x.tr;
    if (x.tr !== null) x.tr.tu = p;
    x.tr = p;
  } else {
    p.tr = x.tl;
    if (x.tl !== null) x.tl.tu = p;
    x.tl = p;
  }
  p.tu = x;
  replaceSlot(owner, g, p, x);
  pull(p);
  pull(x);
}

/** Inserts x (x.gap already set) into owner's treap by x.start, with a fresh priority. O(log n) expected. */
export function treapInsert(owner: Resource, x: Resource): void {
  x.prio = nextPrio(owner);
  x.tl = x.tr = null;
  x.maxGap = x.gap;
  let up: Resource | null = null;
  let left = false;
  for (let n = owner.kids; n !== null; n = left ? n.tl : n.tr) {
    up = n;
    left = x.start < n.start;
  }
  x.tu = up;
  if (up === null) owner.kids = x;
  else if (left) up.tl = x;
  else up.tr = x;
  pullUp(up);
  while (x.tu !== null && x.tu.prio < x.prio) rotateUp(owner, x);
}

/** Removes x from owner's treap. O(log n) expected. */
export function treapRemove(owner: Resource, x: Resource): void {
  while (x.tl !== null && x.tr !== null) rotateUp(owner, x.tl.prio > x.tr.prio ? x.tl : x.tr);
  const up = x.tu;
  replaceSlot(owner, up, x, x.tl ?? x.tr);
  x.tl = x.tr = x.tu = null;
  pullUp(up);
}

/** Sets x.gap and repairs the augmentation above it. O(log n) expected. */
export function treapSetGap(x: Resource, gap: bigint): void {
  x.gap = gap;
  pullUp(x);
}

/** The in-order predecessor of x in its treap, or null. */
export function treapPrev(x: Resource): Resource | null {
  if (x.tl !== null) {
    let n = x.tl;
    while (n.tr !== null) n = n.tr;
    return n;
  }
  let n = x;
  while (n.tu !== null && n.tu.tl === n) n = n.tu;
  return n.tu;
}

/** The last (highest) node of owner's treap, or null. */
export function treapLast(owner: Resource): Resource | null {
  let n = owner.kids;
  if (n === null) return null;
  while (n.tr !== null) n = n.tr;
  return n;
}

/**
 * The first node with end >= v (`next`) and the last node with end < v (`prev`).
 * Children are disjoint, so they are sorted by end as well as by start.
 */
export function treapLowerBoundEnd(owner: Resource, v: bigint): { prev: Resource | null; next: Resource | null } {
  let prev: Resource | null = null;
  let next: Resource | null = null;
  for (let n = owner.kids; n !== null; ) {
    if (n.end >= v) {
      next = n;
      n = n.tl;
    } else {
      prev = n;
      n = n.tr;
    }
  }
  return { prev, next };
}

/** The first node in address order whose gap is non-zero, or null. O(log n) expected. */
export function treapFirstGap(owner: Resource): Resource | null {
  let n = owner.kids;
  if (n === null || n.maxGap === 0n) return null;
  for (;;) {
    if (n.tl !== null && n.tl.maxGap > 0n) n = n.tl;
    else if (n.gap > 0n) return n;
    else n = n.tr!;
  }
}
