/**
 * fail-nth in the kernel harness (docs/fail-nth.md "Kernel trees"), without a kernel tree:
 * the C port's resource.c laid out as a kernel tree (and daxcheck's fake drivers/dax/), so
 * that the requests, the site names and the oracles are checked on every `npm test`; a
 * defect planted on an error path (a leak, a lock left held, a WARN) is found by fail-nth
 * alone. The real trees are checked by kernelFailNthRealTree.test.ts.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { failNthSuite } from '../../properties/failNthSuite.ts';
import { runSuite, type RunOutcome } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { cPortAsKernelTree, plant, tempCache, withFakeDax } from './kernelTree.ts';

const cache = tempCache();
const clean = cPortAsKernelTree();
const trees: string[] = [clean];

function session(binary: string, lines: string[]): string[] {
  return execFileSync(binary, { input: ['daxcheck 1', ...lines, ''].join('\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] }).trimEnd().split('\n');
}

/** A tree whose __request_region has `from` replaced by `to`, with extra includes. */
function planted(from: string, to: string, includes = ''): string {
  const tree = cPortAsKernelTree(plant(from, to));
  const file = join(tree, 'kernel/resource.c');
  writeFileSync(file, includes + readFileSync(file, 'utf8'));
  trees.push(tree);
  return tree;
}

const ALLOC = `	struct resource *res = alloc_resource(GFP_KERNEL);

	if (!res)
		return NULL;
`;

/** A fail-nth hunt of the tree suite against the harness built from tree (and, with plain, the suite without failNth steps). */
function hunt(tree: string, plain = false): RunOutcome {
  const sut = processFactory([buildKernelHarness(findKernelTree(tree, '--src'), cache).binary]);
  try {
    return runSuite({ suite: plain ? treeSuite : failNthSuite(treeSuite), model: modelFactory, sut, seed: 20, numRuns: 60, maxCommands: 30, minimizeReplays: 200 });
  } finally {
    sut.close();
  }
}

test('the harness announces failnth and leaks, and answers failNth and allocations as the C port does: __request_region\'s alloc_resource:resource fails once, ENOMEM', () => {
  const { binary } = buildKernelHarness(findKernelTree(clean, '--src'), cache);
  const out = session(binary, ['new tree', 'addRoot 0x0 0xffff r', 'allocations', 'failNth 0', 'failNth 1', 'requestRegion 0 0x10 0x10 a', 'allocations',
    'requestRegion 0 0x10 0x10 a', 'allocations', 'observe']);
  assert.is(out[0], 'daxcheck 1 kernel-resource check leaks failnth');
  assert.equal(out.slice(1, 10), ['ok', 'ok 0', 'allocs -', 'err EINVAL', 'ok', 'err ENOMEM', 'allocs alloc_resource:resource alloc_resource:resource', 'ok 1', 'allocs - alloc_resource:resource']);
  assert.match(out[10]!, /"children":\[\{"id":1,"start":"0x10","end":"0x1f","name":"a"/);
});

test('a shim\'s allocation for kernel code is named after the kernel function that called the shim; the harness driver\'s own are not counted', () => {
  const tree = withFakeDax(cPortAsKernelTree());
  trees.push(tree);
  const { binary } = buildKernelHarness(findKernelTree(tree, '--src', { dax: true }), cache);
  const out = session(binary, ['new dax', 'createRegion contiguous 0x40000000 0x800000 0x200000 empty', 'allocations', 'failNth 1', 'createDevice 0 0x0', 'allocations']);
  assert.equal(out.slice(1, 4), ['ok', 'ok 0',
    'allocs - alloc_dax_region:r alloc_dax_region:devm_add_action_or_reset devm_create_dev_dax:dev_dax devm_create_dev_dax:ida_alloc devm_create_dev_dax:alloc_dax devm_create_dev_dax:dev_set_name devm_create_dev_dax:device_add devm_create_dev_dax:devm_add_action_or_reset']);
  assert.equal(out.slice(4, 7), ['ok', 'err ENOMEM', 'allocs devm_create_dev_dax:dev_dax devm_create_dev_dax:dev_dax']);
});

test('fail-nth on the clean tree: no counterexample, and __request_region\'s allocation was failed and followed', () => {
  const o = hunt(clean);
  assert.is(o.counterexample?.failure.message ?? null, null);
  assert.ok((o.allocCoverage.get('requestRegion')?.get('alloc_resource:resource') ?? 0) > 0, 'alloc_resource:resource was never failed');
});

test('a leak planted on __request_region\'s error path is found by fail-nth alone, named by its site (the ledger), and not without fail-nth', () => {
  const tree = planted(ALLOC, `	char *tag = kstrdup(name, GFP_KERNEL);
	struct resource *res = alloc_resource(GFP_KERNEL);

	if (!res)
		return NULL;
	kfree(tag);
`);
  assert.is(hunt(tree, true).counterexample?.failure.message ?? null, null);
  const cx = hunt(tree).counterexample;
  assert.ok(cx, 'the leak was not found');
  assert.is(cx!.failure.kind, 'sut-leaked');
  assert.match(cx!.failure.detail, /left 1 allocation\(s\) behind: __request_region:name$/);
  assert.ok(cx!.commands.some((c) => c.op === 'failNth'));
});

test('a lock left held on __request_region\'s error path is found by fail-nth (the shims\' lock check)', () => {
  const tree = planted(ALLOC, `	struct resource *res;

	write_lock(&planted_lock);
	res = alloc_resource(GFP_KERNEL);
	if (!res)
		return NULL;
	write_unlock(&planted_lock);
`, '#include <linux/spinlock.h>\nstatic DEFINE_RWLOCK(planted_lock);\n');
  assert.is(hunt(tree, true).counterexample?.failure.message ?? null, null);
  const cx = hunt(tree).counterexample;
  assert.ok(cx, 'the lock was not found');
  assert.is(cx!.failure.kind, 'sut-crashed');
  assert.match(cx!.failure.detail, /daxcheck lock check: requestRegion returned with 1 lock\(s\) held/);
});

test('a WARN on __request_region\'s error path is found by fail-nth (a user can make an allocation fail), naming the site', () => {
  const tree = planted(ALLOC, `	struct resource *res = alloc_resource(GFP_KERNEL);

	if (WARN_ON(!res))
		return NULL;
`, '#include <linux/bug.h>\n');
  assert.is(hunt(tree, true).counterexample?.failure.message ?? null, null);
  const cx = hunt(tree).counterexample;
  assert.ok(cx, 'the WARN was not found');
  assert.is(cx!.failure.kind, 'sut-crashed');
  assert.match(cx!.failure.detail, /WARN after the injected allocation failure at alloc_resource:resource/);
});

test.after(() => {
  rmSync(cache, { recursive: true, force: true });
  for (const t of trees) rmSync(t, { recursive: true, force: true });
});

test.run();
