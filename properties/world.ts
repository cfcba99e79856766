/**
 * The state of one run: the model and the system under test side by side, the model's
 * latest snapshot (what commands' check and resolution read), and what the run reached.
 * `step` is the differential check of SEMANTICS.md §5 after every command.
 */
import type { Result, SutFactory } from '../sut/interface.ts';
import type { StepRecord } from './stepRecord.ts';
import { showResult } from './showResult.ts';
import { firstDifference } from './diff.ts';
import { sameData } from './sameData.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

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
    const shown = new Shown(suite, call); // printed only when a record or a failure needs it
    const modelResult = suite.call(this.model, call);
    const sutResult = guard(index, shown, () => suite.call(this.sut, call));
    this.opCounts.set(call.op, (this.opCounts.get(call.op) ?? 0) + 1);
    const before = this.modelSnap;
    const modelSnap = suite.observe(this.model);
    this.modelSnap = modelSnap;
    if (this.keepRecords) {
      const sutSnap = guard(index, shown, () => suite.observe(this.sut));
      this.records.push({ index, call: shown.text, model: modelResult, sut: sutResult, modelSnap, sutSnap });
    }
    for (const label of suite.labels(before, call, modelResult, modelSnap)) this.labels.add(label);
    if (suite.modelEvents) for (const label of suite.modelEvents(this.model)) this.labels.add(label);

    const modelBroken = broken(suite, call, modelResult, modelSnap);
    if (modelBroken.length > 0) throw new StepFailure('model-invariant', index, shown.text, modelBroken.join('\n'));
    if (!sameData(modelResult, sutResult)) {
      throw new StepFailure('result-mismatch', index, shown.text, `model ${showResult(modelResult)}, sut ${showResult(sutResult)}`);
    }
    const sutSnap = guard(index, shown, () => suite.observe(this.sut));
    // Invariants are functions of (call, result, snapshot): when the sut's snapshot and
    // result equal the model's, its invariants hold exactly as the model's just did.
    if (sameData(modelSnap, sutSnap)) return;
    const sutBroken = broken(suite, call, sutResult, sutSnap);
    if (sutBroken.length > 0) throw new StepFailure('invariant', index, shown.text, sutBroken.join('\n'));
    throw new StepFailure('snapshot-mismatch', index, shown.text, firstDifference(modelSnap, sutSnap, ['model', 'sut']) ?? 'snapshots differ');
  }
}

/** The state invariants and the step's own invariants that a snapshot breaks. */
function broken(suite: AnySuite, call: unknown, result: Result, snap: unknown): string[] {
  const state: string[] = suite.invariants(snap);
  const step: string[] = suite.stepInvariants(call, result, snap);
  return step.length === 0 ? state : [...state, ...step];
}

/** A call's printed form, computed on first use. */
class Shown {
  private printed: string | null = null;

  constructor(private readonly suite: AnySuite, private readonly call: unknown) {}

  get text(): string {
    return (this.printed ??= this.suite.show(this.call));
  }
}

/** Runs a call into the system under test; a throw becomes a StepFailure of kind sut-threw. */
function guard<T>(index: number, shown: Shown | string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof StepFailure) throw e;
    const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    throw new StepFailure('sut-threw', index, typeof shown === 'string' ? shown : shown.text, text);
  }
}
