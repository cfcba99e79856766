/**
 * What the hunt's main thread and its workers tell each other: the worker's start data,
 * and the messages a worker posts (a finished batch, a saved counterexample, an error).
 */
import type { FailureKind } from '../../properties/stepFailure.ts';
import type { SuiteName } from '../../properties/suiteSpec.ts';
import type { SystemSpec } from '../../properties/systemSpec.ts';
import type { Shard } from './seedStream.ts';

/** One thing a hunt searches: a suite against the system under test, with or without a fault. */
export interface HuntTarget {
  suite: SuiteName;
  fault: string | null;
}

/** A worker's start data (workerData). */
export interface HuntWorkerData {
  /** This worker's index w and the number of workers W: its seed stream with shard and base. */
  worker: number;
  workers: number;
  shard: Shard;
  base: number;
  /** Position k in the stream to start at (after a hang: the position after it). */
  start: number;
  targets: HuntTarget[];
  system: SystemSpec;
  /** A process port's answer time limit (its hang limit). */
  commandTimeoutMs: number;
  maxCommands: number;
  batchRuns: number;
  outDir: string;
  /** End of the budget, in Date.now() milliseconds. */
  deadline: number;
  /** The SutWatch buffer. */
  buffer: SharedArrayBuffer;
}

/** A batch of runs finished (passing runs only are counted, as in runSuite). */
export interface BatchMessage {
  type: 'batch';
  target: number;
  seed: number;
  runs: number;
  commands: number;
  opCounts: Map<string, number>;
  labelRuns: Map<string, number>;
  durationMs: number;
}

/**
 * A counterexample was shrunk and saved (isNew false: its file was there already), or not
 * saved (file null) because this worker saved the same failure with no more commands.
 */
export interface FoundMessage {
  type: 'found';
  target: number;
  id: string;
  file: string | null;
  isNew: boolean;
  signature: string;
  kind: FailureKind;
  step: number;
  call: string;
  length: number;
}

/** runSuite threw (e.g. a counterexample that passes when replayed: a non-deterministic system). */
export interface ErrorMessage {
  type: 'error';
  target: number;
  seed: number;
  message: string;
}

export type HuntMessage = BatchMessage | FoundMessage | ErrorMessage;
