/**
 * The run.json entry of one saved counterexample (shrinks/*.json), judged by
 * checkSavedCounterexample as shrinks/README.md says: a file with a fault still fails
 * with it on and passes with it off; a file without one passes.
 */
import { loadCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { runEntry, type SuiteRunSummary } from '../reporting/runSummary.ts';
import { checkSavedCounterexample } from './checkSavedCounterexample.ts';

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
  const opCounts = new Map<string, number>();
  for (const c of commands) opCounts.set(c.op, (opCounts.get(c.op) ?? 0) + 1);
  return runEntry({
    name: `replay ${file}`,
    kind: 'replay',
    // An unreadable file has no suite: it is filed under "dax", the suite of most files.
    suite: cx?.suite ?? 'dax',
    sut: cx?.sut ?? 'impl',
    fault,
    expectFailure: false,
    seeds: cx ? [cx.seed] : [],
    runs: cx ? 1 : 0,
    commands: commands.length,
    opCounts,
    labels: [],
    counterexamples: cx ? [cx.id] : [],
    durationMs,
    passed,
    message,
    file,
  });
}
