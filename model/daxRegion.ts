/**
 * DAX regions (SEMANTICS.md §2, sut/RULES.md createRegion / destroyRegion): a non-busy
 * root resource region{R}; on a contiguous region device ranges are its children, on a
 * dynamic region extents are, with device ranges inside them.
 */
import type { CreateRegionArgs, Errno, RegionKind } from '../sut/interface.ts';
import { isAligned, isPowerOfTwo, MiB, U64_MAX } from '../sut/u64.ts';
import type { Device } from './daxDevice.ts';
import { allocDevDaxRange } from './devDaxRange.ts';
import { removeExtent, type Extent } from './extent.ts';
import type { Failures } from './failures.ts';
import { freeSpace, newResource, releaseRegion, type Resource } from './resource.ts';
import { devDaxShrink } from './resize.ts';

export interface Region {
  id: number;
  kind: RegionKind;
  align: bigint;
  /** region{R}: [start, start + size - 1], not busy, never adjusted. */
  res: Resource;
  /** In the order they were added; index = extent id. Removed and released ones stay. */
  extents: Extent[];
  /** Live devices, sorted by id. */
  devices: Device[];
  destroyed: boolean;
  /** releaseRegion calls by DAX code that found nothing. */
  badReleases: number;
}

/**
 * Available size: contiguous, the region's free space; dynamic, the free space of its
 * visible extents; 0 once destroyed.
 */
export function availSize(region: Region): bigint {
  if (region.destroyed) return 0n;
  if (region.kind === 'contiguous') return freeSpace(region.res);
  return region.extents.filter((e) => e.visible).reduce((sum, e) => sum + freeSpace(e.res), 0n);
}

/** releaseRegion made by DAX code: a release that finds nothing counts as a bad release. */
export function daxReleaseRegion(region: Region, parent: Resource, start: bigint, n: bigint): void {
  if (!releaseRegion(parent, start, n)) region.badReleases += 1;
}

/**
 * Creates region{id} and its device dax{id}.0 (align = the region's align): size 0 on a dynamic region
 * or with seed 'empty', else the whole region as its one range.
 * EINVAL: align not a power of two or < 2 MiB, size 0, start or size not a multiple of
 * align, start + size > 2^64 (checked in this order).
 * ENOMEM: allocating the seed range failed; the region is then not created.
 */
export function createRegion(fp: Failures, id: number, args: CreateRegionArgs): Region | Errno {
  const { kind, start, sizeBytes, align } = args;
  if (!isPowerOfTwo(align) || align < 2n * MiB) return 'EINVAL';
  if (sizeBytes === 0n) return 'EINVAL';
  if (!isAligned(start, align) || !isAligned(sizeBytes, align)) return 'EINVAL';
  if (start + sizeBytes > U64_MAX + 1n) return 'EINVAL';
  const res = newResource(start, start + sizeBytes - 1n, `region${id}`);
  const dev0: Device = { id: 0, align, bound: false, ranges: [] };
  const region: Region = { id, kind, align, res, extents: [], devices: [dev0], destroyed: false, badReleases: 0 };
  if (kind === 'contiguous' && (args.seed ?? 'whole') === 'whole') {
    if (!allocDevDaxRange(fp, region, dev0, res, start, sizeBytes, null).ok) return 'ENOMEM';
  }
  return region;
}

/**
 * Destroys a live region: every device, in id order, is shrunk to 0 (no checks) and
 * removed; then every extent still visible is removed, in extent order. Its resource is
 * then left with no children. The region stays, marked destroyed.
 */
export function destroyRegion(region: Region): void {
  for (const dev of region.devices) devDaxShrink(region, dev, 0n);
  region.devices = [];
  for (const extent of region.extents) if (extent.visible) removeExtent(region, extent);
  region.destroyed = true;
}
