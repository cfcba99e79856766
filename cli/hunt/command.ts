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
import { HuntTally } from '../../campaign/hunt/tally.ts';
import { exitCodeAfterClassifying } from '../../campaign/knownFindings.ts';
import { prepareDir, writableDir } from '../../campaign/outputDir.ts';
import { reapPorts } from '../../campaign/process/portReaper.ts';
import { writeRunReports } from '../../campaign/reports.ts';
import { systemFlag, systemsFor } from '../../campaign/systems.ts';
import { EXIT_OK, EXIT_USAGE } from '../../campaign/usageError.ts';
import { daxcheckVersion, machineInfo, RUN_SUMMARY_FORMAT, type RunSummary } from '../../reporting/runSummary.ts';
import { Progress } from '../progress.ts';
import { parseHuntOptions, type HuntOptions } from './options.ts';
import { printSummary } from './summaryLines.ts';

/** How long port processes still running at the end get between SIGTERM and SIGKILL. */
const PORT_GRACE_MS = 500;

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
  const interrupted = await runPool(pool, () => progress.update(figures(pool.running())), progress);
  await reapPorts(PORT_GRACE_MS); // every port process and its children, whatever ended the hunt
  progress.finish(figures(workers)); // the workers the hunt ran, not the none left running
  let summary = runSummary(o, startedAt, tally, interrupted);
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

/**
 * Starts the pool and waits until it is done: the pool stops its workers at the end of
 * the budget; Ctrl-C (or SIGTERM) asks them to finish their current batches (bounded
 * in time: pool.interrupt), a second Ctrl-C stops them at once. True when interrupted.
 */
async function runPool(pool: HuntPool, update: () => void, progress: Progress): Promise<boolean> {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      progress.log(`${signal} again: stopping the workers now (their current batches are lost)`);
      void pool.kill();
      return;
    }
    interrupted = true;
    const bound = pool.interrupt();
    progress.log(`${signal}: finishing the current batches (at most ${bound / 1000} s) and writing the reports (again to stop at once)`);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  pool.start();
  update();
  const ticker = setInterval(update, process.stderr.isTTY ? 250 : 1000);
  await pool.done;
  clearInterval(ticker);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  return interrupted;
}

function runSummary(o: HuntOptions, startedAt: Date, tally: HuntTally, interrupted: boolean): RunSummary {
  return {
    format: RUN_SUMMARY_FORMAT,
    tool: 'daxcheck',
    version: daxcheckVersion(),
    command: 'hunt',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineInfo(),
    shard: o.shardText,
    interrupted,
    findingsDir: relative(resolve(o.reportsDir), resolve(o.outDir)) || '.',
    entries: tally.entries(),
  };
}
