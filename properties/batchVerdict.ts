/**
 * Batch mode's end of a run (properties/world.ts): the planned run handed to a system
 * under test that checks whole runs (sut/runCheck.ts), its verdict judged at its first
 * difference exactly as a step-by-step check would have.
 */
import type { PlannedStep, RunChecker, RunVerdict } from '../sut/runCheck.ts';
import { showResult } from './showResult.ts';
import { failureOf, judgeSnapshots, Shown } from './stepCheck.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';

/** Checks the planned run on the checker; throws a StepFailure at its first difference, returns when it passed. */
export function checkPlannedRun(suite: AnySuite, checker: RunChecker, planned: readonly (PlannedStep & { call: unknown })[]): void {
  let verdict: RunVerdict;
  try {
    verdict = checker.checkRun(suite.sutKind, planned);
  } catch (e) {
    throw failureOf(e, planned.length > 0 ? planned.length - 1 : 0, planned.length > 0 ? suite.show(planned.at(-1)!.call) : 'creating the system');
  }
  if (verdict === null) return;
  const p = planned[verdict.step];
  if (p === undefined && verdict.kind === 'failure' && planned.length === 0) throw new StepFailure(verdict.failure.kind, 0, 'creating the system', verdict.failure.message);
  if (p === undefined) throw new Error(`The system under test's checkRun named step ${verdict.step} of ${planned.length}: fix its verdict (steps are 0-based indexes into the planned steps)`);
  const shown = new Shown(suite, p.call);
  switch (verdict.kind) {
    case 'failure': throw new StepFailure(verdict.failure.kind, verdict.step, shown.text, verdict.failure.message);
    case 'result': throw new StepFailure('result-mismatch', verdict.step, shown.text, `model ${showResult(p.result)}, sut ${showResult(verdict.sut)}`);
    case 'snapshot':
      judgeSnapshots(suite, verdict.step, shown, p.call, p.result, p.snapshot, verdict.sutSnapshot);
      throw new StepFailure('sut-malformed', verdict.step, shown.text, 'its snapshot equals the model\'s but not in the canonical form');
  }
}
