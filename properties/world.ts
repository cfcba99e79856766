/**
 * The state of one run: the model and the system under test side by side, the model's
 * latest snapshot (what commands' check and resolution read), and what the run reached.
 * `step` is the differential check of docs/SPECIFICATION.md §5 after every command.
 *
 * A system under test that can check whole runs (sut/runCheck.ts, e.g. a port process)
 * is driven in batch mode: `step` runs the model only and plans the call, and `finish`
 * hands the whole run to the system under test at once, then judges its first
 * difference exactly as `step` would have.
 */
import type { Result, SutFactory } from '../sut/interface.ts';
import { canCheckRuns, SutFailure, type PlannedStep, type RunChecker, type RunVerdict } from '../sut/runCheck.ts';
import { firstDifference } from './diff.ts';
import { sameData } from './sameData.ts';
import { resultProblem } from './snapshotShape.ts';
import { showResult } from './showResult.ts';
import { StepFailure } from './stepFailure.ts';
import type { StepRecord } from './stepRecord.ts';
import type { AnySuite } from './suiteSpec.ts';

export class World {
  readonly model: unknown;
  /** The system under test's instance (null in batch mode: it lives in the checker). */
  readonly sut: unknown;
  modelSnap: unknown;
  steps = 0;
  readonly labels = new Set<string>();
  /** Argument-domain buckets the run's calls hit (suite.domains). */
  readonly domainBuckets = new Set<string>();
  readonly opCounts = new Map<string, number>();
  /** With trackFeatures: steps that reached each label (guided generation counts them in buckets, properties/guided/features.ts). */
  readonly labelHits: Map<string, number> | undefined;
  /** With trackFeatures: each operation's outcomes the run reached, as `op ok` / `op ERRNO` (guided generation's features). */
  readonly outcomes: Set<string> | undefined;
  readonly records: StepRecord[] = [];
  /** Batch mode: the checker, and the run planned on the model so far. */
  private readonly checker: RunChecker | null;
  private readonly planned: (PlannedStep & { call: unknown })[] = [];

  constructor(
    readonly suite: AnySuite,
    modelFactory: SutFactory,
    sutFactory: SutFactory,
    /** Keep a StepRecord per step (replay); off while hunting. Records need step-by-step mode. */
    readonly keepRecords = false,
    /** Count label hits and outcomes per step (guided generation only: not paid otherwise). */
    trackFeatures = false,
  ) {
    this.labelHits = trackFeatures ? new Map() : undefined;
    this.outcomes = trackFeatures ? new Set() : undefined;
    this.model = suite.create(modelFactory);
    this.checker = !keepRecords && canCheckRuns(sutFactory) ? sutFactory : null;
    this.sut = this.checker === null ? guard(0, 'creating the system', () => suite.create(sutFactory)) : null;
    this.modelSnap = suite.observe(this.model);
  }

  /** Check for fast-check: the command applies in the model's current state. */
  applies(cmd: { op: string }): boolean {
    return this.suite.resolve(cmd, this.modelSnap) !== null;
  }

  /** Runs cmd on both systems (batch mode: on the model, planning it) and checks; throws StepFailure when something broke. */
  step(cmd: { op: string }): void {
    const { suite } = this;
    const call = suite.resolve(cmd, this.modelSnap);
    if (call === null) return;
    const index = this.steps++;
    if (suite.domains) for (const b of suite.domains.buckets(call, this.modelSnap)) this.domainBuckets.add(b);
    const shown = new Shown(suite, call); // printed only when a record or a failure needs it
    const modelResult = suite.call(this.model, call);
    const sutResult = this.checker === null ? guard(index, shown, () => suite.call(this.sut, call)) : null;
    this.opCounts.set(call.op, (this.opCounts.get(call.op) ?? 0) + 1);
    const before = this.modelSnap;
    const modelSnap = suite.observe(this.model);
    this.modelSnap = modelSnap;
    if (this.keepRecords) {
      const sutSnap = guard(index, shown, () => suite.observe(this.sut));
      this.records.push({ index, call: shown.text, model: modelResult, sut: sutResult!, modelSnap, sutSnap });
    }
    for (const label of suite.labels(before, call, modelResult, modelSnap)) this.reached(label);
    if (suite.modelEvents) for (const label of suite.modelEvents(this.model)) this.reached(label);
    this.outcomes?.add(`${call.op} ${modelResult.ok ? 'ok' : modelResult.errno}`);

    const modelBroken = broken(suite, call, modelResult, modelSnap);
    if (modelBroken.length > 0) throw new StepFailure('model-invariant', index, shown.text, modelBroken.join('\n'));
    if (sutResult === null) {
      this.planned.push({ call, apply: (sut) => suite.call(sut, call), result: modelResult, snapshot: modelSnap });
      return;
    }
    if (!sameData(modelResult, sutResult)) {
      // A result equal to the model's is well-formed: only a differing one is checked for shape.
      const badResult = resultProblem(sutResult);
      if (badResult !== null) throw new StepFailure('sut-malformed', index, shown.text, badResult);
      throw new StepFailure('result-mismatch', index, shown.text, `model ${showResult(modelResult)}, sut ${showResult(sutResult)}`);
    }
    const sutSnap = guard(index, shown, () => suite.observe(this.sut));
    judgeSnapshots(suite, index, shown, call, sutResult, modelSnap, sutSnap);
    // The system's own invariants after every successful step (a refused one rarely changes
    // anything; a cache it corrupted is caught at the next success or at the run's end).
    if (sutResult.ok) this.selfCheck(index, shown);
    else this.unchecked = { first: this.unchecked?.first ?? index, index, shown };
  }

  /** Steps since the last self-check whose check was skipped (their operation failed): the first one's index, the last one. */
  private unchecked: { first: number; index: number; shown: Shown } | null = null;

  /** Runs the system under test's selfCheck, if it has one; throws a self-check StepFailure naming the step. */
  private selfCheck(index: number, shown: Shown): void {
    const since = this.unchecked;
    this.unchecked = null;
    const own = guard(index, shown, () => (this.sut as { selfCheck?(): string[] }).selfCheck?.() ?? []);
    if (own.length === 0) return;
    const note = since === null ? '' : `\n(not checked after steps ${since.first + 1}–${index}, whose operations failed: the damage may be from one of them)`;
    throw new StepFailure('self-check', index, shown.text, own.join('\n') + note);
  }

  private reached(label: string): void {
    this.labels.add(label);
    this.labelHits?.set(label, (this.labelHits.get(label) ?? 0) + 1);
  }

  /** Batch mode: checks the planned run on the system under test; throws StepFailure at its first difference. Nothing in step-by-step mode. */
  finish(): void {
    if (this.checker === null) {
      const last = this.unchecked;
      if (last !== null) this.selfCheck(last.index, last.shown);
      return;
    }
    let verdict: RunVerdict;
    try {
      verdict = this.checker.checkRun(this.suite.sutKind, this.planned);
    } catch (e) {
      throw failureOf(e, this.planned.length > 0 ? this.planned.length - 1 : 0, this.planned.length > 0 ? this.suite.show(this.planned.at(-1)!.call) : 'creating the system');
    }
    if (verdict === null) return;
    const p = this.planned[verdict.step];
    if (p === undefined && verdict.kind === 'failure' && this.planned.length === 0) throw new StepFailure(verdict.failure.kind, 0, 'creating the system', verdict.failure.message);
    if (p === undefined) throw new Error(`The system under test's checkRun named step ${verdict.step} of ${this.planned.length}: fix its verdict (steps are 0-based indexes into the planned steps)`);
    const shown = new Shown(this.suite, p.call);
    switch (verdict.kind) {
      case 'failure': throw new StepFailure(verdict.failure.kind, verdict.step, shown.text, verdict.failure.message);
      case 'result': throw new StepFailure('result-mismatch', verdict.step, shown.text, `model ${showResult(p.result)}, sut ${showResult(verdict.sut)}`);
      case 'snapshot':
        judgeSnapshots(this.suite, verdict.step, shown, p.call, p.result, p.snapshot, verdict.sutSnapshot);
        throw new StepFailure('sut-malformed', verdict.step, shown.text, 'its snapshot equals the model\'s but not in the canonical form');
    }
  }
}

/** Returns when the snapshots are equal; else throws the invariant the sut's breaks, or the first difference. */
function judgeSnapshots(suite: AnySuite, index: number, shown: Shown, call: unknown, sutResult: Result, modelSnap: unknown, sutSnap: unknown): void {
  // Invariants are functions of (call, result, snapshot): when the sut's snapshot and
  // result equal the model's, its invariants hold exactly as the model's just did.
  if (sameData(modelSnap, sutSnap)) return;
  const misshapen = suite.snapshotProblem(sutSnap);
  if (misshapen !== null) throw new StepFailure('sut-malformed', index, shown.text, `observe() returned a malformed snapshot: ${misshapen}`);
  const sutBroken = broken(suite, call, sutResult, sutSnap);
  if (sutBroken.length > 0) throw new StepFailure('invariant', index, shown.text, sutBroken.join('\n'));
  throw new StepFailure('snapshot-mismatch', index, shown.text, firstDifference(modelSnap, sutSnap, ['model', 'sut']) ?? 'snapshots differ');
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

/** A throw from the system under test as a StepFailure: its own kind for a SutFailure, else sut-threw. */
function failureOf(e: unknown, index: number, shown: string): StepFailure {
  if (e instanceof StepFailure) return e;
  if (e instanceof SutFailure) return new StepFailure(e.kind, index, shown, e.message);
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new StepFailure('sut-threw', index, shown, text);
}

/** Runs a call into the system under test; a throw becomes a StepFailure. */
function guard<T>(index: number, shown: Shown | string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw failureOf(e, index, typeof shown === 'string' ? shown : shown.text);
  }
}
