/**
 * The C port's request table (ports/shared/dispatch.c, PROTOCOL.md "Requests"): a request
 * matches its entry by name and number of arguments (a literal such as `observe changed`
 * too), the words of its spec are checked before its values, the first bad argument is
 * answered `error` naming it, and a request no entry matches is an unknown request.
 */
import { execFileSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildCPort, C_PORT } from './cport.ts';

buildCPort();

/** The port's answers to these requests (after the handshake's). */
function answers(requests: readonly string[]): string[] {
  const input = ['daxcheck 1', ...requests, 'quit', ''].join('\n');
  const out = execFileSync(C_PORT, [], { input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
  return out.split('\n').slice(1, 1 + requests.length);
}

test('a request is matched by its name and its number of arguments; any other is unknown', () => {
  assert.equal(answers(['foo', 'new tree', 'addRoot 0x0 0xfff', 'addRoot 0x0 0xfff r', 'releaseResource 0 1']), [
    "error unknown request 'foo' with 0 arguments (no instance: send new tree or new dax first)",
    'ok',
    "error unknown request 'addRoot' with 2 arguments",
    'ok 0',
    "error unknown request 'releaseResource' with 2 arguments",
  ]);
});

test('a literal of the spec selects the entry: observe changed, but observe with another word is unknown', () => {
  assert.equal(answers(['new tree', 'observe changed', 'observe changed', 'observe later']), [
    'ok', 'snap {"roots":[]}', 'same', "error unknown request 'observe' with 1 arguments",
  ]);
});

test('the words of a spec are checked before its values, then the values in order, the first bad one named', () => {
  assert.equal(answers([
    'new dax',
    'createRegion round 0xq 0x0 0x0 whole',
    'createRegion dynamic 0xq 0x0 0x0 seeded',
    'createRegion dynamic 0x0 0xq 0x0 whole',
    'resize 0 x 0x0',
    'addExtent 0 0x0 0x200000 bad%0',
  ]), [
    'ok',
    'error createRegion: KIND must be contiguous or dynamic',
    'error createRegion: SEED must be whole, empty or default',
    "error createRegion: argument 3: expected a u64 as 0x + hex, got '0xq'",
    "error resize: argument 2: expected a decimal integer, got 'x'",
    'error addExtent: argument 4: bad percent escape',
  ]);
});

test('the handler gets the parsed values: a percent-encoded label is decoded, a missing device is ENXIO', () => {
  const out = answers(['new dax', 'createRegion dynamic 0x0 0x40000000 0x200000 empty', 'addExtent 0 0x0 0x200000 a%20b', 'resize 0 7 0x0', 'observe']);
  assert.equal(out.slice(0, 4), ['ok', 'ok 0', 'ok 0', 'err ENXIO']);
  assert.match(out[4]!, /"label":"a b"/);
});

test.run();
