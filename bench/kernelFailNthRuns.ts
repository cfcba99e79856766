/**
 * The runs the kernel fail-nth sweep makes (bench/kernelFailNth.ts, test/ports/kernelFailNthRealTree.test.ts):
 * per suite, one run whose operations allocate, swept with properties/failNthSweep.ts against
 * the kernel harness built from a tree; each failure classified by campaign/knownDefects.ts.
 */
import { buildKernelHarness, findKernelTree, type KernelTree } from '../campaign/kernel.ts';
import { knownDefectOf, type KnownDefect } from '../campaign/knownDefects.ts';
import { processFactory } from '../protocol/processSut.ts';
import { modelFactory } from '../model/index.ts';
import { daxContiguousSuite, daxSuite } from '../properties/dax/daxSuite.ts';
import { sweepFailNth, type SweepOutcome } from '../properties/failNthSweep.ts';
import type { StepFailure } from '../properties/stepFailure.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';
import { treeSuite } from '../properties/tree/treeSuite.ts';

const MiB = 1n << 20n;
const req = (op: string, parent: number, at: string, size: bigint, name: string) => ({ op, parent, at, child: 0, deltaBytes: 0n, sizeBytes: size, name });
/** Runs whose operations allocate, per suite (the first region 0, its device 0 …). */
export const BODIES: Record<string, { suite: AnySuite; body: readonly object[] }> = {
  tree: {
    suite: treeSuite,
    body: [
      { op: 'addRoot', start: 0n, end: 0xffffn, name: 'r' },
      req('requestResource', 0, 'parentStart', 0x1000n, 'a'),
      req('requestRegion', 1, 'parentStart', 0x100n, 'b'),
      req('requestRegion', 0, 'parentTop', 0x10n, 'c'),
      { op: 'releaseResource', res: 1 },
    ],
  },
  'dax-contiguous': {
    suite: daxContiguousSuite,
    body: [
      { op: 'createRegion', kind: 'contiguous', start: 1n << 40n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'default' },
      { op: 'resize', region: 0, device: 0, to: 'half', deltaBytes: 0n },
      { op: 'createDevice', region: 0, sizeBytes: 0n },
      { op: 'resize', region: 0, device: 1, to: 'abs', deltaBytes: 8n * MiB },
      { op: 'mapping', region: 0, device: 1, at: 'afterLast', deltaBytes: 0n, lengthBytes: 4n * MiB },
      { op: 'setAlign', region: 0, device: 1, align: 2n * MiB },
      { op: 'bind', region: 0, device: 1 },
      { op: 'unbind', region: 0, device: 1 },
      { op: 'resize', region: 0, device: 1, to: 'abs', deltaBytes: 0n },
      { op: 'deleteDevice', region: 0, device: 1 },
      { op: 'destroyRegion', region: 0 },
    ],
  },
  dax: {
    suite: daxSuite,
    body: [
      { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 1024n * MiB, align: 2n * MiB, seed: 'whole' },
      { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 64n * MiB, label: 'a' },
      { op: 'addExtent', region: 0, at: 'afterLast', deltaBytes: 0n, lengthBytes: 32n * MiB, label: 'b' },
      { op: 'createDevice', region: 0, sizeBytes: 0n },
      { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 80n * MiB },
      { op: 'mapping', region: 0, device: 0, at: 'firstGap', deltaBytes: 0n, lengthBytes: 2n * MiB },
      { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 0n },
      { op: 'removeExtent', region: 0, extent: 1 },
      { op: 'deleteDevice', region: 0, device: 0 },
      { op: 'destroyRegion', region: 0 },
    ],
  },
};

/** A kernel tree's sweep: the outcome, each failure with its known defect (null: new), and the tree. */
export interface KernelSweep {
  tree: KernelTree;
  outcome: SweepOutcome;
  failures: { failure: StepFailure; known: KnownDefect | null }[];
  durationMs: number;
}

/** Builds the harness for the tree at src and sweeps the suite's run (suite: tree, dax-contiguous or dax). */
export function sweepKernelTree(src: string, suite: string): KernelSweep {
  const spec = BODIES[suite];
  if (spec === undefined) throw new Error(`no fail-nth run for the suite ${suite}`);
  const tree = findKernelTree(src, '--src', { dax: suite !== 'tree', dcd: suite === 'dax' });
  const sut = processFactory([buildKernelHarness(tree).binary]);
  const started = performance.now();
  try {
    const outcome = sweepFailNth(spec.suite, modelFactory, sut, spec.body as { op: string }[]);
    const failures = outcome.failures.map(({ failure: e }) => ({
      failure: e,
      known: knownDefectOf({ broke: { kind: e.kind, step: e.step + 1, call: e.call, detail: e.detail }, commands: [{ op: 'failNth' }] }),
    }));
    return { tree, outcome, failures, durationMs: performance.now() - started };
  } finally {
    sut.close();
  }
}
