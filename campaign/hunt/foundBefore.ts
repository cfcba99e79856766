/**
 * What a hunt's batch does with a failure found already (worker.ts; the benchmark of a
 * run cut short measures this very code, bench/cutShortCost.ts): runSuite's seenBefore,
 * which claims a failure's name in the hunt's FoundRegistry (the first claim is shrunk and
 * saved, every later one ends its run, counted under that name), and its endsRun, which
 * plans a run of a process port no further than the trigger of a known defect found
 * already (knownTriggers.ts), so that a run meeting it again costs only its steps so far;
 * and its stopsBefore, which ends a run before the trigger of a defect that crashes the
 * port or loops for ever (STOPS_BEFORE), so that it costs no crash.
 */
import type { ModelStep } from '../../properties/runHooks.ts';
import type { FailureSeen } from '../../properties/sameFailure.ts';
import { hasDeliveries } from '../../sut/delivery.ts';
import type { SutFactory } from '../../sut/interface.ts';
import { failureName, knownOfSeen } from '../knownDefects.ts';
import { KNOWN_TRIGGERS, stoppedBeforeName, STOPS_BEFORE, type Trigger } from '../knownTriggers.ts';
import type { FoundRegistry } from './foundRegistry.ts';

/** The registry key under which a known defect counts as found, whatever its failure's name. */
export function knownKey(id: string): string {
  return `known ${id}`;
}

/** runSuite's seenBefore and endsRun for one batch of target (see the file comment). */
export interface FoundBefore {
  /** A failure's name when it was found before (its run ends, counted), or null: claimed now, to be shrunk. */
  seenBefore(f: FailureSeen): string | null;
  /** The triggers of the known defects found before the batch began (sent, then the run ends), or undefined when there are none. */
  endsRun: ((call: { op: string }, snap: unknown, step?: ModelStep) => boolean) | undefined;
  /** For the found defects in STOPS_BEFORE: the name a run ending before their trigger is counted under, or null; undefined when none is found. */
  stopsBefore: ((call: { op: string }, snap: unknown, step: ModelStep) => string | null) | undefined;
}

/**
 * The rules of a batch of target against sut: seenBefore claims (a known defect also
 * under knownKey, which arms its trigger for the next batches); a run it cuts short
 * unpins the delivery its failure pinned (for shrinking), so the next runs choose
 * theirs again.
 */
export function foundBefore(found: FoundRegistry, target: number, sut: SutFactory): FoundBefore {
  const seenBefore = (f: FailureSeen): string | null => {
    const known = knownOfSeen(f);
    if (known !== null) found.claim(target, knownKey(known.id));
    const name = failureName(f, known);
    if (found.claim(target, name)) return null;
    if (hasDeliveries(sut)) sut.pinDelivery(null);
    return name;
  };
  const foundTriggers = Object.entries(KNOWN_TRIGGERS).filter(([id]) => found.has(target, knownKey(id)));
  const triggers: Trigger[] = foundTriggers.filter(([id]) => !STOPS_BEFORE.has(id)).map(([, t]) => t);
  const endsRun = triggers.length === 0 ? undefined : triggers.length === 1 ? triggers[0] : (call: { op: string }, snap: unknown, step?: ModelStep) => triggers.some((t) => t(call, snap, step));
  const before = foundTriggers.filter(([id]) => STOPS_BEFORE.has(id));
  const stopsBefore = before.length === 0 ? undefined : (call: { op: string }, snap: unknown, step: ModelStep) => {
    const hit = before.find(([, t]) => t(call, snap, step));
    return hit === undefined ? null : stoppedBeforeName(hit[0]);
  };
  return { seenBefore, endsRun, stopsBefore };
}
