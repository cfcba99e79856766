/**
 * The C port's v11/v10 profile (ports/c/dcd*.c): `hunt --sut-exec PORT --profile v11|v10`
 * finishes with no failure and covers every label of the suite (the dcd records' key
 * order: snapshotKeyOrder.test.ts); and each named fault of the profile
 * (T1, T3, T4, T5), switched with the `fault` request, makes the port disagree with the
 * reference model (model/dcd) on a sequence where the series' defect shows, while
 * without the fault it agrees on the same sequence.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DcdModel } from '../../model/dcd/dcdModel.ts';
import { parseDcdSnapshot } from '../../protocol/dcdSnapshotText.ts';
import { parseAnswer } from '../../protocol/protocol.ts';
import type { Result } from '../../sut/interface.ts';
import type { DcdProfile, DcdSut } from '../../sut/dcdInterface.ts';
import { DCD_LABELS } from '../../properties/dcd11/dcdLabels.ts';
import { readRunJson, runHunt } from '../cli/runHunt.ts';
import { buildCPort, C_PORT } from './cport.ts';

buildCPort();

const TAG = '11111111-2222-3333-4444-555555555555';
const M2 = 0x200000n;

/** One request: its protocol line and the same call on the model. */
type Step = [line: string, call: (m: DcdSut) => Result];

/** The port's answers and snapshots after each step (the port's own, with faults switched on first). */
function portRun(profile: DcdProfile, faults: string[], steps: Step[]): { answers: string[]; snaps: string[] } {
  const lines = ['daxcheck 1', `new dcd ${profile}`, ...faults.map((f) => `fault ${f}`), ...steps.flatMap(([l]) => [l, 'observe']), 'quit', ''];
  const run = spawnSync(C_PORT, [], { input: lines.join('\n'), encoding: 'utf8' });
  assert.is(run.stderr, '', 'nothing on stderr (no ASan or UBSan report)');
  const out = run.stdout.split('\n');
  const replies = out.slice(2 + faults.length);
  assert.equal(out.slice(1, 2 + faults.length), ['ok', ...faults.map(() => 'ok')], 'new dcd and every fault accepted');
  return { answers: replies.filter((_, i) => i % 2 === 0).slice(0, steps.length), snaps: replies.filter((_, i) => i % 2 === 1).slice(0, steps.length) };
}

/** The first step where the port and the model disagree (answer or snapshot), or null. */
function firstDisagreement(profile: DcdProfile, faults: string[], steps: Step[]): string | null {
  const model = new DcdModel(profile);
  const port = portRun(profile, faults, steps);
  for (let i = 0; i < steps.length; i++) {
    const [line, call] = steps[i]!;
    const want = call(model);
    const got = parseAnswer(port.answers[i]!, line);
    if (JSON.stringify(got) !== JSON.stringify(want)) return `step ${i} ${line}: port ${port.answers[i]}, model ${JSON.stringify(want)}`;
    const snap = parseDcdSnapshot(port.snaps[i]!);
    const text = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `0x${x.toString(16)}` : x));
    if (text(snap) !== text(model.observe())) return `step ${i} ${line}: snapshots differ`;
  }
  return null;
}

const region: Step = ['createRegion 0x40000000 0x4000000 0x200000', (m) => m.createRegion(0x40000000n, 0x4000000n, M2)];
const FAULT_SEQUENCES: { fault: string; steps: Step[]; shows: RegExp }[] = [
  {
    fault: 't1-refused-release-forgotten', shows: /releaseTagGroup.*port ok, model .*EBUSY/,
    steps: [region,
      ['addTagGroup 0 0 0x0:0x200000 0', (m) => m.addTagGroup(0, { tag: '0', extents: [{ offset: 0n, length: M2 }], seqBase: 0 })],
      ['claim 0 0 0', (m) => m.claim(0, 0, '0')],
      ['releaseTagGroup 0 0 0 0x0', (m) => m.releaseTagGroup(0, '0', false, 0n)]],
  },
  {
    fault: 't3-rollback-keeps-mapping', shows: /claim .*snapshots differ/,
    steps: [['createRegion 0x40000000 0x4000000 0x400000', (m) => m.createRegion(0x40000000n, 0x4000000n, 2n * M2)],
      [`addTagGroup 0 ${TAG} 0x0:0x400000,0x400000:0x200000 0`, (m) => m.addTagGroup(0, { tag: TAG, extents: [{ offset: 0n, length: 2n * M2 }, { offset: 2n * M2, length: M2 }], seqBase: 0 })],
      [`claim 0 0 ${TAG}`, (m) => m.claim(0, 0, TAG)]],
  },
  {
    fault: 't4-claim-two-pass', shows: /claimRacing.*port err ENOSPC/,
    steps: [region,
      [`addTagGroup 0 ${TAG} 0x0:0x200000 0`, (m) => m.addTagGroup(0, { tag: TAG, extents: [{ offset: 0n, length: M2 }], seqBase: 0 })],
      [`claimRacing 0 0 ${TAG} ${TAG} 0x200000:0x200000 1`, (m) => m.claimRacing(0, 0, TAG, { tag: TAG, extents: [{ offset: M2, length: M2 }], seqBase: 1 })]],
  },
  {
    fault: 't5-seq-gap-warn', shows: /addTagGroup.*port ok, model .*EINVAL/,
    steps: [region,
      [`addTagGroup 0 ${TAG} 0x0:0x200000 5`, (m) => m.addTagGroup(0, { tag: TAG, extents: [{ offset: 0n, length: M2 }], seqBase: 5 })],
      [`claim 0 0 ${TAG}`, (m) => m.claim(0, 0, TAG)]],
  },
];

for (const { fault, steps, shows } of FAULT_SEQUENCES) {
  test(`the C port with fault ${fault} disagrees with the model where the defect shows; without it, it agrees`, () => {
    assert.is(firstDisagreement('v11', [], steps), null);
    assert.match(firstDisagreement('v11', [fault], steps) ?? 'agrees', shows);
  });
}

test('an unknown fault name is err EINVAL in the DCD suite', () => {
  const out = execFileSync(C_PORT, [], { input: 'daxcheck 1\nnew dcd v11\nfault t9-none\nquit\n', encoding: 'utf8' });
  assert.equal(out.split('\n').slice(1, 3), ['ok', 'err EINVAL']);
});

for (const profile of ['v11', 'v10'] as const) {
  test(`hunt --sut-exec (the C port) --profile ${profile} finishes with no failure and covers every label of dcd-${profile}`, async () => {
    const r = await runHunt(['--sut-exec', C_PORT, '--profile', profile, '--seconds', '4', '--workers', '1']);
    assert.is(r.code, 0, r.stderr + r.stdout);
    const [e] = readRunJson(r).entries;
    assert.is(e!.suite, `dcd-${profile}`);
    assert.ok(e!.passed && e!.runs > 0, r.stdout);
    const hit = new Set(e!.labels.filter((l) => l.hits > 0).map((l) => l.label));
    assert.equal(Object.values(DCD_LABELS).filter((l) => !hit.has(l)), [], 'every label hit');
  });
}

test('hunt --sut-exec (the C port) --profile v11 --fault t1-refused-release-forgotten sends the fault and finds it: exit 1, a result mismatch in releaseTagGroup', async () => {
  const r = await runHunt(['--sut-exec', C_PORT, '--profile', 'v11', '--fault', 't1-refused-release-forgotten', '--seconds', '6', '--workers', '1']);
  assert.is(r.code, 1, r.stderr + r.stdout);
  assert.match(r.stderr + r.stdout, /found cx-\S+ .*\[dcd-v11 with t1-refused-release-forgotten\] result-mismatch at step \d+ of \d+: releaseTagGroup/);
});

test.run();
