/**
 * A mutant's sandbox: a temporary copy of what a hunt runs (sut/, model/, impl/,
 * properties/, bench/mutants/, package.json, tsconfig.json) with node_modules symlinked
 * and the mutant's edit applied to its copy of impl/. The repository is only read.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMutant, type Mutant } from './mutant.ts';

/** What a sandbox copies from the repository root. */
export const SANDBOX_PARTS = ['sut', 'model', 'impl', 'properties', 'bench/mutants', 'package.json', 'tsconfig.json'];

/** A sandbox on disk; remove() deletes it. */
export interface Sandbox {
  readonly dir: string;
  remove(): void;
}

/** Copies the repository at root into a new temporary folder and applies m there (throws MutantDoesNotApply). */
export function makeSandbox(root: string, m: Mutant): Sandbox {
  const dir = mkdtempSync(join(tmpdir(), `daxcheck-mutant-${m.name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    for (const part of SANDBOX_PARTS) cpSync(join(root, part), join(dir, part), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const file = join(dir, m.file);
    writeFileSync(file, applyMutant(readFileSync(file, 'utf8'), m));
  } catch (e) {
    remove();
    throw e;
  }
  return { dir, remove };
}
