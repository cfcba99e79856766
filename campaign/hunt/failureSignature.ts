/**
 * When two counterexamples are the same failure: the same kind of break in the same
 * operation with the same detail once numbers are blanked out ("result-mismatch in
 * createDevice: model EINVAL, sut ENOSPC"). A hunt with a fault on finds one defect over
 * and over, each time with other sizes and addresses; it keeps one file per signature,
 * the shortest (findings.ts).
 */
import type { CounterexampleFile } from '../../properties/counterexampleFile.ts';
import { blankNumbers, operationOf } from '../../properties/sameFailure.ts';

/** The signature of a break: kind, operation of the call, detail with numbers blanked. */
export function failureSignature(broke: CounterexampleFile['broke']): string {
  return `${broke.kind} in ${operationOf(broke.call)}: ${blankNumbers(broke.detail)}`;
}
