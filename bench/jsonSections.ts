/**
 * bench.json is written by more than one program (`npm run bench`, `npm run mutants`),
 * each owning some top-level sections: each writes its own and keeps the others, through
 * a temporary file renamed over the old one (a reader never sees half a file).
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The top-level object of the JSON file at path, or {} when it is missing or not a JSON object. */
export function readSections(path: string): Record<string, unknown> {
  try {
    const x: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Writes sections into the JSON file at path, keeping its other top-level keys; atomic (write, then rename). */
export function writeSections(path: string, sections: Record<string, unknown>): void {
  const merged = { ...readSections(path), ...sections };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(merged, null, 2) + '\n');
  renameSync(tmp, path);
}
