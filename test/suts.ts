/**
 * The systems under test that the shared example tests (test/examples/) run against.
 * Every example must give the same exact result on each of them.
 */
import type { SutFactory } from '../sut/interface.ts';
import { modelFactory } from '../model/index.ts';
import { implFactory } from '../impl/index.ts';

export const SUTS: SutFactory[] = [modelFactory, implFactory];
