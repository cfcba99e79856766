/** A hunt batch's rules for failures found before (foundBefore): what is claimed, what is cut short and counted, which trigger ends a run, and that a new defect is still found and shrunk. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { foundBefore, knownKey } from '../../../campaign/hunt/foundBefore.ts';
import { FoundRegistry } from '../../../campaign/hunt/foundRegistry.ts';
import { failureName } from '../../../campaign/knownDefects.ts';
import { createImplFactory } from '../../../impl/index.ts';
import { modelFactory } from '../../../model/index.ts';
import { runSuite } from '../../../properties/runSuite.ts';
import { sameData } from '../../../properties/sameData.ts';
import { StepFailure } from '../../../properties/stepFailure.ts';
import { SUITES } from '../../../properties/suites.ts';
import type { Delivery, DeliveryControl } from '../../../sut/delivery.ts';
import type { DaxSut, ResourceTreeSut, SutFactory } from '../../../sut/interface.ts';
import type { PlannedStep, RunChecker, RunVerdict } from '../../../sut/runCheck.ts';

const K1_FAILURE = { failure: new StepFailure('result-mismatch', 1, 'mapping(dax0.1, 0x0-0xffffffffffffffff)', 'model ENOMEM, sut ok'), commands: [] };
const PINNED: Delivery = { mode: 'split', seed: 3, quit: false };

/**
 * The implementation with faults as a batch checker (as a port process checks whole runs),
 * with deliveries; every planned run's calls are kept. newDefect: deleteDevice of a device
 * with an id of 3 or more answers EBUSY where it succeeded (a defect no hunt found yet).
 */
function batchImpl(faults: string[], newDefect = false): SutFactory & RunChecker & DeliveryControl & { planned: { op: string }[][] } {
  const impl = createImplFactory(faults as never);
  const planned: { op: string }[][] = [];
  let pinned: Delivery | null = null;
  return {
    name: 'batch-impl', planned, createTree: () => impl.createTree(), createDax: () => impl.createDax(),
    pinnedDelivery: () => pinned,
    pinDelivery: (d) => { pinned = d; },
    checkRun(_suite: 'tree' | 'dax' | 'dcd', steps: readonly PlannedStep[]): RunVerdict {
      planned.push(steps.map((s) => (s as PlannedStep & { call: { op: string } }).call));
      const sut = impl.createDax() as ResourceTreeSut & DaxSut;
      for (const [i, s] of steps.entries()) {
        const call = (s as PlannedStep & { call: { op: string; device?: number } }).call;
        let r = s.apply(sut);
        if (newDefect && call.op === 'deleteDevice' && (call.device ?? 0) >= 3 && r.ok) r = { ok: false, errno: 'EBUSY' };
        if (!sameData(r, s.result)) {
          pinned ??= PINNED; // as a port process pins a failing run's delivery
          return { step: i, kind: 'result', sut: r };
        }
        if (!sameData(sut.observe(), s.snapshot)) return { step: i, kind: 'snapshot', sutSnapshot: sut.observe() };
      }
      return null;
    },
  };
}

test('the first failure with a name is claimed and shrunk (null); the same failure again is cut short under its name and unpins the delivery its run pinned', () => {
  const found = new FoundRegistry(FoundRegistry.allocate());
  const sut = batchImpl([]);
  const rules = foundBefore(found, 0, sut);
  sut.pinDelivery(PINNED);
  assert.is(rules.seenBefore(K1_FAILURE), null);
  assert.equal(sut.pinnedDelivery(), PINNED, 'a failure to shrink keeps its delivery');
  assert.is(rules.seenBefore(K1_FAILURE), failureName(K1_FAILURE));
  assert.is(sut.pinnedDelivery(), null);
  assert.ok(found.has(0, knownKey('K1')), 'a known defect is also found under its id');
  assert.ok(!found.has(1, knownKey('K1')), 'for its target only');
});

test('a batch ends runs at the triggers of the known defects found before it began, and at none without them', () => {
  const found = new FoundRegistry(FoundRegistry.allocate());
  assert.is(foundBefore(found, 0, modelFactory).endsRun, undefined);
  found.claim(0, knownKey('K1'));
  const k1 = foundBefore(found, 0, modelFactory).endsRun!;
  const whole: { op: string } = { op: 'mapping', region: 0, device: 1, start: 0n, end: (1n << 64n) - 1n } as { op: string };
  assert.ok(k1(whole, { regions: [] }));
  assert.not.ok(k1({ ...whole, end: 0xfffn } as { op: string }, { regions: [] }));
  found.claim(0, knownKey('G2'));
  const both = foundBefore(found, 0, modelFactory).endsRun!;
  const bigAlign = { op: 'createRegion', align: 1n << 32n } as { op: string };
  assert.ok(both(whole, { regions: [] }) && both(bigAlign, { regions: [] }));
  assert.not.ok(k1(bigAlign, { regions: [] }));
});

test('with K1 found before, runs meeting its trigger end there and are counted, not failures; a new defect in the same batch, after them, is still found, shrunk and claimed', () => {
  const found = new FoundRegistry(FoundRegistry.allocate());
  found.claim(0, knownKey('K1'));
  found.claim(0, failureName(K1_FAILURE));
  const sut = batchImpl(['k1-whole-space-mapping'], true);
  const { seenBefore, endsRun } = foundBefore(found, 0, sut);
  const out = runSuite({ suite: SUITES['dax-contiguous'], model: modelFactory, sut, seed: 7, numRuns: 400, maxCommands: 40, seenBefore, endsRun });
  const k1 = out.cutShort.get(failureName(K1_FAILURE)) ?? 0;
  assert.ok(k1 > 0, `runs cut short by K1: ${JSON.stringify([...out.cutShort])}`);
  const wholeSpace = (c: { op: string }) => endsRun!(c, {});
  assert.is(sut.planned.filter((calls) => calls.findIndex(wholeSpace) >= 0 && calls.findIndex(wholeSpace) < calls.length - 1).length, 0, 'no run planned past the trigger');
  const cx = out.counterexample;
  assert.ok(cx !== null, 'the new defect was found');
  assert.match(cx!.failure.message, /deleteDevice\(dax0\.3\): result-mismatch: model ok, sut EBUSY/);
  assert.ok(found.has(0, failureName({ failure: cx!.failure, commands: cx!.commands })), 'claimed, so the next batches cut it short');
  assert.ok(cx!.commands.length <= 6, `shrunk: ${cx!.commands.length} commands`);
  assert.ok(out.runs < 400, 'the batch stopped at the new defect');
});

test.run();
