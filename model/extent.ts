/**
 * CXL Dynamic Capacity extents (docs/SPECIFICATION.md §4).
 * An extent's reference count is not stored (daxRegion.ts extentRefs); its resource is
 * released from the region when the count reaches 0.
 */
import { fail, ok, type Result } from '../sut/interface.ts';
import { add64, isAligned } from '../sut/u64.ts';
import { daxReleaseRegion, extentRefs, type Extent, type Region } from './daxRegion.ts';
import type { Failures } from './failpoints.ts';
import { resourceSize } from './resource.ts';
import { requestRegion } from './resourceTree.ts';

/**
 * Called right after a reference to extent was dropped: at 0 its resource is released
 * from the region (once: the count cannot rise again from 0, nothing takes a reference
 * on an invisible extent).
 */
export function extentPut(region: Region, extent: Extent): void {
  if (extentRefs(region)[extent.id]! > 0) return;
  daxReleaseRegion(region.res, extent.res.start, resourceSize(extent.res));
}

/**
 * Adds a visible extent [region.start + offset, + length) (u64 wrap) at the end of the
 * extent order; returns its id. On a live region:
 * EINVAL: contiguous region; length 0, offset or length not a multiple of the region align.
 * ENOMEM: injected failure at `resource` (nothing done) or `extentDevice` (its resource
 * is released again). ENOSPC: the range conflicts or is outside the region.
 */
export function addExtent(fp: Failures, region: Region, offset: bigint, length: bigint, label: string): Result {
  if (region.kind === 'contiguous') return fail('EINVAL');
  if (length === 0n || !isAligned(offset, region.align) || !isAligned(length, region.align)) return fail('EINVAL');
  if (fp.fails('resource')) return fail('ENOMEM');
  const start = add64(region.res.start, offset);
  const res = requestRegion(region.res, start, length, 'extent');
  if (res === null) return fail('ENOSPC');
  if (fp.fails('extentDevice')) {
    daxReleaseRegion(region.res, start, length);
    return fail('ENOMEM');
  }
  const id = region.extents.length;
  region.extents.push({ id, res, label, visible: true });
  return ok(id);
}

/**
 * The device gave the capacity back: the extent becomes invisible and drops its own
 * reference (released now if no range uses it, else on the last trim).
 * ENXIO: already removed.
 */
export function removeExtent(region: Region, extent: Extent): Result {
  if (!extent.visible) return fail('ENXIO');
  extent.visible = false;
  extentPut(region, extent);
  return ok();
}
