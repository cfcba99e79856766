/**
 * Optional capabilities of a system under test that lives outside this process (a port
 * speaking PROTOCOL.md): failures of the system itself as values the runner can name,
 * and checking a whole run at once.
 *
 * Because the reference resolves every command against its own state, a run's calls
 * and the reference's answers are known before the system under test answers the first
 * one. A factory with `checkRun` receives them all, sends them in one batch, and returns
 * the first step where its answers differ: one round trip per run instead of per step.
 */
import type { DaxSut, ResourceTreeSut, Result, SutFactory } from './interface.ts';

/** How a system under test can fail other than by answering wrongly (self-check: its own selfCheck reported a violation; sut-leaked: it left memory behind, by its own ledger or by a sanitizer's report at exit). */
export type SutFailureKind = 'sut-crashed' | 'sut-malformed' | 'hang' | 'self-check' | 'sut-leaked';

/**
 * Thrown by a system under test (or returned in a verdict) when it crashed (exit code or
 * signal, e.g. a sanitizer's report), answered something that is not an answer, or did
 * not answer within its time limit. The runner records it as a counterexample of that kind.
 */
export class SutFailure extends Error {
  constructor(readonly kind: SutFailureKind, message: string) {
    super(message);
    this.name = 'SutFailure';
  }
}

/** One step of a run as the reference ran it. */
export interface PlannedStep {
  /** Makes the same call on another instance (e.g. one that records request lines). */
  apply(sut: ResourceTreeSut & DaxSut): Result;
  /** The reference's result and snapshot after the step. */
  result: Result;
  snapshot: unknown;
}

/** Where a run checked at once first went wrong (step: index into the planned steps), or null when every step agreed. */
export type RunVerdict =
  | null
  | { step: number; kind: 'result'; sut: Result }
  | { step: number; kind: 'snapshot'; sutSnapshot: unknown }
  | { step: number; kind: 'failure'; failure: SutFailure };

/** A factory that can check whole runs. */
export interface RunChecker {
  /**
   * Runs steps on a fresh instance of suite and compares every result and snapshot with
   * the reference's: exact equality (the canonical form), no judgement beyond that.
   */
  checkRun(suite: 'tree' | 'dax' | 'dcd', steps: readonly PlannedStep[]): RunVerdict;
}

/** Whether factory can check whole runs. */
export function canCheckRuns(factory: SutFactory): factory is SutFactory & RunChecker {
  return typeof (factory as Partial<RunChecker>).checkRun === 'function';
}
