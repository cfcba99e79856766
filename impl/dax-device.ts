/**
 * struct dev_dax: a device of a region, with its ordered ranges array (each range with
 * its pgoff and its resource), its align and its bound flag. Its size is kept in O(1).
 */
import { GiB, KiB, MiB } from '../sut/u64.ts';
import type { DaxRegion } from './dax-region.ts';
import type { DaxExtent } from './extent.ts';
import type { Resource } from './resource.ts';

/** struct dev_dax_range: one range of a device. */
export interface DevDaxRange {
  start: bigint;
  end: bigint;
  /** Σ lengths of the ranges before it, in 4 KiB pages. */
  readonly pgoff: bigint;
  /** Its busy resource, named after the device. */
  readonly res: Resource;
  /** The resource it was requested under: the region's, or its extent's. */
  readonly parent: Resource;
  /** The extent holding it (one reference), dynamic regions only. */
  readonly extent: DaxExtent | null;
}

export interface DevDax {
  readonly id: number;
  /** dax{R}.{N} */
  readonly name: string;
  readonly region: DaxRegion;
  align: bigint;
  bound: boolean;
  /** Σ range lengths. */
  size: bigint;
  readonly ranges: DevDaxRange[];
}

export const DEFAULT_ALIGN = 2n * MiB;
/** The aligns dev/align accepts. */
export const ALLOWED_ALIGNS: readonly bigint[] = [4n * KiB, 2n * MiB, 1n * GiB];

/** The effective alignment of a device: max(align, 2 MiB). */
export function devDaxAlign(dev: DevDax): bigint {
  return dev.align > DEFAULT_ALIGN ? dev.align : DEFAULT_ALIGN;
}

/** devm_create_dev_dax: a new device of size 0 with the lowest unused id of its region. */
export function devDaxAdd(region: DaxRegion): DevDax {
  const id = region.ida.alloc();
  const dev: DevDax = { id, name: `dax${region.id}.${id}`, region, align: DEFAULT_ALIGN, bound: false, size: 0n, ranges: [] };
  region.devices.set(id, dev);
  return dev;
}

/** unregister_dev_dax: removes a device that holds no range, freeing its id. */
export function devDaxRemove(dev: DevDax): void {
  dev.region.devices.delete(dev.id);
  dev.region.ida.remove(dev.id);
}

/** dev_dax_validate_align: true when every range length is a multiple of max(align, 2 MiB). */
export function devDaxValidateAlign(dev: DevDax, align: bigint): boolean {
  const a = align > DEFAULT_ALIGN ? align : DEFAULT_ALIGN;
  return dev.ranges.every((r) => (r.end - r.start + 1n) % a === 0n);
}
