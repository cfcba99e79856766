/**
 * The RFC v2 DCD series' own drivers/dax (bus.c, extent.c, cxl.c), when the environment names
 * a tree that has it (DAXCHECK_DCD_SRC; docs/kernel-dcd.md says how to get one): 300 runs of
 * the whole DAX suite (DAXCHECK_DCD_RUNS to change it), every disagreement a known one (S1–S5,
 * R1, M1, K1, G1). Without the
 * variable the test says it is skipped.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { knownDefectOf } from '../../campaign/knownDefects.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { tempCache } from './kernelTree.ts';

const SRC = process.env.DAXCHECK_DCD_SRC;
/** 300 by default; DAXCHECK_DCD_RUNS=N for another count (the unfixed tree crashes often, and each crash is a new sanitized process). */
const RUNS = Number(process.env.DAXCHECK_DCD_RUNS ?? '300') || 300;

if (SRC === undefined || SRC === '') {
  test('the DCD real-tree test needs a tree with dynamic capacity', () => {
    console.log('skipped: DAXCHECK_DCD_SRC not set');
  });
} else {
  test(`the DCD series' drivers/dax from ${SRC} runs ${RUNS} runs of the dax suite, and every disagreement is a known one`, () => {
    const cache = tempCache();
    const binary = buildKernelHarness(findKernelTree(SRC, 'DAXCHECK_DCD_SRC', { dcd: true }), cache).binary;
    // a defect that loops for ever (S2 or R1) is stopped by the harness's CPU-time watchdog (250 ms), long before this limit
    const sut = processFactory([binary], { commandTimeoutMs: 60_000 });
    const seen = new Map<string, number>();
    let runs = 0;
    try {
      for (let seed = 19; runs < RUNS; seed++) {
        const o = runSuite({ suite: daxSuite, model: modelFactory, sut, seed, numRuns: RUNS - runs, maxCommands: 40, minimizeReplays: 10 });
        runs += o.runs;
        if (o.counterexample === null) continue;
        const { kind, step, call, detail } = o.counterexample.failure;
        // a counterexample file counts steps from 1 (properties/counterexampleRecord.ts)
        const known = knownDefectOf({ broke: { kind, step: step + 1, call, detail }, commands: o.counterexample.commands });
        assert.ok(known, `a new disagreement (seed ${seed}): ${o.counterexample.failure.message}\n${JSON.stringify(o.counterexample.commands, (_k, v: unknown) => (typeof v === 'bigint' ? `0x${v.toString(16)}` : v))}`);
        seen.set(known.id, (seen.get(known.id) ?? 0) + 1);
      }
      console.log(`dax against ${SRC}: ${runs} runs, known disagreements seen: ${[...seen].map(([id, n]) => `${id} ×${n}`).join(', ') || 'none'}`);
    } finally {
      sut.close();
    }
  });
}

test.run();
