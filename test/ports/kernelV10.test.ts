/**
 * `daxcheck kernel --profile v10` without a v10 tree: a tree is recognised as the DCD v10
 * series' by what its drivers/dax shows (dax_resource with a seq_num, uuid_claim_tagged(),
 * dax_region_rm_resources(), cxl.c's struct cxl_notify_data), any other tree is refused in
 * one line naming what it lacks, and the command line's --profile is checked. The files
 * written here are markers, not kernel code; the series' own code is checked by
 * kernelV10RealTree.test.ts when DAXCHECK_V10_SRC names a tree.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findKernelTree, v10TagGroupsOf } from '../../campaign/kernel.ts';
import { UsageError } from '../../campaign/usageError.ts';
import { parseKernelOptions } from '../../cli/kernel.ts';
import { cPortAsKernelTree } from './kernelTree.ts';

/** A tree whose drivers/dax files hold the given texts (bus.h always). */
function daxTree(files: Record<string, string>): string {
  const root = cPortAsKernelTree();
  mkdirSync(join(root, 'drivers/dax'), { recursive: true });
  writeFileSync(join(root, 'drivers/dax/bus.h'), '/* marker */\n');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, 'drivers/dax', name), text);
  return root;
}

const V10 = {
  'dax-private.h': 'struct dax_resource {\n\tstruct resource *res;\n\tu16 seq_num;\n};\n',
  'bus.c': 'static ssize_t uuid_claim_tagged(struct dax_region *r)\nint dax_region_rm_resources(struct dax_region *r)\n',
  'cxl.c': 'static int n(struct device *dev, struct cxl_notify_data *d)\n',
};

test('a tree whose drivers/dax has the v10 marks is a v10 tree: bus.c, bus.h, dax-private.h and cxl.c are read', () => {
  const root = daxTree(V10);
  assert.is(v10TagGroupsOf(root), null);
  const found = findKernelTree(root, '--src', { v10: true });
  assert.ok(found.v10 && found.dax && !found.dcd);
  assert.equal(Object.keys(found.files).filter((f) => f.startsWith('drivers/dax/')).sort(), ['drivers/dax/bus.c', 'drivers/dax/bus.h', 'drivers/dax/cxl.c', 'drivers/dax/dax-private.h']);
});

test('a tree without the v10 series is refused in one line that names each missing mark', () => {
  const rfcLike = daxTree({ 'dax-private.h': 'struct dax_region_extent {\n\tstruct kref ref;\n};\n', 'bus.c': 'static int dax_region_avail(void)\n', 'cxl.c': 'struct cxl_drv_nd *nd;\n' });
  const lacks = v10TagGroupsOf(rfcLike)!;
  assert.is(lacks, 'no struct dax_resource with a seq_num in drivers/dax/dax-private.h, no uuid_claim_tagged() in drivers/dax/bus.c, no dax_region_rm_resources() in drivers/dax/bus.c, no .notify taking a struct cxl_notify_data in drivers/dax/cxl.c');
  assert.throws(() => findKernelTree(rfcLike, 'daxcheck kernel: --src', { v10: true }), (e: unknown) =>
    e instanceof UsageError && !e.message.includes('\n') && e.message.startsWith(`daxcheck kernel: --src ${rfcLike}: not a DCD v10 tree (no struct dax_resource`) && e.message.endsWith('(docs/kernel-v10.md says how to assemble one)'));
});

test('a v10 tree missing cxl.c, or with only some marks, is refused naming what is missing', () => {
  const noCxl = daxTree({ 'dax-private.h': V10['dax-private.h'], 'bus.c': V10['bus.c'] });
  assert.is(v10TagGroupsOf(noCxl), 'no drivers/dax/cxl.c');
  const half = daxTree({ ...V10, 'bus.c': 'static ssize_t uuid_claim_tagged(struct dax_region *r)\n' });
  assert.is(v10TagGroupsOf(half), 'no dax_region_rm_resources() in drivers/dax/bus.c');
});

test('--profile v10 hunts the suite dcd-v10; v11, an unknown profile, or another --suite beside it are usage errors', () => {
  const o = parseKernelOptions(['--src', 'x', '--profile', 'v10', '--seconds', '5']);
  assert.is(o.suite, 'dcd-v10');
  assert.equal(o.hunt, ['--seconds', '5', '--profile', 'v10']);
  assert.is(parseKernelOptions(['--src', 'x', '--profile=rfc-v2']).suite, 'tree');
  assert.throws(() => parseKernelOptions(['--src', 'x', '--profile', 'v11']), (e: unknown) => e instanceof UsageError && /--profile v11: no v11 tree/.test(e.message));
  assert.throws(() => parseKernelOptions(['--src', 'x', '--profile', 'v9']), (e: unknown) => e instanceof UsageError && /--profile takes rfc-v2 or v10, not "v9"/.test(e.message));
  assert.throws(() => parseKernelOptions(['--src', 'x', '--profile', 'v10', '--suite', 'dax']), (e: unknown) => e instanceof UsageError && /--suite dax belongs to --profile rfc-v2/.test(e.message));
});

test.run();
