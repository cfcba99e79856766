import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FAULT_NAMES } from '../../impl/faults.ts';
import { knownDefectOf, runFails, type ClassifiedFacts, type ClassifiedFailure } from '../../campaign/knownDefects.ts';
import { DCD_KNOWN_DEFECTS } from '../../campaign/dcdKnownDefects.ts';

const dynamic = { op: 'createRegion', kind: 'dynamic' };
const contiguous = { op: 'createRegion', kind: 'contiguous' };
const cx = (kind: ClassifiedFacts['broke']['kind'], call: string, detail: string, commands: object[]): ClassifiedFacts =>
  ({ broke: { kind, step: commands.length, call, detail }, commands: commands as { op: string }[] });
const idOf = (c: ClassifiedFacts) => knownDefectOf(c)?.id ?? null;

test('S1 is a partial shrink refused with EBUSY on a run with a dynamic region; the same answer on contiguous regions only is new', () => {
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 512MiB)', 'model ok, sut EBUSY', [dynamic, { op: 'addExtent' }, { op: 'resize' }, { op: 'resize' }])), 'S1');
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 512MiB)', 'model ok, sut EBUSY', [contiguous, { op: 'resize' }])), null);
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 512MiB)', 'model ok, sut ENXIO', [dynamic, { op: 'resize' }])), null);
});

test('S2 is a resize that goes wrong (another extent, a hang, or the watchdog\'s endless loop) on a run with an extent of 4 GiB or more; with smaller extents it is new', () => {
  const big = { op: 'addExtent', lengthBytes: '0x100000000' };
  const small = { op: 'addExtent', lengthBytes: '0x200000' };
  assert.is(idOf(cx('snapshot-mismatch', 'resize(dax0.0, 2MiB)', 'regions[0].devices[0].ranges[0].extent: model 0, sut 1', [dynamic, big, small, { op: 'resize' }])), 'S2');
  assert.is(idOf(cx('hang', 'resize(dax0.0, 2MiB)', 'the port gave no answer', [dynamic, big, { op: 'resize' }])), 'S2');
  const loop = "sut-crashed: the port k ended (signal SIGABRT) (last request: resize 0 0 0x200000): SUMMARY: daxcheck kernel harness: 'resize 0 0 0x200000' still running after 5 s of CPU time (an endless loop in kernel code)";
  assert.is(idOf(cx('sut-crashed', 'resize(dax0.0, 2MiB)', loop, [dynamic, big, { op: 'resize' }])), 'S2');
  assert.is(idOf(cx('sut-crashed', 'resize(dax0.0, 2MiB)', loop, [dynamic, small, { op: 'resize' }])), null);
  assert.is(idOf(cx('snapshot-mismatch', 'resize(dax0.0, 2MiB)', 'whatever', [dynamic, small, { op: 'resize' }])), null);
});

test('S3 is what ASan says of cxl.c\'s extent set-up: a heap-use-after-free in dax_region_rm_resource; another crash is new', () => {
  const summary = 'sut-crashed: the port k ended (exit code 1) (last request: addExtent 3 0x1600000 0x200000 c): SUMMARY: AddressSanitizer: heap-use-after-free /tmp/k/kcopy/drivers/dax/cxl.c:18 in dax_region_rm_resource';
  assert.is(idOf(cx('sut-crashed', 'addExtent(region3, offset=0x1600000, length=2MiB, "c")', summary, [dynamic])), 'S3');
  assert.is(idOf(cx('sut-crashed', 'addExtent(region3, offset=0x0, length=2MiB, "c")', summary.replace('dax_region_rm_resource', 'trim_dev_dax_range'), [dynamic])), null);
  assert.is(idOf(cx('sut-crashed', 'addExtent(region3, offset=0x0, length=2MiB, "c")', summary.replace('heap-use-after-free', 'double-free'), [dynamic])), null);
});

test('S4 is a sized createDevice on a run with a dynamic region answered anything but EINVAL; unsized, or on contiguous regions only, it is new', () => {
  const sized = { op: 'createDevice', region: 0, sizeBytes: '0x200000' };
  assert.is(idOf(cx('result-mismatch', 'createDevice(region0, size=2MiB)', 'model EINVAL, sut ok', [dynamic, sized])), 'S4');
  assert.is(idOf(cx('result-mismatch', 'createDevice(region0, size=2MiB)', 'model EINVAL, sut ENOMEM', [dynamic, sized])), 'S4');
  assert.is(idOf(cx('result-mismatch', 'createDevice(region0, size=2MiB)', 'model EINVAL, sut ok', [contiguous, sized])), null);
  assert.is(idOf(cx('result-mismatch', 'createDevice(region0)', 'model EINVAL, sut ok', [dynamic, { op: 'createDevice', region: 0, sizeBytes: '0x0' }])), null);
});

test('S5 is a grow answered ok where the model finds no room; R1 is a grow answered ok, or a device gone wrong, after an armed allocation failure', () => {
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 4MiB)', 'model ENOSPC, sut ok', [dynamic, { op: 'resize' }])), 'S5');
  const armed = { op: 'failAllocation', point: 'ranges', nth: 1 };
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 2MiB)', 'model ENOMEM, sut ok', [contiguous, armed, { op: 'resize' }])), 'R1');
  assert.is(idOf(cx('invariant', 'resize(dax0.0, 2MiB)', 'sizes: dax0.0 is 0x20000c', [contiguous, armed, { op: 'resize' }])), 'R1');
  const loop = "sut-crashed: the port k ended (signal SIGABRT): SUMMARY: daxcheck kernel harness: 'resize 1 0 0x200000000' still running after 1 s of CPU time (an endless loop in kernel code)";
  assert.is(idOf(cx('sut-crashed', 'resize(dax1.0, 8GiB)', loop, [contiguous, armed, { op: 'resize' }])), 'R1');
  // the watchdog's limit in ms (ports/kernel/harness.c since it was cut to 250 ms), and files saved with 1 s
  assert.is(idOf(cx('sut-crashed', 'resize(dax1.0, 8GiB)', loop.replace('1 s of CPU', '250 ms of CPU'), [contiguous, armed, { op: 'resize' }])), 'R1');
  assert.is(idOf(cx('sut-crashed', 'resize(dax1.0, 8GiB)', loop, [contiguous, { op: 'resize' }])), null);
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 2MiB)', 'model ENOMEM, sut ok', [contiguous, { op: 'resize' }])), null);
  assert.is(idOf(cx('result-mismatch', 'resize(dax0.0, 2MiB)', 'model ENOMEM, sut ok', [contiguous, { ...armed, point: 'extentDevice' }, { op: 'resize' }])), null);
});

test('M1 (model wrong) is addExtent answered ENOSPC for an armed resource failure; it never fails a run, a patch defect does under --known-defects fail', () => {
  const m1 = cx('result-mismatch', 'addExtent(region0, offset=0x0, length=2MiB, "a")', 'model ENOMEM, sut ENOSPC', [{ op: 'failAllocation', point: 'resource', nth: 1 }, dynamic, { op: 'addExtent' }]);
  assert.is(knownDefectOf(m1)?.id, 'M1');
  assert.is(knownDefectOf(m1)?.kind, 'model wrong');
  assert.is(idOf(cx('result-mismatch', 'addExtent(region0, offset=0x0, length=2MiB, "a")', 'model ENOMEM, sut ENOSPC', [dynamic, { op: 'addExtent' }])), null);
  const failure = (c: ClassifiedFacts): ClassifiedFailure => ({ id: 'x', file: 'x.json', known: knownDefectOf(c), what: '' });
  const s1 = failure(cx('result-mismatch', 'resize(dax0.0, 512MiB)', 'model ok, sut EBUSY', [dynamic, { op: 'resize' }]));
  assert.is(runFails([failure(m1)], 'fail'), false);
  assert.is(runFails([s1], 'fail'), true);
  assert.is(runFails([s1], 'report'), false);
});

test('each of S1–S5 names the implementation fault that reproduces it, and every id is distinct', () => {
  for (const d of DCD_KNOWN_DEFECTS.filter((k) => /^S[1-5]$/.test(k.id))) assert.ok((FAULT_NAMES as readonly string[]).includes(d.fault!), d.id);
  const ids = DCD_KNOWN_DEFECTS.map((d) => d.id);
  assert.is(new Set(ids).size, ids.length);
});

test.run();
