/**
 * dev_dax_shrink: the dev/size write to a smaller size (docs/SPECIFICATION.md §3.8).
 */
import type { Errno } from '../sut/interface.ts';
import type { DevDax } from './daxDevice.ts';
import { adjustDevDaxRange, trimDevDaxRange } from './devDaxRange.ts';

/**
 * Shrinks dev to size (< its size): from the last range backwards, a range no longer than
 * what is left to remove is trimmed whole; the first one only partly removed is shortened
 * in place (start kept), then it stops. Returns null, or EBUSY when that adjust fails
 * (fault S1 adjusts the extent's resource, which always fails; earlier trims stay).
 */
export function devDaxShrink(dev: DevDax, size: bigint): Errno | null {
  let toShrink = dev.size - size;
  while (toShrink > 0n && dev.ranges.length > 0) {
    const range = dev.ranges[dev.ranges.length - 1]!;
    const len = range.end - range.start + 1n;
    if (len <= toShrink) {
      trimDevDaxRange(dev);
      toShrink -= len;
      continue;
    }
    const s1 = dev.region.ctx.faults.shrinkAdjustsExtent && range.extent !== null;
    return adjustDevDaxRange(dev, s1 ? range.extent!.res : range.res, len - toShrink);
  }
  return null;
}
