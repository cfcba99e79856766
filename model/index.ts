/**
 * The reference model: the executable form of SEMANTICS.md and sut/RULES.md. Minimal
 * and naive on purpose (it derives sizes, free space and reference counts, caches
 * nothing) and free of the patch's defects.
 */
import type { SutFactory } from '../sut/interface.ts';
import { DaxModel } from './dax.ts';
import { ResourceForest } from './resourceForest.ts';

export const modelFactory: SutFactory = {
  name: 'model',
  createTree: () => new ResourceForest(),
  createDax: () => new DaxModel(),
};
