import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { add64, endOf, hex, isPowerOfTwo, sizeText, sub64, U64_MAX, GiB, MiB } from '../../sut/u64.ts';

test('add64 and sub64 wrap modulo 2^64 as C does', () => {
  assert.is(add64(U64_MAX, 1n), 0n);
  assert.is(sub64(0n, 1n), U64_MAX);
});

test('endOf gives end < start for n = 0 and for a wrapping range', () => {
  assert.is(endOf(5n, 0n), 4n);
  assert.is(endOf(0n, 0n), U64_MAX);
  assert.is(endOf(U64_MAX, 2n), 0n);
  assert.is(endOf(U64_MAX, 1n), U64_MAX);
});

test('isPowerOfTwo accepts 2 MiB and rejects 0 and 3 MiB', () => {
  assert.ok(isPowerOfTwo(2n * MiB));
  assert.not.ok(isPowerOfTwo(0n));
  assert.not.ok(isPowerOfTwo(3n * MiB));
});

test('hex and sizeText print addresses and sizes readably', () => {
  assert.is(hex(2n * MiB), '0x200000');
  assert.is(sizeText(4n * GiB), '4GiB');
  assert.is(sizeText(3n * MiB), '3MiB');
  assert.is(sizeText(4097n), '0x1001');
  assert.is(sizeText(512n), '512B');
  assert.is(sizeText(0n), '0B');
});

test('a size one byte short of a unit prints as that unit minus one, never as a long byte count (4194303B)', () => {
  assert.is(sizeText(4n * MiB - 1n), '4MiB-1');
  assert.is(sizeText(2n ** 64n - 1n), '16EiB-1');
  assert.is(sizeText(1023n), '1KiB-1');
  assert.is(sizeText(2n ** 40n), '1TiB');
  for (const v of [4194303n, 123456789n, 2n ** 63n + 5n]) assert.not.match(sizeText(v), /^\d{5,}B$/, String(v));
});

test.run();
