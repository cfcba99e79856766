/**
 * Replays a loaded counterexample file on given systems. A command the file's suite does
 * not know, or one that makes the harness itself throw, is a CounterexampleFileError
 * naming the file and the command, never a stack trace.
 */
import type { SutFactory } from '../sut/interface.ts';
import { CounterexampleFileError, type CounterexampleFile } from './counterexampleFile.ts';
import { replayCommands, type ReplayOutcome } from './replay.ts';
import { suiteByName } from './suites.ts';
import { showValue } from './values.ts';

/** Throws CounterexampleFileError for the first command whose op the suite does not know. */
function checkOps(file: string, cx: CounterexampleFile): void {
  const known = suiteByName(cx.suite)!.operations.map((o) => o.op);
  const i = cx.commands.findIndex((c) => !known.includes(c.op));
  if (i >= 0) {
    throw new CounterexampleFileError(file, `command ${i + 1} has op "${cx.commands[i]!.op}", which the ${cx.suite} suite does not know (known: ${known.join(', ')})`);
  }
}

/** Replays cx's commands on model and sut side by side (records kept for printing). */
export function replaySaved(file: string, cx: CounterexampleFile, systems: { model: SutFactory; sut: SutFactory }, keepRecords = true): ReplayOutcome<{ op: string }> {
  checkOps(file, cx);
  const suite = suiteByName(cx.suite)!;
  try {
    return replayCommands(suite, systems.model, systems.sut, cx.commands, keepRecords);
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const shown = cx.commands.map((c) => showValue(c)).join(', ');
    throw new CounterexampleFileError(file, `cannot be replayed: its commands make the harness throw (${why}); commands: ${shown.slice(0, 300)}`);
  }
}
