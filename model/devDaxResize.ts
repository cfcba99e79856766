/**
 * dev/size (drivers/dax/bus.c dev_dax_resize; docs/SPECIFICATION.md §3.6, §3.7; the
 * shrink, §3.8, is devDaxShrink.ts). Not transactional: chunks added or ranges trimmed
 * before a failure stay.
 */
import { fail, ok, type Result } from '../sut/interface.ts';
import { assert, availSize, devName, devSize, effectiveAlign, rangeLen, type Device, type Region } from './daxRegion.ts';
import { adjustDevDaxRange, allocDevDaxRange } from './devDaxRange.ts';
import { devDaxShrink } from './devDaxShrink.ts';
import type { Failures } from './failpoints.ts';
import { freeSpace, type Resource } from './resource.ts';

/** A free gap [start, end] of a resource, and the child it follows (null: at the resource's start). */
interface Gap {
  start: bigint;
  end: bigint;
  after: Resource | null;
}

/** The free gaps between the children of parent, in address order. */
function freeGaps(parent: Resource): Gap[] {
  const gaps: Gap[] = [];
  let cursor = parent.start;
  let after: Resource | null = null;
  for (const child of parent.children) {
    if (child.start > cursor) gaps.push({ start: cursor, end: child.start - 1n, after });
    cursor = child.end + 1n;
    after = child;
  }
  if (cursor <= parent.end) gaps.push({ start: cursor, end: parent.end, after });
  return gaps;
}

/** adjust_ok: res is the resource of the device's last range. */
function isLastRange(region: Region, dev: Device, res: Resource | null): boolean {
  const last = dev.ranges[dev.ranges.length - 1];
  return res !== null && last !== undefined && res.name === devName(region, dev)
    && res.start === last.start && res.end === last.end;
}

/**
 * One step of the grow loop, with 0 < toAlloc ≤ the available size (so an extent with
 * free space and a gap exist): the first free gap in address order (contiguous: of the
 * region; dynamic: of the first visible extent, in extent order, that has free space)
 * gives a chunk of min(gap, toAlloc). On a contiguous region a gap right after the
 * device's last range extends that range in place; otherwise the chunk is a new range.
 * ENOMEM: injected failure (new range).
 */
function growStep(fp: Failures, region: Region, dev: Device, toAlloc: bigint): Result {
  const extent = region.kind === 'dynamic' ? region.extents.find((e) => e.visible && freeSpace(e.res) > 0n) : null;
  assert(extent !== undefined, `grow of ${devName(region, dev)}: available size but no extent with free space`);
  const parent = extent === null ? region.res : extent.res;
  const gap = freeGaps(parent)[0];
  assert(gap !== undefined, `grow of ${devName(region, dev)}: free space but no gap in ${parent.name}`);
  const gapLen = gap.end - gap.start + 1n;
  const chunk = gapLen < toAlloc ? gapLen : toAlloc;
  if (extent !== null || !isLastRange(region, dev, gap.after)) {
    return allocDevDaxRange(fp, region, dev, parent, gap.start, chunk, extent === null ? null : extent.id);
  }
  adjustDevDaxRange(region, dev, rangeLen(dev.ranges[dev.ranges.length - 1]!) + chunk);
  return ok();
}

/**
 * dev/size = size, checked in this order:
 * EINVAL: size not a multiple of the effective alignment. EBUSY: bound.
 * size = current size: ok, nothing changes. ENOSPC: growth larger than the available size.
 * Then shrink, or grow chunk by chunk until the device has the size (ENOMEM on an
 * injected failure; the chunks before it stay).
 */
export function devDaxResize(fp: Failures, region: Region, dev: Device, size: bigint): Result {
  if (size % effectiveAlign(dev) !== 0n) return fail('EINVAL');
  if (dev.bound) return fail('EBUSY');
  const current = devSize(dev);
  if (size === current) return ok();
  if (size > current && size - current > availSize(region)) return fail('ENOSPC');
  if (size < current) devDaxShrink(region, dev, size);
  while (devSize(dev) < size) {
    const step = growStep(fp, region, dev, size - devSize(dev));
    if (!step.ok) return step;
  }
  return ok();
}
