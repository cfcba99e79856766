/**
 * The hunt of one mutant, run as a child process inside the mutant's sandbox (sandbox.ts),
 * so that its imports of impl/ are the mutated copy: one worker, seeds 1, 2, … in
 * sequence, each seed one batch of the tree suite then one of the DAX suite (runSuite
 * with the hunt's run length, batch size and big-run share) against the model, until a
 * counterexample or the budget. With `--guided`, guided generation (properties/guided/),
 * one corpus per suite kept across the seeds, as a `hunt --guided` worker does. Prints `found SECONDS` the moment a run fails (so the
 * parent knows a kill even if shrinking outlives it), then one JSON line: HuntResult.
 * With `--port BINARY` (a C-port mutant, cPortMutants.ts) the system under test is that
 * port process, set up as `daxcheck hunt --sut-exec BINARY` sets it up.
 *
 *   node --import tsx bench/mutants/huntOne.ts BUDGET_MS [--guided] [--port BINARY]
 */
import { Corpus } from '../../properties/guided/corpus.ts';
import type { Systems } from '../../campaign/systems.ts';
import { implFactory } from '../../impl/index.ts';
import type { SutFactory } from '../../sut/interface.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { HUNT_BIG_RUN_PERCENT, HUNT_MAX_COMMANDS } from '../../properties/profiles.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { StepFailure } from '../../properties/stepFailure.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';

/** Runs per seed and suite: the hunt's default batch (`--batch-runs`). */
export const HUNT_BATCH_RUNS = 20;

/** What the hunt of one mutant found; `null`s when it survived. */
export interface HuntResult {
  killed: boolean;
  /** Seconds from the start of the hunt to the first failing run (the kill), or the seconds hunted. */
  seconds: number;
  /** Seconds until the counterexample was shrunk and minimized. */
  secondsWithShrink: number | null;
  suite: 'tree' | 'dax' | null;
  seed: number | null;
  /** Generated runs and commands that passed before the kill (or in the whole hunt). */
  runs: number;
  commands: number;
  /** Kind of the first failing step: what caught the mutant ('self-check': impl/selfCheck.ts). */
  caughtBy: string | null;
  /** Kind and length of the shrunk, minimized counterexample. */
  kind: string | null;
  shrunkLength: number | null;
  /** The failing call of the shrunk counterexample, as printed. */
  call: string | null;
}

/** Hunts the implementation this module's impl/ is until a counterexample or budgetMs. */
export function huntMutant(budgetMs: number, onFound: (seconds: number) => void = () => undefined, guided = false, sut: SutFactory = implFactory): HuntResult {
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const deadline = started + budgetMs;
  let runs = 0;
  let commands = 0;
  let caughtAt: number | null = null;
  let caughtBy: string | null = null;
  const hooks = {
    failed: (_w: unknown, e: unknown) => {
      caughtAt = elapsed();
      caughtBy = e instanceof StepFailure ? e.kind : 'error';
      onFound(caughtAt);
    },
  };
  const corpora = new Map([treeSuite, daxSuite].map((s) => [s.name, new Corpus()]));
  for (let seed = 1; ; seed++) {
    for (const suite of [treeSuite, daxSuite]) {
      const remaining = deadline - performance.now();
      if (remaining <= 0) return { killed: false, seconds: elapsed(), secondsWithShrink: null, suite: null, seed: null, runs, commands, caughtBy: null, kind: null, shrunkLength: null, call: null };
      const out = runSuite({ suite, model: modelFactory, sut, seed, numRuns: HUNT_BATCH_RUNS, maxCommands: HUNT_MAX_COMMANDS, timeLimitMs: remaining, bigRunPercent: HUNT_BIG_RUN_PERCENT, hooks, ...(guided ? { guided: { corpus: corpora.get(suite.name)! } } : {}) });
      runs += out.runs;
      commands += out.commands;
      const cx = out.counterexample;
      if (cx !== null) {
        const f = cx.failure;
        return { killed: true, seconds: caughtAt ?? elapsed(), secondsWithShrink: elapsed(), suite: suite.name as 'tree' | 'dax', seed, runs, commands, caughtBy, kind: f.kind, shrunkLength: cx.commands.length, call: f.call };
      }
    }
  }
}

/**
 * The system a `--port BINARY` hunt runs against: the process as `daxcheck hunt
 * --sut-exec BINARY` has it (imported here only: an impl/ mutant's sandbox has no campaign/).
 */
async function portSystems(binary: string): Promise<Systems> {
  const { systemsNow } = await import('../../campaign/systems.ts');
  return systemsNow({ kind: 'exec', command: [binary] }, null, ['tree', 'dax'], 'huntOne --port');
}

if (process.argv[1]?.endsWith('huntOne.ts')) {
  const budgetMs = Number(process.argv[2] ?? 20_000);
  const at = process.argv.indexOf('--port');
  const port = at < 0 ? null : await portSystems(process.argv[at + 1]!);
  try {
    const result = huntMutant(budgetMs, (s) => console.log(`found ${s}`), process.argv.includes('--guided'), port?.sut ?? implFactory);
    console.log(JSON.stringify(result));
  } finally {
    port?.close();
  }
}
