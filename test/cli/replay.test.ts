/**
 * `daxcheck replay` in a child process: exit 1 when the counterexample still fails, 0
 * when it passes, 2 for a bad file or flag (one line, no stack trace); the step-by-step
 * output; --fault, --sut (a tree-suite port with a bug) and --json.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { saveCounterexample } from '../../properties/counterexampleFile.ts';
import { record, S1, s1Trigger, tempDir, treeCommands } from '../properties/counterexamples.ts';
import { daxcheck } from './daxcheck.ts';

const dir = tempDir();
const s1File = saveCounterexample(dir, record('dax', S1, s1Trigger()));
const fixedFile = saveCounterexample(dir, record('dax', null, s1Trigger()));
const treeFile = saveCounterexample(dir, record('tree', null, treeCommands(), 'snapshot-mismatch'));
const badJson = join(dir, 'bad.json');
writeFileSync(badJson, '{"format": 1, "commands": [');
const noFactory = join(dir, 'noFactory.mjs');
writeFileSync(noFactory, 'export const answer = 42;\n');
const port = resolve(import.meta.dirname, 'fixtures/leakyReleasePort.ts');

// All runs start at once (each is a node process); the tests await their own.
const runs = {
  s1: daxcheck(['replay', s1File]),
  s1Off: daxcheck(['replay', s1File, '--fault', 'none']),
  fixed: daxcheck(['replay', fixedFile]),
  json: daxcheck(['replay', '--json', s1File]),
  badJson: daxcheck(['replay', badJson]),
  missing: daxcheck(['replay', join(dir, 'nope.json')]),
  badFlag: daxcheck(['replay', s1File, '--fast']),
  badFault: daxcheck(['replay', s1File, '--fault', 's9']),
  noFile: daxcheck(['replay']),
  tree: daxcheck(['replay', treeFile]),
  treePort: daxcheck(['replay', treeFile, '--sut', port]),
  noFactory: daxcheck(['replay', treeFile, '--sut', noFactory]),
};

test('a counterexample that still fails: exit 1, every step with both results, the verdict as recorded', async () => {
  const { code, stdout } = await runs.s1;
  assert.is(code, 1, stdout);
  assert.match(stdout, 'impl+s1-shrink-adjusts-extent against model');
  assert.match(stdout, 'step 1  createRegion(dynamic, start=0x0, size=64MiB, align=2MiB)  => ok(id=0)');
  assert.match(stdout, 'step 3  resize(dax0.0, 8MiB)  => ok');
  assert.match(stdout, 'step 4  resize(dax0.0, 4MiB)  => model ok, sut EBUSY  <- results differ');
  assert.match(stdout, 'FAILS at step 4: resize(dax0.0, 4MiB): result-mismatch\n  model ok, sut EBUSY\n  (as recorded)');
});

test('where the snapshots differ: the first difference and the differing region of both states', async () => {
  const { stdout } = await runs.s1;
  assert.match(stdout, 'snapshots differ: regions[0] (region0) › availBytes: model 0x400000, sut 0x0');
  const model = stdout.indexOf('model:\n');
  const sut = stdout.indexOf('sut:\n');
  assert.ok(model > 0 && sut > model, stdout);
  assert.match(stdout.slice(model, sut), 'range 0 [0x0-0x3fffff] pgoff 0x0 extent 0');
  assert.match(stdout.slice(sut), 'range 0 [0x0-0x7fffff] pgoff 0x0 extent 0');
});

test('--fault none replays on the correct implementation: it passes, exit 0', async () => {
  const { code, stdout } = await runs.s1Off;
  assert.is(code, 0, stdout);
  assert.match(stdout, 'impl against model');
  assert.match(stdout, 'PASSES: 4 steps');
});

test('a file recorded with no fault replays on impl against the model: passes, exit 0', async () => {
  const { code, stdout } = await runs.fixed;
  assert.is(code, 0, stdout);
  assert.ok(!stdout.includes('<- results differ'), stdout);
});

test('--json: the steps, the failure (0-based step) and the verdict as data', async () => {
  const { code, stdout } = await runs.json;
  assert.is(code, 1);
  const data = JSON.parse(stdout) as { verdict: string; steps: { sut: unknown; difference: string | null }[]; failure: { kind: string; step: number }; fault: string };
  assert.is(data.verdict, 'fails');
  assert.is(data.fault, S1);
  assert.is(data.steps.length, 4);
  assert.equal(data.steps[3]!.sut, { ok: false, errno: 'EBUSY' });
  assert.is(data.steps[2]!.difference, null);
  assert.equal(data.failure, { kind: 'result-mismatch', step: 3, call: 'resize(dax0.0, 4MiB)', detail: 'model ok, sut EBUSY' });
});

/** Asserts a usage error: exit 2, nothing on stdout, one line on stderr matching. */
async function usage(run: Promise<{ code: number; stdout: string; stderr: string }>, line: string | RegExp): Promise<void> {
  const { code, stdout, stderr } = await run;
  assert.is(code, 2, stderr);
  assert.is(stdout, '');
  assert.is(stderr.trimEnd().split('\n').length, 1, stderr);
  assert.match(stderr, line);
}

test('a file that is not valid JSON: exit 2, one line naming the file and why', async () => {
  await usage(runs.badJson, `daxcheck replay: ${badJson}: is not valid JSON (`);
});

test('a missing file: exit 2, one line naming the file', async () => {
  await usage(runs.missing, `daxcheck replay: ${join(dir, 'nope.json')}: cannot be read (ENOENT)`);
});

test('an unknown flag, an unknown fault, no file: exit 2 with the reason', async () => {
  await usage(runs.badFlag, 'daxcheck replay: unknown flag --fast (known: --sut, --sut-exec, --fault, --json, --timeout-seconds)');
  await usage(runs.badFault, /^daxcheck replay: --fault s9: unknown fault \(known: s1-shrink-adjusts-extent, .*, or none\)/);
  await usage(runs.noFile, 'daxcheck replay: which file?');
});

test('tree suite: a tree counterexample replays on impl and passes', async () => {
  const { code, stdout } = await runs.tree;
  assert.is(code, 0, stdout);
  assert.match(stdout, 'tree suite, 4 commands; impl against model');
  assert.match(stdout, 'releaseRegion(');
});

test('tree suite with --sut: a port whose releaseRegion leaks fails at the release, with the differing root', async () => {
  const { code, stdout, stderr } = await runs.treePort;
  assert.is(code, 1, stdout + stderr);
  assert.match(stdout, 'leaky-release-port against model');
  assert.match(stdout, 'FAILS at step 4: releaseRegion(');
  assert.match(stdout, 'snapshot-mismatch');
  assert.match(stdout, 'snapshots differ: roots[0]');
  assert.match(stdout, '"low" [0x0-0xffff]');
});

test('--sut with a module that exports no factory: exit 2 naming the module and what it exports', async () => {
  await usage(runs.noFactory, `daxcheck replay: --sut ${noFactory}: exports no SutFactory ({name, createTree(), createDax()}); its exports: answer`);
});

test.run();
