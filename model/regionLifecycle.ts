/**
 * Creating and destroying DAX regions (docs/SPECIFICATION.md §2.1–
 * §2.3): a non-busy root resource region{R}; on a contiguous region device
 * ranges are its children, on a dynamic region extents are, with device ranges inside them.
 */
import type { CreateRegionArgs, Errno } from '../sut/interface.ts';
import { isAligned, isPowerOfTwo, MiB, U64_MAX } from '../sut/u64.ts';
import type { Device, Region } from './daxRegion.ts';
import { allocDevDaxRange } from './devDaxRange.ts';
import { removeExtent } from './extent.ts';
import type { Failures } from './failpoints.ts';
import { newResource } from './resource.ts';
import { devDaxShrink } from './devDaxShrink.ts';

/**
 * Creates region{id} and its device dax{id}.0 (align = the region's align): size 0 on a
 * dynamic region or with seed 'empty', else the whole region as its one range.
 * EINVAL: align not a power of two or < 2 MiB, size 0 or not a u64 (2^64 is not), start
 * or size not a multiple of align, start + size > 2^64 (checked in this order).
 * ENOMEM: allocating the seed range failed; the region is then not created.
 */
export function createRegion(fp: Failures, id: number, args: CreateRegionArgs): Region | Errno {
  const { kind, start, sizeBytes, align } = args;
  if (!isPowerOfTwo(align) || align < 2n * MiB) return 'EINVAL';
  if (sizeBytes === 0n || sizeBytes > U64_MAX) return 'EINVAL';
  if (!isAligned(start, align) || !isAligned(sizeBytes, align)) return 'EINVAL';
  if (start + sizeBytes > U64_MAX + 1n) return 'EINVAL';
  const res = newResource(start, start + sizeBytes - 1n, `region${id}`);
  const dev0: Device = { id: 0, align, bound: false, ranges: [] };
  const region: Region = { id, kind, align, res, extents: [], devices: [dev0], destroyed: false };
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
