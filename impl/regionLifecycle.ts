/**
 * Creating and destroying a DAX region (docs/SPECIFICATION.md §2.2, §2.3).
 */
import type { CreateRegionArgs, Errno } from '../sut/interface.ts';
import { devDaxAdd, devDaxRemove } from './daxDevice.ts';
import { checkRegionArgs, newDaxRegion, type DaxContext, type DaxRegion } from './daxRegion.ts';
import { devDaxShrink } from './devDaxShrink.ts';
import { allocDevDaxRange } from './devDaxRange.ts';
import { removeDaxExtent } from './extent.ts';

/**
 * Creates region{id} with device dax{id}.0: size 0 on a dynamic region or a contiguous
 * 'empty' one; on a contiguous 'whole' one the whole region as its one range.
 * Returns the region, or EINVAL (bad arguments, docs/SPECIFICATION.md §2.2 order) or ENOMEM (the seed
 * range's allocation failed: nothing of the region remains).
 */
export function createDaxRegion(id: number, args: CreateRegionArgs, ctx: DaxContext): DaxRegion | Errno {
  const err = checkRegionArgs(args);
  if (err !== null) return err;
  if (ctx.allocs.fails('dax_region_create:regions') || ctx.allocs.fails('dax_region_create:dax_region')) return 'ENOMEM';
  const region = newDaxRegion(id, args, ctx);
  const seed = devDaxAdd(region);
  if (seed === null) return 'ENOMEM';
  if (region.kind === 'contiguous' && (args.seed ?? 'whole') === 'whole') {
    if (allocDevDaxRange(seed, region.res, region.res.start, args.sizeBytes, null) !== null) return 'ENOMEM';
  }
  return region;
}

/**
 * Destroys a live region: every device in id order is shrunk to 0 (no checks) and
 * removed, then every extent still visible is removed in extent order, which releases
 * every extent resource exactly once. The region stays, marked destroyed.
 */
export function destroyDaxRegion(region: DaxRegion): void {
  const ids = [...region.devices.keys()].sort((a, b) => a - b);
  for (const id of ids) {
    const dev = region.devices.get(id)!;
    devDaxShrink(dev, 0n);
    dev.bound = false;
    devDaxRemove(dev);
  }
  for (const ext of region.extents) if (ext.visible) removeDaxExtent(ext);
  region.destroyed = true;
}
