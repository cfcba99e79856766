/** One executed step of a replay: what replay prints and the report draws. */
import type { Result } from '../sut/interface.ts';

export interface StepRecord {
  index: number;
  call: string;
  model: Result;
  sut: Result;
  /** Snapshots after the step (records are kept only when replaying, where this cost is fine). */
  modelSnap: unknown;
  sutSnap: unknown;
}

