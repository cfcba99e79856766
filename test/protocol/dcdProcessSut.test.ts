/**
 * The protocol client of the v11/v10 profile (protocol/dcdProcessSut.ts) against a fake
 * port that records what it is sent: every DcdSut call is one request line as PROTOCOL.md
 * writes it (u64 hex, `~` for a group of no extent, forced as 0/1), the snapshot is parsed
 * into bigints, a port without the profile is a protocol error, a misshapen snapshot
 * sut-malformed.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dcdProcessFactory } from '../../protocol/dcdProcessSut.ts';
import { ProcessSutError } from '../../protocol/portChannel.ts';
import { ROOT } from '../ports/cport.ts';

const PORT = join(ROOT, 'test/protocol/fixtures/dcdEchoPort.mjs');
const T = '0b0c1d2e-3f40-4152-8364-758697a8b9ca';

function withPort(mode: string, f: (factory: ReturnType<typeof dcdProcessFactory>, log: string) => void): void {
  const log = join(mkdtempSync(join(tmpdir(), 'daxcheck-dcdport-')), 'requests');
  const factory = dcdProcessFactory([process.execPath, PORT, log, mode]);
  try {
    f(factory, log);
  } finally {
    factory.close();
  }
}

test('every call of the profile is one request line in the protocol\'s words', () => {
  withPort('good', (factory, log) => {
    const dcd = factory.createDcd!('v10');
    assert.equal(dcd.createRegion(0x40000000n, 0x4000000n, 0x200000n), { ok: true, id: 7 });
    assert.equal(dcd.createDevice(0), { ok: true, id: 7 });
    dcd.addTagGroup(0, { tag: T, extents: [{ offset: 0n, length: 0x200000n }, { offset: 0x400000n, length: 0x200000n }], seqBase: 1 });
    dcd.addTagGroup(0, { tag: '0', extents: [], seqBase: 0 });
    dcd.claim(0, 1, T);
    dcd.claimRacing(0, 1, '0', { tag: T, extents: [{ offset: 0x800000n, length: 0x200000n }], seqBase: 3 });
    dcd.releaseTagGroup(0, '0', true, 0x600000n);
    dcd.resize(0, 1, 0n);
    dcd.deleteDevice(0, 1);
    assert.equal(dcd.selfCheck!(), []);
    assert.equal(readFileSync(log, 'utf8').trimEnd().split('\n').slice(1), [
      'new dcd v10', 'createRegion 0x40000000 0x4000000 0x200000', 'createDevice 0',
      `addTagGroup 0 ${T} 0x0:0x200000,0x400000:0x200000 1`, 'addTagGroup 0 0 ~ 0', `claim 0 1 ${T}`,
      `claimRacing 0 1 0 ${T} 0x800000:0x200000 3`, 'releaseTagGroup 0 0 1 0x600000', 'resize 0 1 0x0', 'deleteDevice 0 1', 'check',
    ]);
  });
});

test('the snapshot is parsed with u64 values as bigints', () => {
  withPort('good', (factory) => {
    const snap = factory.createDcd!('v10').observe();
    const r = snap.regions[0]!;
    assert.equal([r.start, r.align, r.resources[0]!.size, r.devices[0]!.ranges[0]!.end, r.pending, r.warnings], [0x40000000n, 0x200000n, 0x200000n, 0x401fffffn, ['0@0x0'], 0]);
  });
});

test('a port without the profile is a protocol error naming the request; a misshapen snapshot is sut-malformed naming the field', () => {
  withPort('good', (factory) => {
    assert.throws(() => factory.createDcd!('v11'), (e: unknown) => e instanceof ProcessSutError && e.reason === 'protocol' && /does not implement the v11 profile \(it answered "err EINVAL" to "new dcd v11"\)/.test(e.message));
  });
  withPort('bad', (factory) => {
    const dcd = factory.createDcd!('v10');
    assert.throws(() => dcd.observe(), (e: unknown) => e instanceof ProcessSutError && e.reason === 'sut-malformed' && /regions\[0\]\.resources\[0\]\.size: expected u64 hex string/.test(e.message));
  });
});

test.run();
