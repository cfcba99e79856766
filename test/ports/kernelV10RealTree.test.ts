/**
 * The DCD v10 series' own drivers/dax (bus.c and cxl.c), when the environment names a tree
 * that has it (DAXCHECK_V10_SRC; docs/kernel-v10.md says how to assemble one): the harness
 * answers the profile's requests through the series' entry points (a C-level session: T1,
 * T5, and T3 with the use-count underflow V3 under an injected allocation failure), and
 * DAXCHECK_V10_RUNS runs (default 60) of the dcd-v10 suite find only known disagreements.
 * Without the variable the test says it is skipped.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { knownDefectOf } from '../../campaign/knownDefects.ts';
import { dcdProcessFactory } from '../../protocol/dcdProcessSut.ts';
import { modelFactory } from '../../model/index.ts';
import { dcdV10Suite } from '../../properties/dcd11/dcdSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { tempCache } from './kernelTree.ts';

const SRC = process.env.DAXCHECK_V10_SRC;
const RUNS = Number(process.env.DAXCHECK_V10_RUNS ?? '60') || 60;
const TAG = '0b0c1d2e-3f40-4152-8364-758697a8b9ca';
const REGION = 'createRegion 0x40000000 0x4000000 0x200000';
const TWO = `addTagGroup 0 ${TAG} 0x0:0x200000,0x400000:0x200000`;

type Snap = { regions: { resources: { start: string; useCount: number }[]; devices: { sizeBytes: string; mappings: number; ranges: unknown[] }[]; pending: string[]; warnings: number }[] };

if (SRC === undefined || SRC === '') {
  test('the v10 real-tree test needs a DCD v10 tree', () => {
    console.log('skipped: DAXCHECK_V10_SRC not set');
  });
} else {
  const cache = tempCache();
  const binary = buildKernelHarness(findKernelTree(SRC, 'DAXCHECK_V10_SRC', { v10: true }), cache).binary;
  /** The answers to lines after the handshake and `new dcd v10`, the exit status and stderr. */
  const session = (lines: string[]) => {
    const r = spawnSync(binary, { input: ['daxcheck 1', 'new dcd v10', ...lines, 'quit', ''].join('\n'), encoding: 'utf8' });
    return { answers: r.stdout.trimEnd().split('\n').slice(2), status: r.status, stderr: r.stderr };
  };
  const snapOf = (line: string): Snap['regions'][0] => (JSON.parse(line.slice('snap '.length)) as Snap).regions[0]!;

  test('a tagged claim takes both members in seq order; a release while claimed answers ok and keeps them (T1); after the size-0 write the release is done', () => {
    const s = session([REGION, `${TWO} 1`, `claim 0 0 ${TAG}`, 'observe', `releaseTagGroup 0 ${TAG} 0 0x0`, 'observe', 'resize 0 0 0x0', `releaseTagGroup 0 ${TAG} 0 0x0`, 'observe']);
    assert.equal(s.answers.filter((a) => !a.startsWith('snap ')), ['ok 0', 'ok', 'ok', 'ok', 'ok', 'ok']);
    const claimed = snapOf(s.answers[3]!);
    assert.equal(claimed.resources.map((r) => r.useCount), [1, 1]);
    assert.equal([claimed.devices[0]!.sizeBytes, claimed.devices[0]!.mappings], ['0x400000', 2]);
    const refused = snapOf(s.answers[5]!);
    assert.equal([refused.resources.length, refused.pending], [2, []]);
    assert.equal(snapOf(s.answers[8]!).resources, []);
    assert.is(s.status, 0, s.stderr);
  });

  test('a group whose seqs start at 0 reaches bus.c, and its claim WARNs and answers EINVAL (T5)', () => {
    const s = session([REGION, `${TWO} 0`, `claim 0 0 ${TAG}`, 'observe']);
    assert.equal(s.answers.slice(0, 3), ['ok 0', 'ok', 'err EINVAL']);
    const snap = snapOf(s.answers[3]!);
    assert.equal([snap.warnings, snap.resources.map((r) => r.useCount), snap.devices[0]!.sizeBytes], [1, [0, 0], '0x0']);
  });

  test('a claim whose second mapping cannot be allocated rolls back: a mapping outlives its range (T3), the second member\'s use count wraps (V3), and teardown crashes in unregister_dax_mapping', () => {
    const s = session([REGION, `${TWO} 1`, 'failAllocation mapping 2', `claim 0 0 ${TAG}`, 'observe']);
    assert.equal(s.answers.slice(0, 4), ['ok 0', 'ok', 'ok', 'err ENOMEM']);
    const after = snapOf(s.answers[4]!);
    assert.equal([after.devices[0]!.ranges.length, after.devices[0]!.mappings], [0, 1]);
    assert.equal(after.resources.map((r) => r.useCount), [0, 2 ** 32 - 1]);
    assert.is.not(s.status, 0);
    assert.match(s.stderr, /AddressSanitizer: SEGV[\s\S]* in unregister_dax_mapping /);
  });

  test(`${RUNS} runs of the dcd-v10 suite against ${SRC}: every disagreement is a known one`, () => {
    const sut = dcdProcessFactory([binary], { commandTimeoutMs: 60_000 });
    const seen = new Map<string, number>();
    let runs = 0;
    try {
      for (let seed = 1; runs < RUNS; seed++) {
        const o = runSuite({ suite: dcdV10Suite, model: modelFactory, sut, seed, numRuns: RUNS - runs, maxCommands: 30, minimizeReplays: 10 });
        runs += o.runs;
        if (o.counterexample === null) continue;
        const { kind, step, call, detail } = o.counterexample.failure;
        const known = knownDefectOf({ broke: { kind, step: step + 1, call, detail }, commands: o.counterexample.commands });
        assert.ok(known, `a new disagreement (seed ${seed}): ${o.counterexample.failure.message}`);
        seen.set(known.id, (seen.get(known.id) ?? 0) + 1);
      }
      console.log(`dcd-v10 against ${SRC}: ${runs} runs, known disagreements seen: ${[...seen].map(([id, n]) => `${id} ×${n}`).join(', ') || 'none'}`);
    } finally {
      sut.close();
    }
  });
}

test.run();
