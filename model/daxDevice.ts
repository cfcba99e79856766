/**
 * The sysfs writes on DAX devices dax{R}.{N} (docs/SPECIFICATION.md §3.2–§3.10,
 * except resize: devDaxResize.ts).
 */
import { fail, ok, type Result } from '../sut/interface.ts';
import { add64, GiB, isAligned, KiB, MiB, sub64 } from '../sut/u64.ts';
import { availSize, devSize, effectiveAlign, rangeLen, type Device, type Region } from './daxRegion.ts';
import { allocDevDaxRange } from './devDaxRange.ts';
import type { Failures } from './failpoints.ts';

/** The aligns dev/align accepts. */
const ALLOWED_ALIGNS: readonly bigint[] = [4n * KiB, 2n * MiB, 1n * GiB];

/**
 * region/create: a new device with the lowest unused id and the region's align
 * (devm_create_dev_dax copies dax_region->align); returns its id.
 * EINVAL: sizeBytes ≠ 0 on a dynamic region, or not a multiple of the new device's
 * effective alignment, max(region align, 2 MiB) (so a sized device can always grow).
 * ENOSPC: available size is 0.
 * ENOMEM: sizeBytes ≠ 0 and allocating [region.start, + sizeBytes) failed (conflict or
 * injected failure); the device is removed again.
 */
export function createDevice(fp: Failures, region: Region, sizeBytes: bigint): Result {
  if (sizeBytes !== 0n && region.kind === 'dynamic') return fail('EINVAL');
  let id = 0;
  while (region.devices.some((d) => d.id === id)) id++;
  const dev: Device = { id, align: region.align, bound: false, ranges: [] };
  if (!isAligned(sizeBytes, effectiveAlign(dev))) return fail('EINVAL');
  if (availSize(region) === 0n) return fail('ENOSPC');
  region.devices = [...region.devices, dev].sort((a, b) => a.id - b.id);
  if (sizeBytes === 0n) return ok(id);
  if (allocDevDaxRange(fp, region, dev, region.res, region.res.start, sizeBytes, null).ok) return ok(id);
  region.devices = region.devices.filter((d) => d !== dev);
  return fail('ENOMEM');
}

/** region/delete. EBUSY: device 0, bound, or size ≠ 0 (checked in this order). */
export function deleteDevice(region: Region, dev: Device): Result {
  if (dev.id === 0 || dev.bound || devSize(dev) !== 0n) return fail('EBUSY');
  region.devices = region.devices.filter((d) => d !== dev);
  return ok();
}

/** Driver attach. EBUSY: already bound. ENXIO: size 0. */
export function bind(dev: Device): Result {
  if (dev.bound) return fail('EBUSY');
  if (devSize(dev) === 0n) return fail('ENXIO');
  dev.bound = true;
  return ok();
}

/** Driver detach. ENXIO: not bound. */
export function unbind(dev: Device): Result {
  if (!dev.bound) return fail('ENXIO');
  dev.bound = false;
  return ok();
}

/**
 * dev/mapping = "start-end": allocates exactly that range as the new last range
 * (no bound check). EINVAL: dynamic region, end < start. ENXIO: length (mod 2^64), then
 * start - region.start (mod 2^64), not a multiple of the effective alignment (the second
 * check is daxcheck's, docs/SPECIFICATION.md §3.9). ENOMEM: conflict or injected failure.
 */
export function mapping(fp: Failures, region: Region, dev: Device, start: bigint, end: bigint): Result {
  if (region.kind === 'dynamic') return fail('EINVAL');
  if (end < start) return fail('EINVAL');
  const len = add64(sub64(end, start), 1n);
  if (!isAligned(len, effectiveAlign(dev))) return fail('ENXIO');
  if (!isAligned(sub64(start, region.res.start), effectiveAlign(dev))) return fail('ENXIO');
  return allocDevDaxRange(fp, region, dev, region.res, start, len, null);
}

/**
 * dev/align. EINVAL: not 4 KiB, 2 MiB or 1 GiB. EBUSY: bound. EINVAL: some range length
 * not a multiple of max(align, 2 MiB) (align unchanged).
 */
export function setAlign(dev: Device, align: bigint): Result {
  if (!ALLOWED_ALIGNS.includes(align)) return fail('EINVAL');
  if (dev.bound) return fail('EBUSY');
  if (dev.ranges.some((r) => !isAligned(rangeLen(r), effectiveAlign(dev, align)))) return fail('EINVAL');
  dev.align = align;
  return ok();
}
