/**
 * struct resource of kernel/resource.c (docs/SPECIFICATION.md §1), as a plain object: a
 * resource has a parent and an array of children kept sorted by start. The algorithms
 * on it are resourceTree.ts.
 */
export interface Resource {
  start: bigint;
  /** Inclusive. */
  end: bigint;
  name: string;
  busy: boolean;
  /** null for a root, and for a resource that was unlinked. */
  parent: Resource | null;
  /** Sorted by start, pairwise disjoint, each inside this resource. */
  children: Resource[];
}

export function newResource(start: bigint, end: bigint, name: string, busy = false): Resource {
  return { start, end, name, busy, parent: null, children: [] };
}

/** resource_size(): end - start + 1 (exact: [0, 2^64 - 1] gives 2^64). */
export function resourceSize(res: Resource): bigint {
  return res.end - res.start + 1n;
}

/** Free space of a resource: its size minus the sizes of its direct children. */
export function freeSpace(res: Resource): bigint {
  return res.children.reduce((free, child) => free - resourceSize(child), resourceSize(res));
}
