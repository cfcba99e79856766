/**
 * How the model follows a step whose allocation fail-nth failed (docs/SPECIFICATION.md
 * §8.2): the system under test's state after it must be one the specification allows,
 * and the model takes that state. Allowed, in this order:
 * 1. the result ENOMEM and the state before the step (the operation undid everything);
 * 2. the model's own result and state (the failure was absorbed);
 * 3. the result ENOMEM and the state a failure at a named point (§8.1) leaves: the model
 *    run with failAllocation(point, k) armed just before the step, for every point and
 *    every k that fires during the step (resize is not transactional: earlier ranges stay).
 * Candidates 2 and 3 run on replicas of the model rebuilt from the calls it has run.
 */
import { FAIL_POINTS, type Result } from '../sut/interface.ts';
import type { SutFactory } from '../sut/interface.ts';
import { firstDifference } from './diff.ts';
import { sameData } from './sameData.ts';
import { showResult } from './showResult.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

/** The state the model takes: its instance (null: the current one, unchanged), snapshot and result, and the calls to add to its script. */
export interface Follow {
  model: unknown | null;
  snap: unknown;
  result: Result;
  script: unknown[];
}

/** Beyond this many allocations at one named point in one step, candidates are not tried. */
const MAX_K = 64;

export interface InjectedStep {
  suite: AnySuite;
  modelFactory: SutFactory;
  /** Every call the model has run, in order (a replica replays them). */
  script: readonly unknown[];
  call: { op: string };
  /** The model's snapshot before the step. */
  before: unknown;
  sutResult: Result;
  sutSnap: unknown;
}

const isEnomem = (r: Result) => !r.ok && r.errno === 'ENOMEM';

/** The allowed state the system under test is in, or null when it is in none. */
export function followInjected(s: InjectedStep): Follow | null {
  const { suite } = s;
  if (isEnomem(s.sutResult) && sameData(s.before, s.sutSnap)) return { model: null, snap: s.before, result: s.sutResult, script: [] };
  const replica = (): unknown => {
    const m = suite.create(s.modelFactory);
    for (const c of s.script) suite.call(m, c);
    suite.modelEvents?.(m); // forget what fired while replaying
    return m;
  };
  const own = replica();
  const ownResult = suite.call(own, s.call);
  const ownSnap = suite.observe(own);
  if (sameData(ownResult, s.sutResult) && sameData(ownSnap, s.sutSnap)) return { model: own, snap: ownSnap, result: ownResult, script: [s.call] };
  if (!isEnomem(s.sutResult) || suite.sutKind !== 'dax') return null;
  for (const point of FAIL_POINTS) {
    for (let k = 1; k <= MAX_K; k++) {
      const m = replica();
      const arm = { op: 'failAllocation', point, nth: k };
      suite.call(m, arm);
      const result = suite.call(m, s.call);
      if ((suite.modelEvents?.(m) ?? []).length === 0) break; // the step made fewer than k allocations at point
      const snap = suite.observe(m);
      if (sameData(result, s.sutResult) && sameData(snap, s.sutSnap)) return { model: m, snap, result, script: [arm, s.call] };
    }
  }
  return null;
}

/** The failure of a step whose state §8.2 does not allow: a result mismatch (not ENOMEM nor the model's), else a snapshot mismatch against the state before. */
export function notFollowed(index: number, shown: string, before: unknown, sutResult: Result, sutSnap: unknown): StepFailure {
  if (!isEnomem(sutResult)) return new StepFailure('result-mismatch', index, shown, `sut ${showResult(sutResult)} after an injected allocation failure: the result must be ENOMEM or the model's (docs/SPECIFICATION.md §8.2)`);
  const diff = firstDifference(before, sutSnap, ['before the step', 'sut']) ?? 'snapshots differ';
  return new StepFailure('snapshot-mismatch', index, shown, `the state after the injected allocation failure is neither the state before the step nor one a failure at a named point leaves (docs/SPECIFICATION.md §8.2); first difference from the state before: ${diff}`);
}
