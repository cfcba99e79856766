/** The fail-nth sweep the implementation's and the C port's tests share: one run whose every operation allocates, swept (properties/failNthSweep.ts). */
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { sweepFailNth } from '../../properties/failNthSweep.ts';
import type { SutFactory } from '../../sut/interface.ts';

export const MiB = 1n << 20n;
export const dyn = { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 1024n * MiB, align: 2n * MiB, seed: 'whole' };
export const cont = { op: 'createRegion', kind: 'contiguous', start: 1n << 40n, sizeBytes: 1024n * MiB, align: 2n * MiB, seed: 'empty' };
export const ext = { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 64n * MiB, label: 'a' };
export const dev = { op: 'createDevice', region: 1, sizeBytes: 0n };
export const grow = { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 8n * MiB };
const growDyn = { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 8n * MiB };
/** A run whose every operation allocates. */
const BODY = [dyn, cont, ext, dev, grow, growDyn];

/** Sweeps BODY (every step, n = 1, 2, … until the step makes fewer than n); the sites failed, each failure as text, the coverage and the runs. */
export function enumerate(sut: SutFactory, ref: SutFactory = modelFactory): { failed: Set<string>; failures: string[]; coverage: Map<string, Map<string, number>>; runs: number } {
  const out = sweepFailNth(daxSuite, ref, sut, BODY);
  const failed = new Set([...out.coverage.values()].flatMap((sites) => [...sites].filter(([, n]) => n > 0).map(([s]) => s)));
  return { failed, failures: out.failures.map((f) => `k=${f.step} n=${f.n}: ${f.failure.message}`), coverage: out.coverage, runs: out.runs };
}
