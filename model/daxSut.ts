/**
 * The DAX suite's system under test: regions, devices, extents and failure injection
 * (sut/interface.ts DaxSut). It resolves ids (ENXIO first, docs/SPECIFICATION.md §0.3) and hands over
 * to the function named after the kernel's.
 */
import {
  fail, ok, type CreateRegionArgs, type DaxSnapshot, type DaxSut, type FailPoint, type RegionSnap, type Result,
} from '../sut/interface.ts';
import * as device from './daxDevice.ts';
import { createRegion, destroyRegion } from './regionLifecycle.ts';
import type { Device, Region } from './daxRegion.ts';
import { addExtent, removeExtent } from './extent.ts';
import { Failures } from './failpoints.ts';
import { devDaxResize } from './devDaxResize.ts';
import { regionSnap } from './daxSnapshot.ts';

export class DaxModel implements DaxSut {
  /** Every region ever created; index = id. */
  private regions: Region[] = [];
  private failures = new Failures();

  /** The live region with this id, or undefined (ENXIO). */
  private region(r: number): Region | undefined {
    const region = Number.isInteger(r) ? this.regions[r] : undefined;
    return region !== undefined && !region.destroyed ? region : undefined;
  }

  /** Runs op on a live device, or returns ENXIO. */
  private withDevice(r: number, d: number, op: (region: Region, dev: Device) => Result): Result {
    const region = this.region(r);
    const dev = region?.devices.find((x) => x.id === d);
    return region !== undefined && dev !== undefined ? op(region, dev) : fail('ENXIO');
  }

  /** Not part of the SUT interface: the failure points that fired since the last call (coverage labels). */
  takeFiredFailures(): FailPoint[] {
    return this.failures.takeFired();
  }

  createRegion(args: CreateRegionArgs): Result {
    const region = createRegion(this.failures, this.regions.length, args);
    if (typeof region === 'string') return fail(region);
    this.regions.push(region);
    return ok(region.id);
  }

  destroyRegion(r: number): Result {
    const region = this.region(r);
    if (region === undefined) return fail('ENXIO');
    destroyRegion(region);
    return ok();
  }

  addExtent(r: number, offset: bigint, length: bigint, label: string): Result {
    const region = this.region(r);
    return region === undefined ? fail('ENXIO') : addExtent(this.failures, region, offset, length, label);
  }

  removeExtent(r: number, e: number): Result {
    const region = this.region(r);
    const extent = Number.isInteger(e) ? region?.extents[e] : undefined;
    return region === undefined || extent === undefined ? fail('ENXIO') : removeExtent(region, extent);
  }

  createDevice(r: number, sizeBytes: bigint): Result {
    const region = this.region(r);
    return region === undefined ? fail('ENXIO') : device.createDevice(this.failures, region, sizeBytes);
  }

  deleteDevice(r: number, d: number): Result {
    return this.withDevice(r, d, (region, dev) => device.deleteDevice(region, dev));
  }

  bind(r: number, d: number): Result {
    return this.withDevice(r, d, (_, dev) => device.bind(dev));
  }

  unbind(r: number, d: number): Result {
    return this.withDevice(r, d, (_, dev) => device.unbind(dev));
  }

  resize(r: number, d: number, sizeBytes: bigint): Result {
    return this.withDevice(r, d, (region, dev) => devDaxResize(this.failures, region, dev, sizeBytes));
  }

  mapping(r: number, d: number, start: bigint, end: bigint): Result {
    return this.withDevice(r, d, (region, dev) => device.mapping(this.failures, region, dev, start, end));
  }

  setAlign(r: number, d: number, align: bigint): Result {
    return this.withDevice(r, d, (_, dev) => device.setAlign(dev, align));
  }

  failAllocation(point: FailPoint, nth: number): Result {
    return this.failures.arm(point, nth);
  }

  observe(): DaxSnapshot {
    return { regions: this.regions.map(regionSnap) };
  }

  /** observe().regions[r] alone; null when there is no region r. */
  observeRegion(r: number): RegionSnap | null {
    const region = this.regions[r];
    return region === undefined ? null : regionSnap(region);
  }
}
