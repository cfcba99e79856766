/**
 * What the hunt's main thread and its workers tell each other: the worker's start data,
 * and the messages a worker posts (ready to search, a finished batch, a counterexample
 * for the main thread to save, an error).
 */
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';
import type { SuiteName } from '../../properties/suiteSpec.ts';
import type { SystemSpec } from '../../properties/systemSpec.ts';
import type { Shard } from './seedStream.ts';

/** One thing a hunt searches: a suite against the system under test, with or without a fault. */
export interface HuntTarget {
  suite: SuiteName;
  fault: string | null;
}

/** A worker's start data (workerData). The budget's deadline comes later, through the SutWatch. */
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
  /** Guided generation (--guided): each target keeps a corpus across its batches (properties/guided/). Absent: off. */
  guided?: boolean;
  /** --fail-nth: each target runs its suite's fail-nth variant (properties/failNthSuite.ts). Absent: off. */
  failNth?: boolean;
  /** --avoid-known: the suites steer away from the known defects' triggers (campaign/avoidKnown.ts). Absent: off. */
  avoidKnown?: boolean;
  /** The SutWatch buffer. */
  buffer: SharedArrayBuffer;
  /** The hunt's FoundRegistry buffer, shared by every worker (foundRegistry.ts). */
  found: SharedArrayBuffer;
}

/** The worker has loaded its systems and waits for the budget to start. */
export interface ReadyMessage {
  type: 'ready';
  worker: number;
}

/**
 * A batch of runs finished. runs counts the completed runs, a failing one included;
 * commands those runs' commands (a failing run counted with its minimized commands).
 */
export interface BatchMessage {
  type: 'batch';
  target: number;
  seed: number;
  runs: number;
  commands: number;
  opCounts: Map<string, number>;
  labelRuns: Map<string, number>;
  /** Runs ended by a failure the hunt had found (and shrunk) already, by its failureName (knownDefects.ts); counted in runs. */
  cutShort: Map<string, number>;
  /** Runs that hit each argument-domain bucket (absent from a worker that does not count them). */
  bucketRuns?: Map<string, number>;
  /** fail-nth batches: per operation, allocation site -> times failed (0: reached, never failed). */
  allocCoverage?: Map<string, Map<string, number>>;
  durationMs: number;
}

/** A counterexample, shrunk: the main thread saves it (one file per failure signature, the shortest). */
export interface FoundMessage {
  type: 'found';
  target: number;
  record: CounterexampleFile;
  /** Why it may not be minimal (its shrinking was cut short), or absent. */
  note?: string;
}

/** runSuite threw (e.g. a counterexample that passes when replayed: a non-deterministic system). */
export interface ErrorMessage {
  type: 'error';
  target: number;
  seed: number;
  message: string;
}

export type HuntMessage = ReadyMessage | BatchMessage | FoundMessage | ErrorMessage;
