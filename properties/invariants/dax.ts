/**
 * All docs/SPECIFICATION.md §5 invariants over a DAX snapshot, region by region.
 */
import type { DaxSnapshot, RegionSnap } from '../../sut/interface.ts';
import { checkAvail } from './accounting.ts';
import { checkDevices } from './devices.ts';
import { checkExtents } from './extents.ts';
import { checkPlacement } from './placement.ts';
import { span } from './text.ts';
import { checkShape } from './tree.ts';
import { viewOf } from './view.ts';

/** The region resource: named region{R}, not busy, spanning exactly the region (I7, I1). */
function checkRegionResource(r: RegionSnap, where: string, out: string[]): void {
  const res = r.resource;
  if (res.name !== where) out.push(`I7 names: ${where} resource is named "${res.name}" (expected "${where}")`);
  if (res.busy) out.push(`I7 names: ${where} resource is busy (a region resource is not)`);
  const end = r.start + r.sizeBytes - 1n;
  if (res.start !== r.start || res.end !== end) {
    out.push(`I1 tree shape: ${where} resource ${span(res.start, res.end)} is not the region ${span(r.start, end)}`);
  }
}

/** Extent ids equal their index in the region's extent order. */
function checkExtentIds(r: RegionSnap, where: string, out: string[]): void {
  r.extents.forEach((e, i) => {
    if (e.id !== i) out.push(`ids: ${where} extent at index ${i} has id ${e.id}`);
  });
}

/**
 * Checks every invariant of docs/SPECIFICATION.md §5 that a DAX snapshot shows: I1 tree shape of
 * each region's resource tree, I2 range placement, I3 available size, I4 extent
 * reference counts and destroyed regions, I5 pgoff, I6 range and device sizes, I7
 * names, and ids. Returns one sentence per violation, each starting with its tag
 * ("I2 no-overlap: …"); empty when all hold. Device alignment after a resize is
 * checked separately by checkDeviceAlignment.
 */
export function checkDaxInvariants(s: DaxSnapshot): string[] {
  const out: string[] = [];
  s.regions.forEach((r, i) => checkRegion(r, i, out));
  return out;
}

/** checkDaxInvariants' verdict on region i of s alone (the invariants are region by region); [] when there is none. */
export function checkRegionInvariants(s: DaxSnapshot, i: number): string[] {
  const out: string[] = [];
  const r = s.regions[i];
  if (r !== undefined) checkRegion(r, i, out);
  return out;
}

/** The invariants of region r at index i, appended to out. */
function checkRegion(r: RegionSnap, i: number, out: string[]): void {
  const where = `region${r.id}`;
  if (r.id !== i) out.push(`ids: region at index ${i} has id ${r.id}`);
  checkRegionResource(r, where, out);
  checkShape(r.resource, `${where}: `, out);
  checkExtentIds(r, where, out);
  const v = viewOf(r);
  checkDevices(v, out);
  checkExtents(v, out);
  checkPlacement(v, out);
  checkAvail(v, out);
}
