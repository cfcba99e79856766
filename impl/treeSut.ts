/**
 * The resource tree suite's system under test (ResourceTreeSut): a forest of struct
 * resource trees addressed by forest-wide ids, driving the algorithms of resourceTree.ts.
 */
import { fail, ok, type Result, type ResourceTreeSut, type TreeNode, type TreeSnapshot } from '../sut/interface.ts';
import { endOf, isU64 } from '../sut/u64.ts';
import { newResource, resourceLive, type Resource } from './resource.ts';
import { adjustResource, releaseRegion, releaseResource, requestRegion, requestResource } from './resourceTree.ts';
import { snapshotSubtree } from './resourceSnapshot.ts';
import { checkSubtree } from './selfCheck.ts';

export class ImplTree implements ResourceTreeSut {
  private readonly roots: Resource[] = [];
  /** Every resource ever created, by id (dead ones included). */
  private readonly byId: Resource[] = [];

  /** The live resource with this id, or null (not an id, never created, or unlinked). */
  private live(id: number): Resource | null {
    const res = Number.isInteger(id) && id >= 0 ? this.byId[id] : undefined;
    return res !== undefined && resourceLive(res) ? res : null;
  }

  /** Adds a root [start, end], not busy. EINVAL: end < start (or not u64 values). */
  addRoot(start: bigint, end: bigint, name: string): Result {
    if (!isU64(start) || !isU64(end) || end < start) return fail('EINVAL');
    const res = newResource(this.byId.length, start, end, String(name), false, true);
    this.byId.push(res);
    this.roots.push(res);
    return ok(res.id);
  }

  /** request_resource. ENXIO: parent not live. EBUSY + conflict id. EINVAL: values not u64. */
  requestResource(parent: number, start: bigint, end: bigint, name: string): Result {
    const p = this.live(parent);
    if (p === null) return fail('ENXIO');
    if (!isU64(start) || !isU64(end)) return fail('EINVAL');
    const res = newResource(this.byId.length, start, end, String(name), false);
    const conflict = requestResource(p, res);
    if (conflict !== null) return fail('EBUSY', conflict.id);
    this.byId.push(res);
    return ok(res.id);
  }

  /** __request_region. ENXIO: parent not live. EBUSY: cannot be placed. EINVAL: values not u64. */
  requestRegion(parent: number, start: bigint, n: bigint, name: string): Result {
    const p = this.live(parent);
    if (p === null) return fail('ENXIO');
    if (!isU64(start) || !isU64(n)) return fail('EINVAL');
    const res = requestRegion(p, start, n, String(name), this.byId.length);
    if (res === null) return fail('EBUSY');
    this.byId.push(res);
    return ok(res.id);
  }

  /** __release_region. ENXIO: parent not live. ENOENT: nothing released. EINVAL: values not u64. */
  releaseRegion(parent: number, start: bigint, n: bigint): Result {
    const p = this.live(parent);
    if (p === null) return fail('ENXIO');
    if (!isU64(start) || !isU64(n)) return fail('EINVAL');
    return releaseRegion(p, start, n) !== null ? ok() : fail('ENOENT');
  }

  /** adjust_resource. ENXIO: not live. EINVAL: size 0, a wrap, values not u64. EBUSY: does not fit. */
  adjustResource(res: number, start: bigint, size: bigint): Result {
    const r = this.live(res);
    if (r === null) return fail('ENXIO');
    if (!isU64(start) || !isU64(size) || size === 0n || endOf(start, size) < start) return fail('EINVAL');
    return adjustResource(r, start, size) ? ok() : fail('EBUSY');
  }

  /** release_resource. ENXIO: not live. EINVAL: a root. */
  releaseResource(res: number): Result {
    const r = this.live(res);
    if (r === null) return fail('ENXIO');
    if (r.root) return fail('EINVAL');
    releaseResource(r);
    return ok();
  }

  /** The canonical snapshot: roots in the order added, children by address. O(n). */
  observe(): TreeSnapshot {
    return { roots: this.roots.map(treeNode) };
  }

  /** Every child index of the forest against its sibling list (impl/selfCheck.ts); one line per violation. */
  selfCheck(): string[] {
    const bad: string[] = [];
    for (const r of this.roots) checkSubtree(r, bad);
    return bad;
  }
}

/** The snapshot of res and its subtree. */
function treeNode(res: Resource): TreeNode {
  return snapshotSubtree(res, leaf);
}

function leaf(r: Resource): TreeNode {
  return { id: r.id, start: r.start, end: r.end, name: r.name, busy: r.busy, children: [] };
}
