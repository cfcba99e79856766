/**
 * DC extents of a dynamic region (docs/SPECIFICATION.md §4): each holds a busy resource in the
 * region and a kref; the extent's own device holds one reference while it is visible,
 * and every device range inside it one more. The release callback frees the resource
 * exactly when the count reaches 0.
 */
import { fail, ok, type Result } from '../sut/interface.ts';
import { add64, isU64 } from '../sut/u64.ts';
import { daxReleaseRegion, type DaxRegion } from './daxRegion.ts';
import { krefGet, krefInit, krefPut, type Kref } from './kref.ts';
import { resourceFree, resourceSize, type Resource } from './resource.ts';
import { requestRegion } from './resourceTree.ts';

export interface DaxExtent {
  /** Index in the region's extent order. */
  readonly id: number;
  readonly region: DaxRegion;
  /** Busy resource "extent", a child of the region's resource until released. */
  readonly res: Resource;
  readonly label: string;
  /** Counted in available size and chosen for allocations only while visible. */
  visible: boolean;
  readonly kref: Kref;
  /** Its resource was released (the count reached 0). */
  released: boolean;
}

const U32_SPAN = 1n << 32n;

/**
 * Writes the extent's leaf of the region's extent index: its free bytes while visible
 * (else 0), and the search key the allocator reads (fault S2: free mod 2^32 = 0 reads 0).
 * Called after every change of the extent's children or visibility. O(log n).
 */
export function daxExtentRefresh(ext: DaxExtent): void {
  const free = ext.visible ? resourceFree(ext.res) : 0n;
  const key = ext.region.ctx.faults.freeSpaceInt && free % U32_SPAN === 0n ? 0n : free;
  ext.region.extentIndex.set(ext.id, free, key);
}

/**
 * addExtent: offset and length multiples of the region align, length > 0, else EINVAL
 * (EINVAL too on a contiguous region). ENOMEM: injected failure at `resource` or
 * `extentDevice` (the latter releases the new resource: once, fault S3 twice). ENOSPC:
 * the range conflicts or leaves the region. On success returns the new extent's id.
 */
export function addDaxExtent(region: DaxRegion, offset: bigint, length: bigint, label: string): Result {
  if (region.kind !== 'dynamic') return fail('EINVAL');
  if (!isU64(offset) || !isU64(length)) return fail('EINVAL');
  if (length === 0n || offset % region.align !== 0n || length % region.align !== 0n) return fail('EINVAL');
  const { failpoints, faults, allocs } = region.ctx;
  if (failpoints.fails('resource')) return fail(faults.mutant === 'resource' ? 'ENOSPC' : 'ENOMEM');
  // fail-nth: the extent's resource is allocated before the request's conflict check
  if (allocs.fails('dax_extent_add:res')) return fail('ENOMEM');
  const start = add64(region.res.start, offset);
  const res = requestRegion(region.res, start, length, 'extent');
  if (res === null) return fail('ENOSPC');
  // the extent, its label and the region's extent log; then the extent's device
  if (allocs.fails('dax_extent_add:extent') || allocs.fails('dax_extent_add:label') || allocs.fails('dax_extent_add:extents')) {
    daxReleaseRegion(region, region.res, start, length);
    return fail('ENOMEM');
  }
  if (failpoints.fails('extentDevice') || allocs.fails('dax_extent_register_dev:dev')) {
    // The error path drops the new extent's only reference, which frees its resource...
    if (faults.mutant !== 'extentDevice') daxReleaseRegion(region, region.res, start, length);
    // ...and the seed patch then frees it a second time.
    if (faults.doubleRelease) daxReleaseRegion(region, region.res, start, length);
    return fail('ENOMEM');
  }
  const id = region.extentIndex.push();
  const ext: DaxExtent = { id, region, res, label: String(label), visible: true, kref: krefInit(), released: false };
  region.extents.push(ext);
  daxExtentRefresh(ext);
  return ok(id);
}

/** removeExtent: the extent becomes invisible and drops its own reference (caller checked it was visible). */
export function removeDaxExtent(ext: DaxExtent): void {
  ext.visible = false;
  daxExtentRefresh(ext);
  daxExtentPut(ext);
}

/** Takes a reference for a device range. */
export function daxExtentGet(ext: DaxExtent): void {
  krefGet(ext.kref);
}

/** Drops a reference; the last one releases the extent's resource. */
export function daxExtentPut(ext: DaxExtent): void {
  krefPut(ext.kref, () => daxExtentRelease(ext));
}

/** The kref release callback: frees the extent's resource from the region, once. */
function daxExtentRelease(ext: DaxExtent): void {
  daxReleaseRegion(ext.region, ext.region.res, ext.res.start, resourceSize(ext.res));
  ext.released = true;
  daxExtentRefresh(ext);
}

/** The first extent in extent order that is visible and (as the allocator reads it) has free space. O(log n). */
export function firstExtentWithSpace(region: DaxRegion): DaxExtent | null {
  const i = region.extentIndex.first();
  return i < 0 ? null : region.extents[i]!;
}
