/**
 * The DAX half of the kernel harness without a kernel tree. Upstream bus.c cannot be
 * stood in for honestly (a stand-in would be a second implementation, checked against
 * nothing), so these tests cover only what is daxcheck's: the build path with DAX=1,
 * the driver's request parsing, the rules it applies itself before the kernel sees a
 * request, the failure points it arms, and the snapshots it builds — all against a fake
 * drivers/dax/ (test/ports/fixtures/fake-dax). The real bus.c is checked by
 * kernelRealTree.test.ts when DAXCHECK_KERNEL_SRC names a tree.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { UsageError } from '../../campaign/usageError.ts';
import { parseKernelOptions } from '../../cli/kernel.ts';
import { cPortAsKernelTree, tempCache, withFakeDax } from './kernelTree.ts';

const cache = tempCache();
const tree = withFakeDax(cPortAsKernelTree());

function session(lines: string[]): string[] {
  const { binary } = buildKernelHarness(findKernelTree(tree, '--src', { dax: true }), cache);
  const out = execFileSync(binary, { input: ['daxcheck 1', 'new dax', ...lines, ''].join('\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return out.trimEnd().split('\n').slice(2);
}

const REGION = 'createRegion contiguous 0x40000000 0x800000 0x200000';

test('a tree found with dax builds the DAX half (kernel-resource-dax) into its own cache folder', () => {
  const nodax = buildKernelHarness(findKernelTree(tree, '--src'), cache);
  const dax = buildKernelHarness(findKernelTree(tree, '--src', { dax: true }), cache);
  assert.is.not(dax.dir, nodax.dir);
  const hello = (binary: string) => execFileSync(binary, { input: 'daxcheck 1\nnew dax\n', encoding: 'utf8' }).trimEnd().split('\n');
  assert.equal(hello(dax.binary), ['daxcheck 1 kernel-resource-dax check leaks failnth', 'ok']);
  assert.equal(hello(nodax.binary), ['daxcheck 1 kernel-resource check leaks failnth', 'err EINVAL']);
});

test('a folder holding none of the files is refused naming every missing file at once, grouped by why', () => {
  const empty = mkdtempSync(join(tmpdir(), 'daxcheck-notree-'));
  try {
    assert.throws(() => findKernelTree(empty, 'daxcheck kernel: --src', { dax: true }), (e: unknown) => e instanceof UsageError &&
      e.message === `daxcheck kernel: --src ${empty}: no kernel/resource.c, include/linux/ioport.h there (expected the root of a kernel source tree); no drivers/dax/bus.c, drivers/dax/bus.h, drivers/dax/dax-private.h there (the DAX suite drives the tree's drivers/dax/bus.c)`);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('a tree without drivers/dax/bus.c is refused for the DAX suite, naming the file', () => {
  const bare = cPortAsKernelTree();
  try {
    assert.throws(() => findKernelTree(bare, 'daxcheck kernel: --src', { dax: true }), (e: unknown) => e instanceof UsageError && /: no drivers\/dax\/bus\.c, drivers\/dax\/bus\.h, drivers\/dax\/dax-private\.h there \(the DAX suite drives the tree's drivers\/dax\/bus\.c\)$/.test(e.message));
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
});

test('the snapshot is built from the region, its resource tree and its devices: region{R} at the root, ranges with pgoff, availBytes from available_size', () => {
  const [created, snap] = session([`${REGION} whole`, 'observe']);
  assert.is(created, 'ok 0');
  assert.is(snap, 'snap {"regions":[{"id":0,"kind":"contiguous","destroyed":false,"start":"0x40000000","sizeBytes":"0x800000","align":"0x200000","availBytes":"0x0",'
    + '"resource":{"start":"0x40000000","end":"0x407fffff","name":"region0","busy":false,"children":[{"start":"0x40000000","end":"0x407fffff","name":"dax0.0","busy":true,"children":[]}]},'
    + '"extents":[],"devices":[{"id":0,"name":"dax0.0","align":"0x200000","bound":false,"sizeBytes":"0x800000","ranges":[{"start":"0x40000000","end":"0x407fffff","pgoff":"0x0","extent":null}]}],"badReleases":0}]}');
});

test('createDevice answers the id read back from the create file; devices are listed by id, bound as the driver core sets it', () => {
  const out = session([`${REGION} empty`, 'createDevice 0 0x0', 'createDevice 0 0x0', 'deleteDevice 0 1', 'createDevice 0 0x0', 'resize 0 2 0x200000', 'bind 0 2', 'bind 0 2', 'bind 0 0', 'unbind 0 0', 'observe']);
  assert.equal(out.slice(0, 10), ['ok 0', 'ok 1', 'ok 2', 'ok', 'ok 1', 'ok', 'ok', 'err EBUSY', 'err ENXIO', 'err ENXIO']);
  assert.match(out[10]!, /"devices":\[\{"id":0,[^]*\{"id":1,[^]*\{"id":2,"name":"dax0.2","align":"0x200000","bound":true,"sizeBytes":"0x200000"/);
});

test('daxcheck rules are applied before the kernel sees the request: sized create in whole 2 MiB, mapping end ≥ start and an aligned start, createRegion arguments', () => {
  const out = session([`${REGION} empty`, 'createDevice 0 0x1000', 'mapping 0 0 0x40200000 0x401fffff', 'mapping 0 0 0x40100000 0x402fffff', 'mapping 0 0 0x40200000 0x403fffff',
    'createRegion contiguous 0x0 0x0 0x200000 whole', 'createRegion contiguous 0x100000 0x200000 0x200000 whole', 'createRegion contiguous 0x0 0x600000 0x300000 whole']);
  assert.equal(out, ['ok 0', 'err EINVAL', 'err EINVAL', 'err ENXIO', 'ok', 'err EINVAL', 'err EINVAL', 'err EINVAL']);
});

test('daxcheck rule for a sized create: a multiple of the new device\'s effective alignment, max(region align, 2 MiB) (4 MiB region: 2 MiB is EINVAL, 4 MiB is not)', () => {
  const out = session(['createRegion contiguous 0x40000000 0x1000000 0x400000 empty', 'createDevice 0 0x200000', 'createDevice 0 0x600000', 'createDevice 0 0x400000']);
  assert.equal(out, ['ok 0', 'err EINVAL', 'err EINVAL', 'ok 1']);
});

test('what bus.c has no counterpart for: dynamic regions are an error line, extents answer as on a contiguous region, extentDevice arms nothing', () => {
  const out = session([`${REGION} empty`, 'createRegion dynamic 0x0 0x200000 0x200000 default', 'addExtent 0 0x0 0x200000 a', 'addExtent 5 0x0 0x200000 a', 'removeExtent 0 0', 'failAllocation extentDevice 1', 'failAllocation resource 0', 'fault k1-whole-space-mapping']);
  assert.match(out[1]!, /^error createRegion dynamic: upstream drivers\/dax\/bus\.c has no dynamic regions/);
  assert.equal(out.slice(2), ['err EINVAL', 'err ENXIO', 'err ENXIO', 'ok', 'err EINVAL', 'err EINVAL']);
});

test('failAllocation resource fails the nth alloc_resource from now: the seed of a whole region, then the region is not created and uses no id', () => {
  const out = session(['failAllocation resource 2', `${REGION} whole`, `${REGION} whole`, `${REGION} whole`, 'observe']);
  assert.equal(out.slice(0, 4), ['ok', 'ok 0', 'err ENOMEM', 'ok 1']);
  assert.match(out[4]!, /"regions":\[\{"id":0,[^]*\{"id":1,/);
});

test('destroyRegion unwinds the region device: the region stays in the snapshot, destroyed, with no devices and no children', () => {
  const out = session([`${REGION} whole`, 'destroyRegion 0', 'destroyRegion 0', 'resize 0 0 0x0', 'observe']);
  assert.equal(out.slice(0, 4), ['ok 0', 'ok', 'err ENXIO', 'err ENXIO']);
  assert.match(out[4]!, /"destroyed":true,[^]*"availBytes":"0x0","resource":\{[^}]*"children":\[\]\},"extents":\[\],"devices":\[\]/);
});

test('daxcheck kernel takes --suite tree, dax-contiguous or dax (a tree with dynamic capacity: kernelDcd.test.ts) and refuses any other', () => {
  assert.equal(parseKernelOptions(['--src', 'x']).suite, 'tree');
  assert.equal(parseKernelOptions(['--src', 'x', '--suite', 'dax-contiguous']).hunt, ['--suite', 'dax-contiguous']);
  assert.equal(parseKernelOptions(['--src', 'x', '--suite', 'dax']).hunt, ['--suite', 'dax']);
  assert.throws(() => parseKernelOptions(['--src', 'x', '--suite', 'dynamic']), (e: unknown) => e instanceof UsageError && /--suite takes tree, dax-contiguous or dax, not "dynamic"/.test(e.message));
});

test.after(() => {
  rmSync(cache, { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
});

test.run();
