/**
 * The DAX suite's system under test (DaxSut): regions by id, each operation checking its
 * arguments in docs/SPECIFICATION.md order before calling the kernel-style code.
 */
import {
  fail,
  ok,
  type CreateRegionArgs,
  type DaxSnapshot,
  type DaxSut,
  type Errno,
  type FailPoint,
  type OpAllocations,
  type RegionSnap,
  type Result,
} from '../sut/interface.ts';
import { add64, isU64, MiB, sub64 } from '../sut/u64.ts';
import { ALLOWED_ALIGNS, devDaxAdd, devDaxAlign, devDaxRemove, devDaxValidateAlign, type DevDax } from './daxDevice.ts';
import { daxRegionAvailSize, type DaxContext, type DaxRegion } from './daxRegion.ts';
import { regionSnap } from './daxSnapshot.ts';
import { devDaxResize } from './devDaxResize.ts';
import { allocDevDaxRange } from './devDaxRange.ts';
import { addDaxExtent, removeDaxExtent } from './extent.ts';
import { AllocSites } from './allocSites.ts';
import { FailInjector } from './failpoints.ts';
import type { FaultFlags } from './faults.ts';
import { createDaxRegion, destroyDaxRegion } from './regionLifecycle.ts';
import { checkRegionCaches } from './selfCheck.ts';

/** A kernel-style return code (null = 0) as a Result. */
const done = (rc: Errno | null): Result => (rc === null ? ok() : fail(rc));

export class ImplDax implements DaxSut {
  /** Every region ever created, by id (read by the impl's own tests to check its caches). */
  readonly regions: DaxRegion[] = [];
  private readonly ctx: DaxContext;

  constructor(faults: FaultFlags) {
    this.ctx = { faults, failpoints: new FailInjector(), allocs: new AllocSites() };
  }

  /** The live (created, not destroyed) region r, or null. */
  private region(r: number): DaxRegion | null {
    const region = Number.isInteger(r) && r >= 0 ? this.regions[r] : undefined;
    return region !== undefined && !region.destroyed ? region : null;
  }

  /** Device d of live region r, or null. */
  private device(r: number, d: number): DevDax | null {
    return this.region(r)?.devices.get(d) ?? null;
  }

  /** region{R} with dax{R}.0; id R. EINVAL: bad arguments. ENOMEM: the 'whole' seed range failed (no region). */
  createRegion(args: CreateRegionArgs): Result {
    this.ctx.allocs.begin();
    const region = createDaxRegion(this.regions.length, args, this.ctx);
    if (typeof region === 'string') return fail(region);
    this.regions.push(region);
    return ok(region.id);
  }

  /** Shrinks every device to 0 and removes it, then removes every visible extent. ENXIO: no live region. */
  destroyRegion(r: number): Result {
    this.ctx.allocs.begin();
    const region = this.region(r);
    if (region === null) return fail('ENXIO');
    destroyDaxRegion(region);
    return ok();
  }

  /** Adds an extent; id = its index. ENXIO: no live region. EINVAL, ENOSPC, ENOMEM: see addDaxExtent. */
  addExtent(r: number, offset: bigint, length: bigint, label: string): Result {
    this.ctx.allocs.begin();
    const region = this.region(r);
    return region === null ? fail('ENXIO') : addDaxExtent(region, offset, length, label);
  }

  /** Makes extent e invisible and drops its own reference. ENXIO: no live region, no extent e, or already removed. */
  removeExtent(r: number, e: number): Result {
    this.ctx.allocs.begin();
    const ext = this.region(r)?.extents[Number.isInteger(e) && e >= 0 ? e : -1];
    if (ext === undefined || !ext.visible) return fail('ENXIO');
    removeDaxExtent(ext);
    return ok();
  }

  /**
   * region/create; id = lowest unused. ENXIO: no live region. EINVAL: not u64, sized on a
   * dynamic region (unless S4), not a multiple of the new device's effective alignment
   * max(region align, 2 MiB). ENOSPC: avail 0. ENOMEM: the
   * sized range conflicts or fails (the device is removed again).
   */
  createDevice(r: number, sizeBytes: bigint): Result {
    this.ctx.allocs.begin();
    const region = this.region(r);
    if (region === null) return fail('ENXIO');
    if (!isU64(sizeBytes)) return fail('EINVAL');
    if (sizeBytes !== 0n && region.kind === 'dynamic' && !this.ctx.faults.sizedCreateDynamic) return fail('EINVAL');
    if (sizeBytes % (region.align > 2n * MiB ? region.align : 2n * MiB) !== 0n) return fail('EINVAL');
    if (daxRegionAvailSize(region) === 0n) return fail('ENOSPC');
    const dev = devDaxAdd(region);
    if (dev === null) return fail('ENOMEM');
    if (sizeBytes !== 0n && allocDevDaxRange(dev, region.res, region.res.start, sizeBytes, null) !== null) {
      devDaxRemove(dev);
      return fail('ENOMEM');
    }
    return ok(dev.id);
  }

  /** region/delete. ENXIO: no such device. EBUSY: device 0, bound, or size ≠ 0. */
  deleteDevice(r: number, d: number): Result {
    this.ctx.allocs.begin();
    const dev = this.device(r, d);
    if (dev === null) return fail('ENXIO');
    if (dev.id === 0 || dev.bound || dev.size !== 0n) return fail('EBUSY');
    devDaxRemove(dev);
    return ok();
  }

  /** Driver attach. ENXIO: no such device, or size 0. EBUSY: already bound. */
  bind(r: number, d: number): Result {
    this.ctx.allocs.begin();
    const dev = this.device(r, d);
    if (dev === null) return fail('ENXIO');
    if (dev.bound) return fail('EBUSY');
    if (dev.size === 0n) return fail('ENXIO');
    dev.bound = true;
    return ok();
  }

  /** Driver detach. ENXIO: no such device, or not bound. */
  unbind(r: number, d: number): Result {
    this.ctx.allocs.begin();
    const dev = this.device(r, d);
    if (dev === null || !dev.bound) return fail('ENXIO');
    dev.bound = false;
    return ok();
  }

  /** dev/size. ENXIO: no such device. EINVAL, EBUSY, ENOSPC, ENOMEM: see devDaxResize. */
  resize(r: number, d: number, sizeBytes: bigint): Result {
    this.ctx.allocs.begin();
    const dev = this.device(r, d);
    return dev === null ? fail('ENXIO') : done(devDaxResize(dev, sizeBytes));
  }

  /**
   * dev/mapping = start-end (inclusive). ENXIO: no such device; length, or start relative
   * to the region, not a multiple of the effective alignment. EINVAL: dynamic region,
   * end < start, values not u64. ENOMEM: conflict or injected failure.
   * Fault K1: [0, 2^64 - 1] (length 0 in u64) is ok and allocates nothing on a device
   * without ranges, else EBUSY.
   */
  mapping(r: number, d: number, start: bigint, end: bigint): Result {
    this.ctx.allocs.begin();
    const dev = this.device(r, d);
    if (dev === null) return fail('ENXIO');
    if (dev.region.kind === 'dynamic') return fail('EINVAL');
    if (!isU64(start) || !isU64(end) || end < start) return fail('EINVAL');
    const len = add64(end - start, 1n); // [0, U64_MAX] wraps to 0: a conflict (ENOMEM), or fault K1
    const align = devDaxAlign(dev);
    if (len % align !== 0n) return fail('ENXIO');
    // daxcheck's rule (docs/SPECIFICATION.md §3.9): an unaligned start would leave a sub-2 MiB gap before it.
    if (sub64(start, dev.region.res.start) % align !== 0n) return fail('ENXIO');
    return done(allocDevDaxRange(dev, dev.region.res, start, len, null));
  }

  /** dev/align. ENXIO: no such device. EINVAL: not 4 KiB, 2 MiB or 1 GiB, or a range not a multiple. EBUSY: bound. */
  setAlign(r: number, d: number, align: bigint): Result {
    this.ctx.allocs.begin();
    const dev = this.device(r, d);
    if (dev === null) return fail('ENXIO');
    if (!ALLOWED_ALIGNS.includes(align)) return fail('EINVAL');
    if (dev.bound) return fail('EBUSY');
    if (!devDaxValidateAlign(dev, align)) return fail('EINVAL');
    dev.align = align;
    return ok();
  }

  /** Arms point to fail its nth allocation from now. EINVAL: unknown point, nth not an integer ≥ 1. */
  failAllocation(point: FailPoint, nth: number): Result {
    this.ctx.allocs.begin();
    return this.ctx.failpoints.arm(point, nth) ? ok() : fail('EINVAL');
  }

  /** fail-nth: the next operation's nth allocation fails (impl/allocSites.ts). */
  failNth(n: number): void {
    this.ctx.allocs.arm(n);
  }

  /** fail-nth: what the last operation allocated, and the site that failed. */
  takeAllocations(): OpAllocations {
    return this.ctx.allocs.take();
  }

  /** The canonical snapshot of every region ever created. O(n). */
  observe(): DaxSnapshot {
    return { regions: this.regions.map(regionSnap) };
  }

  /** observe().regions[r] alone; null when there is no region r. O(n) in the region. */
  observeRegion(r: number): RegionSnap | null {
    const region = this.regions[r];
    return region === undefined ? null : regionSnap(region);
  }

  /** The caches and indexes of every region against recomputation (impl/selfCheck.ts); one line per violation. */
  selfCheck(): string[] {
    const bad: string[] = [];
    for (const r of this.regions) checkRegionCaches(r, this.ctx.faults.freeSpaceInt, bad);
    return bad;
  }

  /** selfCheck() of region r alone; [] when there is no region r. */
  selfCheckRegion(r: number): string[] {
    const region = this.regions[r];
    return region === undefined ? [] : checkRegionCaches(region, this.ctx.faults.freeSpaceInt);
  }
}
