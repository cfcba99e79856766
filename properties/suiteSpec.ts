/**
 * What the generic differential runner needs to know about one suite (the resource-tree
 * suite or the DAX suite): how to build a system, resolve and run a command, print it,
 * observe, check invariants and label what a step reached.
 */
import type fc from 'fast-check';
import type { Result, SutFactory } from '../sut/interface.ts';
import type { SnapshotParts } from './changedPart.ts';
import type { ArgumentDomains } from './domains.ts';
import type { AnyOperation } from './operation.ts';

export type SuiteName = 'tree' | 'dax' | 'dax-contiguous' | 'dcd-v11' | 'dcd-v10';

/** Every suite name, for validating files. */
export const ALL_SUITE_NAMES: readonly SuiteName[] = ['tree', 'dax', 'dax-contiguous', 'dcd-v11', 'dcd-v10'];

/** Which interface a suite drives. */
export type SutKind = 'tree' | 'dax' | 'dcd';

/** Sizes of generated runs. */
export interface Profile {
  /** Upper bound on commands per run (fast-check's maxCommands). */
  maxCommands: number;
}

export interface SuiteSpec<Cmd extends { op: string }, Call extends { op: string }, Sut, Snap> {
  name: SuiteName;
  /** The interface it drives: what a port must implement, what a batch asks for (`new tree|dax`). */
  sutKind: SutKind;
  /** Its operations, one module each (properties/operation.ts): resolve, call, show, labels and command dispatch to them. */
  operations: readonly AnyOperation[];
  create(factory: SutFactory): Sut;
  observe(sut: Sut): Snap;
  /** The first misshapen place of a snapshot a system under test returned (properties/snapshotShape.ts), or null. */
  snapshotProblem(snap: unknown): string | null;
  /** Concrete call for cmd in the model's state; null when cmd does not apply (its check fails). */
  resolve(cmd: Cmd, modelSnap: Snap): Call | null;
  call(sut: Sut, call: Call): Result;
  show(call: Call): string;
  /** Violations of the state invariants (docs/SPECIFICATION.md §5) in a snapshot. */
  invariants(snap: Snap): string[];
  /** Violations that only hold after this particular step (e.g. alignment after a successful resize). */
  stepInvariants(call: Call, result: Result, snap: Snap): string[];
  /** Scenario labels this step reached, judged on the model's snapshots. */
  labels(before: Snap, call: Call, result: Result, after: Snap): string[];
  /** Labels for what happened inside the model during the step (e.g. an injected failure fired); optional. */
  modelEvents?(model: Sut): string[];
  /** The snapshot's independent parts, for checking only the part a step names (properties/changedPart.ts); optional. */
  parts?: SnapshotParts<Call, Sut, Snap>;
  /** Every argument's domain in buckets (properties/domains.ts): the gate requires every bucket hit. */
  domains?: ArgumentDomains<Call, Snap>;
  /** Required minimum share of runs per label (for checkCoverage). */
  coverage: Record<string, number>;
  /** Commands that set a run up (e.g. the first regions), then the random body. */
  prefix(): fc.Arbitrary<Cmd[]>;
  command(): fc.Arbitrary<Cmd>;
  /**
   * Big runs, up to maxCommands long, drawn from the operations' scale generators, build
   * states with many live objects; a run options' bigRunPercent says how many runs are
   * big (hunts mix a few in; the CI gate checks them apart, requiring their coverage).
   */
  bigRuns?: {
    maxCommands: number;
    command(): fc.Arbitrary<Cmd>;
    coverage: Record<string, number>;
    /** What a big run starts with, in place of prefix() (e.g. long bursts of creates and deletes); absent: prefix(). */
    prefix?(): fc.Arbitrary<Cmd[]>;
  };
  /** A fail-nth variant (properties/failNthSuite.ts): runs step by step, failNth steps arm the next (docs/SPECIFICATION.md §8.2). */
  failNth?: boolean;
}

/** A suite spec with its type parameters erased, for code that handles both suites. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySuite = SuiteSpec<any, any, any, any>;
