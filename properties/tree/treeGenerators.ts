/**
 * Generators of resource-tree commands: small sizes (units of 0x100) with 0 and 1 and
 * off-by-one deltas, anchors at parents, children and siblings, and a root at the top
 * of the address space where start + n − 1 wraps.
 */
import fc from 'fast-check';
import { U64_MAX } from '../../sut/u64.ts';
import type { TreeCommand } from './treeCommand.ts';

const w = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const one = <T>(...values: T[]) => fc.constantFrom(...values);

const ref = fc.oneof(w(15, fc.nat({ max: 40 })), w(1, fc.constant(-1)));
const size = fc.oneof(w(8, one(0x100n, 0x400n, 0x1000n)), w(2, one(0n, 1n, 0x10000n, 1n << 63n)));
const delta = fc.oneof(w(8, fc.constant(0n)), w(4, one(0x100n, -0x100n, 0x200n)), w(2, one(1n, -1n, 0x1000n)));
const name = one('a', 'b', 'c');

const request = (op: 'requestResource' | 'requestRegion'): fc.Arbitrary<TreeCommand> =>
  fc.record({
    op: fc.constant(op),
    parent: ref,
    at: fc.oneof(w(3, one('parentStart' as const, 'afterChild' as const)), w(3, fc.constant('childStart' as const)), w(1, fc.constant('parentTop' as const))),
    child: fc.nat({ max: 4 }),
    deltaBytes: delta,
    sizeBytes: size,
    name,
  });

/** Any tree command, weighted towards requests and adjusts. */
export function treeCommand(): fc.Arbitrary<TreeCommand> {
  return fc.oneof(
    w(6, request('requestResource')),
    w(8, request('requestRegion')),
    w(5, fc.record({ op: fc.constant('releaseRegion' as const), target: ref, from: fc.oneof(w(3, fc.constant('root' as const)), w(1, fc.constant('parent' as const))), deltaBytes: delta, sizeDeltaBytes: delta })),
    w(8, fc.record({ op: fc.constant('adjustResource' as const), res: ref, at: one('self' as const, 'prevEnd' as const, 'nextStart' as const, 'parentStart' as const), deltaBytes: delta, sizeDeltaBytes: fc.oneof(w(3, delta), w(1, one(0x10000n, -0x400n))) })),
    w(2, fc.record({ op: fc.constant('releaseResource' as const), res: ref })),
    w(1, fc.record({ op: fc.constant('addRoot' as const), start: one(0x200000n, 0x300000n), end: one(0x2fffffn, 0x1fffffn), name })),
  );
}

/** Every run starts from a low root, a second root and a root ending at 2^64 − 1. */
export function treePrefix(): fc.Arbitrary<TreeCommand[]> {
  return fc.constant<TreeCommand[]>([
    { op: 'addRoot', start: 0n, end: 0xffffn, name: 'low' },
    { op: 'addRoot', start: 0x100000n, end: 0x10ffffn, name: 'mid' },
    { op: 'addRoot', start: U64_MAX - 0xffffn, end: U64_MAX, name: 'top' },
  ]);
}
