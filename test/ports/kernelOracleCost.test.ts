/**
 * What the kernel harness stopped paying for (issue 23), with its oracles still there: the
 * watchdog is one periodic CPU-time timer (no system call per request) and still stops an
 * endless loop in kernel code, naming the request, now in every suite; a leak the ledger
 * reported for the run that made it is kept reachable, so LeakSanitizer does not report it
 * again at a later exit (which the client took for that later run's leak and then gave
 * every run a process of its own). The C port's resource.c laid out as a kernel tree, with
 * the defect planted by a text edit (kernelTree.ts).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { chooseDelivery } from '../../protocol/delivery.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { replayCommands } from '../../properties/replay.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { cPortAsKernelTree, plant, tempCache } from './kernelTree.ts';

const cache = tempCache();
const trees: string[] = [];

const ALLOC = `	struct resource *res = alloc_resource(GFP_KERNEL);

	if (!res)
		return NULL;
`;

/** The harness built from the C port's resource.c with __request_region's first lines replaced by `to`. */
function plantedHarness(to: string): string {
  const tree = cPortAsKernelTree(plant(ALLOC, to));
  trees.push(tree);
  return buildKernelHarness(findKernelTree(tree, '--src'), cache).binary;
}

/** Runs a session; its stdout lines, stderr and exit status (never throws for a non-zero exit). */
function session(binary: string, lines: string[]): { out: string[]; err: string; status: number | null } {
  try {
    const out = execFileSync(binary, { input: ['daxcheck 1', ...lines, ''].join('\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    return { out: out.trimEnd().split('\n'), err: '', status: 0 };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; status?: number | null };
    return { out: (x.stdout ?? '').trimEnd().split('\n'), err: x.stderr ?? '', status: x.status ?? null };
  }
}

test('an endless loop planted in __request_region is stopped by the watchdog, naming the request; the answers before it are given', () => {
  const binary = plantedHarness(`	struct resource *res;

	if (start == 0x40)
		for (;;)
			;
	res = alloc_resource(GFP_KERNEL);
	if (!res)
		return NULL;
`);
  const ran = session(binary, ['new tree', 'addRoot 0x0 0xffff r', 'requestRegion 0 0x10 0x10 a', 'requestRegion 0 0x40 0x10 b', 'observe']);
  assert.is.not(ran.status, 0);
  assert.match(ran.err, /SUMMARY: daxcheck kernel harness: 'requestRegion 0 0x40 0x10 b' still running after 250 ms of CPU time \(an endless loop in kernel code\)/);
  assert.equal(ran.out.slice(1), ['ok', 'ok 0', 'ok 1'], 'the requests before the loop were answered');
});

test('the watchdog never fires between requests: a session idle on its input, then a quick request, answers', () => {
  const binary = plantedHarness(ALLOC);
  const ran = session(binary, ['new tree', 'addRoot 0x0 0xffff r', ...Array.from({ length: 2000 }, (_, i) => `requestRegion 0 ${i % 2 === 0 ? '0x10' : '0x20'} 0x10 a`), 'quit']);
  assert.is(ran.status, 0, ran.err);
  assert.is(ran.out.length, 1 + 2 + 2000);
});

const LEAK = `	char *tag = kstrdup(name, GFP_KERNEL);
	struct resource *res = alloc_resource(GFP_KERNEL);

	if (!tag || !res)
		return NULL;
`;

test('a leak the ledger reported for its instance is not reported again by LeakSanitizer at exit: the quit after it exits 0', () => {
  const binary = plantedHarness(LEAK);
  const ran = session(binary, ['new tree', 'addRoot 0x0 0xffff r', 'requestRegion 0 0x10 0x10 a', 'new tree', 'check', 'quit']);
  assert.match(ran.out.at(-1)!, /^bad leak: the dropped tree instance left 1 allocation\(s\) behind: __request_region:name$/);
  assert.is(ran.status, 0, ran.err);
  assert.not.match(ran.err, /LeakSanitizer/);
});

test('a leaky run, then a clean run that quits: the leak fails the leaky run only, and later runs keep sharing one process', () => {
  const binary = plantedHarness(LEAK);
  const shares = { splitPercent: 0, stepPercent: 0, quitPercent: 50 };
  let seed = 0; // run 0 does not quit, run 1 does, runs 2 and 3 do not
  while (chooseDelivery(seed, 0, shares).quit || !chooseDelivery(seed, 1, shares).quit || chooseDelivery(seed, 2, shares).quit || chooseDelivery(seed, 3, shares).quit) seed++;
  const port = processFactory([binary], { shares, deliverySeed: seed });
  const leaky = [{ op: 'addRoot', start: 0n, end: 0xffffn, name: 'r' }, { op: 'requestRegion', parent: 0, at: 'parentStart', child: 0, deltaBytes: 0x10n, sizeBytes: 0x10n, name: 'a' }];
  const clean = [{ op: 'addRoot', start: 0n, end: 0xffffn, name: 'r' }];
  try {
    const first = replayCommands(treeSuite, modelFactory, port, leaky, false).failure;
    assert.is(first?.kind, 'sut-leaked', first?.message);
    port.pinDelivery(null);
    assert.is(replayCommands(treeSuite, modelFactory, port, clean, false).failure, null, 'run 1 quits; its exit is clean');
    assert.is(replayCommands(treeSuite, modelFactory, port, clean, false).failure, null);
    const pid = port.processId();
    assert.ok(pid !== null, 'run 2 did not end its process');
    assert.is(replayCommands(treeSuite, modelFactory, port, clean, false).failure, null);
    assert.is(port.processId(), pid, 'run 3 ran on the same process');
  } finally {
    port.close();
  }
});

test.after(() => {
  for (const t of trees) rmSync(t, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

test.run();
