/**
 * Building a C-port mutant (cPortMutants.ts): ports/c and the ports/shared it links copied
 * to a temporary folder (as c/ and shared/), the edits applied there, then make. The
 * repository is only read.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CPortMutant } from './cPortMutants.ts';
import { MutantDoesNotApply } from './mutant.ts';

/** A built mutant on disk; remove() deletes it. */
export interface BuiltCPort {
  readonly dir: string;
  /** The mutant's port binary. */
  readonly binary: string;
  remove(): void;
}

/** Non-overlapping occurrences of needle in text. */
function count(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Copies root/ports/c and root/ports/shared, applies m's edits (MutantDoesNotApply unless each find occurs once) and builds it; throws with make's last lines if the build fails. */
export function buildCPortMutant(root: string, m: CPortMutant): BuiltCPort {
  const dir = mkdtempSync(join(tmpdir(), `daxcheck-${m.name}-`));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const notBuild = (src: string) => !src.endsWith('/build');
    cpSync(join(root, 'ports/c'), join(dir, 'c'), { recursive: true, filter: notBuild });
    cpSync(join(root, 'ports/shared'), join(dir, 'shared'), { recursive: true, filter: notBuild });
    for (const e of m.edits) {
      const file = join(dir, e.file);
      const text = readFileSync(file, 'utf8');
      const n = count(text, e.find);
      if (n !== 1) throw new MutantDoesNotApply(m.name, n);
      writeFileSync(file, text.replace(e.find, () => e.replace));
    }
    try {
      execFileSync('make', ['-C', join(dir, 'c'), '-s'], { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      const err = e as { stderr?: Buffer };
      throw new Error(`mutant ${m.name}: make failed: ${(err.stderr?.toString() ?? String(e)).trim().split('\n').slice(-3).join(' | ')}`);
    }
  } catch (e) {
    remove();
    throw e;
  }
  return { dir, binary: join(dir, 'c/build/daxcheck-port'), remove };
}
