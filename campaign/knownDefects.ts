/**
 * Known defects of upstream kernel code (docs/SPECIFICATION.md §6.6, a defect of upstream
 * drivers/dax/bus.c): when daxcheck checks a real kernel tree, a failure whose
 * signature is that of a known defect is reported by the defect's name ("known: K1"),
 * not as a new finding. Whether a known defect fails the run is the caller's choice
 * (--known-defects): a user with a patched kernel wants to know it is gone.
 *
 * A known interface gap would be reported the same way ("known: G…"): a place where
 * daxcheck's interface reaches a state the kernel's own callers never make, so that the
 * two differ without either being wrong. A gap never fails the run: patching the kernel
 * does not remove it. (G1, a sized create of a size its device could never grow from,
 * was closed when the specification made such a create EINVAL, docs/SPECIFICATION.md §3.2.)
 */
import type { CounterexampleFile } from '../properties/counterexampleFile.ts';
import { DCD_KNOWN_DEFECTS } from './dcdKnownDefects.ts';
import { FAIL_NTH_KNOWN_DEFECTS } from './failNthKnownDefects.ts';
import { V10_KNOWN_DEFECTS } from './v10KnownDefects.ts';
import { operationOf, sameSignature, type FailureSeen, type SameFailure } from '../properties/sameFailure.ts';
import { failureSignature } from './hunt/failureSignature.ts';

/** What a counterexample's classification looks at: what broke, and the commands that led there. */
export type ClassifiedFacts = Pick<CounterexampleFile, 'broke'> & { commands?: readonly { op: string }[] };

/** A known upstream defect (or interface gap) and the signature of the failure it causes. */
export interface KnownDefect {
  /** "K1", as docs/SPECIFICATION.md §6.6 names it; "G…" for an interface gap (docs/kernel.md). */
  id: string;
  /**
   * An upstream defect (the kernel is wrong), a defect of the DCD series' patches (its code is
   * wrong), an interface gap (neither is), or model wrong (daxcheck's rules ask what the kernel
   * cannot answer: the specification should change).
   */
  kind: 'upstream defect' | 'patch defect' | 'interface gap' | 'model wrong';
  /** One line: what the kernel does wrong, or where the interface and the kernel part. */
  title: string;
  /** The implementation's fault that reproduces it (daxcheck faults); null for a gap, or for a defect the implementation has no fault for yet (K2). */
  fault: string | null;
  /** Does this counterexample have the signature? */
  matches(cx: ClassifiedFacts): boolean;
}

const WHOLE_SPACE_MAPPING = /^mapping\([^,]+, 0x0-0xffffffffffffffff\)$/;
const MAPPING = /^mapping\(/;

/** The known upstream defects, by id. */
export const KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'K1',
    title: 'bus.c: a mapping write of 0-ffffffffffffffff wraps to length 0 (ok with nothing allocated, or EBUSY after a WARN) where the specification says ENOMEM',
    kind: 'upstream defect',
    fault: 'k1-whole-space-mapping',
    matches: ({ broke }) => broke.kind === 'result-mismatch' && WHOLE_SPACE_MAPPING.test(broke.call) && /^model ENOMEM, sut (ok|EBUSY)$/.test(broke.detail),
  },
  {
    // Found by daxcheck kernel on v6.12 and mainline (docs/kernel-trees.md); not in 6.1.
    id: 'K2',
    title: 'bus.c (since its rw_semaphore conversion; in 6.12 and mainline, not 6.1): mapping_store() overwrites its -ENXIO with down_write_killable()\'s 0, so a mapping whose length is not a multiple of the device\'s alignment reports success and allocates nothing where the specification says ENXIO',
    kind: 'upstream defect',
    fault: null,
    matches: ({ broke }) => broke.kind === 'result-mismatch' && MAPPING.test(broke.call) && broke.detail === 'model ENXIO, sut ok',
  },
  {
    id: 'G2',
    kind: 'interface gap',
    title: "a region align of 4 GiB or more: bus.c keeps a region's align in an unsigned int (alloc_dax_region), so the kernel harness cannot make such a region and says so (docs/argument-domains.md)",
    fault: null,
    matches: ({ broke }) => broke.kind === 'sut-malformed' && /^createRegion\(/.test(broke.call) && /align 0x[0-9a-f]+ does not fit bus\.c's unsigned int/.test(broke.detail),
  },
  {
    // Found by daxcheck kernel on 6.1 (dax-contiguous, 2026-12-01): docs/kernel-trees.md.
    id: 'M2',
    kind: 'model wrong',
    title: 'a grow after an injected allocation failure left the device part-grown (not a multiple of its align): bus.c refuses the misaligned increment (dev_WARN_ONCE "resize of %pa misaligned", ENXIO) where the specification grows it; the specification does not yet say what a grow of a part-grown device does',
    fault: null,
    matches: ({ broke, commands }) =>
      broke.kind === 'result-mismatch' && /^resize\(/.test(broke.call) && broke.detail === 'model ok, sut ENXIO' &&
      (commands ?? []).slice(0, Math.max(0, broke.step - 1)).some((c) => c.op === 'failAllocation' || c.op === 'failNth'),
  },
  ...FAIL_NTH_KNOWN_DEFECTS,
  ...DCD_KNOWN_DEFECTS,
  ...V10_KNOWN_DEFECTS,
];

/** The known defect (or gap) whose signature the counterexample has, or null (a new finding). */
export function knownDefectOf(cx: ClassifiedFacts): KnownDefect | null {
  // a fail-nth step's call carries the armed allocation ("[fail-nth: allocation 2 fails]"): most signatures are of the call itself, fail-nth's read the note
  const call = cx.broke.call.replace(FAIL_NTH_NOTE, '');
  const facts = call === cx.broke.call ? cx : { ...cx, broke: { ...cx.broke, call } };
  return KNOWN_DEFECTS.find((d) => d.matches(facts) || (facts !== cx && d.matches(cx))) ?? null;
}

const FAIL_NTH_NOTE = / \[fail-nth: [^\]]*\]$/;

/** The known defect (or gap) of a failure as a shrinker sees it, or null. */
export function knownOfSeen(f: FailureSeen): KnownDefect | null {
  const { kind, step, call, detail } = f.failure;
  return knownDefectOf({ broke: { kind, step: step + 1, call, detail }, commands: f.commands });
}

/**
 * Shrinking's sameFailure where known defects apply: the same signature (kind, operation,
 * result pair class) and the same known defect, or none: a K2 trigger is not shrunk into
 * K1's, nor a new finding into a known one.
 */
export const sameKnownFailure: SameFailure = (original, candidate) => sameSignature(original, candidate) && knownOfSeen(original)?.id === knownOfSeen(candidate)?.id;

/**
 * The name a hunt shrinks, saves and counts a failure under (once per hunt:
 * hunt/foundRegistry.ts): for a known defect its id, the kind and the operation, "K1:
 * result-mismatch in mapping", whatever its details (K1 answers ok or EBUSY; G2 names the
 * request): one known defect is one finding; else the failure's signature
 * (hunt/failureSignature.ts: the detail with numbers blanked). `known`: knownOfSeen(f), when
 * the caller has it already.
 */
export function failureName(f: FailureSeen, known: KnownDefect | null = knownOfSeen(f)): string {
  const { kind, step, call, detail } = f.failure;
  if (known !== null) return `${known.id}: ${kind} in ${operationOf(call)}`;
  return failureSignature({ kind, step: step + 1, call, detail });
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

/** Is this known failure the kernel's fault (an upstream or a patch defect), as opposed to a gap or a model error? */
export function isKernelDefect(d: KnownDefect): boolean {
  return d.kind === 'upstream defect' || d.kind === 'patch defect';
}

/** Does the run fail under policy: any new finding, or a known kernel defect (upstream or the DCD series') when policy is 'fail' (a known gap or model error never). */
export function runFails(failures: readonly ClassifiedFailure[], policy: KnownDefectPolicy): boolean {
  return failures.some((f) => f.known === null || (policy === 'fail' && isKernelDefect(f.known)));
}
