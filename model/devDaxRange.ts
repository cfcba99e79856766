/**
 * A device's ranges and their resources (drivers/dax/bus.c alloc_dev_dax_range,
 * trim_dev_dax_range, adjust_dev_dax_range; docs/SPECIFICATION.md §3.11, §3.12).
 * A range's resource is a busy child, named after the device, of its parent: the
 * region's resource, or on a dynamic region the resource of its extent.
 */
import { fail, ok, type Result } from '../sut/interface.ts';
import { assert, daxReleaseRegion, devName, rangeLen, rangeParent, type Device, type Region } from './daxRegion.ts';
import { extentPut } from './extent.ts';
import type { Failures } from './failpoints.ts';
import type { Resource } from './resource.ts';
import { adjustResource, requestRegion } from './resourceTree.ts';

/**
 * trim_dev_dax_range: removes the device's last range (there must be one): releases its
 * resource from its parent and, on a dynamic region, drops its extent reference
 * (released at 0).
 */
export function trimDevDaxRange(region: Region, dev: Device): void {
  const range = dev.ranges.pop();
  assert(range !== undefined, `trim of ${devName(region, dev)}, which has no range`);
  daxReleaseRegion(rangeParent(region, range), range.start, rangeLen(range));
  if (range.extent !== null) extentPut(region, region.extents[range.extent]!);
}

/**
 * alloc_dev_dax_range: requests [start, start + len - 1] under parent, named after the
 * device, and appends it as the device's last range (on a dynamic region, in extent
 * `extent`, which thereby gains a reference). ENOMEM: injected failure at `resource`
 * (nothing done), at `ranges` (the resource is released again), at `mapping` (the range
 * is trimmed again), or the request conflicts.
 */
export function allocDevDaxRange(
  fp: Failures, region: Region, dev: Device, parent: Resource, start: bigint, len: bigint, extent: number | null,
): Result {
  if (fp.fails('resource')) return fail('ENOMEM');
  const res = requestRegion(parent, start, len, devName(region, dev));
  if (res === null) return fail('ENOMEM');
  if (fp.fails('ranges')) {
    daxReleaseRegion(parent, start, len);
    return fail('ENOMEM');
  }
  dev.ranges.push({ start: res.start, end: res.end, extent });
  if (fp.fails('mapping')) {
    trimDevDaxRange(region, dev);
    return fail('ENOMEM');
  }
  return ok();
}

/**
 * adjust_dev_dax_range: gives the device's last range (there must be one) the length
 * newLen, start kept, by adjusting the device's own resource for it (found by name and
 * start, as the kernel does). The model only shrinks a range or extends it into the free
 * gap after it, so the adjust always fits; a refusal throws.
 */
export function adjustDevDaxRange(region: Region, dev: Device, newLen: bigint): void {
  const last = dev.ranges[dev.ranges.length - 1];
  assert(last !== undefined, `adjust of ${devName(region, dev)}, which has no range`);
  const res = rangeParent(region, last).children.find((c) => c.name === devName(region, dev) && c.start === last.start);
  assert(res !== undefined, `no resource for the last range of ${devName(region, dev)}`);
  assert(adjustResource(res, last.start, newLen), `adjust of ${devName(region, dev)}'s last range refused`);
  last.end = res.end;
}
