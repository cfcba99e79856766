/**
 * The DAX model's state, struct dax_region with its devices, their ranges and its extents
 * (docs/SPECIFICATION.md §2–§4), and the values derived from it. Nothing
 * derived is stored: a device's size, an extent's references and a region's available
 * size are computed from the ranges and resources whenever they are read.
 * Every other DAX file of the model builds on this one.
 */
import type { RegionKind } from '../sut/interface.ts';
import { MiB } from '../sut/u64.ts';
import { freeSpace, type Resource } from './resource.ts';
import { releaseRegion } from './resourceTree.ts';

export interface Range {
  start: bigint;
  /** Inclusive. */
  end: bigint;
  /** Id of the extent it lies in (dynamic region), else null. */
  extent: number | null;
}

export interface Device {
  id: number;
  align: bigint;
  /** A driver is attached. */
  bound: boolean;
  /** In array order (pgoff order), not address order. */
  ranges: Range[];
}

export interface Extent {
  /** Index in the region's extent order. */
  id: number;
  /** Busy resource named "extent", a child of the region's resource until released. */
  res: Resource;
  label: string;
  /** False once removed: not counted in available size, never chosen for allocation. */
  visible: boolean;
}

export interface Region {
  id: number;
  kind: RegionKind;
  align: bigint;
  /** region{R}: [start, start + size - 1], not busy, never adjusted. */
  res: Resource;
  /** In the order they were added; index = extent id. Removed and released ones stay. */
  extents: Extent[];
  /** Live devices, sorted by id. */
  devices: Device[];
  destroyed: boolean;
}

/** Throws when cond is false: a state the model cannot reach (a bug of the model, not an errno). */
export function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`model: ${message}`);
}

export function devName(region: Region, dev: Device): string {
  return `dax${region.id}.${dev.id}`;
}

/** end - start + 1, exact. */
export function rangeLen(range: Range): bigint {
  return range.end - range.start + 1n;
}

/** Σ range lengths. */
export function devSize(dev: Device): bigint {
  return dev.ranges.reduce((sum, r) => sum + rangeLen(r), 0n);
}

/** Effective alignment: max(align, 2 MiB) (of the device's align, or of a proposed one). */
export function effectiveAlign(dev: Device, align = dev.align): bigint {
  return align > 2n * MiB ? align : 2n * MiB;
}

/** The resource a range's resource lives in: its extent's, else the region's. */
export function rangeParent(region: Region, range: Range): Resource {
  return range.extent === null ? region.res : region.extents[range.extent]!.res;
}

/**
 * Every extent's reference count, by extent id: (visible ? 1 : 0) + the number of
 * device ranges in it (docs/SPECIFICATION.md §4.1). The one definition, for the model and its snapshot.
 */
export function extentRefs(region: Region): number[] {
  const refs = region.extents.map((e) => (e.visible ? 1 : 0));
  for (const dev of region.devices) for (const r of dev.ranges) if (r.extent !== null) refs[r.extent]! += 1;
  return refs;
}

/**
 * Available size: contiguous, the region's free space; dynamic, the free space of its
 * visible extents; 0 once destroyed.
 */
export function availSize(region: Region): bigint {
  if (region.destroyed) return 0n;
  if (region.kind === 'contiguous') return freeSpace(region.res);
  return region.extents.filter((e) => e.visible).reduce((sum, e) => sum + freeSpace(e.res), 0n);
}

/**
 * __release_region made by DAX code. The model always releases what is there: a release
 * that finds nothing (the kernel's "Trying to free nonexistent resource") throws.
 */
export function daxReleaseRegion(parent: Resource, start: bigint, n: bigint): void {
  assert(releaseRegion(parent, start, n), `release of [${start}, +${n}) under ${parent.name} found nothing`);
}
