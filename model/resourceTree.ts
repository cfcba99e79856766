/**
 * The resource tree algorithms of kernel/resource.c (docs/SPECIFICATION.md §1) on the
 * plain resources of resource.ts.
 * These functions know nothing of ids or errnos; the tree suite (treeSut.ts)
 * and the DAX model (daxRegion.ts, extent.ts, devDaxRange.ts) wrap them.
 */
import { endOf } from '../sut/u64.ts';
import { newResource, type Resource } from './resource.ts';

/**
 * __request_resource: inserts res as a child of root, in address order.
 * Returns null on success, else the conflict and nothing changes: root itself when res
 * is empty (end < start) or not inside root, else the lowest child overlapping res.
 * Purely geometric: busy flags play no part.
 */
export function requestResource(root: Resource, res: Resource): Resource | null {
  if (res.end < res.start || res.start < root.start || res.end > root.end) return root;
  const conflict = root.children.find((c) => c.start <= res.end && c.end >= res.start);
  if (conflict !== undefined) return conflict;
  const at = root.children.filter((c) => c.start < res.start).length;
  root.children.splice(at, 0, res);
  res.parent = root;
  return null;
}

/**
 * __request_region: a new busy resource [start, start + n - 1] (u64 wrap) under parent,
 * descending into a non-busy conflict other than the current parent.
 * Returns the new resource, or null when the conflict is busy or is the parent itself
 * (the caller's EBUSY).
 */
export function requestRegion(parent: Resource, start: bigint, n: bigint, name: string): Resource | null {
  const res = newResource(start, endOf(start, n), name, true);
  for (;;) {
    const conflict = requestResource(parent, res);
    if (conflict === null) return res;
    if (conflict === parent || conflict.busy) return null;
    parent = conflict;
  }
}

/** release_resource: unlinks res, with its whole subtree, from its parent. */
export function releaseResource(res: Resource): void {
  if (res.parent !== null) res.parent.children = res.parent.children.filter((c) => c !== res);
  res.parent = null;
}

/**
 * __release_region: finds the first child of parent with start' <= start and end' >= end
 * (end = start + n - 1, u64 wrap); descends while that child is not busy. A busy one is
 * unlinked (its children go with it) when it is exactly [start, end].
 * Returns false, changing nothing, when there is none ("Trying to free nonexistent
 * resource"): a partial range, a range spanning two resources, nothing there.
 */
export function releaseRegion(parent: Resource, start: bigint, n: bigint): boolean {
  const end = endOf(start, n);
  for (;;) {
    const res = parent.children.find((c) => c.start <= start && c.end >= end);
    if (res === undefined) return false;
    if (!res.busy) {
      parent = res;
      continue;
    }
    if (res.start !== start || res.end !== end) return false;
    releaseResource(res);
    return true;
  }
}

/**
 * __adjust_resource: moves res to [start, start + size - 1] (u64 wrap; callers pass no
 * empty or wrapping range). Returns false (the caller's EBUSY), changing nothing, when
 * (1) the range leaves the parent, (2) it reaches the next sibling, (3) it reaches back to
 * the previous sibling, or (4) it no longer contains every child of res. A root skips 1–3.
 */
export function adjustResource(res: Resource, start: bigint, size: bigint): boolean {
  const end = endOf(start, size);
  const parent = res.parent;
  if (parent !== null) {
    const i = parent.children.indexOf(res);
    const next = parent.children[i + 1];
    const prev = parent.children[i - 1];
    if (start < parent.start || end > parent.end) return false;
    if (next !== undefined && next.start <= end) return false;
    if (prev !== undefined && start <= prev.end) return false;
  }
  if (res.children.some((c) => c.start < start || c.end > end)) return false;
  res.start = start;
  res.end = end;
  return true;
}
