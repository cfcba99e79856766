/**
 * The cost of a run cut short by a known defect (issue 23), measured run by run against
 * the very same run when it passes. The C port, the DAX suite, `runs` runs of one seed,
 * in four passes that generate the same runs (the model is the same; a run that passes
 * or is counted as found does not change what fast-check generates next):
 * - whole: the port without faults: every run passes, sent whole (what a run costs);
 * - steps: the same, each run planned no further than S4's trigger: what the steps of a
 *   run up to the trigger cost when they pass;
 * - cut:   the port with S4, the hunt's own rules (campaign/hunt/foundBefore.ts) with S4
 *   found before (its trigger armed; each failure's name claimed by the first run that
 *   meets it, which a hunt would shrink and this counts as cut too): a run meeting it
 *   fails at the trigger, ends there and is counted;
 * - cut, not ended: the same without the trigger (every planned step is sent).
 * Every run is timed from its World's creation to the next one's (the next run's
 * generation included, the same in every pass); the passes are interleaved `reps` times
 * and each run keeps its best time, so a scheduler's hiccup or a collection does not
 * land on one pass. The processes start before the timing (systemsNow's handshake), and
 * each pass has its own process, so run i gets the same delivery in every pass. The
 * goal compares the cut runs' mean with the same runs' mean when they pass whole.
 */
import { C_PORT_BINARY } from '../campaign/cPort.ts';
import { failureName } from '../campaign/knownDefects.ts';
import { foundBefore, knownKey } from '../campaign/hunt/foundBefore.ts';
import { FoundRegistry } from '../campaign/hunt/foundRegistry.ts';
import { KNOWN_TRIGGERS } from '../campaign/knownTriggers.ts';
import { systemsNow, type Systems } from '../campaign/systems.ts';
import { runSuite } from '../properties/runSuite.ts';
import type { FailureSeen } from '../properties/sameFailure.ts';
import { SUITES } from '../properties/suites.ts';
import { World } from '../properties/world.ts';
import { hasDeliveries } from '../sut/delivery.ts';

const S4 = 's4-sized-create-dynamic';
const SEED = 11;
const MAX_COMMANDS = 100;

export interface CutShortResult {
  runs: number;
  /** Interleaved repetitions of the four passes; each run keeps its best time. */
  reps: number;
  /** Runs cut short by S4. */
  cut: number;
  /** Mean best time of a cut run (ms). */
  cutMs: number;
  /** The same runs passing whole (no fault), mean best time: the goal's denominator. */
  passedMs: number;
  /** The same runs passing, ended at the trigger: what their steps up to it cost. */
  stepsMs: number;
  /** The runs that met no trigger, passing whole (the mean passing run that the row compared with before). */
  otherPassedMs: number;
  /** The cut runs when not ended at the trigger (S4 still counted as found). */
  cutMsWithoutEnd: number;
  /** cutMs / passedMs (goal: at most CUT_SHORT_GOAL). */
  share: number;
  /** cutMs / stepsMs: what cutting costs beyond the steps (1: nothing). */
  shareOfSteps: number;
  /** cutMsWithoutEnd / passedMs. */
  shareWithoutEnd: number;
  /** Mean steps of a cut run, and of the same runs whole. */
  steps: { cut: number; whole: number };
}

type Pass = 'whole' | 'steps' | 'cut' | 'cutNoEnd';
const PASSES: readonly Pass[] = ['whole', 'steps', 'cut', 'cutNoEnd'];

/** One pass: per run its time (ms), its steps, and whether it was cut short. */
interface PassTimes { ms: number[]; steps: number[]; cut: boolean[] }

/** Runs the seed's runs on systems, timing each; rules: the seenBefore and endsRun of the pass. */
function timedPass(systems: Systems, runs: number, rules: { seenBefore?: (f: FailureSeen) => string | null; endsRun?: (call: { op: string }, snap: unknown) => boolean }): PassTimes {
  const out: PassTimes = { ms: [], steps: [], cut: [] };
  let open: { start: number; world: World; cut: boolean } | null = null;
  const close = () => {
    if (open === null) return;
    out.ms.push(performance.now() - open.start);
    out.steps.push(open.world.steps);
    out.cut.push(open.cut);
    open = null;
  };
  const seenBefore = rules.seenBefore;
  runSuite({
    suite: SUITES.dax, model: systems.reference, sut: systems.sut, seed: SEED, numRuns: runs, maxCommands: MAX_COMMANDS,
    ...(seenBefore === undefined ? {} : {
      seenBefore: (f: FailureSeen) => {
        open!.cut = true;
        const name = seenBefore(f);
        if (name !== null) return name;
        // the first run to meet this failure claimed its name: in a hunt it would be shrunk
        // (once); here S4 counts as found before, so it is cut short as the later ones are
        if (hasDeliveries(systems.sut)) systems.sut.pinDelivery(null);
        return failureName(f);
      },
    }),
    hooks: {
      world: (suite, model, sut) => {
        close();
        const world = new World(suite, model, sut);
        world.endsRun = rules.endsRun;
        open = { start: performance.now(), world, cut: false };
        return world;
      },
    },
  });
  close();
  if (out.ms.length !== runs) throw new Error(`bench: cut-short runs: a pass ran ${out.ms.length} runs, not ${runs}`);
  return out;
}

/** Measures the cost of a run cut short by S4 against the same run passing (see the file comment). */
export function cutShortCost(runs: number, reps = 3): CutShortResult {
  const port = { kind: 'exec' as const, command: [C_PORT_BINARY] };
  const systems: Record<Pass, Systems> = {
    whole: systemsNow(port, null, ['dax'], 'bench'),
    steps: systemsNow(port, null, ['dax'], 'bench'),
    cut: systemsNow(port, S4, ['dax'], 'bench'),
    cutNoEnd: systemsNow(port, S4, ['dax'], 'bench'),
  };
  const times: Record<Pass, PassTimes[]> = { whole: [], steps: [], cut: [], cutNoEnd: [] };
  try {
    const found = new FoundRegistry(FoundRegistry.allocate());
    found.claim(0, knownKey('S4')); // S4 found before: its trigger armed
    const rules = foundBefore(found, 0, systems.cut.sut);
    if (rules.endsRun === undefined) throw new Error('bench: cut-short runs: S4 found before arms no trigger');
    const noEnd = foundBefore(found, 0, systems.cutNoEnd.sut);
    for (let r = 0; r < reps; r++) {
      times.whole.push(timedPass(systems.whole, runs, {}));
      times.steps.push(timedPass(systems.steps, runs, { endsRun: KNOWN_TRIGGERS.S4 }));
      times.cut.push(timedPass(systems.cut, runs, rules));
      times.cutNoEnd.push(timedPass(systems.cutNoEnd, runs, { seenBefore: noEnd.seenBefore }));
    }
  } finally {
    for (const p of PASSES) systems[p].close();
  }
  return summarize(runs, reps, times);
}

/** The figures from every pass's times (runs checked to be the same ones in every pass). */
function summarize(runs: number, reps: number, times: Record<Pass, PassTimes[]>): CutShortResult {
  const first = (p: Pass) => times[p][0]!;
  const cutRuns = first('cut').cut.flatMap((c, i) => (c ? [i] : []));
  for (const i of cutRuns) {
    if (first('steps').steps[i] !== first('cut').steps[i]) throw new Error(`bench: cut-short runs: run ${i} planned ${first('cut').steps[i]} steps cut and ${first('steps').steps[i]} ended passing: not the same run`);
  }
  const best = (p: Pass, i: number) => Math.min(...times[p].map((t) => t.ms[i]!));
  const mean = (p: Pass, idx: number[]) => (idx.length === 0 ? 0 : idx.reduce((s, i) => s + best(p, i), 0) / idx.length);
  const met = first('steps').steps.map((s, i) => s < first('whole').steps[i]! || first('cut').cut[i]!);
  const others = Array.from({ length: runs }, (_, i) => i).filter((i) => !met[i]);
  const cutMs = mean('cut', cutRuns);
  const passedMs = mean('whole', cutRuns);
  const stepsMs = mean('steps', cutRuns);
  const cutMsWithoutEnd = mean('cutNoEnd', cutRuns);
  const avgSteps = (p: Pass) => (cutRuns.length === 0 ? 0 : cutRuns.reduce((s, i) => s + first(p).steps[i]!, 0) / cutRuns.length);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    runs, reps, cut: cutRuns.length, cutMs, passedMs, stepsMs, otherPassedMs: mean('whole', others), cutMsWithoutEnd,
    share: ratio(cutMs, passedMs), shareOfSteps: ratio(cutMs, stepsMs), shareWithoutEnd: ratio(cutMsWithoutEnd, passedMs),
    steps: { cut: avgSteps('cut'), whole: avgSteps('whole') },
  };
}
