import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DCD_FAULT_NAMES } from '../../impl/index.ts';
import { knownDefectOf, type ClassifiedFacts } from '../../campaign/knownDefects.ts';
import { V10_KNOWN_DEFECTS } from '../../campaign/v10KnownDefects.ts';

const region = (align = '0x200000') => ({ op: 'createRegion', start: '0x0', sizeBytes: '0x4000000', align });
const daxRegion = { op: 'createRegion', kind: 'dynamic' };
const cx = (kind: ClassifiedFacts['broke']['kind'], call: string, detail: string, commands: object[]): ClassifiedFacts =>
  ({ broke: { kind, step: commands.length, call, detail }, commands: commands as { op: string }[] });
const idOf = (c: ClassifiedFacts) => knownDefectOf(c)?.id ?? null;

test('T1 is a refused release answered ok on a DCD run; the same answer in the DAX suite is not T1', () => {
  const release = { op: 'releaseTagGroup', region: 0, tag: 1 };
  assert.is(idOf(cx('result-mismatch', 'releaseTagGroup(region0, 11111111-2222-4333-8444-555555555555)', 'model EBUSY, sut ok', [region(), { op: 'addTagGroup' }, { op: 'claim' }, release])), 'T1');
  assert.is(idOf(cx('result-mismatch', 'releaseTagGroup(region0, 11111111-2222-4333-8444-555555555555)', 'model EBUSY, sut ok', [daxRegion, release])), null);
  assert.is(idOf(cx('result-mismatch', 'releaseTagGroup(region0, 0)', 'model ENOENT, sut ok', [region(), release])), null);
});

test('T5 is a tagged group with a bad seq base accepted (addTagGroup, or the group of a claimRacing); with a dense seq base it is new', () => {
  const bad = { op: 'addTagGroup', region: 0, tag: 1, seqDelta: 1 };
  assert.is(idOf(cx('result-mismatch', 'addTagGroup(region0, 11111111, [0x0:0x200000], seq 2)', 'model EINVAL, sut ok', [region(), bad])), 'T5');
  assert.is(idOf(cx('result-mismatch', 'addTagGroup(region0, 11111111, [0x0:0x200000], seq 2)', 'model EINVAL, sut ENOSPC', [region(), { op: 'addTagGroup' }, bad])), 'T5');
  assert.is(idOf(cx('result-mismatch', 'addTagGroup(region0, 11111111, [0x0:0x200000], seq 1)', 'model EINVAL, sut ok', [region(), { ...bad, seqDelta: 0 }])), null);
  assert.is(idOf(cx('result-mismatch', 'addTagGroup(region0, 0, [0x0:0x200000], seq 2)', 'model EINVAL, sut ok', [region(), { ...bad, tag: 0 }])), null);
  const racing = { op: 'claimRacing', region: 0, device: 0, tag: 1, seqDelta: -1 };
  assert.is(idOf(cx('snapshot-mismatch', 'claimRacing(dax0.0, 1, during addTagGroup(…))', 'regions[0] (region0) › resources: model has 0, sut has 1 (extra resource)', [region(), racing])), 'T5');
});

test('V1 is a claim the profile refuses with EBUSY (a device with a size) answered otherwise; V2 an unaligned claim answered ok on a region aligned above 2 MiB', () => {
  assert.is(idOf(cx('result-mismatch', 'claim(dax0.0, 0)', 'model EBUSY, sut ENOENT', [region(), { op: 'claim' }, { op: 'claim' }])), 'V1');
  assert.is(idOf(cx('result-mismatch', 'claimRacing(dax0.0, 0, during …)', 'model EBUSY, sut ok', [region(), { op: 'claimRacing' }])), 'V1');
  assert.is(idOf(cx('result-mismatch', 'claim(dax0.0, 0)', 'model EBUSY, sut EBUSY', [region(), { op: 'claim' }])), null);
  assert.is(idOf(cx('result-mismatch', 'claim(dax0.0, 1)', 'model EINVAL, sut ok', [region('0x400000'), { op: 'claim' }])), 'V2');
  assert.is(idOf(cx('result-mismatch', 'claim(dax0.0, 1)', 'model EINVAL, sut ok', [region(), { op: 'claim' }])), null);
});

test('M3, M4, M5 and G3: create without free capacity, a misaligned or unchanged size, an overlapping region', () => {
  assert.is(idOf(cx('result-mismatch', 'createDevice(region0)', 'model ok(id=1), sut ENOSPC', [region(), { op: 'createDevice' }])), 'M3');
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 1B)', 'model EOPNOTSUPP, sut EINVAL', [region(), { op: 'resize' }])), 'M4');
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 2MiB)', 'model EOPNOTSUPP, sut ok', [region(), { op: 'resize' }])), 'M5');
  assert.is(idOf(cx('result-mismatch', 'createRegion(0x0, 2MiB, align=2MiB)', 'model ok(id=1), sut ENOMEM', [region(), region()])), 'G3');
  assert.is(idOf(cx('result-mismatch', 'createRegion(dynamic, 0x0, 2MiB, 2MiB)', 'model ok(id=1), sut ENOMEM', [daxRegion, daxRegion])), null);
});

test('every v10 signature names a fault the v10 profile has, or none; ids are unique', () => {
  for (const d of V10_KNOWN_DEFECTS) if (d.fault !== null) assert.ok((DCD_FAULT_NAMES as readonly string[]).includes(d.fault), d.fault);
  assert.is(new Set(V10_KNOWN_DEFECTS.map((d) => d.id)).size, V10_KNOWN_DEFECTS.length);
});

test.run();
