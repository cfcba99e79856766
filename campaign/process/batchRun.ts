/**
 * A run checked as one batch (DESIGN.md "Foreign systems under test"): the model
 * resolves and runs every command first, which gives the exact request lines and the
 * exact answers expected (results and canonical snapshot text); the port then gets all
 * requests at once, and its answers are compared as text, parsed only on a difference.
 */
import type { SutFactory } from '../../sut/interface.ts';
import { firstDifference } from '../../properties/diff.ts';
import type { AnySuite } from '../../properties/suiteSpec.ts';
import type { ProcessSutFactory } from './processSut.ts';
import { answerText, parseAnswer, RequestRecorder, stringToken } from './protocol.ts';
import { daxSnapshotText, parseDaxSnapshot, parseTreeSnapshot, treeSnapshotText } from './snapshotText.ts';

export interface BatchPlan {
  suite: AnySuite['name'];
  /** Request lines: `new SUITE`, the faults, then per command its request and `observe`. */
  lines: string[];
  /** The answer expected to each line. */
  expected: string[];
  /** Per line, the call as printed by the suite (null for the setup lines). */
  shown: (string | null)[];
  /** Model invariants broken along the way (the specification's self-check), first one. */
  modelBroken: string | null;
  /** Commands that applied (ran). */
  steps: number;
}

/** Resolves and runs commands on the model: the batch to send and the answers to expect. */
export function planBatch(suite: AnySuite, model: SutFactory, commands: readonly { op: string }[], faults: readonly string[] = []): BatchPlan {
  const sut = suite.create(model);
  const text = suite.name === 'dax' ? daxSnapshotText : treeSnapshotText;
  const setup = [`new ${suite.name}`, ...(suite.name === 'dax' ? faults.map((f) => `fault ${stringToken(f)}`) : [])];
  const plan: BatchPlan = { suite: suite.name, lines: [...setup], expected: setup.map(() => 'ok'), shown: setup.map(() => null), modelBroken: null, steps: 0 };
  const recorder = new RequestRecorder();
  let snap = suite.observe(sut);
  for (const cmd of commands) {
    const call = suite.resolve(cmd, snap);
    if (call === null) continue;
    plan.steps += 1;
    suite.call(recorder, call);
    const result = suite.call(sut, call);
    snap = suite.observe(sut);
    if (plan.modelBroken === null) {
      const broken = [...suite.invariants(snap), ...suite.stepInvariants(call, result, snap)];
      if (broken.length > 0) plan.modelBroken = `step ${plan.steps}: ${broken[0]}`;
    }
    const shown = suite.show(call);
    plan.lines.push(recorder.lines[recorder.lines.length - 1]!, 'observe');
    plan.expected.push(answerText(result), `snap ${text(snap)}`);
    plan.shown.push(shown, shown);
  }
  return plan;
}

export interface BatchMismatch {
  /** Index of the first differing line. */
  line: number;
  /** Step number (1-based) of the command it belongs to, 0 for the setup lines. */
  step: number;
  call: string | null;
  /** What differs: the two results, or the first difference between the snapshots. */
  detail: string;
}

/** Compares the port's answers with the plan's: null when equal, else the first difference. */
export function compareBatch(plan: BatchPlan, answers: readonly string[]): BatchMismatch | null {
  const setup = plan.lines.length - 2 * plan.steps;
  for (let i = 0; i < plan.expected.length; i++) {
    const want = plan.expected[i]!;
    const got = answers[i];
    if (got === want) continue;
    const step = i < setup ? 0 : Math.floor((i - setup) / 2) + 1;
    const mismatch = (detail: string): BatchMismatch => ({ line: i, step, call: plan.shown[i]!, detail });
    if (got === undefined) return mismatch('no answer');
    if (!want.startsWith('snap ')) {
      try {
        parseAnswer(got, plan.lines[i]!);
      } catch (e) {
        return mismatch(`malformed answer: ${(e as Error).message}`);
      }
      return mismatch(`model ${want}, sut ${got}`);
    }
    if (!got.startsWith('snap ')) return mismatch(`expected a snapshot, got ${JSON.stringify(got.slice(0, 80))}`);
    const parse = plan.suite === 'dax' ? parseDaxSnapshot : parseTreeSnapshot;
    try {
      const diff = firstDifference(parse(want.slice(5)), parse(got.slice(5)), ['model', 'sut']);
      if (diff !== null) return mismatch(diff);
    } catch (e) {
      return mismatch(`malformed snapshot: ${(e as Error).message}`);
    }
    // Equal once parsed: the port's text is not canonical.
    return mismatch(`snapshot equal but not in canonical text: ${got.slice(5, 85)}`);
  }
  return null;
}

/** Plans on the model, runs as one batch on the port, compares. */
export function runAsBatch(suite: AnySuite, model: SutFactory, port: ProcessSutFactory, commands: readonly { op: string }[], faults: readonly string[] = []): BatchMismatch | null {
  const plan = planBatch(suite, model, commands, faults);
  return compareBatch(plan, port.runBatch(plan.lines));
}
