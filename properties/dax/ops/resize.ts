/**
 * resize: dev/size, to targets anchored on the device's size and the region's available
 * size (grow to everything, keep, halve, absolute), off by an alignment or a page.
 */
import fc from 'fast-check';
import type { DaxSnapshot, DaxSut, DeviceSnap, RegionSnap, Result } from '../../../sut/interface.ts';
import { add64, GiB, KiB, MiB, U64_MAX } from '../../../sut/u64.ts';
import { powerOfTwo } from '../../domains.ts';
import { one, w, type Operation } from '../../operation.ts';
import { DAX_LABELS, releasedCount, visibleExtentFree } from '../daxLabels.ts';
import { bigRef, ref, regionRef, resolveDevice } from '../daxRefs.ts';

/** Base of a resize target: abs = delta itself; size = current size; grow = size + avail; half = size / 2 rounded down to 2 MiB. */
export type SizeBase = 'abs' | 'size' | 'grow' | 'half';

export type ResizeCmd = { op: 'resize'; region: number; device: number; to: SizeBase; deltaBytes: bigint };
export type ResizeCall = { op: 'resize'; region: number; device: number; sizeBytes: bigint };

const TWO_MIB = 2n * MiB;

function resizeTarget(region: RegionSnap, device: number, cmd: ResizeCmd): bigint {
  const dev = region.devices.find((d) => d.id === device);
  const size = dev?.sizeBytes ?? 0n;
  switch (cmd.to) {
    case 'abs': return cmd.deltaBytes & U64_MAX;
    case 'size': return add64(size, cmd.deltaBytes & U64_MAX);
    case 'grow': return add64(add64(size, region.availBytes), cmd.deltaBytes & U64_MAX);
    case 'half': return add64((size / 2n / TWO_MIB) * TWO_MIB, cmd.deltaBytes & U64_MAX);
  }
}

const device = (s: DaxSnapshot, r: number, d: number): DeviceSnap | undefined => s.regions[r]?.devices.find((x) => x.id === d);

/** What a grow reached: several extents, the hole before the last range, an in-place extension, a 4 GiB-multiple free extent. */
function growLabels(r: RegionSnap, was: DeviceSnap, now: DeviceSnap): string[] {
  const labels: string[] = [];
  const last = was.ranges[was.ranges.length - 1];
  if (r.kind === 'dynamic' && visibleExtentFree(r).some((e) => e.size >= 4n * GiB && e.free > 0n && e.free % (4n * GiB) === 0n)) {
    labels.push(DAX_LABELS.bigExtentFree4GiB);
  }
  const added = now.ranges.slice(was.ranges.length);
  if (new Set(added.map((x) => x.extent)).size >= 2) labels.push(DAX_LABELS.growAcrossExtents);
  if (last && added.some((x) => x.start < last.start)) labels.push(DAX_LABELS.holeBeforeLast);
  const grown = last && now.ranges[was.ranges.length - 1];
  if (grown && grown.start === last.start && grown.end > last.end) labels.push(DAX_LABELS.extendInPlace);
  return labels;
}

function resizeLabels(before: DaxSnapshot, c: ResizeCall, result: Result, after: DaxSnapshot): string[] {
  // A resize changes only the region it names (properties/dax/daxParts.ts).
  const released = before !== after && releasedCount(after.regions[c.region]) > releasedCount(before.regions[c.region]);
  const labels: string[] = released ? [DAX_LABELS.extentReleasedOnTrim] : [];
  const r = before.regions[c.region];
  const was = device(before, c.region, c.device);
  const now = device(after, c.region, c.device);
  if (!result.ok || !r || !was || !now) return labels;
  if (now.ranges.length >= 8) labels.push(DAX_LABELS.manyRanges);
  if (now.sizeBytes >= 1n << 44n && was.sizeBytes < 1n << 44n) labels.push(DAX_LABELS.pages2e32);
  if (now.sizeBytes > was.sizeBytes) return [...labels, ...growLabels(r, was, now)];
  if (now.sizeBytes < was.sizeBytes && r.kind === 'dynamic') {
    const i = now.ranges.length - 1;
    if (i >= 0 && now.ranges[i]!.end < was.ranges[i]!.end) labels.push(DAX_LABELS.partialShrinkInExtent);
  }
  return labels;
}

export const resize: Operation<ResizeCmd, ResizeCall, DaxSut, DaxSnapshot> = {
  op: 'resize',
  method: 'resize',
  weight: 22,
  arbitrary: fc.record({
    op: fc.constant('resize' as const),
    region: regionRef,
    device: ref,
    to: fc.oneof(w(4, fc.constant('grow' as const)), w(5, fc.constant('size' as const)), w(3, fc.constant('half' as const)), w(2, fc.constant('abs' as const))),
    deltaBytes: fc.oneof(
      w(8, fc.constant(0n)),
      w(6, one(2n * MiB, 4n * MiB, GiB, 4n * GiB, -2n * MiB, -GiB)),
      w(1, one(4n * KiB, -4n * KiB, 1n << 63n)),
      w(1, powerOfTwo(21, 63)),
    ),
  }),
  scale: {
    weight: 16,
    arbitrary: fc.record({
      op: fc.constant('resize' as const),
      region: regionRef,
      device: fc.oneof(w(3, ref), w(1, bigRef)),
      to: fc.oneof(w(8, fc.constant('size' as const)), w(2, fc.constant('half' as const)), w(1, one('grow' as const, 'abs' as const))),
      deltaBytes: fc.oneof(w(6, one(2n * MiB, 4n * MiB, 8n * MiB)), w(3, one(-2n * MiB, -4n * MiB)), w(1, fc.constant(0n))),
    }),
  },
  resolve: (cmd, snap) => resolveDevice(snap, cmd, (r, d) => ({ sizeBytes: r === null ? cmd.deltaBytes & U64_MAX : resizeTarget(r, d, cmd) })),
  labels: resizeLabels,
  simplest: { to: ['abs', 'size', 'grow', 'half'] },
};
