/**
 * A system under test that never returns does not hang `replay`: with --sut the replay
 * runs in a worker stopped after --timeout-seconds; `minimize` refuses a hang record of
 * a module, and minimizes one of a port process (killed after --command-timeout-ms).
 */
import { resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample, saveCounterexample } from '../../properties/counterexampleFile.ts';
import { record, s1Trigger, tempDir, treeCommands } from '../properties/counterexamples.ts';
import { HANG_ADJUST_PORT } from '../ports/cport.ts';
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

test('minimize of a port process that hangs (killed after --command-timeout-ms): the hang stays at the call that hung, and the file still replays as that hang', async () => {
  const adjust = { op: 'adjustResource', res: -2, at: 'self', deltaBytes: 0n, sizeDeltaBytes: 0n };
  const port = HANG_ADJUST_PORT();
  const file = saveCounterexample(dir, { ...record('tree', null, [...treeCommands(), adjust], 'hang', 5), sut: `exec:${port.join(' ')}`, system: { kind: 'exec', command: port } });
  const run = await daxcheck(['minimize', file, '--command-timeout-ms', '300']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  const written = /written (\S+\.json)|rewritten (\S+\.json)/.exec(run.stdout);
  const cx = loadCounterexample(written?.[1] ?? written?.[2] ?? file);
  assert.is(cx.broke.kind, 'hang');
  assert.ok(cx.commands.length < 5, `${cx.commands.length} commands`);
  assert.is(cx.commands.at(-1)!.op, 'adjustResource');
  assert.is(cx.broke.step, cx.commands.length);
});

test.run();
