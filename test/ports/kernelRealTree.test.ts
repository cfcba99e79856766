import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { daxContiguousSuite } from '../../properties/dax/daxSuite.ts';
import { knownDefectOf } from '../../campaign/knownDefects.ts';
import { tempCache } from './kernelTree.ts';

/** A real kernel tree, when the environment names one (e.g. Debian's linux-source-6.1, unpacked). */
const SRC = process.env.DAXCHECK_KERNEL_SRC;

if (SRC === undefined || SRC === '') {
  test('the real-tree tests need a kernel tree', () => {
    console.log('skipped: DAXCHECK_KERNEL_SRC not set');
  });
} else {
  test(`the kernel's own resource.c from ${SRC} builds against the shims and agrees with the model on 300 runs of the tree suite`, () => {
    const cache = tempCache();
    const sut = processFactory([buildKernelHarness(findKernelTree(SRC, 'DAXCHECK_KERNEL_SRC'), cache).binary]);
    try {
      const o = runSuite({ suite: treeSuite, model: modelFactory, sut, seed: 61, numRuns: 300, maxCommands: 60, minimizeReplays: 100 });
      assert.is(o.counterexample?.failure.message ?? null, null);
    } finally {
      sut.close();
    }
  });

  test(`the kernel's own drivers/dax/bus.c from ${SRC} runs 300 runs of the dax-contiguous suite, and every disagreement is a known one (K1, K2, G2)`, () => {
    const cache = tempCache();
    const sut = processFactory([buildKernelHarness(findKernelTree(SRC, 'DAXCHECK_KERNEL_SRC', { dax: true }), cache).binary]);
    const seen = new Set<string>();
    let runs = 0;
    try {
      for (let seed = 61; runs < 300; seed++) {
        const o = runSuite({ suite: daxContiguousSuite, model: modelFactory, sut, seed, numRuns: 300 - runs, maxCommands: 60, minimizeReplays: 50 });
        runs += o.runs;
        if (o.counterexample === null) continue;
        const { kind, step, call, detail } = o.counterexample.failure;
        const known = knownDefectOf({ broke: { kind, step, call, detail }, commands: o.counterexample.commands });
        assert.ok(known, `a new disagreement: ${o.counterexample.failure.message}`);
        seen.add(known.id);
      }
      console.log(`dax-contiguous against ${SRC}: ${runs} runs, known disagreements seen: ${[...seen].join(', ') || 'none'}`);
    } finally {
      sut.close();
    }
  });
}

test.run();
