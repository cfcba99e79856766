/**
 * The reference model: the executable form of docs/SPECIFICATION.md. Minimal
 * and naive on purpose (it derives sizes, free space and reference counts, caches
 * nothing) and free of the patch's defects.
 *
 * Read top to bottom, each file importing only files before it: resource.ts (the
 * resource tree), resourceForest.ts (the tree suite), failures.ts (failure injection),
 * daxTypes.ts (DAX state and derived reads), extent.ts, devDaxRange.ts, resize.ts,
 * daxDevice.ts, daxRegion.ts, snapshot.ts, dax.ts (the DAX suite).
 */
import type { SutFactory } from '../sut/interface.ts';
import { DaxModel } from './dax.ts';
import { ResourceForest } from './resourceForest.ts';

export const modelFactory: SutFactory = {
  name: 'model',
  createTree: () => new ResourceForest(),
  createDax: () => new DaxModel(),
};
