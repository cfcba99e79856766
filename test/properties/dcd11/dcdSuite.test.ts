/**
 * The v11/v10 profile (docs/SPECIFICATION.md §12): the implementation agrees with the
 * model on both profiles, the runs reach every label, and each of T1, T3, T4, T5 is
 * found by a fresh random search and shrunk to a short counterexample of its kind.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createDcdImplFactory, DCD_FAULT_NAMES, implFactory, type DcdFaultName } from '../../../impl/index.ts';
import { modelFactory } from '../../../model/index.ts';
import { dcdV10Suite, dcdV11Suite } from '../../../properties/dcd11/dcdSuite.ts';
import { runSuite } from '../../../properties/runSuite.ts';

for (const suite of [dcdV11Suite, dcdV10Suite]) {
  test(`${suite.name}: 600 runs of the implementation agree with the model and reach every label`, () => {
    const out = runSuite({ suite, model: modelFactory, sut: implFactory, seed: 11, numRuns: 600, maxCommands: 60 });
    assert.is(out.counterexample?.failure.message ?? null, null);
    for (const label of Object.keys(suite.coverage)) assert.ok((out.labelRuns.get(label) ?? 0) > 0, `label never reached: ${label}`);
  });
}

test('createRegion resolves after the last region: three regions created in a row lie side by side, none overlapping', () => {
  const op = dcdV11Suite.operations.find((o) => o.op === 'createRegion')!;
  const model = modelFactory.createDcd!('v11');
  for (let i = 0; i < 3; i++) {
    const call = op.resolve({ op: 'createRegion', start: 1n << 30n, sizeBytes: 32n << 20n, align: 2n << 20n }, model.observe());
    assert.ok(model.createRegion(call.start, call.sizeBytes, call.align).ok, `region ${i} created`);
  }
  const regions = model.observe().regions;
  assert.is(regions.length, 3);
  regions.slice(1).forEach((r, i) => assert.is(r.start, regions[i]!.start + regions[i]!.sizeBytes, `region ${i + 1} starts where region ${i} ends`));
});

/** What each fault's counterexample must show: the kind of failure and a word of its message. */
const EXPECTED: Record<DcdFaultName, { kind: string; op: RegExp; says: RegExp; most: number }> = {
  't1-refused-release-forgotten': { kind: 'result-mismatch', op: /^releaseTagGroup/, says: /model EBUSY, sut ok/, most: 4 },
  't3-rollback-keeps-mapping': { kind: 'invariant', op: /^claim/, says: /D5 mappings/, most: 3 },
  't4-claim-two-pass': { kind: 'result-mismatch', op: /^claimRacing/, says: /model ok, sut ENOSPC/, most: 3 },
  't5-seq-gap-warn': { kind: '', op: /^(addTagGroup|claim)/, says: /model EINVAL, sut ok|resources|D6 no warning/, most: 3 },
};

for (const fault of DCD_FAULT_NAMES) {
  test(`${fault}: a fresh search finds it and shrinks it to at most ${EXPECTED[fault].most} commands`, () => {
    const out = runSuite({ suite: dcdV11Suite, model: modelFactory, sut: createDcdImplFactory([fault]), seed: 7, numRuns: 2000, maxCommands: 30 });
    const cx = out.counterexample;
    assert.ok(cx !== null, `${fault} not found in ${out.runs} runs`);
    const e = EXPECTED[fault];
    if (e.kind !== '') assert.is(cx.failure.kind, e.kind, cx.failure.message);
    assert.match(cx.failure.message, e.says);
    assert.ok(cx.commands.length <= e.most, `${cx.commands.length} commands: ${cx.failure.message}`);
    assert.match(cx.failure.message.replace(/^step \d+: /, ''), e.op);
  });
}

test('v10: the same groups with seq base 1; a v11 seqBase of 0 is refused there', () => {
  const v10 = modelFactory.createDcd!('v10');
  const impl = implFactory.createDcd!('v10');
  for (const sut of [v10, impl]) {
    assert.equal(sut.createRegion(1n << 30n, 32n << 20n, 2n << 20n), { ok: true, id: 0 });
    const tag = '11111111-2222-4333-8444-555555555555';
    assert.equal(sut.addTagGroup(0, { tag, extents: [{ offset: 0n, length: 2n << 20n }], seqBase: 0 }), { ok: false, errno: 'EINVAL' });
    assert.equal(sut.addTagGroup(0, { tag, extents: [{ offset: 0n, length: 2n << 20n }, { offset: 4n << 20n, length: 2n << 20n }], seqBase: 1 }), { ok: true });
    assert.equal(sut.claim(0, 0, tag), { ok: true });
    assert.equal(sut.observe().regions[0]!.devices[0]!.sizeBytes, 4n << 20n);
  }
});

test('a refused release is pending until the trim that ends its use, which does it', () => {
  for (const sut of [modelFactory.createDcd!('v11'), implFactory.createDcd!('v11')]) {
    sut.createRegion(1n << 30n, 32n << 20n, 2n << 20n);
    sut.addTagGroup(0, { tag: '0', extents: [{ offset: 2n << 20n, length: 2n << 20n }], seqBase: 0 });
    assert.equal(sut.claim(0, 0, '0'), { ok: true });
    assert.equal(sut.releaseTagGroup(0, '0', false, 2n << 20n), { ok: false, errno: 'EBUSY' });
    assert.equal(sut.observe().regions[0]!.pending, ['0@0x200000']);
    assert.equal(sut.resize(0, 0, 4n << 20n), { ok: false, errno: 'EOPNOTSUPP' });
    assert.equal(sut.resize(0, 0, 1n << 20n), { ok: false, errno: 'EINVAL' });
    assert.equal(sut.resize(0, 0, 2n << 20n), { ok: true }, 'its own size: nothing to do');
    assert.equal(sut.createDevice(0), { ok: false, errno: 'ENOSPC' }, 'nothing unclaimed');
    assert.equal(sut.resize(0, 0, 0n), { ok: true });
    const r = sut.observe().regions[0]!;
    assert.equal([r.pending, r.resources.length], [[], 0]);
  }
});

test.run();
