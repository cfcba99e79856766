/**
 * A hunt survives what it hunts: a SUT that never returns is stopped and saved as a hang
 * while the hunt goes on to its budget; one that kills its thread is saved too; Ctrl-C
 * still writes the reports and loses nothing.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { readRunJson, runHunt, savedFiles } from './runHunt.ts';

test('a SUT that hangs in resize is recorded as a hang, and the hunt goes on to write its reports', async () => {
  const r = await runHunt(['--sut', 'test/cli/fixtures/hangingSut.ts', '--suite', 'dax', '--seconds', '3', '--workers', '2', '--command-timeout-ms', '1000']);
  assert.is(r.code, 1, r.stderr);
  const hangs = savedFiles(r).map(loadCounterexample).filter((cx) => cx.broke.kind === 'hang');
  assert.ok(hangs.length > 0, `a hang counterexample; stderr:\n${r.stderr}`);
  for (const cx of hangs) {
    assert.ok(cx.commands.length > 0, 'the commands that ran');
    assert.is(cx.commands.at(-1)!.op, 'resize', 'the last command is the call that did not return');
    assert.is(cx.broke.step, cx.commands.length, 'the last command, counted from 1');
    assert.ok(cx.broke.call.startsWith('resize('), cx.broke.call);
  }
  const entry = readRunJson(r).entries[0]!;
  assert.ok(hangs.every((cx) => entry.counterexamples.includes(cx.id)), 'run.json lists the hangs');
});

test('a SUT that kills its worker thread in resize is saved as a counterexample with the commands that led there, and the hunt still reports: exit 1', async () => {
  const r = await runHunt(['--sut', 'test/cli/fixtures/crashingSut.ts', '--suite', 'dax', '--seconds', '3', '--workers', '2']);
  assert.is(r.code, 1, r.stderr);
  const files = savedFiles(r).map(loadCounterexample);
  assert.ok(files.length > 0, `a counterexample; stderr:\n${r.stderr}`);
  for (const cx of files) {
    assert.is(cx.broke.kind, 'sut-threw');
    assert.ok(cx.broke.detail.includes('worker exited with code 3'), cx.broke.detail);
    assert.is(cx.commands.at(-1)!.op, 'resize');
  }
  assert.equal([...readRunJson(r).entries[0]!.counterexamples].sort(), files.map((cx) => cx.id).sort());
});

test('SIGINT into a hunt stops it, still writes run.json (interrupted: true), and every counterexample it lists is saved', async () => {
  const r = await runHunt(['--fault', 's1-shrink-adjusts-extent', '--seconds', '120', '--workers', '2'], { interruptAfter: /budget starts now/, interruptDelayMs: 1000 });
  assert.ok(r.code === 130 || r.code === 1, `exit ${r.code} ${r.signal}; stderr:\n${r.stderr}`);
  const summary = readRunJson(r);
  assert.is(summary.interrupted, true);
  const ids = summary.entries.flatMap((e) => e.counterexamples);
  const saved = savedFiles(r).map((f) => loadCounterexample(f).id);
  assert.equal([...ids].sort(), [...saved].sort(), 'run.json lists exactly the files saved');
  assert.is(r.code, ids.length > 0 ? 1 : 130);
});

test.run();
