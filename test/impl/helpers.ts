/**
 * Helpers of the impl tests: fixtures for regions with extents, snapshot builders, and
 * the invariant check of properties/invariants.ts.
 */
import * as assert from 'uvu/assert';
import { createImplFactory } from '../../impl/index.ts';
import type { FaultName } from '../../impl/faults.ts';
import type { ImplDax } from '../../impl/daxSut.ts';
import { checkDaxInvariants } from '../../properties/invariants.ts';
import type { DaxSnapshot, RangeSnap, RegionSnap, ResNode, Result } from '../../sut/interface.ts';
import { GiB, MiB } from '../../sut/u64.ts';

export { GiB, KiB, MiB } from '../../sut/u64.ts';

/** Region base: 1 GiB, so that offsets and addresses differ. */
export const BASE = 1n * GiB;
export const U = 2n * MiB;
export const OK: Result = { ok: true };

/** A fresh impl DAX instance with the given faults. */
export function dax(faults: FaultName[] = []): ImplDax {
  return createImplFactory(faults).createDax() as ImplDax;
}

/** A dynamic region 0 at BASE of sizeBytes with extents at the given [offset, length] pairs. */
export function dynamic(faults: FaultName[], sizeBytes: bigint, extents: [bigint, bigint][]): ImplDax {
  const d = dax(faults);
  assert.equal(d.createRegion({ kind: 'dynamic', start: BASE, sizeBytes, align: U }), { ok: true, id: 0 });
  extents.forEach(([offset, length], i) => assert.equal(d.addExtent(0, offset, length, `e${i}`), { ok: true, id: i }));
  return d;
}

/** A contiguous region 0 at BASE of sizeBytes whose dax0.0 starts empty. */
export function contiguous(faults: FaultName[], sizeBytes: bigint): ImplDax {
  const d = dax(faults);
  assert.equal(d.createRegion({ kind: 'contiguous', start: BASE, sizeBytes, align: U, seed: 'empty' }), { ok: true, id: 0 });
  return d;
}

/** Region r of the snapshot. */
export function region(d: ImplDax, r = 0): RegionSnap {
  return d.observe().regions[r]!;
}

/** Asserts the docs/SPECIFICATION.md §5 invariants hold and returns the snapshot. */
export function consistent(d: ImplDax): DaxSnapshot {
  const s = d.observe();
  assert.equal(checkDaxInvariants(s), [], 'invariants hold');
  return s;
}

export const rng = (start: bigint, end: bigint, pgoff: bigint, extent: number | null = null): RangeSnap => ({ start, end, pgoff, extent });

export const res = (start: bigint, end: bigint, name: string, children: ResNode[] = []): ResNode =>
  ({ start, end, name, busy: !name.startsWith('region'), children });

/** [BASE + offset, BASE + offset + length - 1] */
export const at = (offset: bigint, length: bigint): [bigint, bigint] => [BASE + offset, BASE + offset + length - 1n];
