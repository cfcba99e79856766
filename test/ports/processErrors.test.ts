/**
 * A port that crashes, hangs, prints garbage or speaks another protocol version gives
 * one clear, classified ProcessSutError; the next create starts a fresh process, and no
 * process is left behind.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ProcessSutError } from '../../protocol/portChannel.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { MiB } from '../../sut/u64.ts';
import { BOOM_PORT, buildCPort, C_PORT, FAKE_PORT, PYTHON_PORT } from './cport.ts';

function thrown(f: () => unknown): ProcessSutError {
  try {
    f();
  } catch (e) {
    if (e instanceof ProcessSutError) return e;
    throw e;
  }
  throw new Error('expected a ProcessSutError, nothing was thrown');
}

const region = { kind: 'dynamic' as const, start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB };

function gone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return check();
}

test('a port that exits is sut-crashed, with its exit code, the request, and the sanitizer SUMMARY line (paths relative)', () => {
  const sut = processFactory(FAKE_PORT('crash'));
  const e = thrown(() => sut.createDax().createRegion(region));
  assert.is(e.reason, 'sut-crashed');
  assert.is(e.exitCode, 1);
  assert.is(e.signal, null);
  assert.is(e.lastRequest, 'createRegion dynamic 0x0 0x4000000 0x200000 default');
  assert.is(e.summary, 'SUMMARY: AddressSanitizer: heap-use-after-free fake.c:42 in fake_put');
  assert.ok(e.stderrHead.some((l) => l.includes('ERROR: AddressSanitizer')));
  assert.match(e.message, /^the port .*ended \(exit code 1\) \(last request: createRegion .*\): SUMMARY: AddressSanitizer/);
  sut.close();
});

test('a port that dies with a Python traceback after chatter on stderr: the message ends with the traceback\'s last line, once labelled', () => {
  const sut = processFactory(BOOM_PORT);
  const tree = sut.createTree();
  assert.equal(tree.addRoot(0n, 0xffffn, 'r'), { ok: true, id: 0 });
  assert.equal(tree.requestResource(0, 0n, 0xffn, 'a'), { ok: true, id: 1 });
  const e = thrown(() => tree.adjustResource(1, 0n, 0x10n));
  assert.is(e.reason, 'sut-crashed');
  assert.is(e.stderrTail.at(-1), 'RuntimeError: boom');
  assert.match(e.message, /: stderr ends: .*\| RuntimeError: boom$/);
  assert.ok(e.stderrHead[0]!.startsWith('port log line 0'), 'the head is the chatter');
  assert.not.match(e.message, /sut-crashed/, 'the kind is the runner\'s to print, once');
  sut.close();
});

test('a port that cannot be started says so, with the reason and the folder relative paths are looked up from; no "last request"', () => {
  const e = thrown(() => processFactory(['./no-such-port'], { cwd: '/tmp' }).createTree());
  assert.is(e.reason, 'sut-crashed');
  assert.match(e.message, /^the port \.\/no-such-port could not be started: spawn \.\/no-such-port ENOENT \(no such program.*looked up from \/tmp\)$/);
  const exited = thrown(() => processFactory(FAKE_PORT('silent')).createTree());
  assert.match(exited.message, /ended \(exit code 3\) before answering the handshake "daxcheck 1"$/);
});

test('a port killed by a signal is sut-crashed with that signal', () => {
  const sut = processFactory(FAKE_PORT('signal'));
  const e = thrown(() => sut.createTree().addRoot(0n, 0xffffn, 'r'));
  assert.is(e.reason, 'sut-crashed');
  assert.is(e.signal, 'SIGSEGV');
  assert.is(e.exitCode, null);
  sut.close();
});

test('a port that gives no answer within the command timeout is a hang, and is killed', async () => {
  const sut = processFactory(FAKE_PORT('hang'), { commandTimeoutMs: 300 });
  const dax = sut.createDax();
  const pid = sut.processId()!;
  const started = Date.now();
  const e = thrown(() => dax.createRegion(region));
  assert.is(e.reason, 'hang');
  assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  assert.match(e.message, /no answer within 300 ms \(killed\)/);
  assert.ok(await eventually(() => gone(pid)), `process ${pid} still runs`);
  sut.close();
});

test('a port that prints garbage is sut-malformed, naming the request and the line', () => {
  const sut = processFactory(FAKE_PORT('garbage'));
  const e = thrown(() => sut.createTree().addRoot(0n, 0xffffn, 'r'));
  assert.is(e.reason, 'sut-malformed');
  assert.match(e.message, /malformed answer to "addRoot 0x0 0xffff r": "hello world"/);
  sut.close();
});

test('a malformed snapshot is sut-malformed, naming the path of the field', () => {
  const sut = processFactory(FAKE_PORT('badsnap'));
  const e = thrown(() => sut.createDax().observe());
  assert.is(e.reason, 'sut-malformed');
  assert.match(e.message, /regions\[0\]\.availBytes: expected u64 hex string, got 12/);
  sut.close();
});

test('a port of another protocol version is one protocol error naming the expected and received text', () => {
  const sut = processFactory(FAKE_PORT('version2'));
  const e = thrown(() => sut.createTree());
  assert.is(e.reason, 'protocol');
  assert.match(e.message, /expected "daxcheck 1 NAME" in answer to "daxcheck 1", got "error unsupported protocol version"/);
});

test('a port that exits before the handshake is sut-crashed', () => {
  const e = thrown(() => processFactory(FAKE_PORT('silent')).createTree());
  assert.is(e.reason, 'sut-crashed');
  assert.is(e.exitCode, 3);
});

test('a command that does not exist is sut-crashed with the spawn error', () => {
  const e = thrown(() => processFactory(['/nonexistent/port']).createTree());
  assert.is(e.reason, 'sut-crashed');
  assert.match(e.stderrHead.join(' '), /ENOENT/);
});

test('a port that implements the tree suite only is a protocol error for the DAX suite', () => {
  const sut = processFactory(PYTHON_PORT);
  const e = thrown(() => sut.createDax());
  assert.is(e.reason, 'protocol');
  assert.match(e.message, /does not implement the dax suite \(it answered "err EINVAL" to "new dax"\)/);
  assert.equal(sut.createTree().addRoot(0n, 0xffn, 'ok'), { ok: true, id: 0 });
  sut.close();
});

test('an unknown fault name is a protocol error', () => {
  buildCPort();
  const e = thrown(() => processFactory([C_PORT], { faults: ['no-such-fault'] }).createDax());
  assert.is(e.reason, 'protocol');
  assert.match(e.message, /does not know the fault no-such-fault/);
});

test('after a crash the next create starts a fresh process; the old instance keeps throwing the crash', () => {
  buildCPort();
  const sut = processFactory([C_PORT], { faults: ['s3-double-release'] });
  const dax = sut.createDax();
  const first = sut.processId()!;
  assert.equal(dax.createRegion(region), { ok: true, id: 0 });
  assert.equal(dax.failAllocation('extentDevice', 1), { ok: true });
  const e = thrown(() => dax.addExtent(0, 0n, 2n * MiB, 'a'));
  assert.is(e.reason, 'sut-crashed');
  assert.match(e.summary ?? '', /^SUMMARY: AddressSanitizer: heap-use-after-free ports\/c\/extent\.c:\d+ in dax_extent_add$/);
  assert.is(thrown(() => dax.observe()), e);
  const again = sut.createDax();
  assert.ok(sut.processId() !== first);
  assert.equal(again.createRegion(region), { ok: true, id: 0 });
  sut.close();
});

test('close ends the port process (quit), and a value outside u64 is a protocol error, not a request', async () => {
  buildCPort();
  const sut = processFactory([C_PORT]);
  const tree = sut.createTree();
  assert.is(thrown(() => tree.addRoot(-1n, 0n, 'x')).reason, 'protocol');
  assert.equal(tree.addRoot(0n, 0n, 'x'), { ok: true, id: 0 });
  const pid = sut.processId()!;
  sut.close();
  assert.ok(await eventually(() => gone(pid)), `process ${pid} still runs`);
  assert.is(sut.processId(), null);
});

test.run();
