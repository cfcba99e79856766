/**
 * struct dax_region: a region's resource (a non-busy root), its devices, and on a dynamic
 * region its extents with their index. Available size is read from caches in O(1).
 */
import type { CreateRegionArgs, Errno, RegionKind } from '../sut/interface.ts';
import { isPowerOfTwo, isU64, MiB } from '../sut/u64.ts';
import type { DevDax } from './daxDevice.ts';
import type { DaxExtent } from './extent.ts';
import { ExtentIndex } from './extentIndex.ts';
import type { AllocSites } from './allocSites.ts';
import type { FailInjector } from './failpoints.ts';
import type { FaultFlags } from './faults.ts';
import { Ida } from './ida.ts';
import { newResource, resourceFree, type Resource } from './resource.ts';
import { releaseRegion } from './resourceTree.ts';

/** What every region of one system shares: the faults switched on, the failure injector and the fail-nth allocation sites. */
export interface DaxContext {
  readonly faults: FaultFlags;
  readonly failpoints: FailInjector;
  readonly allocs: AllocSites;
}

export interface DaxRegion {
  readonly id: number;
  readonly kind: RegionKind;
  /** region{R}: [start, start + size - 1], not busy, no parent. */
  readonly res: Resource;
  readonly align: bigint;
  destroyed: boolean;
  /** Live devices by id. */
  readonly devices: Map<number, DevDax>;
  readonly ida: Ida;
  /** Every extent ever added, by id (= extent order). */
  readonly extents: DaxExtent[];
  readonly extentIndex: ExtentIndex;
  /** releaseRegion calls by DAX code that found nothing. */
  badReleases: number;
  readonly ctx: DaxContext;
}

/** The region arguments' first error in docs/SPECIFICATION.md §2.2 order (EINVAL), or null. */
export function checkRegionArgs(args: CreateRegionArgs): Errno | null {
  if (typeof args !== 'object' || args === null) return 'EINVAL';
  const { kind, start, sizeBytes, align } = args;
  if (kind !== 'contiguous' && kind !== 'dynamic') return 'EINVAL';
  if (!isU64(align) || !isPowerOfTwo(align) || align < 2n * MiB) return 'EINVAL';
  if (!isU64(sizeBytes) || sizeBytes === 0n) return 'EINVAL';
  if (!isU64(start) || start % align !== 0n || sizeBytes % align !== 0n) return 'EINVAL';
  if (start + sizeBytes > 1n << 64n) return 'EINVAL';
  if (args.seed !== undefined && args.seed !== 'whole' && args.seed !== 'empty') return 'EINVAL';
  return null;
}

/** A new region with no device and no extent (arguments already checked). */
export function newDaxRegion(id: number, args: CreateRegionArgs, ctx: DaxContext): DaxRegion {
  const end = args.start + args.sizeBytes - 1n;
  return {
    id,
    kind: args.kind,
    res: newResource(-1, args.start, end, `region${id}`, false, true),
    align: args.align,
    destroyed: false,
    devices: new Map(),
    ida: new Ida(),
    extents: [],
    extentIndex: new ExtentIndex(),
    badReleases: 0,
    ctx,
  };
}

/**
 * dax_region_avail_size: contiguous, the region's free bytes; dynamic, Σ free bytes of
 * the visible extents. O(1): both are kept up to date on every change.
 */
export function daxRegionAvailSize(region: DaxRegion): bigint {
  return region.kind === 'contiguous' ? resourceFree(region.res) : region.extentIndex.total();
}

/**
 * __release_region on behalf of DAX code: releases [start, start + len - 1] below parent;
 * when nothing is there counts a bad release (the kernel's "Trying to free nonexistent
 * resource") and changes nothing else.
 */
export function daxReleaseRegion(region: DaxRegion, parent: Resource, start: bigint, len: bigint): void {
  if (releaseRegion(parent, start, len) === null) region.badReleases += 1;
}
