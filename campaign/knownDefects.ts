/**
 * Known defects of upstream kernel code (SEMANTICS.md §6, "Defects of upstream
 * drivers/dax/bus.c"): when daxcheck checks a real kernel tree, a failure whose
 * signature is that of a known defect is reported by the defect's name ("known: K1"),
 * not as a new finding. Whether a known defect fails the run is the caller's choice
 * (--known-defects): a user with a patched kernel wants to know it is gone.
 */
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';

/** A known upstream defect and the signature of the failure it causes. */
export interface KnownDefect {
  /** "K1", as SEMANTICS.md §6 names it. */
  id: string;
  /** One line: what the kernel does wrong. */
  title: string;
  /** The implementation's fault that reproduces it (daxcheck faults). */
  fault: string;
  /** Does this break have the defect's signature? */
  matches(broke: CounterexampleFile['broke']): boolean;
}

const WHOLE_SPACE_MAPPING = /^mapping\([^,]+, 0x0-0xffffffffffffffff\)$/;

/** The known upstream defects, by id. */
export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'K1',
    title: 'bus.c: a mapping write of 0-ffffffffffffffff wraps to length 0 (ok with nothing allocated, or EBUSY after a WARN) where the specification says ENOMEM',
    fault: 'k1-whole-space-mapping',
    matches: (broke) => broke.kind === 'result-mismatch' && WHOLE_SPACE_MAPPING.test(broke.call) && /^model ENOMEM, sut (ok|EBUSY)$/.test(broke.detail),
  },
];

/** The known defect whose signature the counterexample's break has, or null (a new finding). */
export function knownDefectOf(cx: Pick<CounterexampleFile, 'broke'>): KnownDefect | null {
  return KNOWN_DEFECTS.find((d) => d.matches(cx.broke)) ?? null;
}

/** What to do with a failure that matches a known defect: fail the run, or only report it. */
export type KnownDefectPolicy = 'fail' | 'report';

/** One counterexample of a run, classified. */
export interface ClassifiedFailure {
  id: string;
  file: string;
  known: KnownDefect | null;
  /** The break as one line: "step 2: mapping(dax0.0, 0x0-0xffffffffffffffff): result-mismatch: model ENOMEM, sut EBUSY". */
  what: string;
}

/** Does the run fail under policy: any new finding, or a known one when policy is 'fail'. */
export function runFails(failures: readonly ClassifiedFailure[], policy: KnownDefectPolicy): boolean {
  return failures.some((f) => f.known === null || policy === 'fail');
}
