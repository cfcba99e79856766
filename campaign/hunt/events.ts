/**
 * What the main thread does with what the workers report: batches go into the tally,
 * counterexamples are saved (one file per failure, the shortest: findings.ts) and
 * announced, a worker stopped inside the system under test (a hang, or a crash in a
 * call) is saved as a counterexample too, other errors and crashes are recorded (they
 * fail the hunt too).
 */
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';
import type { FailureKind } from '../../properties/stepFailure.ts';
import { SUITES } from '../../properties/suites.ts';
import type { SystemSpec } from '../../properties/systemSpec.ts';
import { referenceOf } from '../systems.ts';
import { HuntFindings } from './findings.ts';
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

/** Where the events write their lines (the CLI's progress display), and the time since the budget started. */
export interface HuntLog {
  log(line: string): void;
  elapsedMs(): number;
}

/** The target's name in messages: "dax", or "dax with s4-sized-create-dynamic". */
export function targetName(t: HuntTarget): string {
  return t.fault === null ? t.suite : `${t.suite} with ${t.fault}`;
}

/** The pool's event handlers for a hunt (ready and started are the pool's own business). */
export function huntEvents(o: HuntSetup, tally: HuntTally, progress: HuntLog): Pick<PoolEvents, 'message' | 'hang' | 'crash'> {
  const findings = new HuntFindings(o.outDir);
  /** Saves (or not) a counterexample and says so; `note` ends the announcement. */
  const found = (target: number, file: CounterexampleFile, note: string) => {
    const offer = findings.offer(target, file);
    if (!offer.saved) {
      tally.addRepeat(target, offer.signature);
      return;
    }
    if (offer.replaced !== null) tally.removeFound(target, offer.replaced);
    if (!tally.addFound(target, file.id, offer.signature)) return;
    const { kind, step, call } = file.broke;
    const instead = offer.replaced === null ? '' : ` (shorter than ${offer.replaced}, which it replaces)`;
    progress.log(`found ${file.id} after ${(progress.elapsedMs() / 1000).toFixed(1)} s [${targetName(o.targets[target]!)}] ${kind} at step ${step} of ${file.commands.length}: ${call}${note} → ${offer.path}${offer.isNew ? '' : ' (saved before)'}${instead}`);
  };
  /** A run whose worker stopped inside the system under test, saved as a counterexample. */
  const saveStopped = (reading: WatchReading, kind: FailureKind, what: string, note: string) => {
    const target = o.targets[reading.target]!;
    try {
      const context = { suite: SUITES[target.suite], reference: referenceOf(o.system, target.fault), fault: target.fault, sut: tally.sutName, system: o.system };
      found(reading.target, stoppedRunFile(context, reading, kind, what), ` (${note})`);
    } catch (e) {
      tally.addError(reading.target, `${note} at seed ${reading.seed}; its counterexample could not be saved: ${String(e)}`);
      progress.log(`error: ${note}; saving its counterexample failed: ${String(e)}`);
    }
  };
  return {
    message(m: HuntMessage) {
      if (m.type === 'batch') tally.addBatch(m);
      else if (m.type === 'found') {
        try {
          found(m.target, m.record, m.note === undefined ? '' : ` (${m.note})`);
        } catch (e) {
          tally.addError(m.target, `${m.record.id} could not be saved under ${o.outDir}: ${String(e)}`);
          progress.log(`error: ${m.record.id} could not be saved under ${o.outDir}: ${String(e)}`);
        }
      } else if (m.type === 'error') {
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
