/**
 * The failNth operation of any suite: arms fail-nth for the next operation, so that its
 * nth allocation fails (docs/SPECIFICATION.md §8.2). Generated only in fail-nth runs
 * (properties/failNthSuite.ts); the World judges the armed step by §8.2's oracles. Its
 * call and printed form come from its declared argument (sut/interface.ts: failNth).
 */
import fc from 'fast-check';
import { w, type Operation } from './operation.ts';

export type FailNthCmd = { op: 'failNth'; n: number };
export type FailNthCall = FailNthCmd;

/** The failNth operation for a suite whose system under test is Sut (failNth is optional on it). */
export function failNthOperation<Sut, Snap>(): Operation<FailNthCmd, FailNthCall, Sut, Snap> {
  return {
    op: 'failNth',
    method: 'failNth',
    optional: true,
    weight: 0,
    arbitrary: fc.record({
      op: fc.constant('failNth' as const),
      n: fc.oneof(w(4, fc.integer({ min: 1, max: 4 })), w(3, fc.integer({ min: 5, max: 8 })), w(1, fc.integer({ min: 9, max: 16 }))),
    }),
    resolve: (cmd) => (Number.isSafeInteger(cmd.n) && cmd.n >= 1 ? cmd : null),
  };
}
