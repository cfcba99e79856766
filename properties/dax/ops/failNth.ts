/**
 * failNth in the DAX suites: the suite-independent operation of properties/failNthOperation.ts.
 */
import type { DaxSnapshot, DaxSut } from '../../../sut/interface.ts';
import { failNthOperation, type FailNthCall, type FailNthCmd } from '../../failNthOperation.ts';

export type { FailNthCall, FailNthCmd };

export const failNth = failNthOperation<DaxSut, DaxSnapshot>();
