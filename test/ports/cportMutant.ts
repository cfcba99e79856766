/**
 * C-port mutants for the tests (bench/mutants/cPortMutants.ts): built once per test
 * process in a temporary folder, removed when the process exits.
 */
import { buildCPortMutant, type BuiltCPort } from '../../bench/mutants/cPortBuild.ts';
import { C_PORT_MUTANTS } from '../../bench/mutants/cPortMutants.ts';
import { ROOT } from './cport.ts';

const built = new Map<string, BuiltCPort>();

/** The binary of the C-port mutant `name`, built on first use. */
export function mutantPort(name: string): string {
  let b = built.get(name);
  if (b === undefined) {
    const m = C_PORT_MUTANTS.find((x) => x.name === name);
    if (m === undefined) throw new Error(`no C-port mutant ${name}`);
    if (built.size === 0) process.on('exit', () => built.forEach((x) => x.remove()));
    b = buildCPortMutant(ROOT, m);
    built.set(name, b);
  }
  return b.binary;
}
