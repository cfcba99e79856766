/**
 * The runner's side of a fail-nth step (properties/world.ts): what the system under test's
 * step allocated, and the judgement of a step whose armed allocation failed
 * (docs/SPECIFICATION.md §8.2), after which the model takes the state the system is in.
 */
import type { OpAllocations, Result, SutFactory } from '../sut/interface.ts';
import { followInjected, notFollowed, type Follow } from './failNthFollow.ts';
import { countAllocations } from './failNthSuite.ts';
import { broken, guard, type Shown } from './stepCheck.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

/**
 * What the system's step allocated (its takeAllocations), counted into coverage (op ->
 * site -> times failed). A system without takeAllocations is a harness error that says
 * what fail-nth needs.
 */
export function stepAllocations(suite: AnySuite, sut: unknown, index: number, shown: Shown, coverage: Map<string, Map<string, number>>, op: string): OpAllocations {
  const own = sut as { takeAllocations?(): OpAllocations };
  if (own.takeAllocations === undefined) throw new Error(`fail-nth needs a system under test with failNth and takeAllocations (sut/interface.ts; a port announces the failnth capability): ${suite.name} has none`);
  const allocs = guard(index, shown, () => own.takeAllocations!());
  countAllocations(coverage, op, allocs);
  return allocs;
}

/** A step whose armed allocation failed, as the runner saw it. */
export interface InjectedStepSeen {
  suite: AnySuite;
  sut: unknown;
  index: number;
  shown: Shown;
  call: { op: string };
  sutResult: Result;
  /** The model's snapshot before the step, its factory and every call it ran (replicas replay them). */
  before: unknown;
  modelFactory: SutFactory;
  script: readonly unknown[];
  /** The system's self-check (throws a StepFailure), run after its snapshot's own checks. */
  selfCheck(): void;
}

/**
 * Judges the step: the system's snapshot on its own (shape, §5 invariants), its
 * self-check, then the state must be one §8.2 allows. Returns what the model takes and the
 * system's snapshot; throws the StepFailure of the first check that fails.
 */
export function judgeInjected(s: InjectedStepSeen): { follow: Follow; sutSnap: unknown } {
  const { suite, index, shown, call, sutResult, before } = s;
  const sutSnap = guard(index, shown, () => suite.observe(s.sut));
  const misshapen = suite.snapshotProblem(sutSnap);
  if (misshapen !== null) throw new StepFailure('sut-malformed', index, shown.text, `observe() returned a malformed snapshot: ${misshapen}`);
  const sutBroken = broken(suite, call, sutResult, sutSnap);
  if (sutBroken.length > 0) throw new StepFailure('invariant', index, shown.text, sutBroken.join('\n'));
  s.selfCheck();
  const follow = followInjected({ suite, modelFactory: s.modelFactory, script: s.script, call, before, sutResult, sutSnap });
  if (follow === null) throw notFollowed(index, shown.text, before, sutResult, sutSnap);
  return { follow, sutSnap };
}
