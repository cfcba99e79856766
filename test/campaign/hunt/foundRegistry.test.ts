/** The hunt's shared registry of found failures. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FoundRegistry } from '../../../campaign/hunt/foundRegistry.ts';

test('a failure is claimed once: the first claim wins, every later one (through any view of the buffer) sees it found', () => {
  const buffer = FoundRegistry.allocate();
  const a = new FoundRegistry(buffer);
  const b = new FoundRegistry(buffer);
  assert.not.ok(a.has(0, 'K1: result-mismatch in mapping'));
  assert.ok(a.claim(0, 'K1: result-mismatch in mapping'));
  assert.not.ok(b.claim(0, 'K1: result-mismatch in mapping'));
  assert.ok(b.has(0, 'K1: result-mismatch in mapping'));
});

test('a view that saw a name absent still sees it found once another view claims it (only found names are remembered)', () => {
  const buffer = FoundRegistry.allocate();
  const a = new FoundRegistry(buffer);
  const b = new FoundRegistry(buffer);
  assert.not.ok(a.has(0, 'S4: result-mismatch in createDevice'));
  assert.ok(b.claim(0, 'S4: result-mismatch in createDevice'));
  assert.ok(a.has(0, 'S4: result-mismatch in createDevice'));
  assert.not.ok(a.claim(0, 'S4: result-mismatch in createDevice'));
  assert.not.ok(a.claim(0, 'S4: result-mismatch in createDevice'), 'found again: still found');
});

test('targets keep apart: the same name found for target 0 is new for target 1', () => {
  const r = new FoundRegistry(FoundRegistry.allocate());
  assert.ok(r.claim(0, 'hang in resize'));
  assert.ok(r.claim(1, 'hang in resize'));
  assert.not.ok(r.has(2, 'hang in resize'));
});

test('many names are all kept (open addressing past collisions of their slots)', () => {
  const r = new FoundRegistry(FoundRegistry.allocate());
  const names = Array.from({ length: 3000 }, (_, i) => `snapshot-mismatch in op${i}`);
  for (const n of names) assert.ok(r.claim(0, n), n);
  for (const n of names) assert.ok(r.has(0, n), n);
  assert.not.ok(r.has(0, 'snapshot-mismatch in op3000'));
});

test('a full table claims nothing new: every later failure is shrunk (claim true), none taken for found', () => {
  const r = new FoundRegistry(FoundRegistry.allocate());
  for (let i = 0; i < 4096; i++) r.claim(0, `n${i}`);
  assert.ok(r.claim(0, 'one more'));
  assert.ok(r.claim(0, 'one more'), 'still not found: it could not be kept');
});

test.run();
