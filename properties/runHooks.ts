/**
 * Optional hooks into runSuite, for code that measures the runner instead of copying it
 * (bench/): what makes each run's World, and what runSuite tells at the moments a
 * measurement needs (a generated run passed, the first failure, fast-check's shrunk
 * counterexample replayed). Without hooks runSuite behaves exactly as before; a hook
 * never changes which runs fast-check generates for a seed.
 */
import type { Result, SutFactory } from '../sut/interface.ts';
import type { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

/** What runSuite and fast-check's commands use of a run's state: the surface of World. */
/** What the model did with a call, for a trigger (campaign/knownTriggers.ts): its result and the labels of the injected failures that fired in it (suite.modelEvents). */
export interface ModelStep {
  result: Result;
  fired: readonly string[];
}

export interface RunWorld {
  /** Commands applied so far. */
  readonly steps: number;
  /** The commands that ran, one per step (World has them): a failure's step indexes them, and known defects read the failing command there. */
  readonly ran?: readonly { op: string }[];
  readonly labels: ReadonlySet<string>;
  readonly opCounts: ReadonlyMap<string, number>;
  /** Optional, for guided generation's features (World has them): steps per label, and `op ok|ERRNO` outcomes. */
  readonly labelHits?: ReadonlyMap<string, number>;
  readonly outcomes?: ReadonlySet<string>;
  /** Argument-domain buckets the run's calls hit (World has them; properties/domains.ts). */
  readonly domainBuckets?: ReadonlySet<string>;
  /** fail-nth runs (World has it): per operation, each allocation site reached and how often it was failed. */
  readonly allocCoverage?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /**
   * World in incremental mode (properties/changedPart.ts): a failure it throws may come
   * later than, or other than, the first a check of everything after every step finds;
   * runSuite replays such a failing run whole for its exact failure.
   */
  readonly incremental?: boolean;
  /** The name of the trigger the run ended before (World.stopsBefore), or null. */
  readonly stoppedBy?: string | null;
  /** fast-check's check: the command applies in the current state. */
  applies(cmd: { op: string }): boolean;
  /** Runs the command; throws when something broke. */
  step(cmd: { op: string }): void;
  /** After the last command (batch mode checks the planned run here). */
  finish(): void;
}

export interface RunHooks {
  /** Makes each run's state in place of `new World(suite, model, sut)` (e.g. one that times its steps). */
  world?(suite: AnySuite, model: SutFactory, sut: SutFactory): RunWorld;
  /** A generated run passed (shrink attempts are not generated runs). */
  passed?(world: RunWorld): void;
  /** The first failing run threw error, before fast-check shrinks; world.steps counts the failing step. */
  failed?(world: RunWorld, error: unknown): void;
  /** fast-check's shrunk counterexample, replayed (normalized), before properties/minimize.ts. */
  shrunk?(commands: readonly { op: string }[], failure: StepFailure): void;
}
