/**
 * `daxcheck hunt --sut-exec CMD`, as a user runs it: the C port through the protocol,
 * with and without a fault, and broken ports (crash, garbage, hang, another protocol
 * version). Each failure is a counterexample of its kind, or one clear line.
 */
import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { buildCPort, C_PORT, FAKE_PORT } from '../ports/cport.ts';
import { readRunJson, ROOT, runHunt, savedFiles } from './runHunt.ts';

const fake = (mode: string) => FAKE_PORT(mode).join(' ');

test('the C port with s1 on: the hunt saves the counterexample with the process it ran, and the printed replay hint reproduces it', async () => {
  buildCPort();
  const r = await runHunt(['--sut-exec', C_PORT, '--fault', 's1-shrink-adjusts-extent', '--seconds', '4', '--workers', '1']);
  assert.is(r.code, 1, r.stderr);
  const files = savedFiles(r);
  assert.ok(files.length > 0, r.stdout);
  const cx = loadCounterexample(files[0]!);
  assert.equal(cx.system, { kind: 'exec', command: [C_PORT], cwd: ROOT });
  assert.is(cx.fault, 's1-shrink-adjusts-extent');
  const hint = /replay one: (daxcheck replay .*)\)$/m.exec(r.stdout)?.[1];
  assert.ok(hint !== undefined && hint.includes('--sut-exec'), r.stdout);
  const replay = spawnSync(process.execPath, ['cli/bin.js', 'replay', files[0]!], { cwd: ROOT, encoding: 'utf8' });
  assert.is(replay.status, 1, replay.stdout + replay.stderr);
  assert.match(replay.stdout, '(as recorded)');
});

test('the correct C port: a short hunt completes runs on both suites and passes', async () => {
  buildCPort();
  const r = await runHunt(['--sut-exec', C_PORT, '--seconds', '3', '--workers', '1']);
  assert.is(r.code, 0, r.stdout + r.stderr);
  for (const e of readRunJson(r).entries) assert.ok(e.runs > 0, `${e.name}: ${e.runs} runs`);
});

test('a port that crashes is a sut-crashed counterexample carrying the sanitizer summary line', async () => {
  const r = await runHunt(['--sut-exec', fake('crash'), '--suite', 'tree', '--seconds', '3', '--workers', '1']);
  assert.is(r.code, 1, r.stderr);
  const cx = loadCounterexample(savedFiles(r)[0]!);
  assert.is(cx.broke.kind, 'sut-crashed');
  assert.match(cx.broke.detail, /SUMMARY: AddressSanitizer: heap-use-after-free .*fake\.c:42 in fake_put/);
});

test('a port that prints garbage is a sut-malformed counterexample', async () => {
  const r = await runHunt(['--sut-exec', fake('garbage'), '--suite', 'tree', '--seconds', '3', '--workers', '1']);
  assert.is(r.code, 1, r.stderr);
  assert.is(loadCounterexample(savedFiles(r)[0]!).broke.kind, 'sut-malformed');
});

test('a port that stops answering is a hang counterexample after --command-timeout-ms', async () => {
  const r = await runHunt(['--sut-exec', fake('hang'), '--suite', 'tree', '--seconds', '3', '--workers', '1', '--command-timeout-ms', '300']);
  assert.is(r.code, 1, r.stderr);
  assert.is(loadCounterexample(savedFiles(r)[0]!).broke.kind, 'hang');
});

test('a port that speaks another protocol version stops the hunt with one line naming the command (exit 2)', async () => {
  const r = await runHunt(['--sut-exec', fake('version2'), '--seconds', '3']);
  assert.is(r.code, 2, r.stdout);
  assert.is(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /^daxcheck hunt: --sut-exec ".*fake_port\.py version2": .*does not speak protocol version 1/);
});

test('--sut-exec with an unclosed quote, or with --sut, is a usage error', async () => {
  assert.match((await runHunt(['--sut-exec', "python3 'x", '--seconds', '1'])).stderr, /--sut-exec: unclosed ' in/);
  assert.match((await runHunt(['--sut-exec', 'x', '--sut', 'y.ts', '--seconds', '1'])).stderr, /--sut \(a module\) and --sut-exec \(a process\)/);
});

test.run();
