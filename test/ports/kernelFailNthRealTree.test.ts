/**
 * fail-nth on real kernel trees (docs/fail-nth.md "Kernel trees"): the systematic sweep of
 * bench/kernelFailNthRuns.ts fails every allocation site its runs reach, and every failure it
 * finds is a known one (K3–K8 of bus.c's error paths, R1, M1, S3 on the DCD series). The
 * trees come from DAXCHECK_KERNEL_SRC (tree and dax-contiguous suites) and DAXCHECK_DCD_SRC
 * (the dax suite); without them the tests say they are skipped.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sweepKernelTree, type KernelSweep } from '../../bench/kernelFailNthRuns.ts';

const SRC = process.env.DAXCHECK_KERNEL_SRC;
const DCD = process.env.DAXCHECK_DCD_SRC;

/** The sites the sweep failed at least once, and those it reached but never failed. */
function sites(s: KernelSweep): { failed: Set<string>; never: Set<string> } {
  const all = new Map<string, number>();
  for (const bySite of s.outcome.coverage.values()) for (const [site, n] of bySite) all.set(site, (all.get(site) ?? 0) + n);
  return { failed: new Set([...all].filter(([, n]) => n > 0).map(([x]) => x)), never: new Set([...all].filter(([, n]) => n === 0).map(([x]) => x)) };
}

const newOnes = (s: KernelSweep) => s.failures.filter((f) => f.known === null).map((f) => f.failure.message);

if (SRC === undefined || SRC === '') {
  test('the fail-nth real-tree tests need a kernel tree', () => console.log('skipped: DAXCHECK_KERNEL_SRC not set'));
} else {
  test(`fail-nth of ${SRC}'s resource.c: __request_region's allocation is failed and followed, nothing found`, () => {
    const s = sweepKernelTree(SRC, 'tree');
    assert.equal([...sites(s).failed], ['alloc_resource:resource']);
    assert.equal(s.failures.map((f) => f.failure.message), []);
  });

  test(`fail-nth of ${SRC}'s bus.c: every site of the run but those behind a crash is failed, every failure a known defect of bus.c's error paths`, () => {
    const s = sweepKernelTree(SRC, 'dax-contiguous');
    const { failed, never } = sites(s);
    for (const site of ['alloc_dax_region:dax_region', 'alloc_dev_dax_range:ranges', 'alloc_resource:resource', 'range_parse:opt']) assert.ok(failed.has(site), `${site} never failed`);
    // K6 (6.12 and later): the reset of this site deadlocks before its allocations can be counted
    assert.ok([...never].every((x) => x.endsWith(':devm_add_action_or_reset')), [...never].join(', '));
    assert.equal(newOnes(s), []);
    assert.ok(s.failures.some((f) => f.known?.id === 'K3'), 'the name leak K3 was not seen');
  });
}

if (DCD === undefined || DCD === '') {
  test('the fail-nth DCD test needs a tree with dynamic capacity', () => console.log('skipped: DAXCHECK_DCD_SRC not set'));
} else {
  test(`fail-nth of ${DCD}'s drivers/dax: the extent sites are failed, every failure a known one (S3 among them)`, () => {
    const s = sweepKernelTree(DCD, 'dax');
    assert.ok(sites(s).failed.size >= 15, `${sites(s).failed.size} sites failed`);
    assert.equal(newOnes(s), []);
    assert.ok(s.failures.some((f) => f.known?.id === 'S3'), 'S3 was not seen');
  });
}

test.run();
