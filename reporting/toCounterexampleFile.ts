/**
 * A counterexample found by a run, in the saved-file form (shrinks/README.md), so that
 * the reports can list it by id and draw it like the files under shrinks/.
 */
import { COUNTEREXAMPLE_FORMAT, counterexampleId, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import type { Counterexample } from '../properties/runSuite.ts';

/** The counterexample file of cx, found against sut (a factory name) with fault on (or null). */
export function toCounterexampleFile(cx: Counterexample, sut: string, fault: string | null, foundAt = new Date()): CounterexampleFile {
  const f = cx.failure;
  return {
    format: COUNTEREXAMPLE_FORMAT,
    id: counterexampleId(cx.suite, fault, cx.commands),
    suite: cx.suite,
    sut,
    fault,
    broke: { kind: f.kind, step: f.step, call: f.call, detail: f.detail },
    commands: cx.commands,
    seed: cx.seed,
    path: cx.path,
    foundAt: foundAt.toISOString(),
    error: f.message,
  };
}
