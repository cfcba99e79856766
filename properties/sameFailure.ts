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
 * result mismatch, the model's answer ("model ENXIO"): what the specification expected
 * tells defects apart (K1's ENOMEM, K2's ENXIO), while what a defective system answers
 * instead may vary with the state (S4's sized create answers ok or ENOMEM), as in the
 * hunt's failure signature (campaign/hunt/failureSignature.ts). Other kinds' details name
 * the first difference found, which may move while the same defect is shrunk, so they are
 * not part of it.
 */
export function shrinkSignature(f: FailureSeen['failure']): string {
  // A leak is seen when the run ends (PROTOCOL.md "Leaks"): whichever command came last
  // is not where it happened, so only the kind is kept.
  if (f.kind === 'sut-leaked') return f.kind;
  const op = operationOf(f.call);
  if (f.kind !== 'result-mismatch') return `${f.kind} in ${op}`;
  const model = /^model (\w+)/.exec(f.detail)?.[1];
  return `${f.kind} in ${op}: ${model === undefined ? blankNumbers(f.detail) : `model ${model}`}`;
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
