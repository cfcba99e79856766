/**
 * failNth in the resource-tree suite (a port with the `failnth` capability, e.g. the kernel
 * harness: __request_region's allocation): the operation of properties/failNthOperation.ts.
 */
import type { ResourceTreeSut, TreeSnapshot } from '../../../sut/interface.ts';
import { failNthOperation, type FailNthCall, type FailNthCmd } from '../../failNthOperation.ts';

export type { FailNthCall, FailNthCmd };

export const failNth = failNthOperation<ResourceTreeSut, TreeSnapshot>();
