/**
 * The resource tree algorithms of kernel/resource.c (docs/SPECIFICATION.md §1), on the linked
 * struct resource of resource.ts. Where the kernel walks a sibling list, these search the
 * child index instead (O(log n) per level).
 */
import { endOf } from '../sut/u64.ts';
import { lastChild, linkChild, moveResource, prevSibling, unlinkChild } from './childIndex.ts';
import { newResource, type Resource } from './resource.ts';
import { treapLowerBoundEnd } from './treap.ts';

/**
 * __request_resource: links the unlinked resource x as a child of root. Returns null on
 * success, else the conflict: root itself when x is empty (end < start) or not inside
 * root, or the lowest child overlapping x (nothing changes then).
 */
export function requestResource(root: Resource, x: Resource): Resource | null {
  const { start, end } = x;
  if (end < start || start < root.start || end > root.end) return root;
  const { prev, next } = treapLowerBoundEnd(root, start);
  if (next !== null && next.start <= end) return next;
  linkChild(root, x, prev, next);
  return null;
}

/**
 * __request_region: a new busy resource [start, start + n - 1] (u64 wrap) named name,
 * placed under parent, descending into non-busy conflicts. Returns null (the kernel's
 * NULL, i.e. EBUSY) when the conflict is busy or is the current parent.
 */
export function requestRegion(parent: Resource, start: bigint, n: bigint, name: string, id = -1): Resource | null {
  const res = newResource(id, start, endOf(start, n), name, true);
  for (let p = parent; ; ) {
    const conflict = requestResource(p, res);
    if (conflict === null) return res;
    if (conflict === p || conflict.busy) return null;
    p = conflict;
  }
}

/**
 * __release_region: unlinks the busy resource exactly [start, start + n - 1], found by
 * descending from parent through the non-busy child that contains the range. Returns the
 * released resource, or null ("Trying to free nonexistent resource": a partial range, a
 * range spanning two resources, nothing there). Its children are not re-parented.
 */
export function releaseRegion(parent: Resource, start: bigint, n: bigint): Resource | null {
  const end = endOf(start, n);
  for (let p = parent; ; ) {
    // The first child with c.start <= start && c.end >= end: children are sorted by start
    // and by end, so it is the first child with c.end >= end, if that one starts early enough.
    const c = treapLowerBoundEnd(p, end).next;
    if (c === null || c.start > start) return null;
    if (!c.busy) {
      p = c;
      continue;
    }
    if (c.start !== start || c.end !== end) return null;
    unlinkChild(c);
    return c;
  }
}

/**
 * adjust_resource: moves res to [start, start + size - 1]. Precondition: size > 0 and no
 * wrap (the callers check). Returns false (EBUSY) when the new range would leave the
 * parent, reach the next sibling, reach back to the previous sibling, or no longer
 * contain every child of res; roots skip the first three checks. O(log n).
 */
export function adjustResource(res: Resource, start: bigint, size: bigint): boolean {
  const end = endOf(start, size);
  const parent = res.parent;
  if (parent !== null) {
    if (start < parent.start || end > parent.end) return false;
    if (res.sibling !== null && res.sibling.start <= end) return false;
    const prev = prevSibling(res);
    if (prev !== null && start <= prev.end) return false;
  }
  const first = res.child;
  if (first !== null && (first.start < start || lastChild(res)!.end > end)) return false;
  moveResource(res, start, end);
  return true;
}

/** release_resource: unlinks res (not a root) with its whole subtree. */
export function releaseResource(res: Resource): void {
  unlinkChild(res);
}
