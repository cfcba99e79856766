/**
 * struct dev_dax: a device of a region, with its ordered ranges array (each range with
 * its pgoff and its resource), its align and its bound flag. Its size is kept in O(1).
 */
import { GiB, KiB, MiB } from '../sut/u64.ts';
import type { DaxRegion } from './daxRegion.ts';
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
  /** lenTz[k] = number of ranges whose length has exactly k trailing zero bits (k <= 64). */
  readonly lenTz: number[];
}

export const DEFAULT_ALIGN = 2n * MiB;
/** The aligns dev/align accepts. */
export const ALLOWED_ALIGNS: readonly bigint[] = [4n * KiB, 2n * MiB, 1n * GiB];

/** The effective alignment of a device: max(align, 2 MiB). */
export function devDaxAlign(dev: DevDax): bigint {
  return dev.align > DEFAULT_ALIGN ? dev.align : DEFAULT_ALIGN;
}

/**
 * devm_create_dev_dax: a new device of size 0 with the lowest unused id of its region and
 * the region's align (the kernel copies dax_region->align into every new device). Null
 * when fail-nth fails its id's or its struct's allocation (nothing of it remains).
 */
export function devDaxAdd(region: DaxRegion): DevDax | null {
  const allocs = region.ctx.allocs;
  if (allocs.fails('ida_alloc:used')) return null;
  if (allocs.fails('dev_dax_alloc:dev_dax')) return null;
  const id = region.ida.alloc();
  const dev: DevDax = { id, name: `dax${region.id}.${id}`, region, align: region.align, bound: false, size: 0n, ranges: [], lenTz: new Array<number>(65).fill(0) };
  region.devices.set(id, dev);
  return dev;
}

/** unregister_dev_dax: removes a device that holds no range, freeing its id. */
export function devDaxRemove(dev: DevDax): void {
  dev.region.devices.delete(dev.id);
  dev.region.ida.remove(dev.id);
}

/** The number of trailing zero bits of len (1 <= len <= 2^64). */
function trailingZeros(len: bigint): number {
  return (len & -len).toString(2).length - 1;
}

/** Counts a range length into (delta 1) or out of (delta -1) the device's trailing-zero histogram. */
export function devDaxCountRange(dev: DevDax, len: bigint, delta: 1 | -1): void {
  dev.lenTz[trailingZeros(len)]! += delta;
}

/**
 * dev_dax_validate_align: true when every range length is a multiple of max(align, 2 MiB)
 * (a power of two 2^k: no range length has fewer than k trailing zeros). O(k), not O(ranges).
 */
export function devDaxValidateAlign(dev: DevDax, align: bigint): boolean {
  const k = trailingZeros(align > DEFAULT_ALIGN ? align : DEFAULT_ALIGN);
  for (let i = 0; i < k; i++) if (dev.lenTz[i]! > 0) return false;
  return true;
}
