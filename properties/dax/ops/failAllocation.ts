/** failAllocation: arms an injected allocation failure at one of the interface's points. */
import fc from 'fast-check';
import { FAIL_POINTS, type DaxSnapshot, type DaxSut, type FailPoint } from '../../../sut/interface.ts';
import { one, w, type Operation } from '../../operation.ts';

export type FailAllocationCmd = { op: 'failAllocation'; point: FailPoint; nth: number };
export type FailAllocationCall = FailAllocationCmd;

/** failAllocation at the given points (the suite's operation arms all four). */
export function failAllocationAt(points: readonly FailPoint[]): Operation<FailAllocationCmd, FailAllocationCall, DaxSut, DaxSnapshot> {
  return {
    op: 'failAllocation',
    method: 'failAllocation',
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('failAllocation' as const), point: one(...points), nth: fc.oneof(w(8, fc.constant(1)), w(2, fc.integer({ min: 2, max: 3 })), w(1, one(0, -1))) }),
    scale: { weight: 1, arbitrary: fc.record({ op: fc.constant('failAllocation' as const), point: one(...points), nth: fc.integer({ min: 1, max: 8 }) }) },
    resolve: (cmd) => cmd,
  };
}

export const failAllocation = failAllocationAt(FAIL_POINTS);
