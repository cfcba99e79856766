/**
 * The canonical DAX snapshot (sut/interface.ts, sut/RULES.md "Snapshot"): fresh plain
 * data computed from the model's state, sharing nothing with it. Derived values are
 * computed here, in one pass each, straight from SEMANTICS.md: a device's size and the
 * pgoff of range i as running sums of range lengths in array order (§3), an extent's
 * refs as (visible ? 1 : 0) + the ranges naming it (§4.4), released as "its resource is
 * no longer among the region resource's children".
 */
import type { DeviceSnap, ExtentSnap, RegionSnap, ResNode } from '../sut/interface.ts';
import { PAGE_SIZE } from '../sut/u64.ts';
import { devName, rangeLen, type Device } from './daxDevice.ts';
import { availSize, type Region } from './daxRegion.ts';
import type { Extent } from './extent.ts';
import type { Resource } from './resource.ts';

function resNode(res: Resource): ResNode {
  return { start: res.start, end: res.end, name: res.name, busy: res.busy, children: res.children.map(resNode) };
}

/** Per extent id, the number of device ranges that name it (extentRefs without the visible part). */
function rangesPerExtent(region: Region): number[] {
  const count = region.extents.map(() => 0);
  for (const d of region.devices) for (const r of d.ranges) if (r.extent !== null) count[r.extent]! += 1;
  return count;
}

function extentSnap(extent: Extent, ranges: number, inTree: boolean): ExtentSnap {
  return {
    id: extent.id,
    start: extent.res.start,
    end: extent.res.end,
    label: extent.label,
    visible: extent.visible,
    refs: (extent.visible ? 1 : 0) + ranges,
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
  const ranges = rangesPerExtent(region);
  const inTree = new Set(region.res.children);
  return region.extents.map((e) => extentSnap(e, ranges[e.id]!, inTree.has(e.res)));
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
    badReleases: region.badReleases,
  };
}
