/**
 * --avoid-known: a hunt that steers away from the known defects' triggers
 * (knownTriggers.ts), so that its runs go on past them and find what else is there.
 * The suite's resolve answers null (the command does not apply, as any command whose
 * object is missing) for a call that triggers a known defect; generation, shrinking and
 * minimizing all go through it. A counterexample holds only the commands that ran, so it
 * replays the same without the filter (daxcheck replay).
 */
import type { AnySuite } from '../properties/suiteSpec.ts';
import { KNOWN_TRIGGERS, MODEL_STEP_TRIGGERS, type Trigger } from './knownTriggers.ts';

/** suite with every call that triggers one of the known defects `ids` (default: every one with a trigger) resolved to null. */
export function avoidingSuite(suite: AnySuite, ids: readonly string[] = Object.keys(KNOWN_TRIGGERS)): AnySuite {
  const triggers: Trigger[] = ids.flatMap((id) => (KNOWN_TRIGGERS[id] === undefined ? [] : [KNOWN_TRIGGERS[id]]));
  return {
    ...suite,
    resolve(cmd: { op: string }, snap: unknown) {
      const call = suite.resolve(cmd as never, snap as never) as { op: string } | null;
      if (call === null || !triggers.some((t) => t(call, snap))) return call;
      return null;
    },
  } as AnySuite;
}

/** The ids of the known defects --avoid-known steers away from (not R1 nor S3: their triggers need what the model did with the call). */
export function avoidedDefects(): string[] {
  return Object.keys(KNOWN_TRIGGERS).filter((id) => !MODEL_STEP_TRIGGERS.has(id));
}
