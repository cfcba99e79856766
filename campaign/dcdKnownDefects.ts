/**
 * Known defects of the RFC v2 DCD series' drivers/dax (docs/SPECIFICATION.md §6, S1–S5), as they show
 * when `daxcheck kernel --suite dax` checks the series' own code (docs/kernel-dcd.md), plus
 * one defect of its patch 13 (R1) and one place where daxcheck's rules are wrong (M1). Each
 * signature is what the real code does, which is not always what the implementation's fault
 * of the same name does: S3 is a use-after-free that ASan stops at, not a second release.
 */
import type { ClassifiedFacts, KnownDefect } from './knownDefects.ts';

type Cmd = { op: string; kind?: string; point?: string; sizeBytes?: string; lengthBytes?: string };

const commandsOf = (cx: ClassifiedFacts): readonly Cmd[] => (cx.commands ?? []) as readonly Cmd[];
const hasDynamicRegion = (cx: ClassifiedFacts) => commandsOf(cx).some((c) => c.op === 'createRegion' && c.kind === 'dynamic');
/** A named point armed, or (fail-nth) any allocation armed: the failure is on an error path. */
const armsFailure = (cx: ClassifiedFacts, points: readonly string[]) => commandsOf(cx).some((c) => (c.op === 'failAllocation' && points.includes(c.point ?? '')) || c.op === 'failNth');
/** The step failed its allocation at site (fail-nth's "[… fails at SITE]" note). */
const failedAt = (cx: ClassifiedFacts, site: string) => cx.broke.call.endsWith(` fails at ${site}]`);
/** The failing command (broke.step counts from 1). */
const failingCommand = (cx: ClassifiedFacts): Cmd | undefined => commandsOf(cx)[cx.broke.step - 1];
const FOUR_GIB = 1n << 32n;
/** The kernel harness's watchdog (ports/kernel/harness.c): a request still running after its CPU time limit (ms; s before). */
const ENDLESS_LOOP = /still running after \d+ m?s of CPU time/;
/** The harness's fail-nth WARN oracle (ports/kernel/harness.c) on __dev_dax_resize()'s "space not found?": R1's retry after an error. */
const AFTER_FAILURE_NO_SPACE = /WARN after the injected allocation failure at \S+: WARNING: space not found\?/;
/** An extent whose free space can be a non-zero multiple of 4 GiB (S2 needs one). */
const hasBigExtent = (cx: ClassifiedFacts) => commandsOf(cx).some((c) => c.op === 'addExtent' && BigInt(c.lengthBytes ?? '0') >= FOUR_GIB);

/** The seed series' defects as the real code shows them, R1 and M1. */
export const DCD_KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'S1',
    kind: 'patch defect',
    title: 'dev_dax_shrink() adjusts the extent\'s resource instead of the range\'s own: a partial shrink on a dynamic region fails with EBUSY',
    fault: 's1-shrink-adjusts-extent',
    matches: (cx) => cx.broke.kind === 'result-mismatch' && /^resize\(/.test(cx.broke.call) && cx.broke.detail === 'model ok, sut EBUSY' && hasDynamicRegion(cx),
  },
  {
    id: 'S2',
    kind: 'patch defect',
    title: 'dax_region_find_space() returns the u64 free size as an int: an extent with a multiple of 4 GiB free is skipped (another extent is used, or, with no other, the -ENOSPC that follows loops for ever through R1: the harness\'s watchdog stops it)',
    fault: 's2-free-space-int',
    matches: (cx) => /^resize\(/.test(cx.broke.call) && hasBigExtent(cx) && hasDynamicRegion(cx) &&
      (cx.broke.kind === 'snapshot-mismatch' || cx.broke.kind === 'hang' || cx.broke.kind === 'invariant' ||
        (cx.broke.kind === 'sut-crashed' && ENDLESS_LOOP.test(cx.broke.detail))),
  },
  {
    id: 'S3',
    kind: 'patch defect',
    title: 'cxl.c: when the extent device\'s devm_add_action_or_reset() fails, the reset already dropped the last reference and freed the extent; cxl_dax_region_create_extent() then reads it (ASan: heap-use-after-free in dax_region_rm_resource)',
    fault: 's3-double-release',
    matches: (cx) => cx.broke.kind === 'sut-crashed' && /heap-use-after-free\b.* in dax_region_rm_resource\b/.test(cx.broke.detail),
  },
  {
    id: 'S4',
    kind: 'patch defect',
    title: 'devm_create_dev_dax() only warns about a size on a dynamic region and allocates it at the region start, outside any extent',
    fault: 's4-sized-create-dynamic',
    matches: (cx) => cx.broke.kind === 'result-mismatch' && /^createDevice\(region\d+, size=/.test(cx.broke.call) &&
      /^model EINVAL, sut (?!EINVAL$)/.test(cx.broke.detail) && hasDynamicRegion(cx) && BigInt(failingCommand(cx)?.sizeBytes ?? '0') !== 0n,
  },
  {
    id: 'S5',
    kind: 'patch defect',
    title: '__dev_dax_resize() returns 0 ("space not found?") when no gap is found, and the grow loop takes that as success',
    fault: 's5-no-gap-success',
    matches: (cx) => cx.broke.kind === 'result-mismatch' && /^resize\(/.test(cx.broke.call) && cx.broke.detail === 'model ENOSPC, sut ok',
  },
  {
    id: 'R1',
    kind: 'patch defect',
    title: 'patch 13: dev_dax_resize() keeps each chunk\'s result in an unsigned resource_size_t, so an error is taken as a huge allocation: to_alloc grows by the errno and the loop retries (an allocation failure gives a device errno bytes too long, or, when the longer request no longer fits, loops for ever; -ENOSPC from the dynamic search loops for ever)',
    fault: null,
    matches: (cx) => /^resize\(/.test(cx.broke.call) && armsFailure(cx, ['resource', 'ranges', 'mapping']) &&
      ((cx.broke.kind === 'result-mismatch' && cx.broke.detail === 'model ENOMEM, sut ok') || cx.broke.kind === 'invariant' || cx.broke.kind === 'snapshot-mismatch' ||
        (cx.broke.kind === 'sut-crashed' && (ENDLESS_LOOP.test(cx.broke.detail) || AFTER_FAILURE_NO_SPACE.test(cx.broke.detail)))),
  },
  {
    id: 'M1',
    kind: 'model wrong',
    title: 'addExtent under an armed `resource` failure: __request_region() reports a failed allocation as a conflict (NULL), so cxl.c answers ENOSPC where sut/RULES.md says ENOMEM (RULES.md should say ENOSPC)',
    fault: null,
    matches: (cx) => cx.broke.kind === 'result-mismatch' && /^addExtent\(/.test(cx.broke.call) && armsFailure(cx, ['resource']) &&
      (cx.broke.detail === 'model ENOMEM, sut ENOSPC' || (failedAt(cx, 'alloc_resource:resource') && cx.broke.detail.startsWith('sut ENOSPC after an injected allocation failure'))),
  },
];
