/**
 * The dynamic-capacity half of the kernel harness (driver-dcd.c, shim/cxl-core.c) without a
 * DCD tree: a tree is recognised by what its drivers/dax declares, a tree without dynamic
 * capacity is refused in one line, and each dynamic request reaches the tree's cxl.c the way
 * the CXL core makes it (probe, .notify with DCD_ADD_CAPACITY / DCD_RELEASE_CAPACITY), all
 * against a fake drivers/dax (test/ports/fixtures/fake-dcd, MIT, not kernel code). The RFC v2
 * DCD series' own code is checked by kernelDcdRealTree.test.ts when DAXCHECK_DCD_SRC names it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildKernelHarness, dynamicCapacityOf, findKernelTree } from '../../campaign/kernel.ts';
import { UsageError } from '../../campaign/usageError.ts';
import { ROOT } from './cport.ts';
import { cPortAsKernelTree, tempCache, withFakeDax, withFakeDcd } from './kernelTree.ts';

const cache = tempCache();
const tree = withFakeDcd(cPortAsKernelTree());
const contiguousOnly = withFakeDax(cPortAsKernelTree());

function session(lines: string[]): string[] {
  const { binary } = buildKernelHarness(findKernelTree(tree, '--src', { dcd: true }), cache);
  const out = execFileSync(binary, { input: ['daxcheck 1', 'new dax', ...lines, ''].join('\n'), encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return out.trimEnd().split('\n').slice(2);
}

const DYNAMIC = 'createRegion dynamic 0x40000000 0x10000000 0x200000 default';
const extentsOf = (snap: string) => JSON.parse(snap.slice('snap '.length)).regions[0].extents as { id: number; visible: boolean; refs: number; released: boolean }[];
const childrenOf = (snap: string) => JSON.parse(snap.slice('snap '.length)).regions[0].resource.children as { start: string; name: string }[];

test('a tree whose drivers/dax declares IORESOURCE_DAX_DYNAMIC_CAP and has extent.c and cxl.c builds the dynamic half (kernel-resource-dcd) into its own cache folder', () => {
  const found = findKernelTree(tree, '--src', { dcd: true });
  assert.ok(found.dax && found.dcd);
  assert.equal(Object.keys(found.files).filter((f) => f.startsWith('drivers/dax/')).sort(), ['drivers/dax/bus.c', 'drivers/dax/bus.h', 'drivers/dax/cxl.c', 'drivers/dax/dax-private.h', 'drivers/dax/extent.c']);
  const dcd = buildKernelHarness(found, cache);
  const dax = buildKernelHarness(findKernelTree(tree, '--src', { dax: true }), cache);
  assert.is.not(dcd.dir, dax.dir);
  assert.equal(execFileSync(dcd.binary, { input: 'daxcheck 1\nnew dax\n', encoding: 'utf8' }).trimEnd().split('\n'), ['daxcheck 1 kernel-resource-dcd check leaks failnth', 'ok']);
});

test('a tree without dynamic capacity is refused for the dax suite in one line naming what it lacks', () => {
  assert.is(dynamicCapacityOf(tree), null);
  assert.is(dynamicCapacityOf(contiguousOnly), 'no IORESOURCE_DAX_DYNAMIC_CAP in drivers/dax/bus.h, no drivers/dax/extent.c, no drivers/dax/cxl.c');
  assert.throws(() => findKernelTree(contiguousOnly, 'daxcheck kernel: --src', { dcd: true }),
    (e: unknown) => e instanceof UsageError && !e.message.includes('\n') && /drivers\/dax has no dynamic capacity \(no IORESOURCE_DAX_DYNAMIC_CAP in drivers\/dax\/bus\.h, .*\): .*use --suite dax-contiguous/.test(e.message));
  const cli = spawnSync(process.execPath, [join(ROOT, 'cli/bin.js'), 'kernel', '--src', contiguousOnly, '--suite', 'dax', '--seconds', '1'], { encoding: 'utf8', env: { ...process.env, DAXCHECK_CACHE: cache } });
  assert.is(cli.status, 2);
  assert.equal(cli.stderr.trimEnd().split('\n').length, 1, cli.stderr);
  assert.match(cli.stderr, /no dynamic capacity/);
});

test('the flag must be #defined in bus.h: a mention in a comment, or extent.c missing, is not dynamic capacity', () => {
  const half = withFakeDax(cPortAsKernelTree());
  try {
    writeFileSync(join(half, 'drivers/dax/bus.h'), '/* IORESOURCE_DAX_DYNAMIC_CAP is not here */\n');
    writeFileSync(join(half, 'drivers/dax/cxl.c'), '');
    assert.is(dynamicCapacityOf(half), 'no IORESOURCE_DAX_DYNAMIC_CAP in drivers/dax/bus.h, no drivers/dax/extent.c');
    writeFileSync(join(half, 'drivers/dax/bus.h'), '#define IORESOURCE_DAX_DYNAMIC_CAP\tBIT(2)\n');
    assert.is(dynamicCapacityOf(half), 'no drivers/dax/extent.c');
  } finally {
    rmSync(half, { recursive: true, force: true });
  }
});

test('createRegion dynamic binds the tree\'s cxl.c driver to a DC region: a dynamic DAX region with an empty seed device, at the align asked (cxl.c\'s PMD_SIZE)', () => {
  const out = session([DYNAMIC, 'createRegion dynamic 0x80000000 0x80000000 0x40000000 whole', 'observe']);
  assert.equal(out.slice(0, 2), ['ok 0', 'ok 1']);
  const regions = JSON.parse(out[2]!.slice('snap '.length)).regions;
  assert.equal(regions.map((r: { kind: string; align: string }) => [r.kind, r.align]), [['dynamic', '0x200000'], ['dynamic', '0x40000000']]);
  assert.equal(regions[1].devices, [{ id: 0, name: 'dax1.0', align: '0x40000000', bound: false, sizeBytes: '0x0', ranges: [] }]);
});

test('addExtent goes through cxl.c\'s .notify with DCD_ADD_CAPACITY and removeExtent with DCD_RELEASE_CAPACITY; extents are read back from the extent devices', () => {
  const out = session([DYNAMIC, 'addExtent 0 0x0 0x400000 a', 'addExtent 0 0x800000 0x200000 b', 'observe', 'removeExtent 0 0', 'observe', 'removeExtent 0 0', 'removeExtent 0 7']);
  assert.equal(out.slice(0, 3), ['ok 0', 'ok 0', 'ok 1']);
  assert.equal(extentsOf(out[3]!).map((e) => [e.id, e.visible, e.refs, e.released]), [[0, true, 1, false], [1, true, 1, false]]);
  assert.equal(childrenOf(out[3]!).map((c) => [c.start, c.name]), [['0x40000000', 'extent'], ['0x40800000', 'extent']]);
  assert.is(out[4], 'ok');
  assert.equal(extentsOf(out[5]!).map((e) => [e.id, e.visible, e.refs, e.released]), [[0, false, 0, true], [1, true, 1, false]]);
  assert.equal(childrenOf(out[5]!).map((c) => c.start), ['0x40800000']);
  assert.equal(out.slice(6), ['err ENXIO', 'err ENXIO']);
});

test('what the CXL layer refuses before DAX sees it: a misaligned or empty extent is EINVAL, a second extent at one offset ENOSPC; a contiguous region takes none', () => {
  const out = session([DYNAMIC, 'addExtent 0 0x100000 0x200000 a', 'addExtent 0 0x0 0x100000 a', 'addExtent 0 0x0 0x0 a', 'addExtent 0 0x0 0x200000 a', 'addExtent 0 0x0 0x200000 b',
    'createRegion contiguous 0x0 0x200000 0x200000 empty', 'addExtent 1 0x0 0x200000 a', 'addExtent 9 0x0 0x200000 a', 'removeExtent 1 0']);
  assert.equal(out, ['ok 0', 'err EINVAL', 'err EINVAL', 'err EINVAL', 'ok 0', 'err ENOSPC', 'ok 1', 'err EINVAL', 'err ENXIO', 'err ENXIO']);
});

test('failAllocation extentDevice counts extent-device registrations only (an add refused for a conflict does not count) and fails the next one\'s devres allocation, leaving no extent', () => {
  const out = session([DYNAMIC, 'addExtent 0 0x0 0x200000 a', 'failAllocation extentDevice 1', 'addExtent 0 0x0 0x200000 b', 'addExtent 0 0x200000 0x200000 c', 'observe',
    'addExtent 0 0x200000 0x200000 c', 'failAllocation extentDevice 2', 'addExtent 0 0x400000 0x200000 d', 'addExtent 0 0x600000 0x200000 e', 'failAllocation extentDevice 0']);
  assert.equal(out.slice(0, 4), ['ok 0', 'ok 0', 'ok', 'err ENOSPC']);
  assert.is(out[4], 'err ENOMEM');
  assert.equal(extentsOf(out[5]!).length, 1);
  assert.equal(childrenOf(out[5]!).map((c) => c.start), ['0x40000000']);
  assert.equal(out.slice(6), ['ok 1', 'ok', 'ok 2', 'err ENOMEM', 'err EINVAL']);
});

test('destroyRegion unbinds cxl.c\'s driver and the CXL region drops its extents: every extent ends released', () => {
  const out = session([DYNAMIC, 'addExtent 0 0x0 0x200000 a', 'addExtent 0 0x200000 0x200000 b', 'removeExtent 0 1', 'destroyRegion 0', 'observe']);
  assert.equal(out.slice(0, 5), ['ok 0', 'ok 0', 'ok 1', 'ok', 'ok']);
  assert.match(out[5]!, /"destroyed":true,/);
  assert.equal(extentsOf(out[5]!).map((e) => [e.visible, e.refs, e.released]), [[false, 0, true], [false, 0, true]]);
});

test('mapping on a dynamic region reaches the kernel\'s own refusal first (daxcheck\'s start rule is for contiguous regions)', () => {
  // the fake bus.c takes any mapping: what is checked is that the harness did not refuse it itself
  const out = session([DYNAMIC, 'mapping 0 0 0x40100000 0x402fffff']);
  assert.equal(out, ['ok 0', 'ok']);
});

test.after(() => {
  rmSync(cache, { recursive: true, force: true });
  rmSync(tree, { recursive: true, force: true });
  rmSync(contiguousOnly, { recursive: true, force: true });
});

test.run();
