/**
 * The state of one run: the model and the system under test side by side, the model's
 * latest snapshot (what commands' check and resolution read), and what the run reached.
 * `step` is the differential check of SEMANTICS.md §5 after every command.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Result, SutFactory } from '../sut/interface.ts';
import { showResult } from './showResult.ts';
import { firstDifference } from './diff.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

/** One executed step, as replay prints it. */
export interface StepRecord {
  index: number;
  call: string;
  model: Result;
  sut: Result;
  /** Snapshots after the step (records are kept only when replaying, where this cost is fine). */
  modelSnap: unknown;
  sutSnap: unknown;
}

export class World {
  readonly model: unknown;
  readonly sut: unknown;
  modelSnap: unknown;
  steps = 0;
  readonly labels = new Set<string>();
  readonly opCounts = new Map<string, number>();
  readonly records: StepRecord[] = [];

  constructor(
    readonly suite: AnySuite,
    modelFactory: SutFactory,
    sutFactory: SutFactory,
    /** Keep a StepRecord per step (replay); off while hunting. */
    readonly keepRecords = false,
  ) {
    this.model = suite.create(modelFactory);
    this.sut = guard(0, 'creating the system', () => suite.create(sutFactory));
    this.modelSnap = suite.observe(this.model);
  }

  /** Check for fast-check: the command applies in the model's current state. */
  applies(cmd: { op: string }): boolean {
    return this.suite.resolve(cmd, this.modelSnap) !== null;
  }

  /** Runs cmd on both systems and checks everything; throws StepFailure when something broke. */
  step(cmd: { op: string }): void {
    const { suite } = this;
    const call = suite.resolve(cmd, this.modelSnap);
    if (call === null) return;
    const index = this.steps++;
    const shown = suite.show(call);
    const modelResult = suite.call(this.model, call);
    const sutResult = guard(index, shown, () => suite.call(this.sut, call));
    this.opCounts.set(call.op, (this.opCounts.get(call.op) ?? 0) + 1);
    const before = this.modelSnap;
    const modelSnap = suite.observe(this.model);
    this.modelSnap = modelSnap;
    if (this.keepRecords) {
      const sutSnap = guard(index, shown, () => suite.observe(this.sut));
      this.records.push({ index, call: shown, model: modelResult, sut: sutResult, modelSnap, sutSnap });
    }
    for (const label of suite.labels(before, call, modelResult, modelSnap)) this.labels.add(label);

    const modelBroken = [...suite.invariants(modelSnap), ...suite.stepInvariants(call, modelResult, modelSnap)];
    if (modelBroken.length > 0) throw new StepFailure('model-invariant', index, shown, modelBroken.join('\n'));
    if (!isDeepStrictEqual(modelResult, sutResult)) {
      throw new StepFailure('result-mismatch', index, shown, `model ${showResult(modelResult)}, sut ${showResult(sutResult)}`);
    }
    const sutSnap = guard(index, shown, () => suite.observe(this.sut));
    const broken = [...suite.invariants(sutSnap), ...suite.stepInvariants(call, sutResult, sutSnap)];
    if (broken.length > 0) throw new StepFailure('invariant', index, shown, broken.join('\n'));
    if (!isDeepStrictEqual(modelSnap, sutSnap)) {
      throw new StepFailure('snapshot-mismatch', index, shown, firstDifference(modelSnap, sutSnap, ['model', 'sut']) ?? 'snapshots differ');
    }
  }
}

/** Runs a call into the system under test; a throw becomes a StepFailure of kind sut-threw. */
function guard<T>(index: number, shown: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StepFailure) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new StepFailure('sut-threw', index, shown, text);
  }
}
