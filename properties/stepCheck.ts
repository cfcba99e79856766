/**
 * The differential runner's judgement of one step (properties/world.ts): two snapshots
 * against each other and the invariants, a call's printed form, and a throw from the
 * system under test as a StepFailure.
 */
import type { Result } from '../sut/interface.ts';
import { SutFailure } from '../sut/runCheck.ts';
import { firstDifference } from './diff.ts';
import { sameData } from './sameData.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

/** Returns when the snapshots are equal; else throws the invariant the sut's breaks, or the first difference. */
export function judgeSnapshots(suite: AnySuite, index: number, shown: Shown, call: unknown, sutResult: Result, modelSnap: unknown, sutSnap: unknown): void {
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
export function broken(suite: AnySuite, call: unknown, result: Result, snap: unknown): string[] {
  const state: string[] = suite.invariants(snap);
  const step: string[] = suite.stepInvariants(call, result, snap);
  return step.length === 0 ? state : [...state, ...step];
}

/** broken() where only part i of snap changed (suite.parts; null: none): the state invariants of that part and the step's own. */
export function brokenIn(suite: AnySuite, i: number | null, call: unknown, result: Result, snap: unknown): string[] {
  const state: string[] = i === null ? [] : suite.parts!.invariants(snap, i);
  const step: string[] = suite.stepInvariants(call, result, snap);
  return step.length === 0 ? state : [...state, ...step];
}

/** A call's printed form, computed on first use; fail-nth adds a note (which allocation failed, and where). */
export class Shown {
  private printed: string | null = null;
  note = '';

  constructor(private readonly suite: AnySuite, private readonly call: unknown) {}

  get text(): string {
    return (this.printed ??= this.suite.show(this.call)) + this.note;
  }
}

/** A throw from the system under test as a StepFailure: its own kind for a SutFailure, else sut-threw. */
export function failureOf(e: unknown, index: number, shown: string): StepFailure {
  if (e instanceof StepFailure) return e;
  if (e instanceof SutFailure) return new StepFailure(e.kind, index, shown, e.message);
  const text = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return new StepFailure('sut-threw', index, shown, text);
}

/** Runs a call into the system under test; a throw becomes a StepFailure. */
export function guard<T>(index: number, shown: Shown | string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw failureOf(e, index, typeof shown === 'string' ? shown : shown.text);
  }
}
