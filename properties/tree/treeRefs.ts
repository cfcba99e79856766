/**
 * How tree commands name resources: by index into the model's live resources in
 * depth-first order (resolved at run time), with the generators of those indexes and of
 * the sizes and offsets the operations share.
 */
import fc from 'fast-check';
import type { TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { powerOfTwo } from '../domains.ts';
import { one, w } from '../operation.ts';

/** An id no resource takes in a run. */
export const MISSING_RESOURCE = 100000;

/** A live resource with its parent and root. */
export interface Placed {
  node: TreeNode;
  parent: TreeNode | null;
  root: TreeNode;
  /** 0 for a root, 1 for its children, … */
  depth: number;
}

/** Index of a live resource (modulo); a negative ref -1 - k names the k-th dead one (deadOrMissing). */
export const ref = fc.oneof(w(15, fc.nat({ max: 40 })), w(1, fc.integer({ min: -8, max: -1 })));
/** In big runs: any of up to 256 live resources, or a dead one. */
export const bigRef = fc.oneof(w(8, fc.nat({ max: 255 })), w(1, fc.integer({ min: -8, max: -1 })));

/** Sizes in units of 0x100, with 0, 1, 64 KiB and 2^63, and every power of two (argument buckets). */
export const size = fc.oneof(w(8, one(0x100n, 0x400n, 0x1000n)), w(2, one(0n, 1n, 0x10000n, 1n << 63n)), w(1, powerOfTwo(0, 63)));
/** Offsets from an anchor: mostly 0, a unit either way, one off, and every power of two (argument buckets). */
export const delta = fc.oneof(w(8, fc.constant(0n)), w(4, one(0x100n, -0x100n, 0x200n)), w(2, one(1n, -1n, 0x1000n)), w(1, powerOfTwo(0, 63)));
export const name = one('a', 'b', 'c');

/** Live resources in depth-first order with their parent and root. */
export function liveResources(snap: TreeSnapshot): Placed[] {
  const out: Placed[] = [];
  const walk = (node: TreeNode, parent: TreeNode | null, root: TreeNode, depth: number) => {
    out.push({ node, parent, root, depth });
    for (const c of node.children) walk(c, node, root, depth + 1);
  };
  for (const r of snap.roots) walk(r, null, r, 0);
  return out;
}

export const sizeOf = (n: TreeNode) => n.end - n.start + 1n;

/** How far past the highest live id dead ids are looked for (a released subtree may hold the newest ids). */
const DEAD_PAST_TOP = 8;

/**
 * The resource a negative ref names: -1 - k picks the k-th id (modulo) that is not live,
 * up to a few past the highest live id, so any released resource (a descendant of a
 * released one too) can be named; MISSING_RESOURCE when there is none.
 */
export function deadOrMissing(live: readonly Placed[], ref = -1): number {
  const ids = new Set(live.map((p) => p.node.id));
  const top = Math.max(-1, ...ids);
  const dead: number[] = [];
  for (let id = 0; id <= top + DEAD_PAST_TOP; id++) if (!ids.has(id)) dead.push(id);
  return dead.length === 0 ? MISSING_RESOURCE : dead[(-1 - ref) % dead.length]!;
}

/** The live resource a ref names (modulo); 'missing' for a negative ref, null when none is live. */
export function at(live: readonly Placed[], ref: number): Placed | null | 'missing' {
  return ref < 0 ? 'missing' : live.length === 0 ? null : live[ref % live.length]!;
}
