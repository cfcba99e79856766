/**
 * What the main thread does with what the workers report: batches go into the tally,
 * findings are counted once per id and announced, a hang is saved as a counterexample
 * file at once, errors and crashes are recorded (they fail the hunt too).
 */
import { SUITES } from '../properties/suites.ts';
import { failureSignature, ShortestBySignature } from './failureSignature.ts';
import { hangCounterexampleFile } from './hangFinding.ts';
import { saveOnce } from './huntFinding.ts';
import type { HuntMessage } from './huntMessages.ts';
import type { HuntOptions, HuntTarget } from './huntOptions.ts';
import type { PoolEvents } from './huntPool.ts';
import { huntReference } from './huntSystems.ts';
import type { HuntTally } from './huntTally.ts';
import type { Progress } from './progress.ts';
import type { WatchReading } from './sutWatch.ts';

/** The target's name in messages: "dax", or "dax with s4-sized-create-dynamic". */
export function targetName(t: HuntTarget): string {
  return t.fault === null ? t.suite : `${t.suite} with ${t.fault}`;
}

/** The pool's event handlers for a hunt. */
export function huntEvents(o: HuntOptions, tally: HuntTally, progress: Progress): PoolEvents {
  const hangs = new ShortestBySignature();
  const found = (target: number, id: string, signature: string, text: string, file: string | null, isNew: boolean) => {
    if (file === null) tally.addRepeat(target, signature);
    else if (tally.addFound(target, id, signature)) {
      progress.log(`found ${id} [${targetName(o.targets[target]!)}] ${text} → ${file}${isNew ? '' : ' (saved before)'}`);
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
      const target = o.targets[reading.target]!;
      try {
        const file = hangCounterexampleFile(
          { suite: SUITES[target.suite], reference: huntReference(target), fault: target.fault, sut: tally.sutName, timeoutMs: o.commandTimeoutMs },
          reading,
        );
        const signature = failureSignature(file.broke);
        const saved = hangs.admit(`${reading.target} ${signature}`, file.commands.length) ? saveOnce(o.outDir, file) : null;
        found(reading.target, file.id, signature, `hang at step ${file.broke.step + 1}: ${file.broke.call} (worker ${worker + 1} stopped)`, saved?.path ?? null, saved?.isNew ?? false);
      } catch (e) {
        tally.addError(reading.target, `worker ${worker + 1} hung at seed ${reading.seed}, and its counterexample could not be saved: ${String(e)}`);
        progress.log(`error: worker ${worker + 1} hung; saving its counterexample failed: ${String(e)}`);
      }
    },
    crash(worker: number, reading: WatchReading, message: string) {
      tally.addError(reading.target, `worker ${worker + 1} crashed at seed ${reading.seed}: ${message}`);
      progress.log(`error: worker ${worker + 1} crashed at seed ${reading.seed}: ${message}`);
    },
  };
}
