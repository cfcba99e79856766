/**
 * Known disagreements between the v10 profile (docs/SPECIFICATION.md §12) and the DCD v10
 * series' own drivers/dax, as `daxcheck kernel --profile v10` sees them (docs/kernel-v10.md):
 * the review's T1 and T5, two v10 defects that v11 fixes (V1, V2), the places where §12
 * leaves out what bus.c has always done (M3, M4, M5: model wrong), and the overlap refusal
 * of the dax_regions root that 7.2 brought (G3: an interface gap). Every signature needs a
 * run of the DCD suite (a createRegion without a kind).
 */
import type { ClassifiedFacts, KnownDefect } from './knownDefects.ts';

type Cmd = { op: string; kind?: string; align?: string; tag?: number; seqDelta?: number };

const commandsOf = (cx: ClassifiedFacts): readonly Cmd[] => (cx.commands ?? []) as readonly Cmd[];
/** A run of the DCD suites: its createRegion has no kind (the DAX suite's always has one). */
const isDcdRun = (cx: ClassifiedFacts) => commandsOf(cx).some((c) => c.op === 'createRegion' && c.kind === undefined);
/** The failing command (broke.step counts from 1). */
const failing = (cx: ClassifiedFacts): Cmd | undefined => commandsOf(cx)[cx.broke.step - 1];
const mismatch = (cx: ClassifiedFacts, call: RegExp, detail: RegExp) => isDcdRun(cx) && cx.broke.kind === 'result-mismatch' && call.test(cx.broke.call) && detail.test(cx.broke.detail);
const CLAIM = /^claim(Racing)?\(/;
/** A tagged group whose seq base is not the dense one (the suite's seqDelta ≠ 0). */
const badSeq = (c: Cmd | undefined) => c !== undefined && c.tag !== 0 && (c.seqDelta ?? 0) !== 0;

/** The v10 tree's known disagreements with the v10 profile. */
export const V10_KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'T1',
    kind: 'patch defect',
    title: 'cxl_rm_extent() (22/31) returns 0 when the dax layer refuses a release with EBUSY: the device gets no answer, the host keeps no pending release, and the capacity is never released unless the device asks again',
    fault: 't1-refused-release-forgotten',
    matches: (cx) => mismatch(cx, /^releaseTagGroup\(/, /^model EBUSY, sut ok$/),
  },
  {
    id: 'T5',
    kind: 'patch defect',
    title: 'a tagged group whose seq numbers are not dense from the base reaches the dax layer (accepted, or refused for overlapping a resource: ENOSPC) (the harness does not stand in for the CXL core\'s own seq check, 17/31), and uuid_claim_tagged() meets it with dev_WARN_ONCE: reachable from device-supplied data if the CXL core lets it through (unconfirmed)',
    fault: 't5-seq-gap-warn',
    matches: (cx) => isDcdRun(cx) && badSeq(failing(cx)) &&
      ((cx.broke.kind === 'result-mismatch' && /^addTagGroup\(/.test(cx.broke.call) && /^model EINVAL, sut (ok|ENOSPC)$/.test(cx.broke.detail)) ||
        (cx.broke.kind === 'snapshot-mismatch' && /^claimRacing\(/.test(cx.broke.call) && /› resources: .*extra resource/.test(cx.broke.detail))),
  },
  {
    id: 'V1',
    kind: 'patch defect',
    title: 'v10\'s uuid_store() claims into a device that already has a size (appending ranges, or ENOENT when nothing matches) where the profile says EBUSY: a DC device grows by a second claim (v11\'s 26/31 refuses it)',
    fault: null,
    matches: (cx) => mismatch(cx, CLAIM, /^model EBUSY, sut (?!EBUSY$)/),
  },
  {
    id: 'V2',
    kind: 'patch defect',
    title: 'v10\'s claim takes a resource whose size is not a multiple of the region\'s align (the device then has a size its own align cannot map) where the profile says EINVAL (v11\'s 26/31 checks it)',
    fault: null,
    matches: (cx) => mismatch(cx, CLAIM, /^model EINVAL, sut ok$/) && commandsOf(cx).some((c) => c.op === 'createRegion' && BigInt(c.align ?? '0') > 2n << 20n),
  },
  {
    id: 'M3',
    kind: 'model wrong',
    title: 'createDevice on a region with no unclaimed resource: bus.c\'s create_store() answers ENOSPC (as §3.2 check 4 says for every region); §12.3 dropped that check',
    fault: null,
    matches: (cx) => mismatch(cx, /^createDevice\(/, /^model ok\(id=\d+\), sut ENOSPC$/),
  },
  {
    id: 'M4',
    kind: 'model wrong',
    title: 'resize to a size that is not a multiple of the device\'s align: size_store() answers EINVAL before the DC refusal; §12.4 says EOPNOTSUPP',
    fault: null,
    matches: (cx) => mismatch(cx, /^resize\(/, /^model EOPNOTSUPP, sut EINVAL$/),
  },
  {
    id: 'M5',
    kind: 'model wrong',
    title: 'resize to the device\'s current non-zero size: dev_dax_resize() answers 0 (nothing to do) before the DC refusal; §12.4 says EOPNOTSUPP',
    fault: null,
    matches: (cx) => mismatch(cx, /^resize\(/, /^model EOPNOTSUPP, sut ok$/),
  },
  {
    id: 'G3',
    kind: 'interface gap',
    title: 'createRegion overlapping a live region, or ending at the last byte of the address space: alloc_dax_region() request_resource()s each region into the dax_regions root (7.2 and this series), and cxl.c answers ENOMEM; the CXL core never hands DAX overlapping regions, the profile\'s createRegion can',
    fault: null,
    matches: (cx) => mismatch(cx, /^createRegion\(/, /^model ok\(id=\d+\), sut ENOMEM$/),
  },
];
