/**
 * What `daxcheck hunt` prints at the end: one line per suite with the figures the reports
 * show (commands per second per worker and worker time, as in run.json and index.html),
 * the totals, a replay hint that reproduces (with --sut for a port), and the reports.
 */
import { systemFlag } from '../../campaign/systems.ts';
import { runTotals, type RunSummary } from '../../reporting/runSummary.ts';
import type { HuntOptions } from './options.ts';

/** A path as one shell word: quoted when it holds anything but plain path characters. */
export function shellWord(text: string): string {
  return /^[\w./:@%+,=-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Prints the summary lines; searchMs is the wall time since the budget started. */
export function printSummary(summary: RunSummary, written: string[], o: HuntOptions, searchMs: number): void {
  for (const e of summary.entries) {
    console.log(`${e.passed ? 'ok  ' : 'FAIL'} ${e.name} (${e.sut}): ${e.message}; ${e.commandsPerSecond} commands/s per worker, ${(e.durationMs / 1000).toFixed(1)} s worker time`);
  }
  const t = runTotals(summary.entries);
  console.log(`${t.commands} commands, ${t.commandsPerSecond} commands/s per worker over ${(t.durationMs / 1000).toFixed(1)} s worker time (${o.workers} worker${o.workers === 1 ? '' : 's'}, ${(searchMs / 1000).toFixed(1)} s of search${summary.interrupted ? ', interrupted' : ''})`);
  const ids = t.counterexamples;
  if (ids.length > 0) {
    const sut = o.system.kind === 'module' ? systemFlag({ kind: 'module', path: shellWord(o.system.path) }) : systemFlag(o.system);
    console.log(`counterexamples in ${o.outDir}/: ${ids.join(', ')} (replay one: daxcheck replay ${shellWord(`${o.outDir}/${ids[0]}.json`)}${sut})`);
  }
  for (const line of noRunLines(summary)) console.log(line);
  if (written.length > 0) console.log(`reports: ${written.join(', ')}`);
}

/**
 * Advice for suites that completed no run: one that found something stopped at it (a
 * hang costs --command-timeout-ms each time; more time only finds it again), one that
 * found nothing needs more time or shorter runs.
 */
export function noRunLines(summary: RunSummary): string[] {
  const empty = summary.entries.filter((e) => e.runs === 0);
  const stopped = empty.filter((e) => e.counterexamples.length > 0).map((e) => e.name);
  const idle = empty.filter((e) => e.counterexamples.length === 0).map((e) => e.name);
  return [
    ...(stopped.length === 0 ? [] : [`no run completed for ${stopped.join(', ')}: every run stopped at the failure saved above (a hang costs --command-timeout-ms each time); replay it and fix it, a longer --seconds only finds it again`]),
    ...(idle.length === 0 ? [] : [`no run completed for ${idle.join(', ')}: nothing was checked (a longer --seconds, or fewer --max-commands)`]),
  ];
}
