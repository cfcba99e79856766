/** One executed step of a replay: what replay prints and the report draws. */
import type { Result } from '../sut/interface.ts';
import type { FailureFacts } from './stepFailure.ts';

export interface StepRecord {
  index: number;
  call: string;
  model: Result;
  sut: Result;
  /** Snapshots after the step (records are kept only when replaying, where this cost is fine). */
  modelSnap: unknown;
  sutSnap: unknown;
}


/**
 * What a run recorded of a counterexample's steps, saved with it (counterexampleFile.ts
 * `recorded`): the names of the two systems, every step with both results and both
 * snapshots, and the failure they end in (null: the recording did not fail). The report
 * draws it as it is, running nothing.
 */
export interface RecordedSteps {
  reference: string;
  sut: string;
  records: StepRecord[];
  failure: FailureFacts | null;
}
