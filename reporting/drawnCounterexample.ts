/**
 * What the HTML report draws of one counterexample: the file, the two systems it was
 * replayed on, and the snapshots after every step. The campaign layer replays; the report
 * only draws what it is handed.
 */
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';
import type { FailureFacts } from '../properties/stepFailure.ts';
import type { StepRecord } from '../properties/stepRecord.ts';

export interface DrawnCounterexample {
  file: string;
  /** The file's content; null when it could not be used (error says why). */
  cx: CounterexampleFile | null;
  error: string | null;
  /** Names of the two systems replayed side by side. */
  reference: string;
  sut: string;
  /** One line about the fault the file records (id and summary), or null. */
  faultSummary: string | null;
  /** Set when the recorded system could not be run: the steps are the reference's alone, and this says why. */
  unavailable: string | null;
  records: StepRecord[];
  failure: FailureFacts | null;
  /** Index of the first step whose results or snapshots differ (else the failing step), or null. */
  divergeAt: number | null;
}
