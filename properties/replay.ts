/**
 * Runs a command list directly, without a generator: the way saved counterexamples are
 * replayed and minimized. Commands that do not apply are skipped, as under fast-check.
 */
import type { SutFactory } from '../sut/interface.ts';
import { failNthSuite, hasFailNth } from './failNthSuite.ts';
import { StepFailure } from './stepFailure.ts';
import type { AnySuite } from './suiteSpec.ts';
import type { StepRecord } from './stepRecord.ts';
import { World } from './world.ts';

export interface ReplayOutcome<Cmd> {
  /** The commands that ran (applied), in order, up to the failing one: the normalized list. */
  executed: Cmd[];
  records: StepRecord[];
  failure: StepFailure | null;
}

/**
 * Replays commands on the model and sut side by side; stops at the first failure. Without
 * records, a system under test that checks whole runs gets the run at once.
 */
export function replayCommands<Cmd extends { op: string }>(
  suite: AnySuite,
  model: SutFactory,
  sut: SutFactory,
  commands: readonly Cmd[],
  keepRecords = true,
): ReplayOutcome<Cmd> {
  const executed: Cmd[] = [];
  let world: World;
  try {
    // a run with failNth steps replays as the fail-nth variant (step by step, §8.2 oracles)
    world = new World(hasFailNth(commands) ? failNthSuite(suite) : suite, model, sut, keepRecords);
  } catch (e) {
    if (e instanceof StepFailure) return { executed, records: [], failure: e };
    throw e;
  }
  try {
    for (const cmd of commands) {
      if (!world.applies(cmd)) continue;
      executed.push(cmd);
      world.step(cmd);
    }
    world.finish();
  } catch (e) {
    if (e instanceof StepFailure) return { executed: executed.slice(0, e.step + 1), records: world.records, failure: e };
    throw e;
  }
  return { executed, records: world.records, failure: null };
}
