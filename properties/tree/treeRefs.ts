/**
 * How tree commands name resources: by index into the model's live resources in
 * depth-first order (resolved at run time), with the generators of those indexes and of
 * the sizes and offsets the operations share.
 */
import fc from 'fast-check';
import type { TreeNode, TreeSnapshot } from '../../sut/interface.ts';
import { one, w } from '../operation.ts';

/** An id no resource takes in a run. */
export const MISSING_RESOURCE = 100000;

/** A live resource with its parent and root. */
export interface Placed {
  node: TreeNode;
  parent: TreeNode | null;
  root: TreeNode;
}

/** Index of a live resource (modulo), -1 for a missing one. */
export const ref = fc.oneof(w(15, fc.nat({ max: 40 })), w(1, fc.constant(-1)));
/** Sizes in units of 0x100, with 0, 1, 64 KiB and 2^63. */
export const size = fc.oneof(w(8, one(0x100n, 0x400n, 0x1000n)), w(2, one(0n, 1n, 0x10000n, 1n << 63n)));
/** Offsets from an anchor: mostly 0, a unit either way, one off. */
export const delta = fc.oneof(w(8, fc.constant(0n)), w(4, one(0x100n, -0x100n, 0x200n)), w(2, one(1n, -1n, 0x1000n)));
export const name = one('a', 'b', 'c');

/** Live resources in depth-first order with their parent and root. */
export function liveResources(snap: TreeSnapshot): Placed[] {
  const out: Placed[] = [];
  const walk = (node: TreeNode, parent: TreeNode | null, root: TreeNode) => {
    out.push({ node, parent, root });
    for (const c of node.children) walk(c, node, root);
  };
  for (const r of snap.roots) walk(r, null, r);
  return out;
}

export const sizeOf = (n: TreeNode) => n.end - n.start + 1n;

/** A resource that was released (an id below the highest live one that is not live), else one that never was. */
export function deadOrMissing(live: readonly Placed[]): number {
  const ids = new Set(live.map((p) => p.node.id));
  const top = Math.max(-1, ...ids);
  for (let id = 0; id < top; id++) if (!ids.has(id)) return id;
  return MISSING_RESOURCE;
}

/** The live resource a ref names (modulo); 'missing' for a negative ref, null when none is live. */
export function at(live: readonly Placed[], ref: number): Placed | null | 'missing' {
  return ref < 0 ? 'missing' : live.length === 0 ? null : live[ref % live.length]!;
}
