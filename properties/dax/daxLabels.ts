/**
 * Scenario labels of the DAX suite: the situations a step reached, judged on the
 * model's snapshots before and after it. They prove that the generators reach the
 * states where the patch's defects live (see the coverage table of a run).
 */
import type { DaxSnapshot, DeviceSnap, FailPoint, RegionSnap, Result } from '../../sut/interface.ts';
import { GiB, U64_MAX } from '../../sut/u64.ts';
import type { DaxCall } from './daxCommand.ts';

export const DAX_LABELS = {
  growAcrossExtents: 'grow across several extents',
  holeBeforeLast: "hole before the device's last range",
  extendInPlace: 'extend in place',
  partialShrinkInExtent: 'partial shrink inside an extent',
  extentRemovedInUse: 'extent removed while in use',
  extentReleasedOnTrim: 'extent released on the last trim',
  allocationFailureRecovered: 'allocation failure recovered',
  topOfAddressSpace: 'region at the top of the address space',
  bigExtentFree4GiB: 'extent >= 4GiB with free space a multiple of 4GiB',
} as const;

const L = DAX_LABELS;

/** The label of an injected allocation failure that fired at point (and was recovered from: every check after it passed). */
export function failureLabel(point: FailPoint): string {
  return `allocation failure at ${point} recovered`;
}

function region(s: DaxSnapshot, id: number): RegionSnap | undefined {
  return s.regions[id];
}

function device(s: DaxSnapshot, r: number, d: number): DeviceSnap | undefined {
  return region(s, r)?.devices.find((x) => x.id === d);
}

/** Free bytes of each visible extent of a region, from its resource tree. */
export function visibleExtentFree(r: RegionSnap): { size: bigint; free: bigint }[] {
  const out: { size: bigint; free: bigint }[] = [];
  for (const e of r.extents) {
    if (!e.visible) continue;
    const node = r.resource.children.find((c) => c.start === e.start);
    const used = (node?.children ?? []).reduce((sum, c) => sum + (c.end - c.start + 1n), 0n);
    const size = e.end - e.start + 1n;
    out.push({ size, free: size - used });
  }
  return out;
}

function resizeLabels(before: DaxSnapshot, c: Extract<DaxCall, { op: 'resize' }>, after: DaxSnapshot): string[] {
  const r = region(before, c.region);
  const was = device(before, c.region, c.device);
  const now = device(after, c.region, c.device);
  if (!r || !was || !now) return [];
  const labels: string[] = [];
  const last = was.ranges[was.ranges.length - 1];
  if (now.sizeBytes > was.sizeBytes) {
    if (r.kind === 'dynamic' && visibleExtentFree(r).some((e) => e.size >= 4n * GiB && e.free > 0n && e.free % (4n * GiB) === 0n)) {
      labels.push(L.bigExtentFree4GiB);
    }
    const added = now.ranges.slice(was.ranges.length);
    if (new Set(added.map((x) => x.extent)).size >= 2) labels.push(L.growAcrossExtents);
    if (last && added.some((x) => x.start < last.start)) labels.push(L.holeBeforeLast);
    const grown = last && now.ranges[was.ranges.length - 1];
    if (grown && grown.start === last.start && grown.end > last.end) labels.push(L.extendInPlace);
  } else if (now.sizeBytes < was.sizeBytes && r.kind === 'dynamic') {
    const i = now.ranges.length - 1;
    if (i >= 0 && now.ranges[i]!.end < was.ranges[i]!.end) labels.push(L.partialShrinkInExtent);
  }
  return labels;
}

function releasedCount(s: DaxSnapshot): number {
  return s.regions.reduce((n, r) => n + r.extents.filter((e) => e.released).length, 0);
}

/** Labels of one DAX step. */
export function daxLabels(before: DaxSnapshot, c: DaxCall, result: Result, after: DaxSnapshot): string[] {
  const labels: string[] = [];
  if (c.op === 'resize' && result.ok) labels.push(...resizeLabels(before, c, after));
  if (c.op === 'removeExtent' && result.ok && (region(before, c.region)?.extents[c.extent]?.refs ?? 0) > 1) {
    labels.push(L.extentRemovedInUse);
  }
  if (c.op === 'resize' && releasedCount(after) > releasedCount(before)) {
    labels.push(L.extentReleasedOnTrim);
  }
  // ENOMEM from these operations can only come from an injected allocation failure.
  if (!result.ok && result.errno === 'ENOMEM' && (c.op === 'resize' || c.op === 'addExtent' || c.op === 'createRegion')) {
    labels.push(L.allocationFailureRecovered);
  }
  if (result.ok && c.op !== 'failAllocation' && touchesTop(after, c)) labels.push(L.topOfAddressSpace);
  return labels;
}

function touchesTop(s: DaxSnapshot, c: Exclude<DaxCall, { op: 'failAllocation' }>): boolean {
  const r = c.op === 'createRegion' ? s.regions[s.regions.length - 1] : region(s, c.region);
  if (!r || r.destroyed || r.start + r.sizeBytes - 1n !== U64_MAX) return false;
  return r.resource.children.length > 0;
}
