/**
 * The run.json entry of one saved counterexample (shrinks/*.json), judged by
 * checkSavedCounterexample as shrinks/README.md says: a file with a fault still fails
 * with it on and passes with it off; a file without one passes.
 */
import { isFaultName } from '../impl/faults.ts';
import { createImplFactory, implFactory } from '../impl/index.ts';
import { checkSavedCounterexample } from '../properties/checkSavedCounterexample.ts';
import { loadCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { commandsPerSecond, type SuiteRunSummary } from './runSummary.ts';

/** Replays file and judges it; never throws for a bad file (that is a failed entry naming it). */
export function replayEntry(file: string): SuiteRunSummary {
  const started = performance.now();
  let cx: CounterexampleFile | null = null;
  let passed = true;
  let message: string;
  try {
    cx = loadCounterexample(file);
    message = checkSavedCounterexample(file);
  } catch (e) {
    passed = false;
    message = e instanceof Error ? e.message : String(e);
  }
  const durationMs = performance.now() - started;
  const fault = cx?.fault ?? null;
  const commands = cx?.commands ?? [];
  const opCounts: Record<string, number> = {};
  for (const c of commands) opCounts[c.op] = (opCounts[c.op] ?? 0) + 1;
  return {
    name: `replay ${cx?.id ?? file}`,
    kind: 'replay',
    // An unreadable file has no suite: it is filed under "dax", the suite of most files.
    suite: cx?.suite ?? 'dax',
    sut: fault !== null && isFaultName(fault) ? createImplFactory([fault]).name : implFactory.name,
    fault,
    expectFailure: false,
    seeds: cx ? [cx.seed] : [],
    runs: cx ? 1 : 0,
    commands: commands.length,
    opCounts,
    labels: [],
    counterexamples: cx ? [cx.id] : [],
    durationMs: Math.round(durationMs),
    commandsPerSecond: commandsPerSecond(commands.length, durationMs),
    passed,
    message,
    file,
  };
}
