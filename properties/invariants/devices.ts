/**
 * Per-device invariants: ids unique and sorted, names (I7), range sizes and device
 * size (I6), pgoff (I5); and the alignment of a device's size after a resize (I6).
 */
import type { DaxSnapshot, DeviceSnap, RangeSnap } from '../../sut/interface.ts';
import { hex, MiB, PAGE_SIZE, sizeText } from '../../sut/u64.ts';
import { deviceName, lengthOf, span } from './text.ts';
import type { RegionView } from './view.ts';

const RANGE_ALIGN = 2n * MiB;

/** Names a range in messages: "dax0.1 range 2 [0x200000-0x3fffff]". */
function rangeLabel(name: string, i: number, rg: RangeSnap): string {
  return `${name} range ${i} ${span(rg.start, rg.end)}`;
}

/** I5 and I6 over one device's ranges, in array order. */
function checkRanges(name: string, d: DeviceSnap, out: string[]): void {
  let before = 0n;
  d.ranges.forEach((rg, i) => {
    const len = lengthOf(rg);
    if (len <= 0n) out.push(`I6 sizes: ${rangeLabel(name, i, rg)} has end before start`);
    else if (len % RANGE_ALIGN !== 0n) out.push(`I6 sizes: ${rangeLabel(name, i, rg)} length ${sizeText(len)} is not a multiple of 2MiB`);
    const pgoff = before / PAGE_SIZE;
    if (rg.pgoff !== pgoff) {
      out.push(`I5 pgoff: ${rangeLabel(name, i, rg)} has pgoff ${hex(rg.pgoff)}, expected ${hex(pgoff)} (${sizeText(before)} of ranges before it)`);
    }
    before += len;
  });
  if (d.sizeBytes !== before) out.push(`I6 sizes: ${name} sizeBytes ${sizeText(d.sizeBytes)} but its ranges sum to ${sizeText(before)}`);
}

/**
 * Checks the region's devices: ids strictly increasing (so unique), each device named
 * dax{R}.{id} (I7), every range length > 0 and a multiple of 2 MiB, sizeBytes = Σ
 * range lengths (I6), pgoff of range i = Σ lengths before it / 4 KiB (I5).
 */
export function checkDevices(v: RegionView, out: string[]): void {
  let prevId: number | null = null;
  for (const d of v.region.devices) {
    const name = deviceName(v.region.id, d.id);
    if (prevId !== null && d.id === prevId) out.push(`ids: ${v.where} has device id ${d.id} more than once`);
    else if (prevId !== null && d.id < prevId) out.push(`ids: ${v.where} devices are not sorted by id: ${d.id} comes after ${prevId}`);
    prevId = d.id;
    if (d.name !== name) out.push(`I7 names: device ${d.id} of ${v.where} is named "${d.name}" (expected "${name}")`);
    checkRanges(name, d, out);
  }
}

/**
 * I6 alignment, which holds only after a successful resize of that device: its size is
 * a multiple of its effective alignment max(align, 2 MiB). Reports a missing device.
 */
export function checkDeviceAlignment(s: DaxSnapshot, regionId: number, deviceId: number): string[] {
  const name = deviceName(regionId, deviceId);
  const d = s.regions.find((r) => r.id === regionId)?.devices.find((x) => x.id === deviceId);
  if (!d) return [`I6 align: ${name} is not in the snapshot`];
  const eff = d.align > RANGE_ALIGN ? d.align : RANGE_ALIGN;
  if (d.sizeBytes % eff === 0n) return [];
  return [`I6 align: ${name} size ${sizeText(d.sizeBytes)} is not a multiple of its effective alignment ${sizeText(eff)}`];
}
