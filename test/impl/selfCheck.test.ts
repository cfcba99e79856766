/**
 * The implementation's selfCheck (impl/selfCheck.ts): silent on a consistent state, and
 * one line naming the cache for each corruption a snapshot cannot show; the runner turns
 * it into a self-check counterexample at the step that corrupted the index.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ImplDax } from '../../impl/daxSut.ts';
import { implFactory } from '../../impl/index.ts';
import type { ImplTree } from '../../impl/treeSut.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import type { DaxSut, SutFactory } from '../../sut/interface.ts';
import { SHORTEST_TRIGGERS } from '../../bench/shortestTriggers.ts';
import { dynamic, GiB, MiB, U } from './helpers.ts';

/** A dynamic region with two extents, a device grown across both, and a contiguous region with a mapping. */
function busy(): ImplDax {
  const d = dynamic([], 16n * GiB, [[0n, 8n * MiB], [16n * MiB, 8n * MiB]]);
  assert.ok(d.resize(0, 0, 12n * MiB).ok);
  d.createRegion({ kind: 'contiguous', start: 64n * GiB, sizeBytes: GiB, align: U, seed: 'empty' });
  assert.ok(d.mapping(1, 0, 64n * GiB + 4n * MiB, 64n * GiB + 8n * MiB - 1n).ok);
  return d;
}

test('a consistent state has no violation: DAX regions with extents and ranges, and a resource forest', () => {
  assert.equal(busy().selfCheck(), []);
  const t = implFactory.createTree() as ImplTree;
  t.addRoot(0n, 0xffffn, 'r');
  t.requestRegion(0, 0x100n, 0x100n, 'a');
  t.requestResource(0, 0x1000n, 0x1fffn, 'b');
  assert.equal(t.selfCheck(), []);
});

test('each corruption of a cache is named: max-gap augmentation, childBytes, a per-child gap, the extent index, a kref, a pgoff, a device size', () => {
  const cases: [string, (d: ImplDax) => void, RegExp][] = [
    ['maxGap', (d) => void (d.regions[1]!.res.kids!.maxGap += 1n), /maxGap of \[.*\] is \d+, its subtree's largest gap is \d+/],
    ['childBytes', (d) => void (d.regions[1]!.res.childBytes += U), /region1: childBytes cached/],
    ['gap', (d) => void (d.regions[1]!.res.child!.gap -= U), /region1: gap after \[.*\] cached/],
    ['extent index', (d) => d.regions[0]!.extentIndex.set(1, 0n, 0n), /extent 1's contribution cached 0, is/],
    ['kref', (d) => void (d.regions[0]!.extents[0]!.kref.refcount += 1), /extent 0's kref is 3, its users 2/],
    ['pgoff', (d) => void ((d.regions[0]!.devices.get(0)!.ranges[1] as { pgoff: bigint }).pgoff += 1n), /dax0\.0: pgoff of \[.*\] is \d+, should be \d+/],
    ['size', (d) => void (d.regions[0]!.devices.get(0)!.size += U), /dax0\.0: size cached/],
  ];
  for (const [what, corrupt, line] of cases) {
    const d = busy();
    corrupt(d);
    const bad = d.selfCheck();
    assert.ok(bad.some((l) => line.test(l)), `${what}: ${bad.join(' | ') || 'no violation reported'}`);
  }
});

test('the runner reports a corrupt index as a self-check counterexample at the step that corrupted it, though every snapshot agrees', () => {
  // A port whose resize leaves the region's max-gap augmentation stale: invisible to observe().
  const corrupting: SutFactory = {
    name: 'stale-maxgap',
    createTree: () => implFactory.createTree(),
    createDax: (): DaxSut => {
      const d = implFactory.createDax() as ImplDax;
      const resize = d.resize.bind(d);
      d.resize = (r, dev, size) => {
        const result = resize(r, dev, size);
        const kids = d.regions[r]?.extents[0]?.res.kids;
        if (kids) kids.maxGap += 1n;
        return result;
      };
      return d;
    },
  };
  const { commands } = SHORTEST_TRIGGERS['s1-shrink-adjusts-extent']; // region, extent, grow, shrink
  const out = replayCommands(daxSuite, modelFactory, corrupting, commands, false);
  assert.is(out.failure?.kind, 'self-check');
  assert.match(out.failure!.call, /^resize\(/);
  assert.is(out.failure!.step, commands.findIndex((c) => c.op === 'resize'));
  assert.match(out.failure!.detail, /maxGap/);
});

test.run();
