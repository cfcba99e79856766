/**
 * How DAX commands name objects: by index into the model's current lists, resolved at run
 * time (daxCommand.ts). The generators of those indexes and their resolution live here
 * together, so that what a generator produces and what it means are read side by side.
 */
import fc from 'fast-check';
import type { DaxSnapshot, RegionSnap } from '../../sut/interface.ts';
import { add64 } from '../../sut/u64.ts';
import { w } from '../operation.ts';

/** An id that no region, device or extent ever takes in a run (runs are far shorter). */
export const MISSING_ID = 4095;

/** A region ref that picks among all live regions, ignoring the operation's preferred kind (so kind-mismatch errors come up). */
export const ANY_KIND_REF = 3;

/** Index of an existing object (resolved modulo the list); negative for a missing or dead one (-1 - k: the k-th). */
export const ref = fc.oneof(w(12, fc.integer({ min: 0, max: 3 })), w(1, fc.integer({ min: -4, max: -1 })));

/** In big runs: any of up to 256 objects, or a missing or dead one. */
export const bigRef = fc.oneof(w(8, fc.nat({ max: 255 })), w(1, fc.integer({ min: -8, max: -1 })));

/** A region: 0..2 among the preferred kind, ANY_KIND_REF among all, negative for a destroyed or missing one. */
export const regionRef = fc.oneof(w(20, fc.integer({ min: 0, max: 2 })), w(2, fc.constant(ANY_KIND_REF)), w(1, fc.integer({ min: -3, max: -1 })));

/** The region a negative ref names: -1 - k, the k-th destroyed region (modulo), else MISSING_ID. */
export function deadRegion(snap: DaxSnapshot, ref: number): number {
  const destroyed = snap.regions.filter((r) => r.destroyed);
  return destroyed.length === 0 ? MISSING_ID : destroyed[(-1 - ref) % destroyed.length]!.id;
}

/**
 * The live region a ref names: ANY_KIND_REF picks among all live regions, other refs
 * among those of the preferred kind when there are any. null: no live region at all
 * (the command does not apply); 'missing': the ref names a missing region.
 */
export function liveRegion(snap: DaxSnapshot, ref: number, prefer?: RegionSnap['kind']): RegionSnap | null | 'missing' {
  if (ref < 0) return 'missing';
  const live = snap.regions.filter((r) => !r.destroyed);
  const preferred = live.filter((r) => r.kind === prefer);
  const from = ref !== ANY_KIND_REF && preferred.length > 0 ? preferred : live;
  return from.length === 0 ? null : from[ref % from.length]!;
}

/** The id of the ref-th object of list (modulo), MISSING_ID for a negative ref or an empty list. */
export function pick<T extends { id: number }>(list: readonly T[], ref: number): number {
  if (ref < 0 || list.length === 0) return MISSING_ID;
  return list[ref % list.length]!.id;
}

/**
 * Resolves a command that names a region: `live` makes the call for the region found,
 * `missing` the call for a destroyed or never-created region id; null when no region is live.
 */
export function inRegion<Call>(snap: DaxSnapshot, ref: number, prefer: RegionSnap['kind'] | undefined, live: (r: RegionSnap) => Call, missing: (region: number) => Call): Call | null {
  const found = liveRegion(snap, ref, prefer);
  if (found === null) return null;
  return found === 'missing' ? missing(deadRegion(snap, ref)) : live(found);
}

/** First address of the region not covered by a child of its resource (region end + 1 when full). */
export function firstGap(region: RegionSnap): bigint {
  let at = region.resource.start;
  for (const child of region.resource.children) {
    if (child.start > at) return at;
    at = add64(child.end, 1n);
  }
  return at;
}


/** A command that names one device of a region: its arbitrary (region ref and device ref; big runs: any device). */
export function deviceCommand<Op extends string>(op: Op, device = ref): fc.Arbitrary<{ op: Op; region: number; device: number }> {
  return fc.record({ op: fc.constant(op), region: regionRef, device });
}

/**
 * The device a ref names in a live region: the ref-th live one (modulo); for a negative
 * ref -1 - k, the k-th dead id (modulo: an id below the highest live one that no device
 * has, so one a delete gave back), else MISSING_ID.
 */
export function pickDevice(r: RegionSnap, ref: number): number {
  if (ref >= 0) return pick(r.devices, ref);
  const live = new Set(r.devices.map((d) => d.id));
  const dead: number[] = [];
  for (let id = 0; id < (r.devices.at(-1)?.id ?? 0); id++) if (!live.has(id)) dead.push(id);
  return dead.length === 0 ? MISSING_ID : dead[(-1 - ref) % dead.length]!;
}

/**
 * Resolves a command naming one device (in a region of the preferred kind, else any) into
 * {op, region, device} plus the call's other fields, computed by extra (r is null for a
 * missing region, whose call names device 0).
 */
export function resolveDevice<Op extends string, Extra extends object>(
  snap: DaxSnapshot,
  cmd: { op: Op; region: number; device: number },
  extra: (r: RegionSnap | null, device: number) => Extra,
  prefer?: RegionSnap['kind'],
): ({ op: Op; region: number; device: number } & Extra) | null {
  return inRegion(snap, cmd.region, prefer,
    (r) => {
      const device = pickDevice(r, cmd.device);
      return { op: cmd.op, region: r.id, device, ...extra(r, device) };
    },
    (region) => ({ op: cmd.op, region, device: 0, ...extra(null, 0) }));
}
