/**
 * Saving what a hunt found under --out: one counterexample file per id (the record comes
 * from properties/counterexampleRecord.ts); the same failure found again, by
 * any worker or an earlier hunt, keeps its first file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { saveCounterexample, type CounterexampleFile } from '../../properties/counterexampleFile.ts';

/** Saves file into dir unless a file with its id is there already; returns its path and whether it is new. */
export function saveOnce(dir: string, file: CounterexampleFile): { path: string; isNew: boolean } {
  const path = join(dir, `${file.id}.json`);
  if (existsSync(path)) return { path, isNew: false };
  try {
    return { path: saveCounterexample(dir, file), isNew: true };
  } catch (e) {
    if (existsSync(path)) return { path, isNew: false }; // another worker saved the same failure first
    throw e;
  }
}
