/** What the replay of shrinks/ asks of each file, on files made to pass or fail each rule. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkSavedCounterexample } from '../../campaign/checkSavedCounterexample.ts';
import { saveCounterexample } from '../../properties/counterexampleFile.ts';
import { record, S1, s1Trigger, tempDir, treeCommands } from '../properties/counterexamples.ts';

/** The message checkSavedCounterexample throws for file, or null when it passes. */
function problem(file: string): string | null {
  try {
    checkSavedCounterexample(file);
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}

test('a file recorded against a fault that fails with it on and passes with it off is fine', () => {
  const file = saveCounterexample(tempDir(), record('dax', S1, s1Trigger()));
  assert.is(problem(file), null);
  assert.match(checkSavedCounterexample(file), /result-mismatch at step 4 with s1-shrink-adjusts-extent on/);
});

test('a file whose fault is no longer caught by its commands fails, naming the file', () => {
  const file = saveCounterexample(tempDir(), record('dax', S1, s1Trigger().slice(0, 3), 'result-mismatch', 3));
  assert.is(problem(file), `${file}: passes with ${S1} on: the dax suite no longer catches this fault with these commands`);
});

test('a file that now fails another way than recorded fails, naming both kinds', () => {
  const file = saveCounterexample(tempDir(), record('dax', S1, s1Trigger(), 'invariant'));
  assert.match(problem(file) ?? '', /fails as result-mismatch, not as recorded \(invariant\)/);
});

test('a file recorded with no fault must pass on the correct implementation', () => {
  assert.is(problem(saveCounterexample(tempDir(), record('dax', null, s1Trigger()))), null);
  assert.is(problem(saveCounterexample(tempDir(), record('tree', null, treeCommands()))), null);
});

test('an unknown fault, an unknown op, an unknown version: each fails naming the file and why', () => {
  const dir = tempDir();
  const fault = saveCounterexample(dir, record('dax', 's9-nope', s1Trigger()));
  assert.match(problem(fault) ?? '', new RegExp(`^${fault}: has unknown fault "s9-nope" \\(known: s1-`));
  const op = saveCounterexample(dir, record('dax', S1, [...s1Trigger().slice(0, 1), { op: 'format' }], 'result-mismatch', 2));
  assert.match(problem(op) ?? '', new RegExp(`^${op}: command 2 has op "format", which the dax suite does not know`));
  const version = join(dir, 'v9.json');
  writeFileSync(version, JSON.stringify({ format: 9 }));
  assert.is(problem(version), `${version}: has format 9; this daxcheck reads formats 1 and 2`);
});

test.run();
