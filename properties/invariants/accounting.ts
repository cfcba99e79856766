/**
 * I3 available-size conservation: the region's availBytes equals what its devices
 * leave free and what its resource tree leaves free (docs/SPECIFICATION.md §2.4).
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

/** The free size recomputed from the device side (total − used) and from the tree side. */
interface Free {
  byDevices: bigint;
  byTree: bigint;
  /** What byDevices is computed from, as messages name it. */
  total: bigint;
  totalName: string;
  used: bigint;
  usedName: string;
}

/** Contiguous: region size − Σ device sizes, and region size − Σ the region resource's children. */
function contiguousFree(v: RegionView): Free {
  const r = v.region;
  let used = 0n;
  for (const d of r.devices) for (const rg of d.ranges) used += lengthOf(rg);
  const byDevices = r.sizeBytes - used;
  return { byDevices, byTree: freeIn(r.sizeBytes, r.resource), total: r.sizeBytes, totalName: 'region size', used, usedName: 'device sizes' };
}

/** Dynamic: Σ visible extent sizes − Σ ranges in visible extents, and Σ over visible extents of their free space in the tree. */
function dynamicFree(v: RegionView): Free {
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
    for (const rg of d.ranges) if (isExtentId(r, rg.extent) && r.extents[rg.extent]?.visible === true) used += lengthOf(rg);
  }
  const byDevices = visible - used;
  return { byDevices, byTree, total: visible, totalName: 'visible extents', used, usedName: 'ranges in them' };
}

/**
 * Checks I3 on a live region: availBytes = the free size by device ranges = the free
 * size recomputed from the tree. Needs v.extentNodes (checkExtents runs first).
 * A destroyed region's availBytes (0) is checked by checkExtents.
 */
export function checkAvail(v: RegionView, out: string[]): void {
  const r = v.region;
  if (r.destroyed) return;
  const f = v.dynamic ? dynamicFree(v) : contiguousFree(v);
  if (r.availBytes !== f.byDevices || r.availBytes !== f.byTree) {
    const how = `${f.totalName} ${sizeText(f.total)} − ${f.usedName} ${sizeText(f.used)} = ${sizeText(f.byDevices)}`;
    out.push(`I3 conservation: ${v.where} availBytes ${sizeText(r.availBytes)}, but ${how}, and the tree leaves ${sizeText(f.byTree)} free`);
  }
}
