/** The fail-nth enumeration the implementation's and the C port's tests share: every step of one run armed with n = 1..8. */
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { failNthSuite } from '../../properties/failNthSuite.ts';
import type { SutFactory } from '../../sut/interface.ts';
import { World } from '../../properties/world.ts';

export const MiB = 1n << 20n;
export const dyn = { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 1024n * MiB, align: 2n * MiB, seed: 'whole' };
export const cont = { op: 'createRegion', kind: 'contiguous', start: 1n << 40n, sizeBytes: 1024n * MiB, align: 2n * MiB, seed: 'empty' };
export const ext = { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 64n * MiB, label: 'a' };
export const dev = { op: 'createDevice', region: 1, sizeBytes: 0n };
export const grow = { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 8n * MiB };
const growDyn = { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 8n * MiB };
/** A run whose every operation allocates, each armed once per n = 1..8 (fewer allocations: nothing fails). */
const BODY = [dyn, cont, ext, dev, grow, growDyn];

/** Runs BODY with failNth(n) before step k, for every k and n = 1..8; returns the failed sites and any failure. */
export function enumerate(sut: SutFactory, ref: SutFactory = modelFactory): { failed: Set<string>; failures: string[]; coverage: Map<string, Map<string, number>> } {
  const failed = new Set<string>();
  const failures: string[] = [];
  const coverage = new Map<string, Map<string, number>>();
  for (let k = 0; k < BODY.length; k++) {
    for (let n = 1; n <= 8; n++) {
      const cmds = [...BODY.slice(0, k), { op: 'failNth', n }, ...BODY.slice(k)];
      const world = new World(failNthSuite(daxSuite), ref, sut);
      try {
        for (const c of cmds) world.step(c);
        world.finish();
      } catch (e) {
        failures.push(`k=${k} n=${n}: ${e instanceof Error ? e.message : String(e)}`);
      }
      for (const [op, sites] of world.allocCoverage!) {
        const to = coverage.get(op) ?? new Map<string, number>();
        coverage.set(op, to);
        for (const [s, c] of sites) {
          to.set(s, (to.get(s) ?? 0) + c);
          if (c > 0) failed.add(s);
        }
      }
    }
  }
  return { failed, failures, coverage };
}

