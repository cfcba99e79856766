/**
 * A run checked as one batch (docs/DESIGN.md §6): the model has
 * already resolved and run every command (sut/runCheck.ts PlannedStep), which gives the
 * exact request lines and the exact answers expected (results and canonical snapshot
 * text). The port gets all requests at once; its answers are compared as text and parsed
 * only at the first difference. A port with the `check` capability also gets a `check`
 * after every step's `observe`, expected to answer `ok`; `bad TEXT` is a self-check
 * failure at that step.
 */
import { SutFailure, type PlannedStep, type RunVerdict } from '../sut/runCheck.ts';
import { ProcessSutError } from './portChannel.ts';
import { AnswerError, answerText, CHECK_REQUEST, parseAnswer, parseCheckAnswer, stringToken } from './protocol.ts';
import { requestRecorder } from './requestLine.ts';
import { sameData } from '../properties/sameData.ts';
import { daxSnapshotText, parseDaxSnapshot, parseTreeSnapshot, SnapshotShapeError, treeSnapshotText } from './snapshotText.ts';

/** The lines of a run and the answers the model expects, after `setup` lines of `new` and faults, then each step's lines. */
export interface BatchPlan {
  lines: string[];
  expected: string[];
  setup: number;
  /** Per observe line (by line index): the model's snapshot text there, `same` or not (for a port that answers in full). */
  texts: Map<number, string>;
  /** Per line after the setup, the step it belongs to (a step: its operation, its observe, and maybe a `check`). */
  stepOfLine: number[];
  /** Per step, whether a `check` follows its observe (a port with the capability: after each step whose operation succeeded, and after the last). */
  checked: boolean[];
  /** The index of the run's closing `check` after `new SUITE` (the leak check, PROTOCOL.md "Leaks"), or -1 when there is none. */
  leakLine: number;
}

/** The request lines of a batch, before its expected answers are known. */
export type BatchRequests = Pick<BatchPlan, 'lines' | 'setup' | 'stepOfLine' | 'checked' | 'leakLine'> & { observe: string };

/**
 * What a batch asks besides the operations: `changed`, observe with `observe changed`
 * (a port that answers it, PROTOCOL.md "Unchanged snapshots"); `selfCheck`, a `check`
 * after every step's observe (a port with the `check` capability, "The self-check").
 */
export interface BatchOptions {
  changed?: boolean;
  selfCheck?: boolean;
  /** End the run with `new SUITE` and `check`: a port with the `leaks` capability answers `bad` when the dropped instance left allocations behind ("Leaks"). */
  leaks?: boolean;
}

/** The request lines of steps on a fresh instance of suite with faults on: per step the operation, its observe and, with selfCheck, `check`. */
export function planRequests(suite: 'tree' | 'dax', steps: readonly PlannedStep[], faults: readonly string[], opts: BatchOptions = {}): BatchRequests {
  const setup = [`new ${suite}`, ...(suite === 'dax' ? faults.map((f) => `fault ${stringToken(f)}`) : [])];
  const lines = [...setup];
  const observe = opts.changed === true ? 'observe changed' : 'observe';
  const selfCheck = opts.selfCheck === true;
  const recorder = requestRecorder(suite);
  const stepOfLine: number[] = [];
  // As the in-process runner: the self-check after each successful step, and after the last.
  const checked = steps.map((s, i) => selfCheck && (s.result.ok || i === steps.length - 1));
  steps.forEach((s, i) => {
    s.apply(recorder);
    lines.push(recorder.lines[recorder.lines.length - 1]!, observe);
    if (checked[i]) lines.push(CHECK_REQUEST);
    while (stepOfLine.length < lines.length - setup.length) stepOfLine.push(i);
  });
  let leakLine = -1;
  if (opts.leaks === true) {
    lines.push(`new ${suite}`, CHECK_REQUEST);
    leakLine = lines.length - 1;
    const last = Math.max(0, steps.length - 1);
    stepOfLine.push(last, last);
  }
  return { lines, setup: setup.length, observe, stepOfLine, checked, leakLine };
}

/**
 * The answers the model expects to requests (planRequests of the same steps). With
 * `observe changed` (a port that knows it, PROTOCOL.md) a step whose snapshot text is
 * the previous step's expects `same`; a snapshot equal to the previous one as data
 * (sameData) has its text and is not serialized again. A step's `check`, if any,
 * expects `ok`.
 */
export function expectAnswers(requests: BatchRequests, steps: readonly PlannedStep[]): BatchPlan {
  const { lines, setup, stepOfLine, checked, leakLine } = requests;
  const changed = requests.observe === 'observe changed';
  const expected = lines.slice(0, setup).map(() => 'ok');
  const texts = new Map<number, string>();
  const text = lines[0] === 'new dax' ? daxSnapshotText : treeSnapshotText;
  let before: unknown = null; // the previous step's snapshot and its text (none before the first)
  let beforeText: string | null = null;
  for (const [i, s] of steps.entries()) {
    const unchanged: boolean = changed && beforeText !== null && sameData(before, s.snapshot); // about 2.5 times cheaper than serializing
    const snap: string = unchanged ? beforeText! : text(s.snapshot as never);
    texts.set(expected.length + 1, snap);
    expected.push(answerText(s.result), changed && snap === beforeText ? 'same' : `snap ${snap}`);
    if (checked[i]) expected.push('ok'); // the self-check
    before = s.snapshot;
    beforeText = snap;
  }
  if (leakLine >= 0) expected.push('ok', 'ok'); // the next instance, and no leak of the dropped one
  return { lines, expected, setup, texts, stepOfLine, checked, leakLine };
}

/** The request lines and expected answers of steps on a fresh instance of suite with faults on (planRequests, then expectAnswers). */
export function planBatch(suite: 'tree' | 'dax', steps: readonly PlannedStep[], faults: readonly string[], opts: BatchOptions = {}): BatchPlan {
  return expectAnswers(planRequests(suite, steps, faults, opts), steps);
}

/** The step a line belongs to (0 for the setup lines), clamped to the steps there are. */
function stepOf(plan: BatchPlan, line: number): number {
  const last = plan.stepOfLine.length === 0 ? 0 : plan.stepOfLine[plan.stepOfLine.length - 1]!;
  return line < plan.setup ? 0 : plan.stepOfLine[line - plan.setup] ?? last;
}

/** The first difference between the port's answers and the plan's, as a verdict; null when equal. */
export function compareBatch(plan: BatchPlan, answers: readonly string[], command: string[]): RunVerdict {
  let portSnap: string | null = null; // the port's last snapshot answer in full: what its `same` stands for
  for (let i = 0; i < plan.expected.length; i++) {
    const got = answers[i]!;
    const want = plan.expected[i]!;
    if (got === want || (want === 'same' && got.length > 5 && got.slice(5) === plan.texts.get(i))) {
      if (got !== 'same' && plan.texts.has(i)) portSnap = got;
      continue;
    }
    const verdict = difference(plan, i, got === 'same' && portSnap !== null && plan.texts.has(i) ? portSnap : got, command);
    if (verdict !== null) return verdict;
  }
  return null;
}

/** The verdict for line i, whose answer got differs from the plan's (a `same` to an observe replaced by the full answer it stands for). */
function difference(plan: BatchPlan, i: number, got: string, command: string[]): RunVerdict {
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
      return { step, kind: 'failure', failure: new SutFailure(i === plan.leakLine ? 'sut-leaked' : 'self-check', bad.join('\n')) };
    } catch (e) {
      if (e instanceof AnswerError) return malformed(e.message);
      throw e;
    }
  }
  if (!plan.texts.has(i)) {
    try {
      return { step, kind: 'result', sut: parseAnswer(got, request) };
    } catch (e) {
      if (e instanceof AnswerError) return malformed(e.message);
      throw e;
    }
  }
  if (got === 'same') return malformed(`answered "same" to "${request}" with no earlier snapshot in this instance`);
  if (!got.startsWith('snap ')) return malformed(`expected "snap JSON" in answer to ${request}, got ${JSON.stringify(got.slice(0, 120))}`);
  try {
    return { step, kind: 'snapshot', sutSnapshot: (plan.lines[0] === 'new dax' ? parseDaxSnapshot : parseTreeSnapshot)(got.slice(5)) };
  } catch (e) {
    if (e instanceof SnapshotShapeError) return malformed(`snapshot: ${e.message}`);
    throw e;
  }
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
