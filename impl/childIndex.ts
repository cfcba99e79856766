/**
 * The children of a resource: the kernel's sorted sibling list, plus the treap index
 * (treap.ts), the gap after each child and the parent's childBytes, all updated together
 * on every link, unlink and move. Nothing here walks the sibling list.
 */
import { resourceSize, type Resource } from './resource.ts';
import { treapFirstGap, treapInsert, treapLast, treapPrev, treapRemove, treapSetGap } from './treap.ts';

/** Free bytes after child c of parent: up to the next sibling's start, or up to parent's end. */
function gapAfter(parent: Resource, c: Resource): bigint {
  return c.sibling !== null ? c.sibling.start - c.end - 1n : parent.end - c.end;
}

/** Recomputes the gap after child c (if any). */
function refreshGap(parent: Resource, c: Resource | null): void {
  if (c !== null) treapSetGap(c, gapAfter(parent, c));
}

/**
 * Links x as a child of parent between prev and next (its neighbours in address order;
 * the caller checked that x fits between them). O(log n).
 */
export function linkChild(parent: Resource, x: Resource, prev: Resource | null, next: Resource | null): void {
  x.parent = parent;
  x.sibling = next;
  if (prev !== null) prev.sibling = x;
  else parent.child = x;
  parent.childBytes += resourceSize(x);
  x.gap = gapAfter(parent, x);
  treapInsert(parent, x);
  refreshGap(parent, prev);
}

/** Unlinks child x from its parent (x keeps its own children). O(log n). */
export function unlinkChild(x: Resource): void {
  const parent = x.parent!;
  const prev = treapPrev(x);
  if (prev !== null) prev.sibling = x.sibling;
  else parent.child = x.sibling;
  parent.childBytes -= resourceSize(x);
  treapRemove(parent, x);
  x.parent = null;
  x.sibling = null;
  refreshGap(parent, prev);
}

/**
 * Moves x to [start, end], which the caller checked keeps it between its siblings, inside
 * its parent (if any) and around its own children. Repairs every cache. O(log n).
 */
export function moveResource(x: Resource, start: bigint, end: bigint): void {
  const oldSize = resourceSize(x);
  x.start = start;
  x.end = end;
  const parent = x.parent;
  if (parent !== null) {
    parent.childBytes += resourceSize(x) - oldSize;
    refreshGap(parent, x);
    refreshGap(parent, treapPrev(x));
  }
  refreshGap(x, treapLast(x));
}

/** The child before x in address order, or null. O(log n). */
export function prevSibling(x: Resource): Resource | null {
  return treapPrev(x);
}

/** The last (highest) child of parent, or null. O(log n). */
export function lastChild(parent: Resource): Resource | null {
  return treapLast(parent);
}

/** A free stretch inside a resource, found by first fit. `after` is the child it follows (null: the leading gap). */
export interface Gap {
  start: bigint;
  len: bigint;
  after: Resource | null;
}

/**
 * First fit by address over parent's children: the whole parent when it has none; else
 * the gap before the first child; else the gap after the first child followed by free
 * space (up to the next child or parent's end). Null when parent is full. O(log n).
 */
export function firstGap(parent: Resource): Gap | null {
  const first = parent.child;
  if (first === null) return { start: parent.start, len: resourceSize(parent), after: null };
  if (first.start > parent.start) return { start: parent.start, len: first.start - parent.start, after: null };
  const c = treapFirstGap(parent);
  if (c === null) return null;
  return { start: c.end + 1n, len: c.gap, after: c };
}
