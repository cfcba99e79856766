/**
 * What the DAX invariant checks share about one region: its name in messages and
 * the facts derived once per check (range counts per extent, extent resources).
 */
import type { RegionSnap, ResNode } from '../../sut/interface.ts';

export interface RegionView {
  region: RegionSnap;
  /** "region{R}", as messages name it. */
  where: string;
  dynamic: boolean;
  /** Per extent id: the number of device ranges that name it. */
  rangeCount: number[];
  /** Per extent id: its resource among the region resource's children, if there. Filled by checkExtents. */
  extentNodes: (ResNode | undefined)[];
}

/** True when `e` is the id of one of the region's extents. */
export function isExtentId(r: RegionSnap, e: number | null): e is number {
  return e !== null && Number.isInteger(e) && e >= 0 && e < r.extents.length;
}

/** Builds the shared view of a region: counts the device ranges naming each extent. */
export function viewOf(region: RegionSnap): RegionView {
  const rangeCount = region.extents.map(() => 0);
  for (const d of region.devices) {
    for (const rg of d.ranges) if (isExtentId(region, rg.extent)) rangeCount[rg.extent] = (rangeCount[rg.extent] ?? 0) + 1;
  }
  return {
    region,
    where: `region${region.id}`,
    dynamic: region.kind === 'dynamic',
    rangeCount,
    extentNodes: region.extents.map(() => undefined),
  };
}
