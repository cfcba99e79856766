/**
 * `daxcheck minimize` in a child process: the padded S1 file shrinks back and is
 * rewritten in place, keeping the user's file name (a file named mybug.json stays
 * mybug.json, nothing else written or removed); a minimal file is left alone; a file
 * that no longer fails is not touched (exit 1); a bad file is exit 2.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { counterexampleId, loadCounterexample, saveCounterexample } from '../../properties/counterexampleFile.ts';
import { record, S1, s1Padded, s1Trigger, tempDir } from '../properties/counterexamples.ts';
import { daxcheck, type CliRun } from './daxcheck.ts';

const dir = tempDir();
const padded = saveCounterexample(dir, record('dax', S1, s1Padded(), 'result-mismatch', 13));
const passing = saveCounterexample(dir, record('dax', null, s1Trigger()));
const passingText = readFileSync(passing, 'utf8');
const bad = join(dir, 'bad.json');
writeFileSync(bad, JSON.stringify({ format: 1, id: 'cx-0', suite: 'dax', fault: null }));

/** The path minimize printed as rewritten, or null. */
const writtenPath = (run: CliRun) => /rewritten (\S+\.json)/.exec(run.stdout)?.[1] ?? null;
// A user's own name for a copy of the padded file, alone in its folder.
const userDir = join(dir, 'user');
mkdirSync(userDir);
const mybug = join(userDir, 'mybug.json');
copyFileSync(padded, mybug);

// A hand edit: a u64 field set to "lots".
const lots = join(dir, 'lots.json');
writeFileSync(lots, readFileSync(padded, 'utf8').replace(/"deltaBytes": "0x0"/, '"deltaBytes": "lots"'));

// Started at once; the padded file is minimized twice (the second time, the file the first wrote).
const runs = {
  padded: daxcheck(['minimize', padded]).then(async (first) => {
    const written = writtenPath(first);
    return { first, written, again: written === null ? null : await daxcheck(['minimize', written]) };
  }),
  mybug: daxcheck(['minimize', mybug]).then(async (first) => ({ first, again: await daxcheck(['minimize', mybug]) })),
  passing: daxcheck(['minimize', passing]),
  bad: daxcheck(['minimize', bad]),
};

test('the padded S1 file (14 commands) becomes a 4-command file with its new id, rewritten in place under its own name', async () => {
  const { first, written } = await runs.padded;
  assert.is(first.code, 0, first.stdout + first.stderr);
  assert.match(first.stdout, `${padded}: 14 → 4 commands (`);
  assert.is(written, padded, 'the same file');
  assert.ok(existsSync(padded), first.stdout);
  const cx = loadCounterexample(padded);
  assert.is(cx.commands.length, 4);
  assert.match(first.stdout, `its id is now ${cx.id}`);
  assert.is(cx.id, counterexampleId('dax', S1, cx.commands));
  assert.equal(cx.broke, { kind: 'result-mismatch', step: 4, call: cx.broke.call, detail: 'model ok, sut EBUSY' });
  assert.is(cx.error, `step 4: ${cx.broke.call}: result-mismatch: model ok, sut EBUSY`);
  assert.is(cx.foundAt, '2024-01-01T00:00:00.000Z', 'informational fields are kept');
});

test('minimizing the result again changes nothing: "already minimal", same file', async () => {
  const { written, again } = await runs.padded;
  assert.ok(again !== null);
  assert.is(again.code, 0, again.stdout + again.stderr);
  assert.match(again.stdout, `${written}: already minimal: 4 commands`);
  assert.ok(existsSync(written!));
});

test('minimize mybug.json keeps the user\'s file name: rewritten in place, no other file in its folder; again: already minimal, untouched', async () => {
  const { first, again } = await runs.mybug;
  assert.is(first.code, 0, first.stdout + first.stderr);
  assert.equal(readdirSync(userDir), ['mybug.json']);
  assert.is(loadCounterexample(mybug).commands.length, 4);
  const text = readFileSync(mybug, 'utf8');
  assert.is(again.code, 0, again.stdout + again.stderr);
  assert.match(again.stdout, `${mybug}: already minimal: 4 commands`);
  assert.equal(readdirSync(userDir), ['mybug.json']);
  assert.is(readFileSync(mybug, 'utf8'), text);
});

test('a file that does not fail as recorded: exit 1, the reason, the file untouched', async () => {
  const { code, stdout } = await runs.passing;
  assert.is(code, 1, stdout);
  assert.match(stdout, `${passing}: does not fail as recorded (result-mismatch) on impl against model; not rewritten`);
  assert.is(readFileSync(passing, 'utf8'), passingText);
});

test('a file without commands: exit 2, one line naming the file and why', async () => {
  const { code, stdout, stderr } = await runs.bad;
  assert.is(code, 2);
  assert.is(stdout, '');
  assert.is(stderr, `daxcheck minimize: ${bad}: has no "commands" array of objects with an "op"\n`);
});

test('a bad value ("lots" for a u64): minimize and replay both exit 2 with the same line naming the file, the command and the field', async () => {
  assert.ok(readFileSync(lots, 'utf8').includes('"lots"'), 'the edit was made');
  const [m, r] = [await daxcheck(['minimize', lots]), await daxcheck(['replay', lots])];
  for (const [run, command] of [[m, 'minimize'], [r, 'replay']] as const) {
    assert.is(run.code, 2, run.stdout + run.stderr);
    assert.match(run.stderr, new RegExp(`^daxcheck ${command}: ${lots}: command \\d+ \\(\\w+\\) has "deltaBytes": "lots", which is not a hex number such as "0x200000"\n$`));
  }
});

test.run();
