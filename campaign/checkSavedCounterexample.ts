/**
 * What `npm test` asks of every file in shrinks/: one recorded against a fault still
 * fails that way with the fault on and passes with it off; one recorded with no fault
 * passes (the bug was fixed; the file stays as a regression test).
 */
import { CounterexampleFileError, loadCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { replaySaved } from '../properties/replaySaved.ts';
import type { StepFailure } from '../properties/stepFailure.ts';
import { builtinSystems, recordedSystem, systemFlag, UnknownFaultError, type Systems } from './systems.ts';

/** The systems for a fault, an unknown fault being a problem of the file. */
function systemsOf(file: string, fault: string | null): Systems {
  try {
    return builtinSystems(fault);
  } catch (e) {
    if (e instanceof UnknownFaultError) throw new CounterexampleFileError(file, `has ${e.message}`);
    throw e;
  }
}

const where = (f: StepFailure) => `step ${f.step + 1} ${f.call}: ${f.kind}: ${f.detail.split('\n')[0]}`;

/** Replays on systems; the failure, or null when it passes. */
function run(file: string, cx: CounterexampleFile, systems: Systems): StepFailure | null {
  return replaySaved(file, cx, { model: systems.reference, sut: systems.sut }, false).failure;
}

/**
 * Checks one saved counterexample; returns a one-line summary of what held, throws an
 * Error whose message names the file and what no longer holds.
 */
export function checkSavedCounterexample(file: string): string {
  const cx = loadCounterexample(file);
  const system = recordedSystem(cx);
  if (system.kind !== 'impl') {
    throw new Error(`${file}: recorded against ${cx.sut}, not the built-in implementation: keep a port's findings outside shrinks/ and replay them with daxcheck replay ${file}${systemFlag(system)}`);
  }
  const off = systemsOf(file, null);
  if (cx.fault === null) {
    const failure = run(file, cx, off);
    if (failure !== null) throw new Error(`${file}: fails on the correct implementation (recorded with no fault): ${where(failure)}`);
    return `${cx.commands.length} commands pass on ${off.sut.name}`;
  }
  const on = systemsOf(file, cx.fault);
  const failure = run(file, cx, on);
  if (failure === null) throw new Error(`${file}: passes with ${cx.fault} on: the ${cx.suite} suite no longer catches this fault with these commands`);
  if (failure.kind !== cx.broke.kind) {
    throw new Error(`${file}: with ${cx.fault} on it fails as ${failure.kind}, not as recorded (${cx.broke.kind}): ${where(failure)}`);
  }
  const fixed = run(file, cx, off);
  if (fixed !== null) throw new Error(`${file}: also fails with ${cx.fault} off (correct implementation against the model): ${where(fixed)}`);
  return `${cx.commands.length} commands: ${failure.kind} at step ${failure.step + 1} with ${cx.fault} on, pass with it off`;
}
