/**
 * Scenario labels of the DAX suite: the situations a step reached, judged on the
 * model's snapshots before and after it. They prove that the generators reach the
 * states where the patch's defects live (see the coverage table of a run). An
 * operation's own labels are in its module (ops/*.ts); the ones any step can reach here.
 */
import type { DaxSnapshot, FailPoint, RegionSnap, Result } from '../../sut/interface.ts';
import { U64_MAX } from '../../sut/u64.ts';

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
  manyExtents: 'at least 32 extents added to a region',
  manyDevices: 'at least 8 live devices in a region',
  manyRanges: 'a device with at least 8 ranges',
  idReused: 'a device id reused below a live one',
  pages2e32: 'a device of 2^32 pages or more (16 TiB)',
  idsFreedOutOfOrder: 'a device id freed below another free id, 5 or more free',
} as const;

const L = DAX_LABELS;

/** The label of an injected allocation failure that fired at point (and was recovered from: every check after it passed). */
export function failureLabel(point: FailPoint): string {
  return `allocation failure at ${point} recovered`;
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

/** Extents of a region released so far (0 for no region). */
export function releasedCount(r: RegionSnap | undefined): number {
  let n = 0;
  for (const e of r?.extents ?? []) if (e.released) n++;
  return n;
}

/** Labels of any DAX step, beyond its own operation's (ops/*.ts): a recovered allocation failure, the top of the address space. */
export function daxStepLabels(c: { op: string; region?: number }, result: Result, after: DaxSnapshot): string[] {
  const labels: string[] = [];
  // ENOMEM from these operations can only come from an injected allocation failure.
  if (!result.ok && result.errno === 'ENOMEM' && (c.op === 'resize' || c.op === 'addExtent' || c.op === 'createRegion')) {
    labels.push(L.allocationFailureRecovered);
  }
  if (result.ok && c.op !== 'failAllocation' && touchesTop(after, c)) labels.push(L.topOfAddressSpace);
  return labels;
}

function touchesTop(s: DaxSnapshot, c: { op: string; region?: number }): boolean {
  const r = c.op === 'createRegion' ? s.regions[s.regions.length - 1] : c.region === undefined ? undefined : s.regions[c.region];
  if (!r || r.destroyed || r.start + r.sizeBytes - 1n !== U64_MAX) return false;
  return r.resource.children.length > 0;
}
