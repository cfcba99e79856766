/**
 * The harness's build-time probes (ports/kernel/probe.sh): one harness builds every tree
 * from v6.1 to mainline by reading what the tree declares, not its version. Tested on two
 * fake trees: the old-style fakes (v6.1's interfaces) and modernTree.ts's (v6.12 to
 * mainline). Each probe is shown to matter: built with the other tree's probes, a tree
 * does not compile, or leaks under ASan.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKernelHarness, findKernelTree } from '../../campaign/kernel.ts';
import { ROOT } from './cport.ts';
import { cPortAsKernelTree, tempCache, withFakeDax } from './kernelTree.ts';
import { modernFakeTree } from './modernTree.ts';

const HARNESS = join(ROOT, 'ports/kernel');
const cache = tempCache();
const old = withFakeDax(cPortAsKernelTree());
const modern = modernFakeTree();
const bare = cPortAsKernelTree();

const probe = (tree: string) => execFileSync('sh', [join(HARNESS, 'probe.sh'), tree], { encoding: 'utf8' }).trim();

/** Runs the harness binary on a session; its exit status and both outputs. */
function session(binary: string, lines: string[]) {
  const r = spawnSync(binary, { input: ['daxcheck 1', 'new dax', ...lines, ''].join('\n'), encoding: 'utf8' });
  return { status: r.status, out: r.stdout.trimEnd().split('\n').slice(2), stderr: r.stderr };
}

/** make in ports/kernel with the probes forced to `probes`: the build's exit status and output. */
function buildWith(tree: string, probes: string) {
  const out = mkdtempSync(join(tmpdir(), 'daxcheck-kprobe-'));
  const r = spawnSync('make', ['-s', '-k', '-C', HARNESS, `KSRC=${tree}`, `O=${out}`, 'DAX=1', `PROBES=${probes}`], { encoding: 'utf8' });
  return { status: r.status, log: r.stdout + r.stderr, binary: join(out, 'daxcheck-kernel'), out };
}

const LIFE = ['createRegion contiguous 0x40000000 0x800000 0x200000 empty', 'createDevice 0 0x0', 'resize 0 1 0x200000', 'bind 0 1', 'unbind 0 1', 'resize 0 1 0x0', 'deleteDevice 0 1', 'destroyRegion 0'];
const LIFE_ANSWERS = ['ok 0', 'ok 1', 'ok', 'ok', 'ok', 'ok', 'ok', 'ok'];

test('probe.sh reads each tree\'s own declarations: v6.1-style, v6.12-to-mainline-style, and a tree without drivers/dax', () => {
  assert.is(probe(old), '-DDAXCHECK_MATCH_ALWAYS -DDAXCHECK_REGION_PUT');
  assert.is(probe(modern), '-DDAXCHECK_CONST_MATCH -DDAXCHECK_CONST_UEVENT -DDAXCHECK_DRIVER_TYPE');
  assert.is(probe(bare), '');
});

test('the tree with mainline\'s interfaces (args.h, guard, kzalloc_obj, rwsem, sysfs_emit, strscpy, const bus_type, no caller reference) builds and runs a region\'s life clean under ASan', () => {
  const tree = buildKernelHarness(findKernelTree(modern, '--src'), cache);
  const r0 = session(tree.binary, []);
  assert.is(r0.status, 0, r0.stderr);
  const dax = buildKernelHarness(findKernelTree(modern, '--src', { dax: true }), cache);
  const r = session(dax.binary, [...LIFE, 'observe']);
  assert.is(r.status, 0, r.stderr);
  assert.equal(r.out.slice(0, LIFE.length), LIFE_ANSWERS);
  assert.match(r.out[LIFE.length]!, /"destroyed":true,/);
});

test('the tree with v6.1\'s interfaces runs the same life clean under ASan', () => {
  const dax = buildKernelHarness(findKernelTree(old, '--src', { dax: true }), cache);
  const r = session(dax.binary, LIFE);
  assert.is(r.status, 0, r.stderr);
  assert.equal(r.out, LIFE_ANSWERS);
});

test('built with the old tree\'s probes, the modern tree does not compile (no match_always; const callbacks)', () => {
  const b = buildWith(modern, '-DDAXCHECK_MATCH_ALWAYS -DDAXCHECK_REGION_PUT');
  try {
    assert.is.not(b.status, 0);
    assert.match(b.log, /error: .*match_always/);
    assert.match(b.log, /error: initialization of .int \(\*\)\(struct device \*, struct device_driver \*\). from incompatible pointer type/);
  } finally {
    rmSync(b.out, { recursive: true, force: true });
  }
});

test('built without DAXCHECK_REGION_PUT, the old tree\'s region reference is never put: LeakSanitizer reports it at exit', () => {
  const b = buildWith(old, '-DDAXCHECK_MATCH_ALWAYS');
  try {
    assert.is(b.status, 0, b.log);
    const r = session(b.binary, LIFE);
    assert.equal(r.out, LIFE_ANSWERS);
    assert.is.not(r.status, 0);
    assert.match(r.stderr, /LeakSanitizer: detected memory leaks/);
    assert.match(r.stderr, /alloc_dax_region/);
  } finally {
    rmSync(b.out, { recursive: true, force: true });
  }
});

test('built without DAXCHECK_DRIVER_TYPE, the modern tree\'s bus never matches the device driver: bind fails with ENODEV', () => {
  const b = buildWith(modern, '-DDAXCHECK_CONST_MATCH -DDAXCHECK_CONST_UEVENT');
  try {
    assert.is(b.status, 0, b.log);
    const r = session(b.binary, LIFE.slice(0, 4));
    assert.equal(r.out.slice(0, 3), LIFE_ANSWERS.slice(0, 3));
    assert.is(r.out[3], 'error unexpected errno -19', 'the driver core\'s ENODEV: no match');
  } finally {
    rmSync(b.out, { recursive: true, force: true });
  }
});

test.after(() => {
  for (const d of [cache, old, modern, bare]) rmSync(d, { recursive: true, force: true });
});

test.run();
