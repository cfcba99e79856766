/**
 * Every saved counterexample in shrinks/ is replayed, one test per file, so that a file
 * that cannot be read fails its own test (naming the file and why) and the others still
 * run: a file recorded against a fault still fails with it on and passes with it off;
 * a file recorded with no fault passes.
 */
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FAULT_NAMES } from '../../impl/faults.ts';
import { checkSavedCounterexample } from '../../campaign/checkSavedCounterexample.ts';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';

const dir = resolve(import.meta.dirname, '../../shrinks');
const files = readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((n) => join(dir, n));
const shown = (file: string) => relative(resolve(dir, '..'), file);

for (const file of files) {
  test(`${shown(file)} replays as recorded`, () => {
    checkSavedCounterexample(file); // throws an Error naming the file and why
  });
}

test('shrinks/ holds a counterexample for every named fault', () => {
  const faults = new Set<string | null>();
  for (const file of files) {
    try {
      faults.add(loadCounterexample(file).fault);
    } catch {
      // a bad file fails its own test above
    }
  }
  const missing = FAULT_NAMES.filter((f) => !faults.has(f));
  assert.equal(missing, [], `no file in shrinks/ for ${missing.join(', ')}`);
});

test.run();
