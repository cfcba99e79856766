/**
 * Shared helpers of the example tests: result and snapshot builders, and
 * expectInvariants, which checks docs/SPECIFICATION.md §5 on a snapshot with properties/invariants.ts.
 * Examples use only the SutFactory interface, so they run unchanged on every SUT.
 */
import * as assert from 'uvu/assert';
import { checkDaxInvariants, checkTreeInvariants } from '../../properties/invariants.ts';
import type {
  DaxSnapshot, DaxSut, DeviceSnap, Errno, ExtentSnap, RangeSnap, RegionSnap, ResNode, ResourceTreeSut, Result, TreeNode,
  TreeSnapshot,
} from '../../sut/interface.ts';
import { GiB, MiB } from '../../sut/u64.ts';

export { GiB, KiB, MiB, U64_MAX } from '../../sut/u64.ts';

/** Region base used by most examples: 1 GiB, so that addresses and sizes differ. */
export const BASE = 1n * GiB;

export const OK: Result = { ok: true };
export const okId = (id: number): Result => ({ ok: true, id });
export const err = (errno: Errno, conflict?: number): Result =>
  conflict === undefined ? { ok: false, errno } : { ok: false, errno, conflict };

/** Asserts that every docs/SPECIFICATION.md §5 invariant holds on the snapshot. */
export function expectInvariants(snapshot: DaxSnapshot | TreeSnapshot): void {
  const problems = 'roots' in snapshot ? checkTreeInvariants(snapshot) : checkDaxInvariants(snapshot);
  assert.equal(problems, [], 'invariants hold');
}

/** observe() with the invariants checked. */
export function observeDax(dax: DaxSut): DaxSnapshot {
  const s = dax.observe();
  expectInvariants(s);
  return s;
}

export function regionOf(dax: DaxSut, r = 0): RegionSnap {
  const region = observeDax(dax).regions[r];
  assert.ok(region, `region ${r} in the snapshot`);
  return region!;
}

export function deviceOf(dax: DaxSut, r: number, d: number): DeviceSnap {
  const dev = regionOf(dax, r).devices.find((x) => x.id === d);
  assert.ok(dev, `device ${d} in region ${r}`);
  return dev!;
}

export const rng = (start: bigint, end: bigint, pgoff: bigint, extent: number | null = null): RangeSnap =>
  ({ start, end, pgoff, extent });

export const res = (start: bigint, end: bigint, name: string, children: ResNode[] = []): ResNode =>
  ({ start, end, name, busy: !name.startsWith('region'), children });

export const node = (id: number, start: bigint, end: bigint, name: string, busy: boolean, children: TreeNode[] = []): TreeNode =>
  ({ id, start, end, name, busy, children });

export const ext = (id: number, start: bigint, end: bigint, label: string, visible: boolean, refs: number, released = false): ExtentSnap =>
  ({ id, start, end, label, visible, refs, released });

export const dev = (r: number, id: number, ranges: RangeSnap[], extra: Partial<DeviceSnap> = {}): DeviceSnap => ({
  id,
  name: `dax${r}.${id}`,
  align: 2n * MiB,
  bound: false,
  sizeBytes: ranges.reduce((s, x) => s + x.end - x.start + 1n, 0n),
  ranges,
  ...extra,
});

/** A contiguous region 0 at BASE of `size` with dax0.0 empty (seed 'empty'). */
export function contiguous(dax: DaxSut, size: bigint, start = BASE): void {
  assert.equal(dax.createRegion({ kind: 'contiguous', start, sizeBytes: size, align: 2n * MiB, seed: 'empty' }), okId(0));
}

/** A dynamic region 0 at BASE of `size`, align 2 MiB, with extents [offset, length] added in order. */
export function dynamic(dax: DaxSut, size: bigint, extents: [bigint, bigint][] = [], start = BASE): void {
  assert.equal(dax.createRegion({ kind: 'dynamic', start, sizeBytes: size, align: 2n * MiB }), okId(0));
  extents.forEach(([offset, length], i) => assert.equal(dax.addExtent(0, offset, length, `e${i}`), okId(i)));
}

/** [start, start + len - 1] */
export const span = (start: bigint, len: bigint): [bigint, bigint] => [start, start + len - 1n];

/** The last statement of every example: the docs/SPECIFICATION.md §5 invariants hold on each SUT instance it used. */
export function invariantsHold(...suts: (DaxSut | ResourceTreeSut)[]): void {
  for (const sut of suts) expectInvariants(sut.observe());
}
