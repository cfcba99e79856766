/**
 * dev_dax_shrink: the dev/size write to a smaller size (drivers/dax/bus.c;
 * docs/SPECIFICATION.md §3.8), also destroyRegion's teardown of every device.
 */
import { devSize, rangeLen, type Device, type Region } from './daxRegion.ts';
import { adjustDevDaxRange, trimDevDaxRange } from './devDaxRange.ts';

/**
 * dev_dax_shrink: from the last range back, a range no longer than what is left to
 * remove is trimmed whole; the first one only partly removed is shortened in place
 * (start kept) and the shrink stops. Never fails in the model.
 */
export function devDaxShrink(region: Region, dev: Device, size: bigint): void {
  while (devSize(dev) > size) {
    const toShrink = devSize(dev) - size;
    const len = rangeLen(dev.ranges[dev.ranges.length - 1]!);
    if (len > toShrink) return adjustDevDaxRange(region, dev, len - toShrink);
    trimDevDaxRange(region, dev);
  }
}
