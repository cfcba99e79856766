/**
 * I3 available-size conservation: the region's availBytes equals what its devices
 * leave free and what its resource tree leaves free (SEMANTICS §2).
 */
import type { ResNode } from '../../sut/interface.ts';
import { sizeText } from '../../sut/u64.ts';
import { lengthOf } from './text.ts';
import { isExtentId, type RegionView } from './view.ts';

/** Size of a resource minus the sizes of its direct children (none: the given size). */
function freeIn(size: bigint, node: ResNode | undefined): bigint {
  let free = size;
  for (const c of node?.children ?? []) free -= lengthOf(c);
  return free;
}

/** Contiguous: region size − Σ device sizes, and region size − Σ the region resource's children. */
function contiguousFree(v: RegionView): { byDevices: bigint; byTree: bigint; how: string } {
  const r = v.region;
  let used = 0n;
  for (const d of r.devices) for (const rg of d.ranges) used += lengthOf(rg);
  const byDevices = r.sizeBytes - used;
  const how = `region size ${sizeText(r.sizeBytes)} − device sizes ${sizeText(used)} = ${sizeText(byDevices)}`;
  return { byDevices, byTree: freeIn(r.sizeBytes, r.resource), how };
}

/** Dynamic: Σ visible extent sizes − Σ ranges in visible extents, and Σ over visible extents of their free space in the tree. */
function dynamicFree(v: RegionView): { byDevices: bigint; byTree: bigint; how: string } {
  const r = v.region;
  let visible = 0n;
  let byTree = 0n;
  r.extents.forEach((e, i) => {
    if (!e.visible) return;
    visible += lengthOf(e);
    byTree += freeIn(lengthOf(e), v.extentNodes[i]);
  });
  let used = 0n;
  for (const d of r.devices) {
    for (const rg of d.ranges) if (isExtentId(r, rg.extent) && r.extents[rg.extent].visible) used += lengthOf(rg);
  }
  const byDevices = visible - used;
  const how = `visible extents ${sizeText(visible)} − ranges in them ${sizeText(used)} = ${sizeText(byDevices)}`;
  return { byDevices, byTree, how };
}

/**
 * Checks I3 on a live region: availBytes = the free size by device ranges = the free
 * size recomputed from the tree. Needs v.extentNodes (checkExtents runs first).
 * A destroyed region's availBytes (0) is checked by checkExtents.
 */
export function checkAvail(v: RegionView, out: string[]): void {
  const r = v.region;
  if (r.destroyed) return;
  const { byDevices, byTree, how } = v.dynamic ? dynamicFree(v) : contiguousFree(v);
  if (r.availBytes !== byDevices || r.availBytes !== byTree) {
    out.push(`I3 conservation: ${v.where} availBytes ${sizeText(r.availBytes)}, but ${how}, and the tree leaves ${sizeText(byTree)} free`);
  }
}
