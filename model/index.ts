/**
 * The reference model: the executable form of docs/SPECIFICATION.md. Minimal
 * and naive on purpose (it derives sizes, free space and reference counts, caches
 * nothing) and free of the patch's defects.
 *
 * Read top to bottom, each file importing only files before it: resource.ts (struct
 * resource), resourceTree.ts (the resource tree algorithms), treeSut.ts (the tree suite),
 * failpoints.ts (failure injection), daxRegion.ts (struct dax_region with its devices,
 * ranges and extents, and the values derived from them), extent.ts, devDaxRange.ts, devDaxShrink.ts,
 * devDaxResize.ts, daxDevice.ts, regionLifecycle.ts, daxSnapshot.ts, daxSut.ts (the DAX
 * suite). Each has the name of its counterpart in impl/.
 */
import type { DcdSutFactory } from '../sut/dcdInterface.ts';
import { DcdModel } from './dcd/dcdModel.ts';
import { DaxModel } from './daxSut.ts';
import { ResourceForest } from './treeSut.ts';

export const modelFactory: DcdSutFactory = {
  name: 'model',
  createTree: () => new ResourceForest(),
  createDax: () => new DaxModel(),
  createDcd: (profile) => new DcdModel(profile),
};
