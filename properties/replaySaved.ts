/**
 * Replays a loaded counterexample file on given systems. A command the file's suite does
 * not know, or one that makes the harness itself throw, is a CounterexampleFileError
 * naming the file and the command, never a stack trace.
 */
import type { SutFactory } from '../sut/interface.ts';
import { commandFieldProblem } from './commandFields.ts';
import { CounterexampleFileError, type CounterexampleFile } from './counterexampleFile.ts';
import { replayCommands, type ReplayOutcome } from './replay.ts';
import { suiteByName } from './suites.ts';
import { showValue } from './values.ts';

/**
 * Throws CounterexampleFileError for the first command whose op the suite does not know,
 * or whose fields are not what that operation's generators make (commandFields.ts).
 */
export function checkCommands(file: string, cx: CounterexampleFile): void {
  const operations = suiteByName(cx.suite)!.operations;
  const known = operations.map((o) => o.op);
  for (const [i, c] of cx.commands.entries()) {
    const op = operations.find((o) => o.op === c.op);
    if (op === undefined) throw new CounterexampleFileError(file, `command ${i + 1} has op "${c.op}", which the ${cx.suite} suite does not know (known: ${known.join(', ')})`);
    const problem = commandFieldProblem(op, c as unknown as Record<string, unknown>);
    if (problem !== null) throw new CounterexampleFileError(file, `command ${i + 1} (${c.op}) ${problem}`);
  }
}

/** Replays cx's commands on model and sut side by side (records kept for printing). */
export function replaySaved(file: string, cx: CounterexampleFile, systems: { model: SutFactory; sut: SutFactory }, keepRecords = true): ReplayOutcome<{ op: string }> {
  checkCommands(file, cx);
  const suite = suiteByName(cx.suite)!;
  try {
    return replayCommands(suite, systems.model, systems.sut, cx.commands, keepRecords);
  } catch (e) {
    const why = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const shown = cx.commands.map((c) => showValue(c)).join(', ');
    throw new CounterexampleFileError(file, `cannot be replayed: its commands make the harness throw (${why}); commands: ${shown.slice(0, 300)}`);
  }
}
