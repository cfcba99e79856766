/**
 * The resource tree suite's system under test (docs/SPECIFICATION.md §1.2–§1.9): a
 * forest of roots over model/resourceTree.ts. Ids are indexes into `created`: every resource
 * created successfully takes the next one, roots included; ids are never reused.
 * A resource is live while it is reachable from a root.
 */
import { fail, ok, type ResourceTreeSut, type Result, type TreeNode, type TreeSnapshot } from '../sut/interface.ts';
import { U64_MAX } from '../sut/u64.ts';
import * as kernel from './resourceTree.ts';
import { newResource, type Resource } from './resource.ts';

export class ResourceForest implements ResourceTreeSut {
  private roots: Resource[] = [];
  /** Every resource ever created; its index is its id. */
  private created: Resource[] = [];

  /** The live resource with this id, or undefined (the callers' ENXIO). */
  private live(id: number): Resource | undefined {
    const res = Number.isInteger(id) ? this.created[id] : undefined;
    if (res === undefined) return undefined;
    let top = res;
    while (top.parent !== null) top = top.parent;
    return this.roots.includes(top) ? res : undefined;
  }

  private idOf(res: Resource): number {
    return this.created.indexOf(res);
  }

  private take(res: Resource): Result {
    this.created.push(res);
    return ok(this.created.length - 1);
  }

  /** Adds a non-busy root [start, end]. EINVAL: end < start. */
  addRoot(start: bigint, end: bigint, name: string): Result {
    if (end < start) return fail('EINVAL');
    const root = newResource(start, end, name);
    this.roots.push(root);
    return this.take(root);
  }

  /** request_resource. ENXIO: parent not live. EBUSY with the conflict's id (see resourceTree.ts). */
  requestResource(parent: number, start: bigint, end: bigint, name: string): Result {
    const root = this.live(parent);
    if (root === undefined) return fail('ENXIO');
    const res = newResource(start, end, name);
    const conflict = kernel.requestResource(root, res);
    return conflict === null ? this.take(res) : fail('EBUSY', this.idOf(conflict));
  }

  /** __request_region. ENXIO: parent not live. EBUSY: a busy conflict, or the range does not fit the parent. */
  requestRegion(parent: number, start: bigint, n: bigint, name: string): Result {
    const root = this.live(parent);
    if (root === undefined) return fail('ENXIO');
    const res = kernel.requestRegion(root, start, n, name);
    return res === null ? fail('EBUSY') : this.take(res);
  }

  /** __release_region. ENXIO: parent not live. ENOENT: nothing released. */
  releaseRegion(parent: number, start: bigint, n: bigint): Result {
    const root = this.live(parent);
    if (root === undefined) return fail('ENXIO');
    return kernel.releaseRegion(root, start, n) ? ok() : fail('ENOENT');
  }

  /** adjust_resource. ENXIO: not live. EINVAL: size 0 or start + size - 1 wraps. EBUSY: one of the four rules. */
  adjustResource(res: number, start: bigint, size: bigint): Result {
    const r = this.live(res);
    if (r === undefined) return fail('ENXIO');
    if (size === 0n || start + size - 1n > U64_MAX) return fail('EINVAL');
    return kernel.adjustResource(r, start, size) ? ok() : fail('EBUSY');
  }

  /** release_resource. ENXIO: not live. EINVAL: a root. */
  releaseResource(res: number): Result {
    const r = this.live(res);
    if (r === undefined) return fail('ENXIO');
    if (this.roots.includes(r)) return fail('EINVAL');
    kernel.releaseResource(r);
    return ok();
  }

  observe(): TreeSnapshot {
    const node = (res: Resource): TreeNode => ({
      id: this.idOf(res),
      start: res.start,
      end: res.end,
      name: res.name,
      busy: res.busy,
      children: res.children.map(node),
    });
    return { roots: this.roots.map(node) };
  }
}
