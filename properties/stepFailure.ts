/**
 * A step that broke: the thrown error of the differential runner, carrying what a
 * report needs (which step, which call, what broke, the first difference).
 */
export type FailureKind = 'result-mismatch' | 'snapshot-mismatch' | 'invariant' | 'model-invariant' | 'sut-threw' | 'hang' | 'sut-crashed' | 'sut-malformed' | 'self-check' | 'sut-leaked';

export class StepFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** 0-based index of the step among the commands that ran. */
    readonly step: number,
    /** The call as printed by the suite. */
    readonly call: string,
    /** What broke, one or more lines. */
    readonly detail: string,
  ) {
    super(`step ${step + 1}: ${call}: ${kind}: ${detail}`);
    this.name = 'StepFailure';
  }
}

/** What a failure says, as plain data (it crosses to other threads and into reports). */
export type FailureFacts = Pick<StepFailure, 'kind' | 'step' | 'call' | 'detail' | 'message'>;

/** The plain-data facts of a failure. */
export function failureFacts(f: FailureFacts): FailureFacts {
  return { kind: f.kind, step: f.step, call: f.call, detail: f.detail, message: f.message };
}
