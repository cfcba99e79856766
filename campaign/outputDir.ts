/**
 * A folder daxcheck writes into (--out, --reports), made ready before any work is spent:
 * created one level at a time (Node's recursive mkdir loops forever on a path under
 * /proc), and every problem one UsageError line naming the flag, the folder and why.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './usageError.ts';

/** Why dir cannot be used as a folder to write into, or null (it exists now, writable). */
export function prepareDir(dir: string): string | null {
  const missing: string[] = [];
  let p = resolve(dir);
  while (!existsSync(p)) {
    missing.unshift(p);
    if (dirname(p) === p) break;
    p = dirname(p);
  }
  if (existsSync(p) && !statSync(p).isDirectory()) return p === resolve(dir) ? 'not a directory' : `not a directory (${p} is a file)`;
  try {
    for (const m of missing) mkdirSync(m);
  } catch (e) {
    return `cannot be created (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch (e) {
    return `cannot be written (${(e as NodeJS.ErrnoException).code ?? String(e)})`;
  }
  return null;
}

/** prepareDir, as a UsageError "<where>: <flag> <dir>: <why>". */
export function writableDir(where: string, flag: string, dir: string): void {
  const why = prepareDir(dir);
  if (why !== null) throw new UsageError(`${where}: ${flag} ${dir}: ${why}`);
}
