/**
 * The two systems a hunt target runs side by side: the reference (the model, or for a
 * fault the reference faultSearch uses) and the system under test (the implementation,
 * with the fault switched on, or the user's --sut module).
 */
import { createImplFactory, implFactory } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import { faultReference } from '../properties/faultSearch.ts';
import type { SutFactory } from '../sut/interface.ts';
import type { HuntTarget } from './huntOptions.ts';
import { loadSut } from './loadSut.ts';

export interface HuntSystems {
  model: SutFactory;
  sut: SutFactory;
  /** What counterexample files and reports name as the system under test: "impl" or the module as given. */
  sutName: string;
}

/** The systems of target: the built-in implementation when sutModule is null. */
export async function huntSystems(target: HuntTarget, sutModule: string | null): Promise<HuntSystems> {
  if (sutModule !== null) return { model: modelFactory, sut: await loadSut(sutModule, 'hunt'), sutName: sutModule };
  if (target.fault === null) return { model: modelFactory, sut: implFactory, sutName: 'impl' };
  return { model: faultReference(target.fault), sut: createImplFactory([target.fault]), sutName: 'impl' };
}

/** The reference of target alone (no module to load): what a hang is described against. */
export function huntReference(target: HuntTarget): SutFactory {
  return target.fault === null ? modelFactory : faultReference(target.fault);
}
