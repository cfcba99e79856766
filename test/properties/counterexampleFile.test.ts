/** The saved counterexample format: round trip, stable ids, and the exact error for a bad file. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import {
  counterexampleId, CounterexampleFileError, encodeCounterexample, loadCounterexample, saveCounterexample,
} from '../../properties/counterexampleFile.ts';
import { decodeValue, encodeValue } from '../../properties/values.ts';
import { record, s1Padded, s1Trigger, S1, tempDir } from './counterexamples.ts';

test('save then load gives back the same record, bigints included', () => {
  const dir = tempDir();
  const cx = record('dax', S1, s1Trigger());
  const path = saveCounterexample(dir, cx);
  assert.is(path, join(dir, `${cx.id}.json`));
  assert.equal(loadCounterexample(path), cx);
  assert.is(typeof (loadCounterexample(path).commands[0] as unknown as { sizeBytes: unknown }).sizeBytes, 'bigint');
});

test('the file is readable JSON: u64 values as hex strings, two-space indent, trailing newline', () => {
  const text = encodeCounterexample(record('dax', S1, s1Trigger()));
  assert.ok(text.includes('"sizeBytes": "0x4000000"'), text);
  assert.ok(text.endsWith('}\n'));
  assert.ok(text.startsWith('{\n  "format": 2,\n  "id": "cx-'));
});

test('id: cx- and 16 hex digits; the same suite, fault and commands give the same id', () => {
  const a = counterexampleId('dax', S1, s1Trigger());
  assert.match(a, /^cx-[0-9a-f]{16}$/);
  assert.is(counterexampleId('dax', S1, s1Trigger()), a);
  const reread = JSON.parse(JSON.stringify(s1Trigger(), encodeValue), decodeValue) as { op: string }[];
  assert.is(counterexampleId('dax', S1, reread), a, 'same id after a trip through the file encoding');
});

test('id: different commands, fault or suite give different ids', () => {
  const a = counterexampleId('dax', S1, s1Trigger());
  assert.is.not(counterexampleId('dax', S1, s1Padded()), a);
  assert.is.not(counterexampleId('dax', S1, s1Trigger().slice(0, 3)), a);
  const shifted = s1Trigger().map((c) => (c.op === 'addExtent' ? { ...c, deltaBytes: 0x200000n } : c));
  assert.is.not(counterexampleId('dax', S1, shifted), a);
  assert.is.not(counterexampleId('dax', null, s1Trigger()), a);
  assert.is.not(counterexampleId('tree', S1, s1Trigger()), a);
});

/** Writes text to a fresh file and returns the error loading it throws. */
function loadError(text: string | null): CounterexampleFileError {
  const file = join(tempDir(), 'cx-bad.json');
  if (text !== null) writeFileSync(file, text);
  try {
    loadCounterexample(file);
  } catch (e) {
    assert.instance(e, CounterexampleFileError);
    assert.is((e as CounterexampleFileError).file, file);
    return e as CounterexampleFileError;
  }
  throw new Error('loading did not throw');
}

const valid = () => JSON.parse(encodeCounterexample(record('dax', S1, s1Trigger()))) as Record<string, unknown>;

test('an unknown format version: the error names the file, the version found and the one read', () => {
  const e = loadError(JSON.stringify({ ...valid(), format: 3 }));
  assert.is(e.message, `${e.file}: has format 3; this daxcheck reads formats 1 and 2`);
});

test('broke.step counts from 1 in format 2, as messages say "step N"; a format 1 file (0-based) is read with its step converted', () => {
  const cx = record('dax', S1, s1Trigger());
  const dir = tempDir();
  const v2 = saveCounterexample(dir, cx);
  assert.is(loadCounterexample(v2).format, 2);
  const old = join(dir, 'old.json');
  writeFileSync(old, JSON.stringify({ ...valid(), format: 1, broke: { ...cx.broke, step: 3 } }));
  const read = loadCounterexample(old);
  assert.is(read.format, 2);
  assert.is(read.broke.step, 4);
});

test('a hand-edited file whose recorded step lies beyond its commands (or before the first) is refused, naming the file, the step and the commands', () => {
  const cx = valid();
  const beyond = loadError(JSON.stringify({ ...cx, broke: { ...(cx.broke as object), step: 9 } }));
  assert.is(beyond.message, `${beyond.file}: records "broke" at step 9, but its 4 commands are steps 1 to 4`);
  const zero = loadError(JSON.stringify({ ...cx, broke: { ...(cx.broke as object), step: 0 } }));
  assert.match(zero.message, /records "broke" at step 0, but its 4 commands are steps 1 to 4$/);
});

test('a file of a system stopped while being created (no commands, broke at step 1) loads; broke at step 2 of no commands does not', () => {
  const cx = valid();
  const creating = { ...cx, commands: [], broke: { kind: 'hang', step: 1, call: 'creating the system', detail: 'no answer within 5000 ms while creating the system' } };
  const file = join(tempDir(), 'creating.json');
  writeFileSync(file, JSON.stringify(creating));
  assert.is(loadCounterexample(file).broke.step, 1);
  const two = loadError(JSON.stringify({ ...creating, broke: { ...creating.broke, step: 2 } }));
  assert.match(two.message, /records "broke" at step 2, but its 0 commands are steps 1 to 0$/);
});

test('bad JSON: the error names the file and says it is not valid JSON', () => {
  const e = loadError('{"format": 1,');
  assert.match(e.message, new RegExp(`^${e.file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: is not valid JSON \\(`));
});

test('missing commands: the error names the file and the missing field', () => {
  const { commands: _dropped, ...rest } = valid();
  const e = loadError(JSON.stringify(rest));
  assert.is(e.message, `${e.file}: has no "commands" array of objects with an "op"`);
});

test('a file without what it recorded as broken (no "broke", or one without kind) is refused, naming the file', () => {
  const { broke: _dropped, ...rest } = valid();
  const e = loadError(JSON.stringify(rest));
  assert.is(e.message, `${e.file}: has no "broke" object with kind, step, call and detail (what the file records as broken)`);
  const noKind = loadError(JSON.stringify({ ...valid(), broke: { step: 0, call: 'x', detail: 'y' } }));
  assert.match(noKind.message, /has no "broke" object/);
});

test('a port\'s delivery is kept through save and load; a file with a malformed delivery is refused, naming the file; one without is one batch', () => {
  const dir = tempDir();
  const cx = { ...record('dax', S1, s1Trigger()), delivery: { mode: 'split' as const, seed: 42, quit: true } };
  assert.equal(loadCounterexample(saveCounterexample(dir, cx)).delivery, { mode: 'split', seed: 42, quit: true });
  assert.is(loadCounterexample(saveCounterexample(dir, record('dax', S1, s1Trigger()))).delivery, undefined);
  const e = loadError(JSON.stringify({ ...valid(), delivery: { mode: 'trickle', seed: 1, quit: false } }));
  assert.is(e.message, `${e.file}: has a "delivery" that is not {"mode": "batch"|"split"|"step", "seed": integer, "quit": boolean}`);
});

test('a command without an op, an unknown suite, a missing file: each named with the file', () => {
  assert.is(loadError(JSON.stringify({ ...valid(), commands: [{ region: 0 }] })).message.split(': ')[1], 'has no "commands" array of objects with an "op"');
  const suite = loadError(JSON.stringify({ ...valid(), suite: 'disk' }));
  assert.is(suite.message, `${suite.file}: has unknown suite "disk" (expected "tree", "dax", "dax-contiguous", "dcd-v11", "dcd-v10")`);
  const missing = loadError(null);
  assert.is(missing.message, `${missing.file}: cannot be read (ENOENT)`);
});

test.run();
