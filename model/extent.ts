/**
 * CXL Dynamic Capacity extents (SEMANTICS.md §4, sut/RULES.md addExtent / removeExtent).
 * An extent's reference count is not stored: it is (visible ? 1 : 0) + the number of
 * device ranges in it. Its resource is released from the region when that reaches 0.
 */
import { fail, ok, type Result } from '../sut/interface.ts';
import { add64, isAligned } from '../sut/u64.ts';
import { daxReleaseRegion, type Region } from './daxRegion.ts';
import type { Failures } from './failures.ts';
import { requestRegion, resourceSize, type Resource } from './resource.ts';

export interface Extent {
  /** Index in the region's extent order. */
  id: number;
  /** Busy resource named "extent", a child of the region's resource until released. */
  res: Resource;
  label: string;
  /** False once removed: not counted in available size, never chosen for allocation. */
  visible: boolean;
}

/** refs(extent) = (visible ? 1 : 0) + number of device ranges in it. */
export function extentRefs(region: Region, extent: Extent): number {
  const ranges = region.devices.flatMap((d) => d.ranges).filter((r) => r.extent === extent.id);
  return (extent.visible ? 1 : 0) + ranges.length;
}

/**
 * Called right after a reference to extent was dropped: at 0 its resource is released
 * from the region (once: the count cannot rise again from 0, nothing takes a reference
 * on an invisible extent).
 */
export function extentPut(region: Region, extent: Extent): void {
  if (extentRefs(region, extent) > 0) return;
  daxReleaseRegion(region, region.res, extent.res.start, resourceSize(extent.res));
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
    daxReleaseRegion(region, region.res, start, length);
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
