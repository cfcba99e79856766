/**
 * The three ways a device's ranges array changes, always at its end (drivers/dax/bus.c):
 * alloc_dev_dax_range appends a new range, adjust_dev_dax_range resizes the last one in
 * place, trim_dev_dax_range removes the last one. Each keeps the device size, the extent
 * references and the extent index up to date.
 */
import type { Errno } from '../sut/interface.ts';
import { PAGE_SIZE } from '../sut/u64.ts';
import { devDaxCountRange, type DevDax } from './daxDevice.ts';
import { daxReleaseRegion } from './daxRegion.ts';
import { daxExtentGet, daxExtentPut, daxExtentRefresh, type DaxExtent } from './extent.ts';
import type { Resource } from './resource.ts';
import { adjustResource, requestRegion } from './resourceTree.ts';

/**
 * alloc_dev_dax_range (the new-range path, docs/SPECIFICATION.md §3.11): requests [start, start + len - 1]
 * under parent, named after the device, and appends it as the last range with pgoff =
 * size before it; on a dynamic region the range takes a reference on extent. Returns null
 * on success, ENOMEM on an injected failure (resource, ranges, mapping) or a conflict.
 * After a failure nothing of the new range remains. len 0 (only a whole-space mapping,
 * 2^64 mod 2^64, passes it) requests [start, 2^64 - 1] like any length; fault K1 instead
 * takes the kernel's size-0 path: null with nothing allocated on a device without
 * ranges, else EBUSY (the kernel's dev_WARN_ONCE "0-size allocation must be first").
 */
export function allocDevDaxRange(dev: DevDax, parent: Resource, start: bigint, len: bigint, extent: DaxExtent | null): Errno | null {
  const region = dev.region;
  const failpoints = region.ctx.failpoints;
  const mutant = region.ctx.faults.mutant;
  if (len === 0n && region.ctx.faults.wholeSpaceMapping) return dev.ranges.length > 0 ? 'EBUSY' : null;
  const allocs = region.ctx.allocs;
  if (failpoints.fails('resource')) return mutant === 'resource' ? 'ENOSPC' : 'ENOMEM';
  // __request_region's own allocation (fail-nth), made before its conflict check
  if (allocs.fails('alloc_resource:resource')) return 'ENOMEM';
  const res = requestRegion(parent, start, len, dev.name);
  if (res === null) return 'ENOMEM';
  if (failpoints.fails('ranges') || allocs.fails('alloc_dev_dax_range:ranges')) {
    if (mutant !== 'ranges') daxReleaseRegion(region, parent, start, len);
    return 'ENOMEM';
  }
  dev.ranges.push({ start, end: res.end, pgoff: dev.size / PAGE_SIZE, res, parent, extent });
  dev.size += len;
  devDaxCountRange(dev, len, 1);
  if (extent !== null) {
    daxExtentGet(extent);
    daxExtentRefresh(extent);
  }
  if (failpoints.fails('mapping') || allocs.fails('alloc_dev_dax_range:mapping')) {
    if (mutant !== 'mapping') trimDevDaxRange(dev);
    return 'ENOMEM';
  }
  return null;
}

/**
 * adjust_dev_dax_range: adjust_resource(res, last range's start, size), then the last
 * range becomes [start, start + size - 1]. res is the last range's own resource (fault S1
 * passes its extent's). Precondition: a last range exists, size > 0. Returns null, or
 * EBUSY when the adjust does not fit (nothing changes then).
 */
export function adjustDevDaxRange(dev: DevDax, res: Resource, size: bigint): Errno | null {
  const range = dev.ranges[dev.ranges.length - 1]!;
  if (!adjustResource(res, range.start, size)) return 'EBUSY';
  const old = range.end - range.start + 1n;
  range.end = range.start + size - 1n;
  dev.size += size - old;
  devDaxCountRange(dev, old, -1);
  devDaxCountRange(dev, size, 1);
  if (range.extent !== null) daxExtentRefresh(range.extent);
  return null;
}

/**
 * trim_dev_dax_range: removes the last range: releases its resource from the parent it
 * was requested under (a bad release is counted if it is not there), and on a dynamic
 * region drops its extent reference (which may release the extent). Precondition: a range exists.
 */
export function trimDevDaxRange(dev: DevDax): void {
  const range = dev.ranges.pop()!;
  const len = range.end - range.start + 1n;
  daxReleaseRegion(dev.region, range.parent, range.start, len);
  dev.size -= len;
  devDaxCountRange(dev, len, -1);
  if (range.extent !== null) {
    daxExtentRefresh(range.extent);
    daxExtentPut(range.extent);
  }
}
