/**
 * A run checked as one batch (DESIGN.md "Foreign systems under test"): the model has
 * already resolved and run every command (sut/runCheck.ts PlannedStep), which gives the
 * exact request lines and the exact answers expected (results and canonical snapshot
 * text). The port gets all requests at once; its answers are compared as text and parsed
 * only at the first difference. A port with the `check` capability also gets a `check`
 * after every step's `observe`, expected to answer `ok`; `bad TEXT` is a self-check
 * failure at that step.
 */
import { SutFailure, type PlannedStep, type RunVerdict } from '../../sut/runCheck.ts';
import { ProcessSutError } from './portChannel.ts';
import { AnswerError, answerText, CHECK_REQUEST, parseAnswer, parseCheckAnswer, RequestRecorder, stringToken } from './protocol.ts';
import { daxSnapshotText, parseDaxSnapshot, parseTreeSnapshot, SnapshotShapeError, treeSnapshotText } from './snapshotText.ts';

/** The lines of a run and the answers the model expects, after `setup` lines of `new` and faults, then `perStep` lines per step. */
export interface BatchPlan {
  lines: string[];
  expected: string[];
  setup: number;
  /** 2 (the operation, `observe`), or 3 with the port's self-check (`check`). */
  perStep: number;
}

/** The request lines and expected answers of steps on a fresh instance of suite with faults on; selfCheck: a `check` after every step. */
export function planBatch(suite: 'tree' | 'dax', steps: readonly PlannedStep[], faults: readonly string[], selfCheck = false): BatchPlan {
  const setup = [`new ${suite}`, ...(suite === 'dax' ? faults.map((f) => `fault ${stringToken(f)}`) : [])];
  const lines = [...setup];
  const expected = setup.map(() => 'ok');
  const text = suite === 'dax' ? daxSnapshotText : treeSnapshotText;
  const recorder = new RequestRecorder();
  for (const s of steps) {
    s.apply(recorder);
    lines.push(recorder.lines[recorder.lines.length - 1]!, 'observe');
    expected.push(answerText(s.result), `snap ${text(s.snapshot as never)}`);
    if (selfCheck) {
      lines.push(CHECK_REQUEST);
      expected.push('ok');
    }
  }
  return { lines, expected, setup: setup.length, perStep: selfCheck ? 3 : 2 };
}

/** The step a line belongs to (0 for the setup lines), clamped to the steps there are. */
function stepOf(plan: BatchPlan, line: number): number {
  const steps = (plan.lines.length - plan.setup) / plan.perStep;
  return Math.max(0, Math.min(steps - 1, Math.floor((line - plan.setup) / plan.perStep)));
}

/** The first difference between the port's answers and the plan's, as a verdict; null when equal. */
export function compareBatch(plan: BatchPlan, answers: readonly string[], command: string[]): RunVerdict {
  for (let i = 0; i < plan.expected.length; i++) {
    const got = answers[i]!;
    if (got === plan.expected[i]) continue;
    const step = stepOf(plan, i);
    const request = plan.lines[i]!;
    const malformed = (what: string) => ({ step, kind: 'failure' as const, failure: new ProcessSutError(i < plan.setup ? 'protocol' : 'sut-malformed', what, { command, lastRequest: request }) });
    if (i < plan.setup) {
      const lacks = got === 'err EINVAL' && i === 0;
      return malformed(lacks ? `the port does not implement this suite (it answered "err EINVAL" to "${request}")` : `expected "ok" in answer to "${request}", got ${JSON.stringify(got.slice(0, 120))}`);
    }
    if (request === CHECK_REQUEST) {
      try {
        const bad = parseCheckAnswer(got);
        return { step, kind: 'failure', failure: new SutFailure('self-check', bad.join('\n')) };
      } catch (e) {
        if (e instanceof AnswerError) return malformed(e.message);
        throw e;
      }
    }
    if (request !== 'observe') {
      try {
        return { step, kind: 'result', sut: parseAnswer(got, request) };
      } catch (e) {
        if (e instanceof AnswerError) return malformed(e.message);
        throw e;
      }
    }
    if (!got.startsWith('snap ')) return malformed(`expected "snap JSON" in answer to observe, got ${JSON.stringify(got.slice(0, 120))}`);
    try {
      return { step, kind: 'snapshot', sutSnapshot: (plan.lines[0] === 'new dax' ? parseDaxSnapshot : parseTreeSnapshot)(got.slice(5)) };
    } catch (e) {
      if (e instanceof SnapshotShapeError) return malformed(`snapshot: ${e.message}`);
      throw e;
    }
  }
  return null;
}

/** Sends plan through run (the port's batch exchange) and judges the answers; a crash or hang is a failure verdict at the step it happened in. */
export function checkBatch(plan: BatchPlan, run: (lines: string[]) => string[], command: string[]): RunVerdict {
  let answers: string[];
  try {
    answers = run(plan.lines);
  } catch (e) {
    if (e instanceof ProcessSutError) return { step: stepOf(plan, e.answered), kind: 'failure', failure: e };
    throw e;
  }
  return compareBatch(plan, answers, command);
}
