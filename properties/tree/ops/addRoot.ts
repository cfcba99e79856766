/** addRoot: one more root of the forest (some with end < start). */
import fc from 'fast-check';
import type { ResourceTreeSut, TreeSnapshot } from '../../../sut/interface.ts';
import { hex } from '../../../sut/u64.ts';
import { one, type Operation } from '../../operation.ts';
import { name } from '../treeRefs.ts';

export type AddRootCmd = { op: 'addRoot'; start: bigint; end: bigint; name: string };
export type AddRootCall = AddRootCmd;

export const addRoot: Operation<AddRootCmd, AddRootCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'addRoot',
  method: 'addRoot',
  weight: 1,
  arbitrary: fc.record({ op: fc.constant('addRoot' as const), start: one(0x200000n, 0x300000n), end: one(0x2fffffn, 0x1fffffn), name }),
  resolve: (cmd) => cmd,
  call: (sut, c) => sut.addRoot(c.start, c.end, c.name),
  show: (c) => `addRoot(${hex(c.start)}-${hex(c.end)}, "${c.name}")`,
};
