/**
 * dev_dax_resize: the dev/size write (docs/SPECIFICATION.md §3.6, §3.7). Growth is first
 * fit by address over the region's (contiguous) or the first extent's (dynamic) children,
 * found through the child index and the extent index in O(log n) per chunk.
 */
import type { Errno } from '../sut/interface.ts';
import { isU64 } from '../sut/u64.ts';
import { firstGap } from './childIndex.ts';
import { devDaxAlign, type DevDax } from './daxDevice.ts';
import { daxRegionAvailSize } from './daxRegion.ts';
import { devDaxShrink } from './devDaxShrink.ts';
import { adjustDevDaxRange, allocDevDaxRange } from './devDaxRange.ts';
import { firstExtentWithSpace } from './extent.ts';

/**
 * size_store + dev_dax_resize: resizes dev to size. Returns null on success, or EINVAL
 * (not a multiple of the effective alignment), EBUSY (bound; or fault S1's shrink),
 * ENOSPC (growth beyond the available size, or no gap left), ENOMEM (injected failure).
 * Not transactional: chunks already added before a failure stay.
 */
export function devDaxResize(dev: DevDax, size: bigint): Errno | null {
  if (!isU64(size) || size % devDaxAlign(dev) !== 0n) return 'EINVAL';
  if (dev.bound) return 'EBUSY';
  if (size === dev.size) return null;
  if (size > dev.size && size - dev.size > daxRegionAvailSize(dev.region)) return 'ENOSPC';
  if (size < dev.size) return devDaxShrink(dev, size);
  return dev.region.kind === 'contiguous' ? growContiguous(dev, size - dev.size) : growDynamic(dev, size - dev.size);
}

/** What the grow loop returns when it finds no room: ENOSPC (fault S5: success). */
function noRoom(dev: DevDax): Errno | null {
  return dev.region.ctx.faults.noGapSuccess ? null : 'ENOSPC';
}

/**
 * The contiguous grow loop: each round takes the first gap of the region; the gap right
 * after the device's own last range extends it in place, any other becomes a new range.
 */
function growContiguous(dev: DevDax, toAlloc: bigint): Errno | null {
  const regionRes = dev.region.res;
  while (toAlloc > 0n) {
    const gap = firstGap(regionRes);
    if (gap === null) return noRoom(dev);
    const chunk = gap.len < toAlloc ? gap.len : toAlloc;
    const last = dev.ranges[dev.ranges.length - 1];
    const rc =
      gap.after !== null && last !== undefined && gap.after === last.res
        ? adjustDevDaxRange(dev, last.res, last.end - last.start + 1n + chunk)
        : allocDevDaxRange(dev, regionRes, gap.start, chunk, null);
    if (rc !== null) return rc;
    toAlloc -= chunk;
  }
  return null;
}

/**
 * The dynamic grow loop: each round takes the first visible extent with free space (in
 * extent order), then the first gap inside it; every chunk is a new range holding a
 * reference on the extent.
 */
function growDynamic(dev: DevDax, toAlloc: bigint): Errno | null {
  while (toAlloc > 0n) {
    const extent = firstExtentWithSpace(dev.region);
    if (extent === null) return noRoom(dev);
    const gap = firstGap(extent.res);
    if (gap === null) return noRoom(dev);
    const chunk = gap.len < toAlloc ? gap.len : toAlloc;
    const rc = allocDevDaxRange(dev, extent.res, gap.start, chunk, extent);
    if (rc !== null) return rc;
    toAlloc -= chunk;
  }
  return null;
}
