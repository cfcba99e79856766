/** addRoot: one more root of the forest (some with end < start). */
import fc from 'fast-check';
import type { ResourceTreeSut, TreeSnapshot } from '../../../sut/interface.ts';
import { U64_MAX } from '../../../sut/u64.ts';
import { powerOfTwo } from '../../domains.ts';
import { one, w, type Operation } from '../../operation.ts';
import { name } from '../treeRefs.ts';

export type AddRootCmd = { op: 'addRoot'; start: bigint; end: bigint; name: string };
export type AddRootCall = AddRootCmd;

export const addRoot: Operation<AddRootCmd, AddRootCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'addRoot',
  method: 'addRoot',
  weight: 1,
  arbitrary: fc.oneof(
    w(2, fc.record({ op: fc.constant('addRoot' as const), start: one(0x200000n, 0x300000n), end: one(0x2fffffn, 0x1fffffn), name })),
    // Roots of every start and size binade (argument buckets), the end kept in u64.
    w(1, fc.record({ op: fc.constant('addRoot' as const), start: fc.oneof(fc.constant(0n), powerOfTwo(0, 63)), size: powerOfTwo(0, 64), name }).map(({ start, size, ...rest }) => {
      const end = start + size - 1n;
      return { ...rest, start, end: end > U64_MAX ? U64_MAX : end };
    })),
  ),
  resolve: (cmd) => cmd,
};
