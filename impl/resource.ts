/**
 * struct resource: an inclusive range [start, end] with parent/sibling/child links, as in
 * kernel/resource.c, plus the fields of the ordered index of its children
 * (childIndex.ts) and the running total of its children's sizes.
 */
import { rangeSize } from '../sut/u64.ts';

export interface Resource {
  /** Forest-wide id (resource tree suite); -1 for resources made by DAX code. */
  readonly id: number;
  start: bigint;
  end: bigint;
  readonly name: string;
  readonly busy: boolean;
  /** True for a root (a forest root or a DAX region's resource). */
  readonly root: boolean;
  /** Null for a root, and for a resource that was unlinked. */
  parent: Resource | null;
  /** Next child of the same parent, in address order. */
  sibling: Resource | null;
  /** First (lowest) child. */
  child: Resource | null;

  /** Σ sizes of the direct children, kept on every link, unlink and adjust. */
  childBytes: bigint;
  /** Root of the treap indexing the children (childIndex.ts). */
  kids: Resource | null;
  /** State of the xorshift32 generator that gives this treap's nodes their priorities. */
  prioState: number;

  // Fields of this resource as a node of its parent's child index.
  /** Treap links: left, right, up. */
  tl: Resource | null;
  tr: Resource | null;
  tu: Resource | null;
  /** Treap priority, drawn from the parent's generator when linked (treapInsert). */
  prio: number;
  /** Free bytes after this child: up to the next sibling's start, or up to the parent's end. */
  gap: bigint;
  /** Max `gap` over this node's treap subtree. */
  maxGap: bigint;
}

/**
 * The seed of every new resource's priority generator: a treap's shape depends only on
 * the operations on its own owner, not on anything else that ran in the process.
 */
export const TREAP_SEED = 0x2545f491;

/** A new, unlinked resource. */
export function newResource(id: number, start: bigint, end: bigint, name: string, busy: boolean, root = false): Resource {
  return {
    id,
    start,
    end,
    name,
    busy,
    root,
    parent: null,
    sibling: null,
    child: null,
    childBytes: 0n,
    kids: null,
    prioState: TREAP_SEED,
    tl: null,
    tr: null,
    tu: null,
    prio: 0,
    gap: 0n,
    maxGap: 0n,
  };
}

/** resource_size(): end - start + 1 (2^64 for [0, U64_MAX]). */
export function resourceSize(res: Resource): bigint {
  return rangeSize(res.start, res.end);
}

/** Free bytes of res: its size minus its direct children's sizes. O(1). */
export function resourceFree(res: Resource): bigint {
  return resourceSize(res) - res.childBytes;
}

/** True while res is reachable from a root. O(depth). */
export function resourceLive(res: Resource): boolean {
  let r: Resource = res;
  while (r.parent) r = r.parent;
  return r.root;
}
