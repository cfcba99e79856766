/**
 * A run whose worker stopped inside the system under test: a hang (no return from one
 * call within --command-timeout-ms, so the worker was stopped) or a crash (the thread
 * died in the call). The counterexample holds the commands the run had sent to the
 * system under test, the last one being the call it stopped in; the call is printed the
 * way the suite prints it, found by replaying the commands before it on the reference.
 */
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';
import { counterexampleRecord } from '../../properties/counterexampleRecord.ts';
import { StepFailure, type FailureKind } from '../../properties/stepFailure.ts';
import { SuiteCommand } from '../../properties/suiteCommand.ts';
import type { AnySuite } from '../../properties/suiteSpec.ts';
import type { SystemSpec } from '../../properties/systemSpec.ts';
import { World } from '../../properties/world.ts';
import type { SutFactory } from '../../sut/interface.ts';
import type { WatchReading } from './sutWatch.ts';

export interface StoppedRunContext {
  suite: AnySuite;
  reference: SutFactory;
  fault: string | null;
  sut: string;
  system: SystemSpec;
}

/**
 * The counterexample file of the run a stopped worker's watch shows: kind 'hang', or
 * 'sut-threw' for a crash; `what` says what happened, e.g. "no answer within 5000 ms".
 */
export function stoppedRunFile(o: StoppedRunContext, reading: WatchReading, kind: FailureKind, what: string): CounterexampleFile {
  const { commands } = reading;
  const creating = reading.phase === 'create' || commands.length === 0;
  const step = creating ? 0 : commands.length - 1;
  const call = creating ? 'creating the system' : describeLast(o.suite, o.reference, commands);
  const where = reading.phase === 'observe' ? 'in observe() after the call' : creating ? 'while creating the system' : 'in the call';
  const truncated = reading.truncated ? ' (the command log was full: later commands are missing)' : '';
  const failure = new StepFailure(kind, step, call, `${what} ${where}${truncated}`);
  return counterexampleRecord({ suite: o.suite.name, sut: o.sut, system: o.system, fault: o.fault, commands, failure, seed: reading.seed, path: '' });
}

/** The last command as the suite prints its call, in the state the commands before it leave. */
function describeLast(suite: AnySuite, reference: SutFactory, commands: { op: string }[]): string {
  const last = commands[commands.length - 1]!;
  try {
    const world = new World(suite, reference, reference);
    for (const cmd of commands.slice(0, -1)) world.step(cmd);
    const call = suite.resolve(last, world.modelSnap);
    if (call !== null) return suite.show(call);
  } catch {
    // the reference disagreed with itself: fall back to the command's data
  }
  return new SuiteCommand(last).toString();
}
