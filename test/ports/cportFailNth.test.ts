/**
 * fail-nth on the C port through the protocol (docs/fail-nth.md): a systematic enumeration
 * fails every allocation site the port reaches, each followed with no crash, no leak
 * (the ledger) and a passing self-check; S3 is found by fail-nth alone as an ASan report;
 * and three error-path defects no other run reaches are caught: a leak, an invariant, the self-check.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { systemsNow } from '../../campaign/systems.ts';
import { parseAllocationsAnswer } from '../../protocol/protocol.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { enumerate } from '../properties/failNthRuns.ts';
import { buildCPortMutant } from '../../bench/mutants/cPortBuild.ts';
import type { CPortMutant } from '../../bench/mutants/cPortMutants.ts';
import { buildCPort, C_PORT, ROOT } from './cport.ts';

buildCPort();

/** Every allocation site of the C port that the enumeration's run reaches (ports/c/, by function:object). */
const C_SITES = [
  'alloc_dev_dax_range:mapping', 'alloc_dev_dax_range:ranges', 'alloc_resource:resource', 'dax_extent_add:extent', 'dax_extent_add:extents',
  'dax_extent_add:label', 'dax_extent_add:res', 'dax_extent_register_dev:dev', 'dax_region_create:dax_region', 'dax_region_create:regions',
  'dev_dax_alloc:dev_dax', 'dev_dax_alloc:devs', 'ida_alloc:used',
];

test('the allocations answer is parsed, and a malformed one refused', () => {
  assert.equal(parseAllocationsAnswer('allocs - a:b c:d'), { failed: null, sites: ['a:b', 'c:d'] });
  assert.equal(parseAllocationsAnswer('allocs c:d c:d'), { failed: 'c:d', sites: ['c:d'] });
  assert.throws(() => parseAllocationsAnswer('ok'), /allocs FAILED SITE/);
});

test('a systematic fail-nth enumeration fails every allocation site of the C port; every failure is followed, nothing leaks', () => {
  const systems = systemsNow({ kind: 'exec', command: [C_PORT] }, null, ['dax'], 'test');
  try {
    const { failed, failures } = enumerate(systems.sut, systems.reference);
    assert.equal(failures, []);
    assert.equal([...failed].sort(), C_SITES);
  } finally {
    systems.close();
  }
});

test('fail-nth alone finds S3 in the C port as an ASan report naming the failed site', () => {
  const systems = systemsNow({ kind: 'exec', command: [C_PORT] }, 's3-double-release', ['dax'], 'test');
  try {
    const cmds = [
      { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 1024n << 20n, align: 2n << 20n, seed: 'whole' },
      { op: 'failNth', n: 5 },
      { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 2n << 20n, label: 'a' },
    ];
    const out = replayCommands(daxSuite, systems.reference, systems.sut, cmds);
    assert.is(out.failure?.kind, 'sut-crashed');
    assert.match(out.failure!.message, /AddressSanitizer: heap-use-after-free/);
    assert.match(out.failure!.message, /fails at dax_extent_register_dev:dev/);
  } finally {
    systems.close();
  }
});

/** Error-path defects of the C port that only an injected allocation failure reaches, and the kind fail-nth must report. */
const ERROR_PATH_DEFECTS: { mutant: CPortMutant; kind: string }[] = [
  {
    kind: 'sut-leaked',
    mutant: {
      name: 'c-errpath-leak-label', summary: 'the extent device error path forgets to free the label copy',
      edits: [{ file: 'c/extent.c', find: '\tif (dax_extent_register_dev(extent)) {\n\t\tkfree(tag);\n', replace: '\tif (dax_extent_register_dev(extent)) {\n' }],
    },
  },
  {
    kind: 'invariant',
    mutant: {
      name: 'c-errpath-ranges-keeps-resource', summary: 'a failed ranges krealloc returns ENOMEM without releasing the new resource',
      edits: [{ file: 'c/bus.c', find: '\tif (!ranges) {\n\t\tdax_release_region(dax_region, parent, start, size);\n', replace: '\tif (!ranges) {\n' }],
    },
  },
  {
    kind: 'self-check',
    mutant: {
      name: 'c-errpath-mapping-keeps-range', summary: 'a failed mapping allocation returns ENOMEM and keeps the new range',
      edits: [{ file: 'c/bus.c', find: '\tif (!mapping) {\n\t\ttrim_dev_dax_range(dev_dax);\n', replace: '\tif (!mapping) {\n' }],
    },
  },
];

for (const { mutant, kind } of ERROR_PATH_DEFECTS) {
  test(`fail-nth finds ${mutant.name} (${mutant.summary}) as ${kind}`, () => {
    const built = buildCPortMutant(ROOT, mutant);
    const systems = systemsNow({ kind: 'exec', command: [built.binary] }, null, ['dax'], 'test');
    try {
      const { failures } = enumerate(systems.sut, systems.reference);
      assert.ok(failures.some((f) => f.includes(`${kind}:`)), `${mutant.name}: ${failures.slice(0, 3).join('\n') || 'nothing found'}`);
    } finally {
      systems.close();
      built.remove();
    }
  });
}

test.run();
