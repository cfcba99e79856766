/** The DAX suite's operations (properties/dax/ops/): resolution against a state, printing, and the table that dispatches to them. */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../../impl/index.ts';
import type { DaxCall, DaxCommand } from '../../../properties/dax/daxCommand.ts';
import { MISSING_ID } from '../../../properties/dax/daxRefs.ts';
import { daxContiguousSuite, daxSuite } from '../../../properties/dax/daxSuite.ts';
import { suiteShape } from '../../../campaign/checkPortShape.ts';
import { DAX_ARGS, type DaxSnapshot } from '../../../sut/interface.ts';
import { GiB, MiB } from '../../../sut/u64.ts';

const resolveDax = (cmd: DaxCommand, snap: DaxSnapshot) => daxSuite.resolve(cmd, snap);
const showDaxCall = (call: DaxCall) => daxSuite.show(call);

function state() {
  const dax = implFactory.createDax();
  dax.createRegion({ kind: 'dynamic', start: 4n * GiB, sizeBytes: 16n * GiB, align: 2n * MiB });
  dax.addExtent(0, 0n, 4n * GiB, 'a');
  dax.resize(0, 0, 2n * GiB);
  dax.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: GiB, align: 2n * MiB, seed: 'empty' });
  dax.mapping(1, 0, 4n * MiB, 6n * MiB - 1n);
  return dax.observe();
}

test('addExtent afterLast starts right after the last extent, relative to the region start', () => {
  const call = resolveDax({ op: 'addExtent', region: 0, at: 'afterLast', deltaBytes: 0n, lengthBytes: GiB, label: 'b' }, state());
  assert.equal(call, { op: 'addExtent', region: 0, offset: 4n * GiB, length: GiB, label: 'b' });
});

test('resize grow asks for the current size plus the available size plus the delta', () => {
  const call = resolveDax({ op: 'resize', region: 0, device: 0, to: 'grow', deltaBytes: -2n * MiB }, state());
  assert.equal(call, { op: 'resize', region: 0, device: 0, sizeBytes: 4n * GiB - 2n * MiB });
});

test('mapping prefers a contiguous region and firstGap starts at its first free byte', () => {
  const call = resolveDax({ op: 'mapping', region: 0, device: 0, at: 'firstGap', deltaBytes: 0n, lengthBytes: 2n * MiB }, state());
  assert.equal(call, { op: 'mapping', region: 1, device: 0, start: 0n, end: 2n * MiB - 1n });
});

test('ref -1 names a missing device and the call still runs (to give ENXIO)', () => {
  const call = resolveDax({ op: 'bind', region: 0, device: -1 }, state());
  assert.equal(call, { op: 'bind', region: 0, device: MISSING_ID });
});

test('a command naming a region when none is live does not apply', () => {
  assert.is(resolveDax({ op: 'bind', region: 0, device: 0 }, implFactory.createDax().observe()), null);
});

test('showDaxCall prints a call a person can read', () => {
  assert.is(showDaxCall({ op: 'resize', region: 0, device: 1, sizeBytes: 4n * GiB }), 'resize(dax0.1, 4GiB)');
  assert.is(showDaxCall({ op: 'mapping', region: 1, device: 0, start: 0n, end: 0x1fffffn }), 'mapping(dax1.0, 0x0-0x1fffff)');
});

test('every declared DaxSut method (sut/interface.ts DAX_ARGS) is the method of exactly one operation, and each op name is its own; a port need not have the optional failNth', () => {
  const methods = daxSuite.operations.map((o) => o.method).sort();
  assert.equal(methods, Object.keys(DAX_ARGS).sort());
  assert.ok(methods.includes('resize') && methods.length >= 13, 'the declaration lists the operations');
  assert.equal(daxSuite.operations.map((o) => o.op), daxSuite.operations.map((o) => o.method));
  assert.equal(suiteShape('dax').methods, [...daxSuite.operations.filter((o) => o.op !== 'failNth').map((o) => o.method), 'observe']);
});

test('the contiguous-only suite has no extent operation and generates contiguous regions only', () => {
  const ops = daxContiguousSuite.operations.map((o) => o.op);
  assert.not.ok(ops.includes('addExtent') || ops.includes('removeExtent'));
  let regions = 0;
  for (const cmd of fc.sample(daxContiguousSuite.command(), { numRuns: 2000, seed: 3 }) as DaxCommand[]) {
    if (cmd.op === 'createRegion') {
      regions += 1;
      assert.is(cmd.kind, 'contiguous');
    }
    assert.not.equal(cmd.op === 'failAllocation' && cmd.point === 'extentDevice', true, 'no extentDevice failure point');
  }
  assert.ok(regions > 0, 'some regions were generated');
});

test.run();
