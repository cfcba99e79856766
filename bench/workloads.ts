/**
 * Scaling workloads: a state of size n built through the DaxSut interface (not
 * measured), then one operation that hits the indexed paths, repeated. Each returns
 * a closure running the next operation; it alternates between two that undo each
 * other (so the state stays of size n) and throws when a result is not ok (so the
 * workload is known to take the path it is meant to).
 */
import type { DaxSut, Result } from '../sut/interface.ts';
import { MiB } from '../sut/u64.ts';

const UNIT = 2n * MiB;

export interface Workload {
  name: string;
  /** What one operation is, and what n counts. */
  description: string;
  /** Builds the state of size n on sut; returns the operation. */
  setup(sut: DaxSut, n: number): () => void;
}

/** The result's id; throws when the call failed (the workload is broken). */
function must(r: Result, what: string): number {
  if (!r.ok) throw new Error(`scaling workload: ${what} failed with ${r.errno}`);
  return r.id ?? -1;
}

/** Alternates a and b. */
function alternate(a: () => void, b: () => void): () => void {
  let odd = false;
  return () => {
    odd = !odd;
    (odd ? a : b)();
  };
}

/** A dynamic region with n extents of 2MiB; dax0.0 fills all but the last; dax0.1 grows into the last and shrinks back. */
const dynamicLastExtent: Workload = {
  name: 'dynamic: resize into the last of n extents',
  description: 'resize of dax0.1 to 2MiB (into the only extent with free space, the last) and back to 0; n = extents (n - 1 filled by dax0.0)',
  setup(sut, n) {
    const r = must(sut.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: BigInt(n + 8) * UNIT, align: UNIT }), 'createRegion');
    for (let i = 0; i < n; i++) must(sut.addExtent(r, BigInt(i) * UNIT, UNIT, 'a'), 'addExtent');
    if (n > 1) must(sut.resize(r, 0, BigInt(n - 1) * UNIT), 'fill');
    const d = must(sut.createDevice(r, 0n), 'createDevice');
    return alternate(() => must(sut.resize(r, d, UNIT), 'grow'), () => must(sut.resize(r, d, 0n), 'shrink'));
  },
};

/** A dynamic region with n extents; one more is added after them and removed again. */
const extentChurn: Workload = {
  name: 'dynamic: addExtent/removeExtent next to n extents',
  description: 'addExtent of a 2MiB extent after n extents, and its removeExtent (released at once); n = extents',
  setup(sut, n) {
    const r = must(sut.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: BigInt(n + 8) * UNIT, align: UNIT }), 'createRegion');
    for (let i = 0; i < n; i++) must(sut.addExtent(r, BigInt(i) * UNIT, UNIT, 'a'), 'addExtent');
    let id = -1;
    return alternate(
      () => {
        id = must(sut.addExtent(r, BigInt(n) * UNIT, UNIT, 'b'), 'addExtent');
      },
      () => must(sut.removeExtent(r, id), 'removeExtent'),
    );
  },
};

/** A contiguous region full of n ranges of √n devices but for a last 2MiB gap; a device grows into it and shrinks back. */
const contiguousLastGap: Workload = {
  name: 'contiguous: grow into the last gap after n ranges',
  description: 'resize of a device by +2MiB into the one gap, after the last of n ranges (a new range), and back; n = ranges, over ⌈√n⌉ devices taking turns',
  setup(sut, n) {
    const r = must(sut.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: BigInt(n + 1) * UNIT, align: UNIT, seed: 'empty' }), 'createRegion');
    const devices = Math.max(2, Math.ceil(Math.sqrt(n)));
    const size = new Array<bigint>(devices).fill(0n);
    for (let i = 1; i < devices; i++) must(sut.createDevice(r, 0n), 'createDevice');
    for (let i = 0; i < n; i++) {
      const d = i % devices;
      size[d]! += UNIT;
      must(sut.resize(r, d, size[d]!), 'fill');
    }
    const d = n % devices; // its last range is not the region's last child: growing adds a range
    return alternate(() => must(sut.resize(r, d, size[d]! + UNIT), 'grow'), () => must(sut.resize(r, d, size[d]!), 'shrink'));
  },
};

/** Every scaling workload, in table order. */
export const WORKLOADS: readonly Workload[] = [dynamicLastExtent, extentChurn, contiguousLastGap];
