/**
 * Guided generation for runSuite (`guided` of RunOptions): a share of the runs is not
 * drawn from the suite's generators but made by mutating the runs of a corpus
 * (corpus.ts, mutate.ts), and every passing run is offered to the corpus with the
 * features it reached (features.ts, recordingWorld.ts).
 *
 * It sits in fast-check's plugin hook `decorateGenerate` (fast-check ≥ 4.10): fast-check
 * generates each run lazily, after the previous one ran, so the corpus a run is mutated
 * from holds exactly the runs that passed before it. Whether run i is a mutant is a hash
 * of (seed, i), not a draw from the run's Random, so the runs that are not mutants are
 * exactly the unguided runs of the same seed. Given the seed and the corpus it starts
 * with, a batch is replayable. A mutant carries no fast-check shrink context (fast-check
 * does not shrink it); runSuite replays and minimizes every counterexample anyway.
 */
import fc from 'fast-check';
import type { RunValue } from '../runArbitrary.ts';
import type { RunWorld } from '../runHooks.ts';
import { SuiteCommand } from '../suiteCommand.ts';
import type { AnySuite } from '../suiteSpec.ts';
import { Corpus } from './corpus.ts';
import { mutateRun, suiteMutator, type Mutator } from './mutate.ts';
import { RecordingWorld } from './recordingWorld.ts';

export interface GuidedOptions {
  /** The corpus to mutate and grow; a hunt passes the same one to every batch of a target. Default: a fresh one. */
  corpus?: Corpus;
  /** Percent of runs made by mutating the corpus once it holds a run (default 50). */
  percent?: number;
}

/** What runSuite uses: the plugin, the world wrapper, and what to do with a passing run. */
export interface Guidance {
  corpus: Corpus;
  plugin: fc.Plugin<[RunValue]>;
  wrap(world: RunWorld): RecordingWorld;
  passed(world: RunWorld): void;
}

export const DEFAULT_GUIDED_PERCENT = 50;

/** Whether run runId of seed is a corpus mutant: a 32-bit mix of both, below percent of 100. */
export function isMutantRun(seed: number, runId: number, percent: number): boolean {
  let h = (seed ^ Math.imul(runId + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h = (h ^ (h >>> 16)) >>> 0;
  return h % 100 < percent;
}

/** The guidance of one runSuite call of suite. */
export function guidance(suite: AnySuite, o: GuidedOptions, seed: number, maxCommands: number, bigPercent: number): Guidance {
  const corpus = o.corpus ?? new Corpus();
  const percent = o.percent ?? DEFAULT_GUIDED_PERCENT;
  const big = bigPercent > 0 ? suite.bigRuns : undefined;
  const arbs = big === undefined ? [suite.command()] : [suite.command(), big.command()];
  const mutator: Mutator = suiteMutator(suite.operations, arbs, Math.max(maxCommands, big?.maxCommands ?? 0));
  const plugin: fc.Plugin<[RunValue]> = () => ({
    decorateGenerate: (nested) => (mrng, runId) => {
      if (runId === undefined || corpus.entries.length === 0 || !isMutantRun(seed, runId, percent)) return nested(mrng, runId);
      const run = mutateRun(corpus.entries, mutator, mrng).map((d) => new SuiteCommand(d));
      return new fc.Value<[RunValue]>([[[], run]], undefined);
    },
  });
  return {
    corpus,
    plugin,
    wrap: (world) => new RecordingWorld(world),
    passed: (world) => {
      if (world instanceof RecordingWorld) corpus.offer(world.commands, world.firstStep);
    },
  };
}
