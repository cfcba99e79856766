/**
 * `daxcheck hunt`: a random search for a time budget. Worker threads walk disjoint seed
 * streams (seedStream.ts), run the suites batch after batch against the system under test,
 * and the main thread saves each counterexample the moment a worker reports it. The
 * budget starts once the workers are ready. At the end (the budget, Ctrl-C, or every
 * worker gone) the reports are written. Exit codes: HuntTally.exitCode.
 */
import { relative, resolve } from 'node:path';
import { huntEvents } from '../../campaign/hunt/events.ts';
import { HuntPool } from '../../campaign/hunt/pool.ts';
import { runPool } from '../../campaign/hunt/runPool.ts';
import { HuntTally } from '../../campaign/hunt/tally.ts';
import { exitCodeAfterClassifying } from '../../campaign/knownFindings.ts';
import { prepareDir, writableDir } from '../../campaign/outputDir.ts';
import { writeRunReports } from '../../campaign/reports.ts';
import { systemFlag, systemsFor } from '../../campaign/systems.ts';
import { EXIT_OK, EXIT_USAGE } from '../../campaign/usageError.ts';
import { runSummary, type RunSummary } from '../../reporting/runSummary.ts';
import { Progress } from '../progress.ts';
import { parseHuntOptions, type HuntOptions } from './options.ts';
import { printSummary } from './summaryLines.ts';

/** What a caller adds to a hunt: `classify` rewrites the summary (known findings) before the reports, the lines and the exit code. */
export interface HuntHooks {
  classify?: (summary: RunSummary, outDir: string) => RunSummary;
}

/** Runs `daxcheck hunt` with argv (the arguments after "hunt"); returns the exit code. */
export async function huntCommand(argv: string[], hooks: HuntHooks = {}): Promise<number> {
  const o = parseHuntOptions(argv);
  if (o.note !== null) console.error(o.note);
  const sutName = await checkSut(o);
  writableDir('daxcheck hunt', '--out', o.outDir);
  writableDir('daxcheck hunt', '--reports', o.reportsDir);
  const startedAt = new Date();
  const tally = new HuntTally(o.targets, sutName);
  const progress = new Progress(process.stderr);
  let searchStart: number | null = null;
  const elapsedMs = () => (searchStart === null ? 0 : Date.now() - searchStart);
  const { targets, seed: base, shard, workers, system, maxCommands, batchRuns, commandTimeoutMs, guided, failNth, avoidKnown } = o;
  const pool = new HuntPool({ data: { workers, shard, base, targets, system, maxCommands, batchRuns, commandTimeoutMs, guided, failNth, avoidKnown }, commandTimeoutMs, budgetMs: o.seconds * 1000 }, {
    ...huntEvents(o, tally, { log: (line) => progress.log(line), elapsedMs }),
    started: () => {
      searchStart = Date.now();
      progress.log(`${pool.running()} worker${pool.running() === 1 ? '' : 's'} ready after ${((searchStart - startedAt.getTime()) / 1000).toFixed(1)} s: the ${o.seconds} s budget starts now`);
    },
    overdue: (ms) => progress.log(`some workers did not stop within ${ms / 1000} s of being asked to: stopping them (their current batches are lost)`),
  });
  const figures = (running: number) => {
    const t = tally.totals();
    return { elapsedMs: elapsedMs(), budgetMs: o.seconds * 1000, runs: t.runs, commands: t.commands, failures: t.failures, workers: running };
  };
  const interrupted = await runPool(pool, {
    update: () => progress.update(figures(pool.running())),
    log: (line) => progress.log(line),
    tickMs: process.stderr.isTTY ? 250 : 1000,
  });
  progress.finish(figures(workers)); // the workers the hunt ran, not the none left running
  let summary = runSummary({
    command: 'hunt', startedAt: startedAt.toISOString(), shard: o.shardText, interrupted,
    findingsDir: relative(resolve(o.reportsDir), resolve(o.outDir)) || '.', entries: tally.entries(),
  });
  let code = tally.exitCode(interrupted);
  if (hooks.classify !== undefined) {
    summary = hooks.classify(summary, o.outDir);
    code = exitCodeAfterClassifying(code, summary, interrupted);
  }
  let written: string[];
  try {
    const why = prepareDir(o.reportsDir);
    if (why !== null) throw new Error(why);
    written = await writeRunReports(summary, o.reportsDir, { foundDirs: [o.outDir], shrinksDir: null });
  } catch (e) {
    if (o.json) console.log(JSON.stringify(summary, null, 2));
    else printSummary(summary, [], o, elapsedMs());
    console.error(`daxcheck hunt: --reports ${o.reportsDir}: the reports could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the summary is above`);
    return code === EXIT_OK ? EXIT_USAGE : code;
  }
  if (o.json) console.log(JSON.stringify(summary, null, 2));
  else printSummary(summary, written, o, elapsedMs());
  return code;
}

/** Loads and checks the system under test (UsageError when it cannot be used); its name. */
async function checkSut(o: HuntOptions): Promise<string> {
  const where = `daxcheck hunt:${systemFlag(o.system)}`;
  const systems = await systemsFor(o.system, o.targets[0]!.fault, [...new Set(o.targets.map((t) => t.suite))], where, { commandTimeoutMs: o.commandTimeoutMs });
  systems.close();
  return o.system.kind === 'impl' ? 'impl' : systems.name;
}
