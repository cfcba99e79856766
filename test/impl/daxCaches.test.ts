/**
 * The DAX caches against recomputation from the kernel-style structures, after every
 * command of long seeded sequences: available size (O(1) per region), the extent index
 * (per-extent contribution and search key, first extent with space), every resource's
 * child index, device sizes, range resources and pgoffs, and extent reference counts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ImplDax } from '../../impl/daxSut.ts';
import type { DaxRegion } from '../../impl/daxRegion.ts';
import type { FaultName } from '../../impl/faults.ts';
import { checkRegionCaches } from '../../impl/selfCheck.ts';
import type { FailPoint, Result } from '../../sut/interface.ts';
import { prng } from './checkIndex.ts';
import { consistent, dax, GiB, KiB, MiB, U } from './helpers.ts';

/** Every cache of region against a recomputation (impl/selfCheck.ts); s2 says whether fault S2 is on. */
function checkRegion(region: DaxRegion, s2: boolean): void {
  assert.equal(checkRegionCaches(region, s2), [], `region${region.id}'s caches`);
}

/** One random command, biased to grow, shrink and extents; sizes in 2 MiB units with 4 GiB ones. */
function step(d: ImplDax, rnd: (n: number) => number): [string, Result] {
  const r = rnd(3);
  const dev = rnd(4);
  const size = BigInt(rnd(24)) * U + (rnd(6) === 0 ? 4n * GiB : 0n);
  switch (rnd(12)) {
    case 0: return ['addExtent', d.addExtent(r, BigInt(rnd(40)) * U + (rnd(3) === 0 ? 4n * GiB : 0n), BigInt(1 + rnd(6)) * U + (rnd(5) === 0 ? 4n * GiB : 0n), 'e')];
    case 1: return ['removeExtent', d.removeExtent(r, rnd(6))];
    case 2: return ['createDevice', d.createDevice(r, rnd(3) === 0 ? BigInt(rnd(4)) * U : 0n)];
    case 3: return ['deleteDevice', d.deleteDevice(r, dev)];
    case 4: {
      const start = BigInt(rnd(40)) * U;
      return ['mapping', d.mapping(r, dev, start, start + BigInt(1 + rnd(3)) * U - 1n)];
    }
    case 5: return ['failAllocation', d.failAllocation((['resource', 'ranges', 'mapping', 'extentDevice'] as FailPoint[])[rnd(4)]!, 1 + rnd(4))];
    case 6: return rnd(30) === 0 ? ['destroyRegion', d.destroyRegion(r)] : ['resize', d.resize(r, dev, size)];
    case 7: return ['setAlign', d.setAlign(r, dev, [4n * KiB, 2n * MiB, 1n * GiB][rnd(3)]!)];
    default: return ['resize', d.resize(r, dev, size)];
  }
}

for (const faults of [[], ['s2-free-space-int']] as FaultName[][]) {
  test(`caches equal recomputation after every command (${faults.join() || 'no fault'})`, () => {
    const rnd = prng(faults.length + 5);
    const okCount = new Map<string, number>();
    for (let run = 0; run < 16; run++) {
      const d = dax(faults);
      d.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: 16n * GiB, align: U });
      d.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: 80n * MiB, align: U, seed: 'empty' });
      d.createRegion({ kind: 'dynamic', start: 1n * GiB, sizeBytes: 128n * MiB, align: U });
      for (let i = 0; i < 150; i++) {
        const [op, result] = step(d, rnd);
        if (result.ok) okCount.set(op, (okCount.get(op) ?? 0) + 1);
        for (const region of d.regions) checkRegion(region, faults.length > 0);
      }
      if (faults.length === 0) consistent(d);
    }
    // The sequence did real work: enough successful grows, shrinks, extents and devices.
    for (const op of ['resize', 'addExtent', 'removeExtent', 'createDevice', 'mapping', 'deleteDevice']) {
      assert.ok((okCount.get(op) ?? 0) >= 10, `${op} succeeded ${okCount.get(op) ?? 0} times`);
    }
  });
}

test.run();
