/**
 * How the profile's commands name objects and tags: indexes into the model's current
 * lists, resolved at run time, and a small pool of tags so that groups, claims and
 * releases meet. Generators and their resolution are read side by side here.
 */
import fc from 'fast-check';
import type { DcdRegionSnap, DcdSnapshot, GroupExtent, Tag } from '../../sut/dcdInterface.ts';
import { MiB } from '../../sut/u64.ts';
import { w } from '../operation.ts';

/** An id no region or device takes in a run. */
export const MISSING_ID = 4095;

/** The tags commands draw from: untagged first, then three UUIDs. */
export const TAGS: readonly Tag[] = ['0', '11111111-2222-4333-8444-555555555555', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', '01234567-89ab-4cde-8f01-23456789abcd'];

export const tagRef = fc.integer({ min: 0, max: TAGS.length - 1 });

/** An object index (modulo the list), or -1 for a missing one. */
export const ref = fc.oneof(w(12, fc.integer({ min: 0, max: 3 })), w(1, fc.constant(-1)));

export const BLOCK = 2n * MiB;

/** One extent of a generated group: a block index (modulo the region's blocks) and a length in blocks (0: refused). */
export type ExtentCmd = { block: number; blocks: number };

export const extentCmd: fc.Arbitrary<ExtentCmd> = fc.record({
  block: fc.nat({ max: 63 }),
  blocks: fc.oneof(w(6, fc.integer({ min: 1, max: 4 })), w(1, fc.constant(0))),
});

/** 1 to 3 extents, rarely none. */
export const extentsCmd = fc.oneof(w(12, fc.array(extentCmd, { minLength: 1, maxLength: 3 })), w(1, fc.constant([] as ExtentCmd[])));

/** A seqBase off by delta from the one the tag's state asks for (0 mostly). */
export const seqDelta = fc.oneof(w(10, fc.constant(0)), w(1, fc.constant(1)), w(1, fc.constant(-1)));

/** The live region a ref names; null when there is none; MISSING_ID for a negative ref. */
export function regionOf(snap: DcdSnapshot, r: number): DcdRegionSnap | null | typeof MISSING_ID {
  if (r < 0) return MISSING_ID;
  return snap.regions.length === 0 ? null : snap.regions[r % snap.regions.length]!;
}

/** The id of the ref-th device of a region (modulo), or MISSING_ID. */
export function deviceOf(r: DcdRegionSnap, d: number): number {
  return d < 0 || r.devices.length === 0 ? MISSING_ID : r.devices[d % r.devices.length]!.id;
}

/** The extents a command's block indexes name, inside the region (lengths may reach past its end). */
export function extentsIn(r: DcdRegionSnap | null, xs: readonly ExtentCmd[]): GroupExtent[] {
  const blocks = r === null ? 32n : r.sizeBytes / BLOCK;
  return xs.map((e) => ({ offset: (BigInt(e.block) % blocks) * BLOCK, length: BigInt(e.blocks) * BLOCK }));
}

/** The seqBase a group of tag needs in r (base + the tag's resources), moved by delta. */
export function seqFor(r: DcdRegionSnap | null, tag: Tag, base: number, delta: number): number {
  const n = r === null ? 0 : r.resources.filter((x) => x.tag === tag).length;
  return Math.max(0, base + n + delta);
}

