/**
 * The triggers of the defects that crash the kernel harness or loop for ever (S2, R1, S3;
 * campaign/knownTriggers.ts STOPS_BEFORE): each, given to runSuite as stopsBefore, ends
 * every run before the call that would show the defect it names, so a hunt that found it
 * pays no more crashes for it; the runs are counted as cut short under its name. Each is
 * checked against a system with that defect, in batch mode (as a port is checked).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { failureName } from '../../campaign/knownDefects.ts';
import { KNOWN_TRIGGERS, MODEL_STEP_TRIGGERS, stoppedBeforeName, STOPS_BEFORE } from '../../campaign/knownTriggers.ts';
import { avoidedDefects } from '../../campaign/avoidKnown.ts';
import { faultReference } from '../../campaign/systems.ts';
import { createImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { sameData } from '../../properties/sameData.ts';
import { SUITES } from '../../properties/suites.ts';
import type { DaxSut, SutFactory } from '../../sut/interface.ts';
import type { PlannedStep, RunChecker, RunVerdict } from '../../sut/runCheck.ts';

/** system as a batch checker: every planned run replayed on a fresh instance, its results and snapshots compared. */
function batchChecker(system: SutFactory): SutFactory & RunChecker {
  return {
    name: `${system.name}-batch`, createTree: () => system.createTree(), createDax: () => system.createDax(),
    checkRun(_suite: 'tree' | 'dax' | 'dcd', steps: readonly PlannedStep[]): RunVerdict {
      const sut = system.createDax();
      for (const [i, s] of steps.entries()) {
        const r = s.apply(sut as never);
        if (!sameData(r, s.result)) return { step: i, kind: 'result', sut: r };
        const snap = sut.observe();
        if (!sameData(snap, s.snapshot)) return { step: i, kind: 'snapshot', sutSnapshot: snap };
      }
      return null;
    },
  };
}

/** The implementation with R1 as the RFC v2 DCD series has it on a contiguous region: a grow whose allocation failed answers ok. */
const r1: SutFactory = (() => {
  const impl = createImplFactory([]);
  return {
    name: 'r1',
    createTree: () => impl.createTree(),
    createDax: (): DaxSut => {
      const dax = impl.createDax();
      return Object.assign(Object.create(dax) as DaxSut, {
        resize: (r: number, d: number, size: bigint) => {
          const out = dax.resize(r, d, size);
          return !out.ok && out.errno === 'ENOMEM' ? { ok: true as const } : out;
        },
      });
    },
  };
})();

/** Failures found (each run ends at its failure, named) and runs cut short, in runs of the DAX suite against system, with stopsBefore for id or without. */
function hunt(system: SutFactory, reference: SutFactory, id: string, stop: boolean): { names: Set<string>; cut: number } {
  const names = new Set<string>();
  const trigger = KNOWN_TRIGGERS[id]!;
  const out = runSuite({
    suite: SUITES.dax, model: reference, sut: batchChecker(system), seed: 23, numRuns: 400, maxCommands: 40,
    seenBefore: (f) => (names.add(failureName(f)), failureName(f)),
    ...(stop ? { stopsBefore: (call: { op: string }, snap: unknown, step: Parameters<typeof trigger>[2]) => (trigger(call, snap, step) ? stoppedBeforeName(id) : null) } : {}),
  });
  return { names, cut: out.cutShort.get(stoppedBeforeName(id)) ?? 0 };
}

const cases: { id: string; system: SutFactory; reference: SutFactory }[] = [
  { id: 'S2', system: createImplFactory(['s2-free-space-int']), reference: faultReference('s2-free-space-int') },
  { id: 'S3', system: createImplFactory(['s3-double-release']), reference: faultReference('s3-double-release') },
  { id: 'R1', system: r1, reference: modelFactory },
];

for (const { id, system, reference } of cases) {
  test(`${id}: found without stopping before its trigger; with it, no run meets ${id} and the runs it ended are counted under its name`, () => {
    const plain = hunt(system, reference, id, false);
    assert.ok(plain.names.size > 0, `${id} was found without the trigger`);
    const stopped = hunt(system, reference, id, true);
    assert.equal([...stopped.names], [], `failures with ${id}'s trigger: ${[...stopped.names].join(', ')}`);
    assert.ok(stopped.cut > 0, 'runs were ended before the trigger');
  });
}

test('the crash and loop defects end runs before their trigger; R1 and S3 read the model\'s step, so --avoid-known does not claim them', () => {
  assert.equal([...STOPS_BEFORE].sort(), ['R1', 'S2', 'S3']);
  assert.ok(avoidedDefects().includes('S2'));
  for (const id of MODEL_STEP_TRIGGERS) assert.not.ok(avoidedDefects().includes(id), id);
  const resize = { op: 'resize', region: 0, device: 0, sizeBytes: 4n << 20n };
  assert.not.ok(KNOWN_TRIGGERS.R1!(resize, { regions: [] }), 'without the model step (generating) R1 never fires');
  assert.ok(KNOWN_TRIGGERS.R1!(resize, { regions: [] }, { result: { ok: false, errno: 'ENOMEM' }, fired: [] }));
  assert.not.ok(KNOWN_TRIGGERS.R1!(resize, { regions: [] }, { result: { ok: false, errno: 'ENOSPC' }, fired: [] }));
});

test.run();
