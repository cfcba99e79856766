/**
 * DAX-suite commands as plain values: what generators produce, what shrinks/ files hold.
 * Objects are named by index into the model's current lists (resolved at run time, see
 * daxRefs.ts); -1 names a missing object. Positions and sizes that depend on the state
 * are anchored (e.g. "size + avail + delta") so that random sequences hit the boundaries
 * that matter whatever came before. Each command and its call are defined with their
 * operation in ops/.
 */
import type { CallOf, CommandOf } from '../operation.ts';
import type { DAX_OPERATIONS } from './daxSuite.ts';

/** Any command of the suite's operations (DAX_OPERATIONS, the one list). */
export type DaxCommand = CommandOf<(typeof DAX_OPERATIONS)[number]>;

/** A command resolved against the model's state: concrete ids and addresses, the exact arguments passed to both systems. */
export type DaxCall = CallOf<(typeof DAX_OPERATIONS)[number]>;

export type DaxOp = DaxCommand['op'];
