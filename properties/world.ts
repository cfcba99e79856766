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
import type { OpAllocations, Result, SutFactory } from '../sut/interface.ts';
import type { ModelStep } from './runHooks.ts';
import { canCheckRuns, type PlannedStep, type RunChecker } from '../sut/runCheck.ts';
import { checkPlannedRun } from './batchVerdict.ts';
import { firstDifference } from './diff.ts';
import type { AnyParts } from './changedPart.ts';
import { judgeInjected, stepAllocations } from './failNthStep.ts';
import { sameData } from './sameData.ts';
import { resultProblem } from './snapshotShape.ts';
import { showResult } from './showResult.ts';
import { broken, brokenIn, guard, judgeSnapshots, Shown } from './stepCheck.ts';
import { StepFailure } from './stepFailure.ts';
import { StepSelfChecks } from './stepSelfChecks.ts';
import type { StepRecord } from './stepRecord.ts';
import type { AnySuite } from './suiteSpec.ts';

export class World {
  /** The model (fail-nth: replaced by the replica whose state a failed step was found to be in). */
  model: unknown;
  /** The system under test's instance (null in batch mode: it lives in the checker). */
  readonly sut: unknown;
  modelSnap: unknown;
  steps = 0;
  /** The commands that ran, one per step (a failure's step indexes them; skipped commands are not here). */
  readonly ran: { op: string }[] = [];
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
  /** fail-nth runs (suite.failNth): every call the model ran (replicas replay it), and the n armed by the last failNth step. */
  private readonly script: unknown[] | null;
  private armed: number | null = null;
  /** fail-nth runs: per operation, every allocation site it reached and how often that allocation was failed (error-path coverage). */
  readonly allocCoverage: Map<string, Map<string, number>> | undefined;
  /** fail-nth runs: every armed step that ran, its n, and the site that failed (null: it made fewer than n allocations). */
  readonly injections: { step: number; n: number; site: string | null }[] = [];

  constructor(
    readonly suite: AnySuite,
    private readonly modelFactory: SutFactory,
    sutFactory: SutFactory,
    /** Keep a StepRecord per step (replay); off while hunting. Records need step-by-step mode. */
    readonly keepRecords = false,
    /** Count label hits and outcomes per step (guided generation only: not paid otherwise). */
    trackFeatures = false,
    /** Check only the part each step names, everything at the run's end (suite.parts, properties/changedPart.ts); step by step only. */
    incremental = false,
  ) {
    this.labelHits = trackFeatures ? new Map() : undefined;
    this.outcomes = trackFeatures ? new Set() : undefined;
    this.model = suite.create(modelFactory);
    this.script = suite.failNth === true ? [] : null;
    this.allocCoverage = suite.failNth === true ? new Map() : undefined;
    this.checker = !keepRecords && this.script === null && canCheckRuns(sutFactory) ? sutFactory : null;
    const sut = this.checker === null ? guard(0, 'creating the system', () => suite.create(sutFactory)) : null;
    this.sut = sut;
    this.modelSnap = suite.observe(this.model);
    const parts = suite.parts;
    // Batch mode (no sut here: the checker runs it) checks the model part by part alone.
    const sutParts = sut === null ? this.checker !== null : parts?.supports(sut) === true;
    this.parts = incremental && parts !== undefined && !keepRecords && this.script === null && sutParts && parts.supports(this.model) ? parts : null;
    this.selfChecks = new StepSelfChecks(sut, this.parts);
  }

  /** Incremental mode: the suite's parts (null: every step observed and checked whole). */
  private readonly parts: AnyParts | null;
  /** Incremental mode: the parts steps changed, whose state invariants the run's end checks. */
  private readonly changedParts = new Set<number>();
  /** When the system's self-check runs. */
  private readonly selfChecks: StepSelfChecks;
  /** The last step's call and result (incremental mode's end check judges the last step). */
  private last: { call: unknown; result: Result } | null = null;
  /** Whether steps check only the part they name. */
  get incremental(): boolean {
    return this.parts !== null;
  }

  /** Whether a failure may be later than, or other than, checking everything after every step finds (RunWorld.mayBeLate). */
  mayBeLate(failure: StepFailure): boolean {
    // Batch mode defers only the model's checks: the checker judges every step of the system exactly.
    return this.parts !== null && (this.checker === null || failure.kind === 'model-invariant');
  }

  /**
   * Batch mode: a call after which the run is planned no further (a trigger of a defect the
   * hunt has found already, runSuite's endsRun): the run goes to the system under test up
   * to it, so a run that meets that defect again costs only its steps so far.
   */
  endsRun: ((call: { op: string }, modelSnap: unknown, step: ModelStep) => boolean) | undefined;
  private ended = false;
  /**
   * Batch mode: a call before which the run ends (the trigger of a defect found before that
   * crashes the system or loops for ever, runSuite's stopsBefore): its name, or null. The
   * call is not sent; the run passes or fails on the steps before it.
   */
  stopsBefore: ((call: { op: string }, modelSnap: unknown, step: ModelStep) => string | null) | undefined;
  /** The name stopsBefore gave the call this run ended before, or null. */
  stoppedBy: string | null = null;

  /** Check for fast-check: the command applies in the model's current state (none does once the run ended). */
  applies(cmd: { op: string }): boolean {
    return !this.ended && this.suite.resolve(cmd, this.modelSnap) !== null;
  }

  /** Runs cmd on both systems (batch mode: on the model, planning it) and checks; throws StepFailure when something broke. */
  step(cmd: { op: string }): void {
    const { suite } = this;
    if (this.ended) return;
    const call = suite.resolve(cmd, this.modelSnap);
    if (call === null) return;
    const index = this.steps++;
    this.ran.push(cmd);
    const buckets = suite.domains ? suite.domains.buckets(call, this.modelSnap) : [];
    const shown = new Shown(suite, call); // printed only when a record or a failure needs it
    this.lastShown = shown;
    let sutFirst: Result | null = null;
    if (this.script !== null) {
      // fail-nth: the system runs first; a step whose armed allocation failed is judged apart
      const n = this.armed;
      this.armed = call.op === 'failNth' ? (call as unknown as { n: number }).n : null;
      if (n !== null) shown.note = ` [fail-nth: allocation ${n} fails]`;
      sutFirst = guard(index, shown, () => suite.call(this.sut, call));
      const allocs = call.op === 'failNth' ? null : this.allocations(index, shown, call.op);
      if (n !== null && allocs !== null) this.injections.push({ step: index, n, site: allocs.failed });
      if (n !== null && allocs !== null && allocs.failed !== null) {
        shown.note = ` [fail-nth: allocation ${n} fails at ${allocs.failed}]`;
        this.opCounts.set(call.op, (this.opCounts.get(call.op) ?? 0) + 1);
        this.injected(index, shown, call, sutFirst);
        return;
      }
      this.script.push(call);
    }
    const modelResult = suite.call(this.model, call);
    const fired = suite.modelEvents ? suite.modelEvents(this.model) : [];
    const stop = this.checker === null ? null : this.stopsBefore?.(call, this.modelSnap, { result: modelResult, fired }) ?? null;
    if (stop !== null) {
      // not sent: the model ran it, but the run ends here (nothing checks the model after,
      // but the run's end compares its whole snapshot with this one: the part is taken in)
      this.steps -= 1;
      this.ran.pop();
      this.ended = true;
      this.stoppedBy = stop;
      const part = this.parts?.touched(call, this.modelSnap) ?? null;
      if (part !== null) this.modelSnap = this.parts!.withPart(this.modelSnap, part, this.parts!.observe(this.model, part));
      return;
    }
    for (const b of buckets) this.domainBuckets.add(b);
    const sutResult = sutFirst ?? (this.checker === null ? guard(index, shown, () => suite.call(this.sut, call)) : null);
    this.opCounts.set(call.op, (this.opCounts.get(call.op) ?? 0) + 1);
    const before = this.modelSnap;
    const { parts } = this;
    const part = parts === null ? null : parts.touched(call, before);
    // Incremental: a refusal the specification says changes nothing is not observed (checkEverything holds it to that).
    const kept = part !== null && !modelResult.ok && parts!.refusalKeeps(call, modelResult);
    const modelSnap = parts === null ? suite.observe(this.model) : part === null || kept ? before : parts.withPart(before, part, parts.observe(this.model, part));
    this.modelSnap = modelSnap;
    if (this.keepRecords) {
      const sutSnap = guard(index, shown, () => suite.observe(this.sut));
      this.records.push({ index, call: shown.text, model: modelResult, sut: sutResult!, modelSnap, sutSnap });
    }
    for (const label of suite.labels(before, call, modelResult, modelSnap)) this.reached(label);
    for (const label of fired) this.reached(label);
    this.outcomes?.add(`${call.op} ${modelResult.ok ? 'ok' : modelResult.errno}`);

    // Incremental: the state invariants of the parts steps changed are checked at the run's
    // end (the model's own check: an implementation equal to it holds them as it does).
    const unchanged = kept || (parts !== null && !modelResult.ok && part !== null && parts.same(parts.part(before, part), parts.part(modelSnap, part)));
    if (part !== null && !unchanged) this.changedParts.add(part);
    const modelBroken = parts === null ? broken(suite, call, modelResult, modelSnap) : brokenIn(suite, null, call, modelResult, modelSnap);
    if (modelBroken.length > 0) throw new StepFailure('model-invariant', index, shown.text, modelBroken.join('\n'));
    if (sutResult === null) {
      this.planned.push({ call, apply: (sut) => suite.call(sut, call), result: modelResult, snapshot: modelSnap });
      this.ended = this.endsRun?.(call, before, { result: modelResult, fired }) === true;
      return;
    }
    if (!sameData(modelResult, sutResult)) {
      // A result equal to the model's is well-formed: only a differing one is checked for shape.
      const badResult = resultProblem(sutResult);
      if (badResult !== null) throw new StepFailure('sut-malformed', index, shown.text, badResult);
      throw new StepFailure('result-mismatch', index, shown.text, `model ${showResult(modelResult)}, sut ${showResult(sutResult)}`);
    }
    this.last = { call, result: sutResult };
    if (parts === null) judgeSnapshots(suite, index, shown, call, sutResult, modelSnap, guard(index, shown, () => suite.observe(this.sut)));
    else if (part !== null && !unchanged && !parts.same(parts.part(modelSnap, part), guard(index, shown, () => parts.observe(this.sut, part)))) {
      judgeSnapshots(suite, index, shown, call, sutResult, modelSnap, guard(index, shown, () => suite.observe(this.sut)));
      throw new StepFailure('sut-malformed', index, shown.text, `its part ${part} observed alone differs from the same part of its whole snapshot`);
    }
    this.selfChecks.after(index, shown, sutResult.ok, part);
  }

  /** fail-nth: what the system's step allocated (counted into allocCoverage). */
  private allocations(index: number, shown: Shown, op: string): OpAllocations {
    return stepAllocations(this.suite, this.sut, index, shown, this.allocCoverage!, op);
  }

  /** fail-nth: judges a step whose armed allocation failed (failNthStep.ts); the model takes the state §8.2 allows and the run goes on. */
  private injected(index: number, shown: Shown, call: { op: string }, sutResult: Result): void {
    const { follow, sutSnap } = judgeInjected({
      suite: this.suite, sut: this.sut, index, shown, call, sutResult, before: this.modelSnap, modelFactory: this.modelFactory, script: this.script!,
      selfCheck: () => this.selfChecks.check(index, shown, true),
    });
    if (follow.model !== null) this.model = follow.model;
    this.modelSnap = follow.snap;
    this.script!.push(...follow.script);
    if (this.keepRecords) this.records.push({ index, call: shown.text, model: follow.result, sut: sutResult, modelSnap: follow.snap, sutSnap });
    this.reached(FAIL_NTH_LABEL);
  }

  /** The last step that ran (its index is steps - 1), for what its run's end finds (endRun). */
  private lastShown: Shown | null = null;

  /**
   * Incremental mode, at the run's end: everything the steps did not observe, compare and
   * check, as a step in full mode would after the last step. The model's snapshot built
   * part by part must equal its whole one.
   */
  private checkEverything(): void {
    const shown = this.lastShown;
    if (shown === null) return;
    const index = this.steps - 1;
    const modelSnap = this.checkModelAtEnd(index, shown);
    const { call, result } = this.last ?? { call: null, result: { ok: true } as Result };
    judgeSnapshots(this.suite, index, shown, call, result, modelSnap, guard(index, shown, () => this.suite.observe(this.sut)));
  }

  /**
   * Incremental mode, at the run's end, the model's side: its whole snapshot (returned) must
   * equal the one built part by part, and every part a step changed must hold the state invariants.
   */
  private checkModelAtEnd(index: number, shown: Shown): unknown {
    const modelSnap = this.suite.observe(this.model);
    if (!this.parts!.sameSnapshot(modelSnap, this.modelSnap)) throw new StepFailure('model-invariant', index, shown.text, `the model changed outside the parts its steps named: ${firstDifference(this.modelSnap, modelSnap, ['steps', 'whole']) ?? ''}`);
    const modelBroken = [...this.changedParts].flatMap((i) => this.parts!.invariants(modelSnap, i));
    if (modelBroken.length > 0) throw new StepFailure('model-invariant', index, shown.text, modelBroken.join('\n'));
    return modelSnap;
  }

  /** Step by step: the run's end on the system under test (its endRun, if any); what it left behind is a sut-leaked StepFailure at the last step. */
  private endRun(): void {
    const sut = this.sut as { endRun?(): string[] };
    const shown = this.lastShown;
    if (sut.endRun === undefined || shown === null) return;
    const left = guard(this.steps - 1, shown, () => sut.endRun!());
    if (left.length > 0) throw new StepFailure('sut-leaked', this.steps - 1, shown.text, left.join('\n'));
  }

  private reached(label: string): void {
    this.labels.add(label);
    this.labelHits?.set(label, (this.labelHits.get(label) ?? 0) + 1);
  }

  /** Batch mode: checks the planned run on the system under test; throws StepFailure at its first difference. Nothing in step-by-step mode. */
  finish(): void {
    if (this.checker === null) {
      if (this.parts !== null) this.checkEverything();
      this.selfChecks.end(this.lastShown === null ? null : { index: this.steps - 1, shown: this.lastShown });
      this.endRun();
      return;
    }
    if (this.parts !== null && this.lastShown !== null) this.checkModelAtEnd(this.steps - 1, this.lastShown);
    checkPlannedRun(this.suite, this.checker, this.planned);
  }
}

/** The label of runs in which an injected fail-nth failure was followed (docs/SPECIFICATION.md §8.2). */
export const FAIL_NTH_LABEL = 'fail-nth: an allocation failure was injected and followed';
