/** `daxcheck hunt --guided` end to end (a child process): a clean hunt passes, a named fault is found and saved. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { readRunJson, runHunt, savedFiles } from './runHunt.ts';

test('hunt --guided of the correct implementation runs both suites, finds nothing and exits 0', async () => {
  const r = await runHunt(['--guided', '--seconds', '2', '--workers', '1']);
  assert.is(r.code, 0, r.stderr);
  const summary = readRunJson(r);
  assert.equal(summary.entries.map((e) => e.suite), ['tree', 'dax']);
  for (const e of summary.entries) assert.ok(e.runs > 0 && e.passed, `${e.name} ran and passed`);
});

test('hunt --guided --fault s4-sized-create-dynamic exits 1 and saves a counterexample of that fault', async () => {
  const r = await runHunt(['--guided', '--seconds', '3', '--workers', '1', '--fault', 's4-sized-create-dynamic']);
  assert.is(r.code, 1, r.stderr);
  const files = savedFiles(r);
  assert.ok(files.length > 0, 'a counterexample file');
  for (const f of files) assert.is(loadCounterexample(f).fault, 's4-sized-create-dynamic');
});

test.run();
