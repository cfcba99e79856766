/**
 * The canonical plain-data snapshot of the DAX suite (sut/interface.ts RegionSnap). O(n).
 */
import type { DeviceSnap, ExtentSnap, RegionSnap, ResNode } from '../sut/interface.ts';
import type { DevDax } from './daxDevice.ts';
import { daxRegionAvailSize, type DaxRegion } from './daxRegion.ts';
import type { DaxExtent } from './extent.ts';
import { resourceSize, type Resource } from './resource.ts';
import { snapshotSubtree } from './resourceSnapshot.ts';

/** The snapshot of one region (destroyed ones included, with availBytes 0). */
export function regionSnap(region: DaxRegion): RegionSnap {
  const devices = [...region.devices.values()].sort((a, b) => a.id - b.id);
  return {
    id: region.id,
    kind: region.kind,
    destroyed: region.destroyed,
    start: region.res.start,
    sizeBytes: resourceSize(region.res),
    align: region.align,
    availBytes: region.destroyed ? 0n : daxRegionAvailSize(region),
    resource: resNode(region.res),
    extents: region.extents.map(extentSnap),
    devices: devices.map(deviceSnap),
    badReleases: region.badReleases,
  };
}

function extentSnap(ext: DaxExtent): ExtentSnap {
  return {
    id: ext.id,
    start: ext.res.start,
    end: ext.res.end,
    label: ext.label,
    visible: ext.visible,
    refs: ext.kref.refcount,
    released: ext.released,
  };
}

function deviceSnap(dev: DevDax): DeviceSnap {
  return {
    id: dev.id,
    name: dev.name,
    align: dev.align,
    bound: dev.bound,
    sizeBytes: dev.size,
    ranges: dev.ranges.map((r) => ({ start: r.start, end: r.end, pgoff: r.pgoff, extent: r.extent?.id ?? null })),
  };
}

/** The subtree of res. */
function resNode(res: Resource): ResNode {
  return snapshotSubtree(res, leaf);
}

function leaf(r: Resource): ResNode {
  return { start: r.start, end: r.end, name: r.name, busy: r.busy, children: [] };
}
