/**
 * `daxcheck kernel` as a user runs it (a child process), on the C port's resource.c laid
 * out as a kernel tree: a clean tree passes, a planted defect is a new finding (exit 1),
 * every usage mistake is one line (exit 2), and a tree that does not build is one line
 * (exit 4). The harness is built into a private cache.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cPortAsKernelTree, NO_PREVIOUS_SIBLING_CHECK } from '../ports/kernelTree.ts';
import { daxcheck } from './daxcheck.ts';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-kcli-'));
process.env.DAXCHECK_CACHE = join(dir, 'cache');
const clean = cPortAsKernelTree();
const planted = cPortAsKernelTree(NO_PREVIOUS_SIBLING_CHECK);
const hunt = (name: string, seconds = 2) => ['--seconds', String(seconds), '--workers', '1', '--batch-runs', '5', '--out', join(dir, name, 'shrinks'), '--reports', join(dir, name, 'reports')];

test('daxcheck kernel on a clean tree builds it, hunts the tree suite against it and exits 0', async () => {
  const r = await daxcheck(['kernel', '--src', clean, ...hunt('clean')]);
  assert.is(r.code, 0, r.stderr + r.stdout);
  assert.match(r.stderr, /^daxcheck kernel: Linux 0\.0\.0-cport at \S+: kernel\/resource\.c, include\/linux\/ioport\.h built against the shims\n/m);
  const line = r.stderr.split('\n').find((l) => l.startsWith('daxcheck kernel: '))!;
  assert.not.ok(line.includes(process.env.DAXCHECK_CACHE!), `the version, not the cache path: ${line}`);
  assert.match(r.stdout, /ok {3}tree \(exec:.*daxcheck-kernel\): .* no failure/);
});

test('daxcheck kernel on a tree with a planted defect reports a new finding and exits 1', async () => {
  const r = await daxcheck(['kernel', '--src', planted, ...hunt('planted', 8)]);
  assert.is(r.code, 1, r.stderr + r.stdout);
  assert.match(r.stdout, /^new: .*cx-[0-9a-f]+\.json: step \d+: adjustResource/m);
});

test('daxcheck kernel --build-only prints the binary, from the cache the second time', async () => {
  const r = await daxcheck(['kernel', '--src', clean, '--build-only']);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout.trim(), /daxcheck-kernel$/);
  assert.match(r.stderr, /\(cached\)/);
});

test('daxcheck kernel refuses a missing --src, a bad --known-defects and --sut-exec with one line each (exit 2)', async () => {
  for (const [args, says] of [
    [[], '--src DIR is required'],
    [['--src', clean, '--known-defects', 'maybe'], '--known-defects takes fail or report, not "maybe"'],
    [['--src', clean, '--sut-exec', 'x'], '--sut-exec names another system under test'],
    [['--src', dir], 'no kernel/resource.c, include/linux/ioport.h there (expected the root of a kernel source tree)'],
  ] as const) {
    const r = await daxcheck(['kernel', ...args]);
    assert.is(r.code, 2, r.stderr);
    assert.is(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.ok(r.stderr.includes(says), r.stderr);
  }
});

test('daxcheck kernel on a tree that does not build exits 4 (not 2) with one line: the first compiler error and the log', async () => {
  const broken = cPortAsKernelTree((t) => t + '\nthis is not C;\n');
  try {
    const r = await daxcheck(['kernel', '--src', broken, ...hunt('broken')]);
    assert.is(r.code, 4, r.stderr + r.stdout);
    assert.is(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^daxcheck kernel: cannot build .* against the shims: .*kernel\/resource\.c:\d+:\d+: error: .*\(full log: (.*\.build-error\.log)\)\n$/);
    const log = /\(full log: (.*)\)\n$/.exec(r.stderr)![1]!;
    assert.ok(existsSync(log), log);
  } finally {
    rmSync(broken, { recursive: true, force: true });
  }
});

test.after(() => {
  for (const d of [dir, clean, planted]) rmSync(d, { recursive: true, force: true });
});

test.run();
