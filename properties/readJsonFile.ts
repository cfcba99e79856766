/**
 * Reading a JSON file that daxcheck was given (a counterexample, a run.json): either
 * its data, or the one-line reason it cannot be used, for the caller's own error that
 * names the file.
 */
import { readFileSync } from 'node:fs';

export type JsonRead = { ok: true; data: unknown } | { ok: false; why: string };

/** Reads and parses file (with reviver, if given); never throws. */
export function readJsonFile(file: string, reviver?: (key: string, value: unknown) => unknown): JsonRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, why: `cannot be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  try {
    return { ok: true, data: JSON.parse(text, reviver) };
  } catch (e) {
    return { ok: false, why: `is not valid JSON (${(e as Error).message})` };
  }
}
