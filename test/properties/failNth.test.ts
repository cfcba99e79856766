/**
 * fail-nth (docs/SPECIFICATION.md §8.2, docs/fail-nth.md) on the implementation: the armed
 * nth allocation of the next operation fails and nothing else; a systematic enumeration
 * fails every allocation site of the implementation and every failure is followed; and
 * the §8.2 oracles catch a wrong result, a state no failure allows, and S3.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory, implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { errorPathCoverage } from '../../reporting/runSummary.ts';
import { fail, type DaxSnapshot, type DaxSut, type SutFactory } from '../../sut/interface.ts';

import { cont, dev, dyn, enumerate, ext, grow, MiB } from './failNthRuns.ts';

/** Every TS allocation site (impl/), named as the C port names its own. */
const IMPL_SITES = [
  'alloc_dev_dax_range:mapping', 'alloc_dev_dax_range:ranges', 'alloc_resource:resource', 'dax_extent_add:extent', 'dax_extent_add:extents',
  'dax_extent_add:label', 'dax_extent_add:res', 'dax_extent_register_dev:dev', 'dax_region_create:dax_region', 'dax_region_create:regions',
  'dev_dax_alloc:dev_dax', 'ida_alloc:used',
];

test('the armed nth allocation of the next operation fails, once; the operation after it is not armed', () => {
  const d = implFactory.createDax();
  d.failNth!(2);
  assert.equal(d.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB }), fail('ENOMEM'));
  assert.equal(d.takeAllocations!(), { sites: ['dax_region_create:regions', 'dax_region_create:dax_region'], failed: 'dax_region_create:dax_region' });
  assert.equal(d.observe().regions, [], 'nothing of the region stays');
  assert.equal(d.createRegion({ kind: 'dynamic', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB }), { ok: true, id: 0 });
  assert.is(d.takeAllocations!().failed, null);
  d.failNth!(9);
  assert.equal(d.addExtent(0, 0n, 2n * MiB, 'a'), { ok: true, id: 0 }, 'an operation with fewer than n allocations fails none');
  assert.is(d.takeAllocations!().failed, null);
});

test('a systematic fail-nth enumeration fails every allocation site of the implementation, and every failure is followed (§8.2)', () => {
  const { failed, failures, coverage, runs } = enumerate(implFactory);
  assert.equal(failures, []);
  // n = 1, 2, … until each step makes fewer than n: 4 + 4 + 5 + 2 + 3 + 3 allocations, plus one run per step that fails none
  assert.is(runs, 21 + 6);
  assert.equal([...failed].sort(), IMPL_SITES);
  const paths = errorPathCoverage(coverage);
  assert.ok(paths.some((p) => p.op === 'addExtent' && p.failed.includes('dax_extent_register_dev:dev')));
});

test('fail-nth alone finds S3 in the implementation (no named failure point): the double release breaks I4', () => {
  const { failures } = enumerate(createImplFactory(['s3-double-release']), modelFactory);
  assert.ok(failures.some((f) => f.includes('dax_extent_register_dev:dev') && f.includes('I4')), failures.join('\n'));
});

/** The implementation, except that an operation whose injected failure fired is redone without it (its result stays ENOMEM). */
function redoAfterFailure(errno: 'ENOMEM' | 'ENOSPC'): SutFactory {
  return {
    name: 'impl+redo',
    createTree: () => implFactory.createTree(),
    createDax: () => {
      const inner = implFactory.createDax();
      const wrapped = Object.create(inner) as DaxSut;
      wrapped.addExtent = (r, o, l, label) => {
        const got = inner.addExtent(r, o, l, label);
        if (inner.takeAllocations!().failed === null) return got;
        if (errno === 'ENOMEM') inner.addExtent(r, o, l, label); // the state of a success, the result ENOMEM
        wrapped.takeAllocations = () => ({ sites: ['dax_extent_add:res'], failed: 'dax_extent_add:res' });
        return fail(errno);
      };
      return wrapped;
    },
  };
}

test('the §8.2 oracles: a result other than ENOMEM or the model\'s, and a state no failure allows, are counterexamples', () => {
  const cmds = [dyn, { op: 'failNth', n: 1 }, ext];
  const wrong = replayCommands(daxSuite, modelFactory, redoAfterFailure('ENOSPC'), cmds);
  assert.is(wrong.failure?.kind, 'result-mismatch');
  assert.match(wrong.failure!.message, /must be ENOMEM or the model's/);
  const kept = replayCommands(daxSuite, modelFactory, redoAfterFailure('ENOMEM'), cmds);
  assert.is(kept.failure?.kind, 'snapshot-mismatch');
  assert.match(kept.failure!.message, /neither the state before the step nor one a failure at a named point leaves/);
  assert.match(kept.failure!.message, /\[fail-nth: allocation 1 fails at dax_extent_add:res\]/);
  const right = replayCommands(daxSuite, modelFactory, implFactory, cmds);
  assert.is(right.failure, null);
});

test('a partial resize is followed: the model takes the named-point state the system is in, and the run goes on', () => {
  // dax1.0 grows across a hole: two new ranges; failing the 2nd range's resource keeps the 1st (resize is not transactional)
  const holes = [cont, dev, { op: 'createDevice', region: 1, sizeBytes: 0n }, { ...grow }, { op: 'resize', region: 1, device: 1, to: 'abs', deltaBytes: 4n * MiB }, { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 0n }];
  for (let n = 1; n <= 6; n++) {
    const cmds = [...holes, { op: 'failNth', n }, { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 16n * MiB }, { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 0n }];
    const out = replayCommands(daxSuite, modelFactory, implFactory, cmds);
    assert.is(out.failure, null, `n=${n}: ${out.failure?.message}`);
    // allocations 4-6 belong to the second new range: the first one stays, and the model took that state
    const injected = out.records.find((r) => r.call.includes('[fail-nth'))!;
    const ranges = (injected.modelSnap as DaxSnapshot).regions[0]!.devices[0]!.ranges.length;
    assert.is(ranges, n >= 4 ? 1 : 0, `n=${n}: the model follows with ${ranges} range(s)`);
    assert.equal(injected.model, fail('ENOMEM'));
  }
});

test.run();
