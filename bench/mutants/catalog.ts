/**
 * The catalog: every mutant of impl/ the mutation score hunts, in a fixed order, and the
 * two a quick run uses (defects every suite finds in its first runs).
 */
import { DAX_MUTANTS } from './daxMutants.ts';
import type { Mutant } from './mutant.ts';
import { TREE_MUTANTS } from './treeMutants.ts';

export const MUTANTS: readonly Mutant[] = [...TREE_MUTANTS, ...DAX_MUTANTS];

/** Names of the mutants `--quick` hunts: caught within the first few runs of any seed. */
export const QUICK_MUTANTS: readonly string[] = ['link-no-childbytes', 'range-pgoff-after-size'];

/** The mutant with this name, or undefined. */
export function mutantNamed(name: string): Mutant | undefined {
  return MUTANTS.find((m) => m.name === name);
}
