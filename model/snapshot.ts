/**
 * The canonical DAX snapshot (sut/interface.ts, sut/RULES.md "Snapshot"): fresh plain
 * data computed from the model's state, sharing nothing with it.
 */
import type { DeviceSnap, ExtentSnap, RegionSnap, ResNode } from '../sut/interface.ts';
import { devName, devSize, pgoff, type Device } from './daxDevice.ts';
import { availSize, type Region } from './daxRegion.ts';
import { extentInTree, extentRefs, type Extent } from './extent.ts';
import type { Resource } from './resource.ts';

function resNode(res: Resource): ResNode {
  return { start: res.start, end: res.end, name: res.name, busy: res.busy, children: res.children.map(resNode) };
}

function extentSnap(region: Region, extent: Extent): ExtentSnap {
  return {
    id: extent.id,
    start: extent.res.start,
    end: extent.res.end,
    label: extent.label,
    visible: extent.visible,
    refs: extentRefs(region, extent),
    released: !extentInTree(region, extent),
  };
}

function deviceSnap(region: Region, dev: Device): DeviceSnap {
  return {
    id: dev.id,
    name: devName(region, dev),
    align: dev.align,
    bound: dev.bound,
    sizeBytes: devSize(dev),
    ranges: dev.ranges.map((r, i) => ({ start: r.start, end: r.end, pgoff: pgoff(dev, i), extent: r.extent })),
  };
}

export function regionSnap(region: Region): RegionSnap {
  return {
    id: region.id,
    kind: region.kind,
    destroyed: region.destroyed,
    start: region.res.start,
    sizeBytes: region.res.end - region.res.start + 1n,
    align: region.align,
    availBytes: availSize(region),
    resource: resNode(region.res),
    extents: region.extents.map((e) => extentSnap(region, e)),
    devices: [...region.devices].sort((a, b) => a.id - b.id).map((d) => deviceSnap(region, d)),
    badReleases: region.badReleases,
  };
}
