/**
 * A failure a hunt found, as the counterexample file saved under --out: built from
 * runSuite's shrunk counterexample, saved once per id (the same failure found again, by
 * any worker or an earlier hunt, keeps its first file).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  COUNTEREXAMPLE_FORMAT,
  counterexampleId,
  saveCounterexample,
  type CounterexampleFile,
} from '../properties/counterexampleFile.ts';
import type { Counterexample } from '../properties/runSuite.ts';

/** The file for cx found against sut (with fault on, or null). */
export function counterexampleFileOf(cx: Counterexample, fault: string | null, sut: string): CounterexampleFile {
  const { kind, step, call, detail } = cx.failure;
  return {
    format: COUNTEREXAMPLE_FORMAT,
    id: counterexampleId(cx.suite, fault, cx.commands),
    suite: cx.suite,
    sut,
    fault,
    broke: { kind, step, call, detail },
    commands: cx.commands,
    seed: cx.seed,
    path: cx.path,
    foundAt: new Date().toISOString(),
    error: cx.failure.message,
  };
}

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
