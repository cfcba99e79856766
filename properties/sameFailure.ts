/**
 * When a shrink try fails "the same way" as the failure being shrunk: the same
 * signature, not merely the same kind. Two defects of one system can fail with the same
 * kind (a result mismatch in mapping); a shrinker that keeps only the kind walks from a
 * long trigger of one defect to a short trigger of another and hides the first. Both
 * shrinkers (fast-check's shrink in runSuite.ts and minimize.ts) keep a try only when
 * sameFailure(original, candidate) holds.
 */
import type { FailureFacts } from './stepFailure.ts';

/** A failure as a shrinker sees it: what broke and the commands of the run (plain data). */
export interface FailureSeen {
  failure: Pick<FailureFacts, 'kind' | 'step' | 'call' | 'detail'>;
  commands: readonly { op: string }[];
}

/** Does candidate fail the same way as original? (A caller may add its own classification: campaign/knownDefects.ts.) */
export type SameFailure = (original: FailureSeen, candidate: FailureSeen) => boolean;

/**
 * The signature of a break: its kind, the operation of the failing call, and, for a
 * result mismatch, the result pair class (its detail with numbers blanked: "model
 * ENXIO, sut ok"). Other kinds' details name the first difference found, which may move
 * while the same defect is shrunk, so they are not part of it.
 */
export function shrinkSignature(f: FailureSeen['failure']): string {
  const op = operationOf(f.call);
  return f.kind === 'result-mismatch' ? `${f.kind} in ${op}: ${blankNumbers(f.detail)}` : `${f.kind} in ${op}`;
}

/** The default: the same shrinkSignature. */
export const sameSignature: SameFailure = (original, candidate) => shrinkSignature(original.failure) === shrinkSignature(candidate.failure);

/** The operation of a printed call: "mapping(dax0.0, 0x0-0x1)" → "mapping". */
export function operationOf(call: string): string {
  return /^[A-Za-z_]\w*/.exec(call)?.[0] ?? call;
}

/** A detail with every number (decimal or hex) replaced by #. */
export function blankNumbers(detail: string): string {
  return detail.replace(/-?0x[0-9a-f]+|\d+(\.\d+)?/gi, '#');
}
