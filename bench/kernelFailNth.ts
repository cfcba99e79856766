/**
 * The systematic fail-nth sweep of a kernel tree (docs/fail-nth.md "Kernel trees"): builds
 * the kernel harness for --src DIR and sweeps a fixed run of the suite whose operations
 * allocate (properties/failNthSweep.ts: every step k, n = 1, 2, … until step k makes fewer
 * than n allocations), then prints the allocation sites failed and never failed per
 * operation and each failure, classified by campaign/knownDefects.ts.
 *
 *   node --import tsx bench/kernelFailNth.ts --src /tmp/trees/linux-6.12 --suite dax-contiguous
 */
import { parseArgs } from 'node:util';
import { buildKernelHarness, findKernelTree } from '../campaign/kernel.ts';
import { knownDefectOf } from '../campaign/knownDefects.ts';
import { processFactory } from '../campaign/process/processSut.ts';
import { modelFactory } from '../model/index.ts';
import { daxContiguousSuite, daxSuite } from '../properties/dax/daxSuite.ts';
import { sweepFailNth } from '../properties/failNthSweep.ts';
import type { AnySuite } from '../properties/suiteSpec.ts';
import { treeSuite } from '../properties/tree/treeSuite.ts';

const MiB = 1n << 20n;
const req = (op: string, parent: number, at: string, size: bigint, name: string) => ({ op, parent, at, child: 0, deltaBytes: 0n, sizeBytes: size, name });
/** Runs whose operations allocate, per suite (the first region 0, its device 0 …). */
const BODIES: Record<string, { suite: AnySuite; body: readonly object[] }> = {
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

const { values } = parseArgs({ options: { src: { type: 'string' }, suite: { type: 'string', default: 'tree' } } });
const spec = BODIES[values.suite!];
if (values.src === undefined || spec === undefined) {
  console.error('usage: bench/kernelFailNth.ts --src DIR [--suite tree|dax-contiguous|dax]');
  process.exit(2);
}
const tree = findKernelTree(values.src, '--src', { dax: values.suite !== 'tree', dcd: values.suite === 'dax' });
const sut = processFactory([buildKernelHarness(tree).binary]);
const started = performance.now();
try {
  const out = sweepFailNth(spec.suite, modelFactory, sut, spec.body as { op: string }[]);
  const sites = new Map<string, number>();
  for (const [op, bySite] of out.coverage) {
    const failed = [...bySite].filter(([, n]) => n > 0).map(([s]) => s);
    const never = [...bySite].filter(([, n]) => n === 0).map(([s]) => s);
    console.log(`${op}: ${failed.length} of ${bySite.size} sites failed${never.length > 0 ? `; never: ${never.join(', ')}` : ''}`);
    for (const [s, n] of bySite) sites.set(s, (sites.get(s) ?? 0) + n);
  }
  const failed = [...sites].filter(([, n]) => n > 0).length;
  console.log(`Linux ${tree.version} ${values.suite}: ${out.runs} runs in ${((performance.now() - started) / 1000).toFixed(1)} s; ${failed} of ${sites.size} distinct sites failed, ${sites.size - failed} never; ${out.failures.length} failing runs`);
  const seen = new Map<string, number>();
  for (const f of out.failures) {
    const e = f.failure;
    const known = knownDefectOf({ broke: { kind: e.kind, step: e.step + 1, call: e.call, detail: e.detail }, commands: [{ op: 'failNth' }] });
    const line = `${known === null ? 'new' : `known ${known.id}`}: ${e.kind} at ${e.call}: ${e.detail.split('\n')[0]!.slice(0, 300)}`;
    seen.set(line, (seen.get(line) ?? 0) + 1);
  }
  for (const [line, n] of seen) console.log(`  ${n} × ${line}`);
} finally {
  sut.close();
}
