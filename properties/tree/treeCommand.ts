/**
 * Resource-tree-suite commands as plain values. Resources are named by index into the
 * model's live resources in depth-first order (resolved at run time, -1 = missing), and
 * positions are anchored to the chosen resource, its children or siblings, so that
 * adjacent, overlapping, nested and out-of-range requests come up all the time. Each
 * command and its call are defined with their operation in ops/.
 */
import type { CallOf, CommandOf } from '../operation.ts';
import type { TREE_OPERATIONS } from './treeSuite.ts';

/** Any command of the suite's operations (TREE_OPERATIONS, the one list). */
export type TreeCommand = CommandOf<(typeof TREE_OPERATIONS)[number]>;

/** A command resolved against the model's state. */
export type TreeCall = CallOf<(typeof TREE_OPERATIONS)[number]>;
