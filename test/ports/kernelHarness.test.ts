import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { firstBuildError, KernelBuildError } from '../../campaign/kernelBuildError.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { UsageError } from '../../campaign/usageError.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { cPortAsKernelTree, NO_PREVIOUS_SIBLING_CHECK, plant, tempCache } from './kernelTree.ts';

const cache = tempCache();
const clean = cPortAsKernelTree();

function session(binary: string, lines: string[]): string[] {
  const out = execFileSync(binary, { input: ['daxcheck 1', ...lines, ''].join('\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return out.trimEnd().split('\n');
}

test('the C port resource.c laid out as a kernel tree builds against the shims, and a second build comes from the cache', () => {
  const tree = findKernelTree(clean, '--src');
  assert.is(tree.version, '0.0.0-cport');
  const first = buildKernelHarness(tree, cache);
  const again = buildKernelHarness(tree, cache);
  assert.is(again.binary, first.binary);
  assert.ok(again.cached);
  assert.equal(session(first.binary, ['new dax']), ['daxcheck 1 kernel-resource check leaks failnth', 'err EINVAL']);
});

test('a change to the tree rebuilds into another cache folder', () => {
  const tree = cPortAsKernelTree((t) => t + '\n/* changed */\n');
  try {
    const a = buildKernelHarness(findKernelTree(clean, '--src'), cache);
    const b = buildKernelHarness(findKernelTree(tree, '--src'), cache);
    assert.is.not(a.dir, b.dir);
    assert.not.ok(b.cached);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});

test('releaseRegion of a range that is not there answers ENOENT, read from the "Trying to free nonexistent resource" message', () => {
  const { binary } = buildKernelHarness(findKernelTree(clean, '--src'), cache);
  const out = session(binary, ['new tree', 'addRoot 0x0 0xffff r', 'requestRegion 0 0x10 0x10 a', 'releaseRegion 0 0x10 0x11', 'releaseRegion 0 0x10 0x10']);
  assert.equal(out.slice(1), ['ok', 'ok 0', 'ok 1', 'err ENOENT', 'ok']);
});

test('adjustResource with size 0 or a wrapping end is EINVAL by the driver (daxcheck rule), before the kernel sees it', () => {
  const { binary } = buildKernelHarness(findKernelTree(clean, '--src'), cache);
  const out = session(binary, ['new tree', 'addRoot 0x0 0xffff r', 'requestResource 0 0x1000 0x1fff a', 'adjustResource 1 0x1000 0x0', 'adjustResource 1 0xffffffffffffffff 0x2', 'observe']);
  assert.equal(out.slice(4, 6), ['err EINVAL', 'err EINVAL']);
  assert.match(out[6]!, /"start":"0x1000","end":"0x1fff"/);
});

test('the harness built from the laid-out tree agrees with the model on 300 runs of the resource tree suite', () => {
  const { binary } = buildKernelHarness(findKernelTree(clean, '--src'), cache);
  const sut = processFactory([binary]);
  try {
    const o = runSuite({ suite: treeSuite, model: modelFactory, sut, seed: 14, numRuns: 300, maxCommands: 60, minimizeReplays: 100 });
    assert.is(o.counterexample?.failure.message ?? null, null);
    assert.is(o.runs, 300);
  } finally {
    sut.close();
  }
});

// Since the generators reach every argument bucket (docs/argument-domains.md), the run seed 14 finds
// first shrinks less far: 9 commands after 200 minimizing replays, 6 after 1000 (two roots and a
// parent with two children before the adjust).
test('a planted defect (adjust_resource without its previous-sibling check) is caught and shrunk to at most 6 commands', () => {
  const tree = cPortAsKernelTree(NO_PREVIOUS_SIBLING_CHECK);
  const sut = processFactory([buildKernelHarness(findKernelTree(tree, '--src'), cache).binary]);
  try {
    const o = runSuite({ suite: treeSuite, model: modelFactory, sut, seed: 14, numRuns: 300, maxCommands: 60, minimizeReplays: 1000 });
    assert.ok(o.counterexample, 'the defect was not found');
    assert.match(o.counterexample!.failure.message, /adjustResource/);
    assert.ok(o.counterexample!.commands.length <= 6, `${o.counterexample!.commands.length} commands`);
  } finally {
    sut.close();
    rmSync(tree, { recursive: true, force: true });
  }
});

test('a lock left held by kernel code stops the harness with a line naming the request', () => {
  const tree = cPortAsKernelTree(plant('struct resource *request_resource_conflict(struct resource *root, struct resource *new)\n{\n',
    'static DEFINE_RWLOCK(resource_lock);\n\nstruct resource *request_resource_conflict(struct resource *root, struct resource *new)\n{\n\twrite_lock(&resource_lock);\n'));
  try {
    const file = join(tree, 'kernel/resource.c');
    writeFileSync(file, '#include <linux/spinlock.h>\n' + readFileSync(file, 'utf8'));
    const { binary } = buildKernelHarness(findKernelTree(tree, '--src'), cache);
    let stderr = '';
    try {
      session(binary, ['new tree', 'addRoot 0x0 0xffff r', 'requestResource 0 0x0 0xf a']);
      assert.unreachable('the harness did not stop');
    } catch (e) {
      stderr = String((e as { stderr?: string }).stderr);
    }
    assert.match(stderr, /daxcheck lock check: requestResource returned with 1 lock\(s\) held/);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});

test('a folder that is not a kernel tree is refused with one line naming the missing files', () => {
  const bare = tempCache();
  try {
    assert.throws(() => findKernelTree(join(bare, 'nope'), 'daxcheck kernel: --src'), (e: unknown) => e instanceof UsageError && /nope: no such directory$/.test(e.message));
    assert.throws(() => findKernelTree(bare, 'daxcheck kernel: --src'), (e: unknown) => e instanceof UsageError && /: no kernel\/resource\.c, include\/linux\/ioport\.h there \(expected the root of a kernel source tree\)$/.test(e.message));
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
});

/** What building the harness from tree throws (null when it builds). */
function buildError(tree: string): unknown {
  try {
    buildKernelHarness(findKernelTree(tree, '--src'), cache);
    return null;
  } catch (e) {
    return e;
  }
}

test('a tree whose resource.c does not compile is a KernelBuildError (not a usage error) with the first compiler error and a kept log', () => {
  const tree = cPortAsKernelTree((t) => t + '\nthis is not C;\n');
  try {
    const err = buildError(tree);
    assert.ok(err instanceof KernelBuildError, String(err));
    assert.not.ok(err instanceof UsageError);
    const e = err as KernelBuildError;
    assert.match(e.firstError, /kernel\/resource\.c:\d+:\d+: error: /);
    assert.match(e.message, /cannot build .* against the shims: .*resource\.c:\d+:\d+: error: .*\(full log: .*\.build-error\.log\)$/);
    assert.ok(readFileSync(e.logFile, 'utf8').includes(e.firstError), 'the log holds the error it names');
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});

test('an error in the tree\'s ioport.h is named at the tree\'s own path, not at the build\'s deleted copy of it', () => {
  const tree = cPortAsKernelTree();
  try {
    const file = join(tree, 'include/linux/ioport.h');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nthis is not C;\n');
    const err = buildError(tree);
    assert.ok(err instanceof KernelBuildError, String(err));
    assert.ok((err as KernelBuildError).firstError.startsWith(`${file}:`), (err as KernelBuildError).firstError);
  } finally {
    rmSync(tree, { recursive: true, force: true });
  }
});

test('firstBuildError names the compiler\'s first error, else the first undefined reference, else make\'s complaint', () => {
  const compiler = 'In file included from x.c:1:\nx.h:3:10: fatal error: linux/args.h: No such file or directory\nmake: *** [Makefile:9: x.o] Error 1\n';
  assert.is(firstBuildError(compiler), 'x.h:3:10: fatal error: linux/args.h: No such file or directory');
  const linker = '/usr/bin/ld: bus.o: in function `f\':\nbus.c:5: undefined reference to `device_unregister\'\ncollect2: error: ld returned 1 exit status\n';
  assert.is(firstBuildError(linker), 'bus.c:5: undefined reference to `device_unregister\'');
  assert.is(firstBuildError('make: *** No rule to make target \'k/bus.c\'.  Stop.\n'), 'make: *** No rule to make target \'k/bus.c\'.  Stop.');
  assert.is(firstBuildError(''), '(empty build log)');
});

test.after(() => {
  rmSync(cache, { recursive: true, force: true });
  rmSync(clean, { recursive: true, force: true });
});

test.run();
