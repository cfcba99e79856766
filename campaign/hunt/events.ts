/**
 * What the main thread does with what the workers report: batches go into the tally,
 * findings are counted once per id and announced, a worker stopped inside the system
 * under test (a hang, or a crash in a call) is saved as a counterexample file at once,
 * other errors and crashes are recorded (they fail the hunt too).
 */
import type { FailureKind } from '../../properties/stepFailure.ts';
import { SUITES } from '../../properties/suites.ts';
import type { SystemSpec } from '../../properties/systemSpec.ts';
import { referenceOf } from '../systems.ts';
import { failureSignature, ShortestBySignature } from './failureSignature.ts';
import { saveOnce } from './finding.ts';
import type { HuntMessage, HuntTarget } from './messages.ts';
import type { PoolEvents } from './pool.ts';
import { stoppedRunFile } from './stoppedRunFinding.ts';
import type { HuntTally } from './tally.ts';
import type { WatchReading } from './sutWatch.ts';

/** What the events need of the hunt: its targets and system, where findings go, the hang limit. */
export interface HuntSetup {
  targets: HuntTarget[];
  system: SystemSpec;
  outDir: string;
  commandTimeoutMs: number;
}

/** Where the events write their lines (the CLI's progress display). */
export interface HuntLog {
  log(line: string): void;
}

/** The target's name in messages: "dax", or "dax with s4-sized-create-dynamic". */
export function targetName(t: HuntTarget): string {
  return t.fault === null ? t.suite : `${t.suite} with ${t.fault}`;
}

/** The pool's event handlers for a hunt. */
export function huntEvents(o: HuntSetup, tally: HuntTally, progress: HuntLog, startedAt: number): PoolEvents {
  const stopped = new ShortestBySignature();
  const found = (target: number, id: string, signature: string, text: string, file: string | null, isNew: boolean) => {
    if (file === null) tally.addRepeat(target, signature);
    else if (tally.addFound(target, id, signature)) {
      progress.log(`found ${id} after ${((Date.now() - startedAt) / 1000).toFixed(1)} s [${targetName(o.targets[target]!)}] ${text} → ${file}${isNew ? '' : ' (saved before)'}`);
    }
  };
  /** A run whose worker stopped inside the system under test, saved as a counterexample. */
  const saveStopped = (reading: WatchReading, kind: FailureKind, what: string, note: string) => {
    const target = o.targets[reading.target]!;
    try {
      const context = { suite: SUITES[target.suite], reference: referenceOf(o.system, target.fault), fault: target.fault, sut: tally.sutName, system: o.system };
      const file = stoppedRunFile(context, reading, kind, what);
      const signature = failureSignature(file.broke);
      const saved = stopped.admit(`${reading.target} ${signature}`, file.commands.length) ? saveOnce(o.outDir, file) : null;
      found(reading.target, file.id, signature, `${kind} at step ${file.broke.step + 1}: ${file.broke.call} (${note})`, saved?.path ?? null, saved?.isNew ?? false);
    } catch (e) {
      tally.addError(reading.target, `${note} at seed ${reading.seed}; its counterexample could not be saved: ${String(e)}`);
      progress.log(`error: ${note}; saving its counterexample failed: ${String(e)}`);
    }
  };
  return {
    message(m: HuntMessage) {
      if (m.type === 'batch') tally.addBatch(m);
      else if (m.type === 'found') found(m.target, m.id, m.signature, `${m.kind} at step ${m.step + 1} of ${m.length}: ${m.call}`, m.file, m.isNew);
      else {
        tally.addError(m.target, `seed ${m.seed}: ${m.message}`);
        progress.log(`error [${targetName(o.targets[m.target]!)}] seed ${m.seed}: ${m.message}`);
      }
    },
    hang(worker: number, reading: WatchReading) {
      saveStopped(reading, 'hang', `no answer within ${o.commandTimeoutMs} ms`, `worker ${worker + 1} stopped`);
    },
    crash(worker: number, reading: WatchReading, message: string, givenUp: boolean) {
      const where = `worker ${worker + 1} crashed at seed ${reading.seed}: ${message}`;
      if (reading.phase !== 'idle') saveStopped(reading, 'sut-threw', `the worker thread died (${message})`, where);
      else {
        tally.addError(reading.target, where);
        progress.log(`error: ${where}`);
      }
      if (givenUp) progress.log(`worker ${worker + 1} crashed too often: the rest of its seed stream is not searched`);
    },
  };
}
