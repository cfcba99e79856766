/** `daxcheck hunt --sut MODULE`: a user's own implementation, checked like the built-in one. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { readRunJson, runHunt, savedFiles } from './runHunt.ts';

test('hunt --sut examples/my-port.ts checks the README example: exit 0, both suites ran against it', async () => {
  const r = await runHunt(['--sut', 'examples/my-port.ts', '--seconds', '2', '--workers', '2']);
  assert.is(r.code, 0, r.stderr);
  const summary = readRunJson(r);
  assert.equal(summary.entries.map((e) => [e.suite, e.sut]), [['tree', 'examples/my-port.ts'], ['dax', 'examples/my-port.ts']]);
  assert.ok(summary.entries.every((e) => e.runs > 0 && e.passed));
  assert.ok(r.stdout.includes('examples/my-port.ts'), r.stdout);
});

test('a SUT that throws in resize is recorded: exit 1, counterexample of kind sut-threw with its error text', async () => {
  const r = await runHunt(['--sut', 'test/cli/fixtures/throwingSut.ts', '--suite', 'dax', '--seconds', '3', '--workers', '2']);
  assert.is(r.code, 1, r.stderr);
  const files = savedFiles(r).map(loadCounterexample);
  assert.ok(files.length > 0, 'a counterexample file');
  for (const cx of files) {
    assert.is(cx.broke.kind, 'sut-threw');
    assert.ok(cx.broke.call.startsWith('resize('), cx.broke.call);
    assert.ok(cx.broke.detail.includes('RangeError: resize is not implemented in this port'), cx.broke.detail);
    assert.is(cx.sut, 'test/cli/fixtures/throwingSut.ts');
    assert.is(cx.fault, null);
  }
});

test.run();
