/**
 * A system under test that never returns does not hang `replay`: with --sut the replay
 * runs in a worker stopped after --timeout-seconds; `minimize` refuses a hang record.
 */
import { resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { saveCounterexample } from '../../properties/counterexampleFile.ts';
import { record, s1Trigger, tempDir } from '../properties/counterexamples.ts';
import { daxcheck } from './daxcheck.ts';

const dir = tempDir();
const hanging = resolve(import.meta.dirname, 'fixtures/hangingSut.ts');
const hangFile = saveCounterexample(dir, { ...record('dax', null, s1Trigger(), 'hang', 2), sut: hanging });

test('replay --sut of a port that hangs stops after --timeout-seconds and exits 1 saying it still hangs', async () => {
  const started = Date.now();
  const run = await daxcheck(['replay', hangFile, '--sut', hanging, '--timeout-seconds', '2']);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stdout, /did not finish within 2 s: it still hangs/);
  assert.ok(Date.now() - started < 20_000, 'ended soon after the timeout');
});

test('replay --sut of a port that works replays in the worker and prints the steps', async () => {
  const port = resolve(import.meta.dirname, '../../examples/my-port.ts');
  const run = await daxcheck(['replay', hangFile, '--sut', port]);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /resize\(dax0\.0/);
});

test('minimize refuses a hang record with one line naming the file (exit 2)', async () => {
  const run = await daxcheck(['minimize', hangFile]);
  assert.is(run.code, 2);
  assert.match(run.stderr, /records a hang/);
  assert.is(run.stderr.trim().split('\n').length, 1);
});

test.run();
