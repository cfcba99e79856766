/**
 * `daxcheck hunt`: a random search for a time budget. Worker threads walk disjoint seed
 * streams (seedStream.ts), run the suites batch after batch against the system under test,
 * and save each counterexample the moment it is shrunk. At the end (the budget, Ctrl-C,
 * or every worker gone) the reports are written. Exit 0: nothing failed; 1: something
 * did; 2: a usage error.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { huntEvents } from '../../campaign/hunt/events.ts';
import { HuntPool } from '../../campaign/hunt/pool.ts';
import { HuntTally } from '../../campaign/hunt/tally.ts';
import { writeRunReports } from '../../campaign/reports.ts';
import { systemFlag, systemsFor } from '../../campaign/systems.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../../campaign/usageError.ts';
import { machineInfo, RUN_SUMMARY_FORMAT, type RunSummary } from '../../reporting/runSummary.ts';
import { Progress } from '../progress.ts';
import { parseHuntOptions, type HuntOptions } from './options.ts';

/** Runs `daxcheck hunt` with argv (the arguments after "hunt"); returns the exit code. */
export async function huntCommand(argv: string[]): Promise<number> {
  const o = parseHuntOptions(argv);
  const sutName = await checkSut(o);
  writableDir(o.outDir, '--out');
  writableDir(o.reportsDir, '--reports');
  const startedAt = new Date();
  const deadline = startedAt.getTime() + o.seconds * 1000;
  const tally = new HuntTally(o.targets, sutName);
  const progress = new Progress(process.stderr);
  const { targets, seed: base, shard, workers, system, maxCommands, batchRuns, outDir, commandTimeoutMs } = o;
  const pool = new HuntPool(
    { data: { workers, shard, base, targets, system, maxCommands, batchRuns, outDir, deadline, commandTimeoutMs }, commandTimeoutMs },
    huntEvents(o, tally, progress, startedAt.getTime()),
  );
  await runPool(pool, o, deadline, () => {
    const t = tally.totals();
    progress.update({ elapsedMs: Date.now() - startedAt.getTime(), budgetMs: o.seconds * 1000, runs: t.runs, commands: t.commands, failures: t.failures, workers: pool.running() });
  }, progress);
  progress.finish();
  const summary = runSummary(o, startedAt, tally);
  const written = await writeRunReports(summary, o.reportsDir, { foundDirs: [o.outDir], shrinksDir: null });
  if (o.json) console.log(JSON.stringify(summary, null, 2));
  else printSummary(summary, written, o, Date.now() - startedAt.getTime());
  return tally.failed() ? EXIT_FAILED : EXIT_OK;
}

/** Loads and checks the system under test (UsageError when it cannot be used); its name. */
async function checkSut(o: HuntOptions): Promise<string> {
  const where = `daxcheck hunt:${systemFlag(o.system)}`;
  const systems = await systemsFor(o.system, o.targets[0]!.fault, [...new Set(o.targets.map((t) => t.suite))], where, { commandTimeoutMs: o.commandTimeoutMs });
  systems.close();
  return o.system.kind === 'impl' ? 'impl' : systems.name;
}

/** Creates dir when missing; UsageError when it cannot be written (better now than after the budget). */
function writableDir(dir: string, flag: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`daxcheck hunt: ${flag} ${dir}: cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * Starts the pool and waits until it is done: the budget asks workers to stop after their
 * batch; Ctrl-C (or SIGTERM) too, and stops them outright 3 s later or at a second
 * Ctrl-C; workers still running well after the budget are stopped.
 */
async function runPool(pool: HuntPool, o: HuntOptions, deadline: number, update: () => void, progress: Progress): Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) {
      void pool.kill();
      return;
    }
    interrupted = true;
    progress.log(`${signal}: finishing the current batches and writing the reports (again to stop at once)`);
    pool.stop();
    timers.push(setTimeout(() => void pool.kill(), 3000));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  pool.start();
  update();
  timers.push(setInterval(update, process.stderr.isTTY ? 250 : 1000));
  timers.push(setTimeout(() => pool.stop(), Math.max(0, deadline - Date.now())));
  timers.push(setTimeout(() => {
    progress.log('some workers did not stop after the budget: stopping them');
    void pool.kill();
  }, Math.max(0, deadline - Date.now()) + o.commandTimeoutMs + 5000));
  await pool.done;
  for (const t of timers) clearTimeout(t);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  update();
}

function runSummary(o: HuntOptions, startedAt: Date, tally: HuntTally): RunSummary {
  return {
    format: RUN_SUMMARY_FORMAT,
    tool: 'daxcheck',
    command: 'hunt',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine: machineInfo(),
    shard: o.shardText,
    entries: tally.entries(),
  };
}

function printSummary(summary: RunSummary, written: string[], o: HuntOptions, wallMs: number): void {
  const { outDir } = o;
  const commands = summary.entries.reduce((n, e) => n + e.commands, 0);
  for (const e of summary.entries) console.log(`${e.passed ? 'ok  ' : 'FAIL'} ${e.name} (${e.sut}): ${e.message}`);
  console.log(`${commands} commands in ${(wallMs / 1000).toFixed(1)} s (${Math.round((commands / Math.max(wallMs, 1)) * 1000)} commands/s over all workers)`);
  const ids = summary.entries.flatMap((e) => e.counterexamples);
  if (ids.length > 0) console.log(`counterexamples in ${outDir}/: ${ids.join(', ')} (replay one: daxcheck replay ${outDir}/${ids[0]}.json${systemFlag(o.system)})`);
  console.log(`reports: ${written.join(', ')}`);
}
