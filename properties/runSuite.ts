/**
 * One property run of a suite: fast-check generates command sequences, the World checks
 * them step by step against the model, and a failure is shrunk by fast-check, replayed
 * directly to give the normalized counterexample, then minimized further (ddmin over
 * the commands and simplification of their values, properties/minimize.ts). Both
 * shrinkers keep only tries that fail with the first failure's signature
 * (sameFailure.ts). A failure that seenBefore names (a hunt's defect found and saved
 * already) ends its run at that step: it is counted under that name and the batch goes
 * on, without shrinking.
 */
import fc from 'fast-check';
import type { SutFactory } from '../sut/interface.ts';
import { minimize } from './minimize.ts';
import { sameSignature, type FailureSeen, type SameFailure } from './sameFailure.ts';
import { replayCommands } from './replay.ts';
import type { ModelStep, RunHooks, RunWorld } from './runHooks.ts';
import { StepFailure } from './stepFailure.ts';
import { runArbitrary, type RunValue } from './runArbitrary.ts';
import { guidance, type GuidedOptions } from './guided/guidance.ts';
import { commandData } from './suiteCommand.ts';
import type { AnySuite } from './suiteSpec.ts';
import { World } from './world.ts';

export interface RunOptions {
  suite: AnySuite;
  model: SutFactory;
  sut: SutFactory;
  seed: number;
  numRuns: number;
  maxCommands: number;
  /** fast-check replay path of a previous failure, to go straight to it. */
  path?: string;
  /** Stop generating new runs after this many milliseconds (fast-check's interruptAfterTimeLimit plugin). */
  timeLimitMs?: number;
  /** Percent of runs that are the suite's big runs (0, the default: none; 100: only big runs). */
  bigRunPercent?: number;
  /** false: keep fast-check's first failing run unshrunk (fast-check's endOnFailure), leaving it to minimizeReplays; default true. */
  shrink?: boolean;
  /** Replays allowed to minimize fast-check's shrunk counterexample further (ddmin + values); 0 = none. Default 2000. */
  minimizeReplays?: number;
  /** Measurement hooks (properties/runHooks.ts); none by default. */
  hooks?: RunHooks;
  /**
   * Guided generation (properties/guided/): part of the runs mutate a corpus of runs that
   * reached new features. true: a fresh corpus; or the corpus (and share) to use. Ignored
   * with `path` (a path names a run of unguided generation). Default: off.
   */
  guided?: boolean | GuidedOptions;
  /** Is a shrink try's failure the first failure's? Default sameSignature (kind, operation, result pair class). */
  sameFailure?: SameFailure;
  /**
   * A failure found before (e.g. in a hunt's earlier batch): its name, or null for a
   * failure to shrink and report. A named failure ends its run, is counted in
   * RunOutcome.cutShort and the batch goes on. Never asked about a hang. Default: none.
   */
  seenBefore?: (f: FailureSeen) => string | null;
  /**
   * Batch mode (a system that checks whole runs): a call after which a run is planned no
   * further, e.g. the trigger of a defect found before, so that a run meeting it again is
   * sent only up to it (World.endsRun). Default: none.
   */
  endsRun?: (call: { op: string }, modelSnap: unknown, step: ModelStep) => boolean;
  /**
   * Batch mode: a call before which a run ends, not sent (World.stopsBefore), e.g. the
   * trigger of a defect found before that crashes the system or loops for ever: its name,
   * under which the run is counted in RunOutcome.cutShort (and in runs and commands, as
   * a run that passed its steps). Default: none.
   */
  stopsBefore?: (call: { op: string }, modelSnap: unknown, step: ModelStep) => string | null;
  /**
   * How long fast-check may shrink the first failure (ms), given it: later tries are not
   * run (they count as passing), so the shrink ends at once with what it has. E.g. a
   * hunt's known defect, whose every crashing try costs a fresh process. Default: no
   * limit but timeLimitMs.
   */
  shrinkTimeMs?: (first: FailureSeen) => number;
}

export interface Counterexample {
  suite: AnySuite['name'];
  /** The shrunk commands that ran, as plain data. */
  commands: { op: string }[];
  failure: StepFailure;
  seed: number;
  path: string;
}

export interface RunOutcome {
  runs: number;
  commands: number;
  opCounts: Map<string, number>;
  /** Number of passing runs that reached each label. */
  labelRuns: Map<string, number>;
  /** Number of passing runs that hit each argument-domain bucket (properties/domains.ts). */
  bucketRuns: Map<string, number>;
  /** fail-nth runs: error-path coverage, per operation every allocation site reached and how often it was failed (0: never). */
  allocCoverage: Map<string, Map<string, number>>;
  durationMs: number;
  counterexample: Counterexample | null;
  /** Runs ended by a failure seenBefore named, by that name (counted in runs and commands too). */
  cutShort: Map<string, number>;
}

/** Runs the suite's property; never throws for a failing SUT (that is the counterexample). */
export function runSuite(o: RunOptions): RunOutcome {
  const started = performance.now();
  const stats = { runs: 0, commands: 0, opCounts: new Map<string, number>(), labelRuns: new Map<string, number>(), bucketRuns: new Map<string, number>(), allocCoverage: new Map<string, Map<string, number>>() };
  const arb = runArbitrary(o.suite, o.maxCommands, o.bigRunPercent ?? 0);
  let shrinking = false; // once a run failed, later runs are shrink attempts: not counted
  const hooks = o.hooks ?? {};
  const guided = o.guided === undefined || o.guided === false || o.path !== undefined ? null : guidance(o.suite, o.guided === true ? {} : o.guided, o.seed, o.maxCommands, o.bigRunPercent ?? 0);
  // Generated runs check only what each step changed (World's incremental mode); once a run
  // failed, shrink tries check everything after every step.
  const baseWorld = hooks.world ?? ((suite, model, sut) => {
    const world = new World(suite, model, sut, false, guided !== null, !shrinking);
    world.endsRun = o.endsRun;
    world.stopsBefore = o.stopsBefore;
    return world;
  });
  const makeWorld: typeof baseWorld = guided === null ? baseWorld : (suite, model, sut) => guided.wrap(baseWorld(suite, model, sut));
  // A hang costs its whole time limit per try: it is not shrunk (every later try passes) nor minimized.
  let hung = false;
  let first: FailureSeen | null = null; // the failure being shrunk
  const cutShort = new Map<string, number>();
  let shrinkUntil = Infinity; // past it, shrink tries are not run (shrinkTimeMs)
  const property = fc.property(arb, ([prefix, cmds]) => {
    if (hung || (shrinking && performance.now() >= shrinkUntil)) return;
    const world = makeWorld(o.suite, o.model, o.sut);
    try {
      for (const p of prefix as { op: string }[]) world.step(p);
      fc.modelRun(() => ({ model: world, real: world }), cmds);
      world.finish();
    } catch (caught) {
      // The commands that ran (a failure's step indexes them), else every generated one.
      const commands = world.ran?.slice() ?? [...(prefix as { op: string }[]), ...commandData<{ op: string }>(cmds)];
      const e = world.incremental === true && caught instanceof StepFailure ? exactFailure(o, commands) ?? caught : caught;
      const seen = e instanceof StepFailure ? { failure: e, commands } : null;
      if (shrinking) {
        // A try that fails otherwise than the failure being shrunk counts as passing.
        if (first !== null && (seen === null || !(o.sameFailure ?? sameSignature)(first, seen))) return;
        throw e;
      }
      const name = seen !== null && seen.failure.kind !== 'hang' ? o.seenBefore?.(seen) ?? null : null;
      if (name !== null) {
        cutShort.set(name, (cutShort.get(name) ?? 0) + 1);
        stats.runs += 1;
        stats.commands += seen!.failure.step + 1; // the run ended at that step (batch mode planned more: not checked)
        return;
      }
      hooks.failed?.(world, e);
      first = seen;
      shrinking = true;
      if (seen !== null && o.shrinkTimeMs !== undefined) shrinkUntil = performance.now() + o.shrinkTimeMs(seen);
      hung ||= e instanceof StepFailure && e.kind === 'hang';
      throw e;
    }
    if (shrinking) return;
    record(stats, world);
    if (world.stoppedBy != null) cutShort.set(world.stoppedBy, (cutShort.get(world.stoppedBy) ?? 0) + 1);
    guided?.passed(world);
    hooks.passed?.(world);
  });
  const plugins: fc.Plugin<[RunValue]>[] = [
    ...(o.timeLimitMs === undefined ? [] : [fc.interruptAfterTimeLimit(o.timeLimitMs, { failOnInterrupt: false }) as fc.Plugin<[RunValue]>]),
    ...(guided === null ? [] : [guided.plugin]),
  ];
  const details = fc.check(property, {
    seed: o.seed,
    numRuns: o.numRuns,
    ...(o.shrink === false ? { endOnFailure: true } : {}),
    ...(o.path === undefined ? {} : { path: o.path }),
    ...(plugins.length === 0 ? {} : { plugins }),
  });
  const outcome: RunOutcome = { ...stats, durationMs: performance.now() - started, counterexample: null, cutShort };
  if (details.failed && details.counterexample) {
    const [prefix, cmds] = (details.counterexample as unknown as [[{ op: string }[], Iterable<unknown>]])[0];
    const all = [...prefix, ...commandData<{ op: string }>(cmds)];
    const replayed = replayCommands(o.suite, o.model, o.sut, all, false);
    if (replayed.failure === null) {
      throw new Error(`The ${o.suite.name} suite failed under fast-check but its counterexample passes when replayed: the system under test is not deterministic, or a command holds state. fast-check said: ${String(details.errorInstance)}`);
    }
    hooks.shrunk?.(replayed.executed, replayed.failure);
    const budget = replayed.failure.kind === 'hang' ? 0 : o.minimizeReplays ?? 2000;
    const min = budget > 0 ? minimize({ suite: o.suite, model: o.model, sut: o.sut, commands: replayed.executed, kind: replayed.failure.kind, maxReplays: budget, ...(o.sameFailure === undefined ? {} : { sameFailure: o.sameFailure }) }) : null;
    const best = min ?? { commands: replayed.executed, failure: replayed.failure };
    outcome.counterexample = { suite: o.suite.name, commands: best.commands, failure: best.failure, seed: details.seed, path: details.counterexamplePath ?? '' };
  } else if (details.failed && !details.interrupted) { // interrupted before any run passed: no failure, just no runs
    throw new Error(`fast-check stopped the ${o.suite.name} suite without a counterexample: ${String(details.errorInstance)}`);
  }
  return outcome;
}

/** The failure of commands replayed with every check after every step (where a run's end check caught it late); null if none. */
function exactFailure(o: RunOptions, commands: readonly { op: string }[]): StepFailure | null {
  return replayCommands(o.suite, o.model, o.sut, commands, false).failure;
}

function record(stats: Omit<RunOutcome, 'durationMs' | 'counterexample' | 'cutShort'>, world: RunWorld): void {
  stats.runs += 1;
  stats.commands += world.steps;
  for (const [op, n] of world.opCounts) stats.opCounts.set(op, (stats.opCounts.get(op) ?? 0) + n);
  for (const label of world.labels) stats.labelRuns.set(label, (stats.labelRuns.get(label) ?? 0) + 1);
  for (const b of world.domainBuckets ?? []) stats.bucketRuns.set(b, (stats.bucketRuns.get(b) ?? 0) + 1);
  if (world.allocCoverage !== undefined) mergeAllocCoverage(stats.allocCoverage, world.allocCoverage);
}

/** Adds from's error-path coverage (op -> site -> times failed) into into. */
export function mergeAllocCoverage(into: Map<string, Map<string, number>>, from: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  for (const [op, sites] of from) {
    const to = into.get(op) ?? new Map<string, number>();
    into.set(op, to);
    for (const [site, n] of sites) to.set(site, (to.get(site) ?? 0) + n);
  }
}
