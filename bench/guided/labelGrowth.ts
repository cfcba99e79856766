/**
 * Label coverage growth with and without guided generation: a suite hunted as a hunt
 * worker does (batches of the hunt's size on consecutive seeds, the hunt's run length and
 * big-run share; guided: one corpus across the batches) for a fixed number of runs, and
 * when each of the suite's labels (its coverage labels and its big runs') was first
 * reached. Counted in runs and commands, which do not depend on the machine's load.
 */
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { Corpus } from '../../properties/guided/corpus.ts';
import { featuresOf } from '../../properties/guided/features.ts';
import { HUNT_BIG_RUN_PERCENT, HUNT_MAX_COMMANDS } from '../../properties/profiles.ts';
import type { RunWorld } from '../../properties/runHooks.ts';
import { runSuite } from '../../properties/runSuite.ts';
import type { AnySuite } from '../../properties/suiteSpec.ts';

/** Runs per batch, as a hunt's default --batch-runs. */
const BATCH_RUNS = 20;

/** What one seed stream of one suite reached in `runs` runs. */
export interface Growth {
  suite: string;
  guided: boolean;
  baseSeed: number;
  runs: number;
  commands: number;
  seconds: number;
  /** The suite's labels (coverage and big-run coverage), and how many the runs reached. */
  labels: number;
  labelsReached: number;
  /** 1-based run (and commands so far) at which the last label was first reached; null: not all reached. */
  runsToAllLabels: number | null;
  commandsToAllLabels: number | null;
  /** Distinct sets of labels a run reached, and distinct features (labels, hit buckets, outcomes) reached. */
  distinctLabelSets: number;
  features: number;
}

/** Hunts suite for `runs` runs from baseSeed on, guided or not, and measures its label coverage growth. */
export function labelGrowth(suite: AnySuite, guided: boolean, baseSeed: number, runs: number): Growth {
  const wanted = new Set([...Object.keys(suite.coverage), ...Object.keys(suite.bigRuns?.coverage ?? {})]);
  const reached = new Set<string>();
  const sets = new Set<string>();
  const features = new Set<string>();
  let done = 0;
  let commands = 0;
  let all: { runs: number; commands: number } | null = null;
  const passed = (w: RunWorld) => {
    done += 1;
    commands += w.steps;
    sets.add([...w.labels].sort().join('|'));
    for (const f of featuresOf(w)) features.add(f);
    for (const l of w.labels) if (wanted.has(l)) reached.add(l);
    if (all === null && reached.size === wanted.size) all = { runs: done, commands };
  };
  const corpus = new Corpus();
  const started = performance.now();
  for (let seed = baseSeed; done < runs; seed++) {
    const out = runSuite({ suite, model: modelFactory, sut: implFactory, seed, numRuns: Math.min(BATCH_RUNS, runs - done), maxCommands: HUNT_MAX_COMMANDS, bigRunPercent: HUNT_BIG_RUN_PERCENT, hooks: { passed }, ...(guided ? { guided: { corpus } } : {}) });
    if (out.counterexample !== null) throw new Error(`labelGrowth: the ${suite.name} suite failed on seed ${seed}: ${out.counterexample.failure.message}`);
  }
  const a = all as { runs: number; commands: number } | null;
  return {
    suite: suite.name, guided, baseSeed, runs: done, commands, seconds: (performance.now() - started) / 1000,
    labels: wanted.size, labelsReached: reached.size, runsToAllLabels: a?.runs ?? null, commandsToAllLabels: a?.commands ?? null,
    distinctLabelSets: sets.size, features: features.size,
  };
}
