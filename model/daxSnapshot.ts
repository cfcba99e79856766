/**
 * The canonical DAX snapshot (sut/interface.ts, docs/SPECIFICATION.md §9): fresh plain
 * data computed from the model's state, sharing nothing with it. Derived values are
 * computed here, in one pass each, straight from the specification: a device's size and the
 * pgoff of range i as running sums of range lengths in array order (§3), an extent's
 * refs by daxRegion.ts extentRefs (the model's one definition), released as "its
 * resource is no longer among the region resource's children".
 */
import type { DeviceSnap, ExtentSnap, RegionSnap, ResNode } from '../sut/interface.ts';
import { PAGE_SIZE } from '../sut/u64.ts';
import { availSize, devName, extentRefs, rangeLen, type Device, type Extent, type Region } from './daxRegion.ts';
import type { Resource } from './resource.ts';

function resNode(res: Resource): ResNode {
  return { start: res.start, end: res.end, name: res.name, busy: res.busy, children: res.children.map(resNode) };
}

function extentSnap(extent: Extent, refs: number, inTree: boolean): ExtentSnap {
  return {
    id: extent.id,
    start: extent.res.start,
    end: extent.res.end,
    label: extent.label,
    visible: extent.visible,
    refs,
    released: !inTree,
  };
}

function deviceSnap(region: Region, dev: Device): DeviceSnap {
  let before = 0n;
  const ranges = dev.ranges.map((r) => {
    const snap = { start: r.start, end: r.end, pgoff: before / PAGE_SIZE, extent: r.extent };
    before += rangeLen(r);
    return snap;
  });
  return { id: dev.id, name: devName(region, dev), align: dev.align, bound: dev.bound, sizeBytes: before, ranges };
}

function extentSnaps(region: Region): ExtentSnap[] {
  const refs = extentRefs(region);
  const inTree = new Set(region.res.children);
  return region.extents.map((e) => extentSnap(e, refs[e.id]!, inTree.has(e.res)));
}

/** The snapshot of one region (destroyed ones included). */
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
    extents: extentSnaps(region),
    devices: [...region.devices].sort((a, b) => a.id - b.id).map((d) => deviceSnap(region, d)),
    badReleases: 0, // the model never releases what is not there (daxReleaseRegion throws)
  };
}
