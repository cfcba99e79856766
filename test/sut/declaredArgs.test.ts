/**
 * What is derived from the declared arguments (sut/interface.ts TREE_ARGS, DAX_ARGS): the
 * printed call, the call itself and the protocol's request line.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProtocolValueError } from '../../protocol/protocol.ts';
import { requestLine, requestRecorder } from '../../protocol/requestLine.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { address, argValues, count, device, flag, list, record, region, size, string } from '../../sut/arguments.ts';
import { DAX_ARGS, ok, TREE_ARGS, type CreateRegionArgs, type DaxSut } from '../../sut/interface.ts';
import { showCall } from '../../properties/declaredCall.ts';
import { GiB, MiB, U64_MAX } from '../../sut/u64.ts';

const showDax = (call: object) => daxSuite.show(call as never);
const showTree = (call: object) => treeSuite.show(call as never);

test('a printed call joins a region and a device as dax{R}.{D}, prints sizes in units and addresses in hex', () => {
  assert.is(showDax({ op: 'resize', region: 2, device: 1, sizeBytes: 4n * GiB }), 'resize(dax2.1, 4GiB)');
  assert.is(showDax({ op: 'addExtent', region: 0, offset: 0n, length: 2n * MiB, label: 'a' }), 'addExtent(region0, offset=0x0, length=2MiB, "a")');
  assert.is(showDax({ op: 'removeExtent', region: 1, extent: 3 }), 'removeExtent(region1, extent3)');
  assert.is(showDax({ op: 'failAllocation', point: 'ranges', nth: 2 }), 'failAllocation(ranges, nth=2)');
  assert.is(showDax({ op: 'failNth', n: 3 }), 'failNth(3)');
});

test('a printed call leaves out what the declaration says to: a size 0 create, the seed of a dynamic region', () => {
  assert.is(showDax({ op: 'createDevice', region: 0, sizeBytes: 0n }), 'createDevice(region0)');
  assert.is(showDax({ op: 'createDevice', region: 0, sizeBytes: 2n * MiB }), 'createDevice(region0, size=2MiB)');
  const region = { op: 'createRegion', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'whole' };
  assert.is(showDax({ ...region, kind: 'dynamic' }), 'createRegion(dynamic, start=0x0, size=64MiB, align=2MiB)');
  assert.is(showDax({ ...region, kind: 'contiguous' }), 'createRegion(contiguous, start=0x0, size=64MiB, align=2MiB, seed=whole)');
});

test('a printed tree call names resources #id, joins start-end, and prints tree sizes in hex', () => {
  assert.is(showTree({ op: 'addRoot', start: 0n, end: 0xffffn, name: 'r' }), 'addRoot(0x0-0xffff, "r")');
  assert.is(showTree({ op: 'requestResource', parent: 0, start: 0x1000n, end: 0x1fffn, name: 'x' }), 'requestResource(#0, 0x1000-0x1fff, "x")');
  assert.is(showTree({ op: 'adjustResource', res: 4, start: 0x1000n, size: 0x100n }), 'adjustResource(#4, 0x1000, size=0x100)');
  assert.is(showTree({ op: 'releaseRegion', parent: 0, start: 0x1000n, n: 0x1000n }), 'releaseRegion(#0, 0x1000, n=0x1000)');
});

test('a call passes the fields in the declared order; createRegion gets one object, without seed when it is "default"', () => {
  const seen: unknown[][] = [];
  const sut = { createRegion: (a: CreateRegionArgs) => (seen.push([a]), ok(0)), mapping: (...v: unknown[]) => (seen.push(v), ok()) } as unknown as DaxSut;
  daxSuite.call(sut, { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: GiB, align: 2n * MiB, seed: 'default' });
  daxSuite.call(sut, { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: GiB, align: 2n * MiB, seed: 'empty' });
  daxSuite.call(sut, { op: 'mapping', region: 1, device: 2, start: 3n, end: 4n });
  assert.equal(seen, [
    [{ kind: 'dynamic', start: 0n, sizeBytes: GiB, align: 2n * MiB }],
    [{ kind: 'contiguous', start: 0n, sizeBytes: GiB, align: 2n * MiB, seed: 'empty' }],
    [1, 2, 3n, 4n],
  ]);
});

test('the optional failNth on a system without it, and a method that returns nothing, give ok', () => {
  assert.equal(daxSuite.call({} as DaxSut, { op: 'failNth', n: 2 }), ok());
  let armed = 0;
  assert.equal(daxSuite.call({ failNth: (n: number) => { armed = n; } } as unknown as DaxSut, { op: 'failNth', n: 2 }), ok());
  assert.is(armed, 2);
});

test('a request line is the method and one token per declared argument (a record flattened)', () => {
  assert.is(requestLine('resize', DAX_ARGS.resize, [0, 1, 4n * GiB]), 'resize 0 1 0x100000000');
  assert.is(requestLine('createRegion', DAX_ARGS.createRegion, [{ kind: 'dynamic', start: 0n, sizeBytes: GiB, align: 2n * MiB }]), 'createRegion dynamic 0x0 0x40000000 0x200000 default');
  assert.is(requestLine('createRegion', DAX_ARGS.createRegion, [{ kind: 'odd', start: 0n, sizeBytes: GiB, align: 2n * MiB, seed: 'empty' }]), 'createRegion contiguous 0x0 0x40000000 0x200000 empty');
  assert.is(requestLine('addRoot', TREE_ARGS.addRoot, [0n, U64_MAX, 'a b']), 'addRoot 0x0 0xffffffffffffffff a%20b');
  assert.is(requestLine('releaseResource', TREE_ARGS.releaseResource, [Number.NaN]), 'releaseResource -1');
});

test('a request line sends an unknown failure point of letters as it is, anything else as "unknown", and a non-integer nth as 0', () => {
  assert.is(requestLine('failAllocation', DAX_ARGS.failAllocation, ['bogus', 1]), 'failAllocation bogus 1');
  assert.is(requestLine('failAllocation', DAX_ARGS.failAllocation, ['no such', 1.5]), 'failAllocation unknown 0');
});

test('a value outside u64 cannot be written: ProtocolValueError', () => {
  assert.throws(() => requestLine('resize', DAX_ARGS.resize, [0, 0, 1n << 64n]), (e: unknown) => e instanceof ProtocolValueError);
  assert.throws(() => requestLine('resize', DAX_ARGS.resize, [0, 0, -1n]), (e: unknown) => e instanceof ProtocolValueError);
});

test("the request recorder of a suite has every method of the suite's table, and writes their lines", () => {
  const dax = requestRecorder('dax') as unknown as Record<string, (...v: unknown[]) => unknown> & { lines: string[] };
  const tree = requestRecorder('tree') as unknown as Record<string, (...v: unknown[]) => unknown> & { lines: string[] };
  for (const m of Object.keys(DAX_ARGS)) assert.type(dax[m], 'function', m);
  for (const m of Object.keys(TREE_ARGS)) assert.type(tree[m], 'function', m);
  assert.type(dax.requestRegion, 'undefined');
  dax.bind!(0, 1);
  tree.requestRegion!(2, 0x1000n, 0x100n, 'dev');
  assert.equal([...dax.lines, ...tree.lines], ['bind 0 1', 'requestRegion 2 0x1000 0x100 dev']);
});

test('a list argument is one token (items by ",", fields by ":"), a nested record one token per field, a flag 1 or 0; each prints', () => {
  const group = record('group', [string('tag'), list('extents', [address('offset'), size('length')]), count('seqBase')]);
  const args = [region('region'), device('device'), string('tag'), group, flag('forced')] as const;
  const call = { region: 0, device: 1, tag: 'a', group: { tag: 'b', extents: [{ offset: 0n, length: 2n * MiB }, { offset: 4n * MiB, length: GiB }], seqBase: 1 }, forced: true };
  assert.is(requestLine('claimRacing', args, argValues(args, call)), 'claimRacing 0 1 a b 0x0:0x200000,0x400000:0x40000000 1 1');
  assert.is(showCall('claimRacing', args, call), 'claimRacing(dax0.1, "a", "b", [0x0:2MiB, 0x400000:1GiB], 1, forced)');
  assert.is(showCall('claimRacing', args, { ...call, forced: false }), 'claimRacing(dax0.1, "a", "b", [0x0:2MiB, 0x400000:1GiB], 1)');
});

test.run();
