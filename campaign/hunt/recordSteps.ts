/**
 * The failing steps of a counterexample, recorded where it was found: its commands
 * replayed once more on the worker's own systems (a port process already running, its
 * delivery still pinned), keeping both results and both snapshots after every step.
 * The record travels with the finding into its file, and the report draws it without
 * starting the system again (campaign/drawnCounterexamples.ts).
 */
import { replayCommands } from '../../properties/replay.ts';
import type { Counterexample } from '../../properties/runSuite.ts';
import { failureFacts } from '../../properties/stepFailure.ts';
import type { RecordedSteps } from '../../properties/stepRecord.ts';
import type { AnySuite } from '../../properties/suiteSpec.ts';
import { decodeValue, encodeValue } from '../../properties/values.ts';
import type { Systems } from '../systems.ts';

/** Longest run recorded: a longer one (not minimized) is saved without its steps and replayed for the report. */
export const MAX_RECORDED_STEPS = 200;

/**
 * The recorded steps of cx on systems, as plain JSON data (bigints kept), or null when
 * they are not recorded: a hang (not run into again), a run over MAX_RECORDED_STEPS, or
 * a replay that throws or whose values are not plain data. Never throws.
 */
export function recordSteps(suite: AnySuite, systems: Systems, cx: Counterexample): RecordedSteps | null {
  if (cx.failure.kind === 'hang' || cx.commands.length > MAX_RECORDED_STEPS) return null;
  try {
    const out = replayCommands(suite, systems.reference, systems.sut, cx.commands, true);
    const recorded: RecordedSteps = { reference: systems.reference.name, sut: systems.name, records: out.records, failure: out.failure && failureFacts(out.failure) };
    return JSON.parse(JSON.stringify(recorded, encodeValue), decodeValue) as RecordedSteps; // what the file will hold, and safe to post
  } catch {
    return null;
  }
}
