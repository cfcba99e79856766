import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KNOWN_DEFECTS, knownDefectOf, runFails, type ClassifiedFailure, type KnownDefect } from '../../campaign/knownDefects.ts';
import { FAULT_NAMES } from '../../impl/faults.ts';

const k1 = (detail: string, call = 'mapping(dax0.0, 0x0-0xffffffffffffffff)') => ({ broke: { kind: 'result-mismatch' as const, step: 1, call, detail } });

test('a whole-space mapping answered ok or EBUSY where the model says ENOMEM is known: K1', () => {
  assert.is(knownDefectOf(k1('model ENOMEM, sut EBUSY'))?.id, 'K1');
  assert.is(knownDefectOf(k1('model ENOMEM, sut ok'))?.id, 'K1');
  assert.is(knownDefectOf(k1('model ENOMEM, sut ok', 'mapping(dax3.2, 0x0-0xffffffffffffffff)'))?.id, 'K1');
});

test('any other break is a new finding, not K1', () => {
  assert.is(knownDefectOf(k1('model ENOMEM, sut ENXIO')), null);
  assert.is(knownDefectOf(k1('model ENOMEM, sut ok', 'mapping(dax0.0, 0x0-0x1fffff)')), null);
  assert.is(knownDefectOf({ broke: { kind: 'snapshot-mismatch' as const, step: 1, call: 'mapping(dax0.0, 0x0-0xffffffffffffffff)', detail: 'model ENOMEM, sut ok' } }), null);
});

test('each known upstream defect names a fault of the implementation that reproduces it, but K2-K8 (found by the kernel harness, no fault yet)', () => {
  const defects = KNOWN_DEFECTS.filter((d) => d.kind === 'upstream defect');
  assert.equal(defects.map((d) => d.id), ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7', 'K8']);
  for (const d of defects) {
    if (d.id !== 'K1') assert.is(d.fault, null);
    else assert.ok((FAULT_NAMES as readonly string[]).includes(d.fault!), d.id);
  }
});

test('a mapping answered ok where the model says ENXIO (a length not a multiple of the alignment) is known: K2; other mapping breaks are not', () => {
  assert.is(knownDefectOf(k1('model ENXIO, sut ok', 'mapping(dax0.0, 0x200000-0x2fffff)'))?.id, 'K2');
  assert.is(knownDefectOf(k1('model ENXIO, sut ok', 'mapping(dax0.3, 0x40000000-0x401fffff)'))?.id, 'K2');
  assert.is(knownDefectOf(k1('model ENXIO, sut ENOMEM', 'mapping(dax0.0, 0x200000-0x2fffff)')), null);
  assert.is(knownDefectOf(k1('model ENXIO, sut ok', 'resize(dax0.0, 1MiB)')), null);
  assert.is(knownDefectOf({ broke: { kind: 'snapshot-mismatch' as const, step: 1, call: 'mapping(dax0.0, 0x200000-0x2fffff)', detail: 'model ENXIO, sut ok' } }), null);
});

const g1 = (createSize: string, detail = 'model ok, sut ENXIO') => ({
  broke: { kind: 'result-mismatch' as const, step: 2, call: 'resize(dax0.1, 4MiB)', detail },
  commands: [{ op: 'createRegion' }, { op: 'createDevice', region: 0, sizeBytes: createSize }, { op: 'resize' }],
});

test('G1 is closed: a grow refused with ENXIO after a sized create is a new finding now that a misaligned sized create is EINVAL', () => {
  assert.is(knownDefectOf(g1('0x200000')), null);
  assert.not.ok(KNOWN_DEFECTS.some((d) => d.id === 'G1'));
});

test('a region align past bus.c\'s unsigned int that the kernel harness cannot make is the known interface gap G2', () => {
  const detail = 'the port could not handle "createRegion contiguous 0x0 0x100000000 0x100000000 whole": error createRegion: align 0x100000000 does not fit bus.c\'s unsigned int';
  const g2 = { broke: { kind: 'sut-malformed' as const, step: 0, call: 'createRegion(contiguous, start=0x0, size=4GiB, align=4GiB, seed=whole)', detail } };
  assert.is(knownDefectOf(g2)?.id, 'G2');
  assert.is(knownDefectOf(g2)?.kind, 'interface gap');
  assert.is(knownDefectOf({ broke: { ...g2.broke, detail: 'malformed answer to "createRegion …": "x"' } }), null);
});

test('a known interface gap never fails the run, even with --known-defects fail', () => {
  const gapDefect: KnownDefect = { id: 'G0', kind: 'interface gap', title: 'a test gap', fault: null, matches: () => true };
  const gap: ClassifiedFailure = { id: 'g', file: 'g.json', known: gapDefect, what: '' };
  assert.is(runFails([gap], 'fail'), false);
  assert.is(runFails([gap], 'report'), false);
});

test('--known-defects report fails a run only for a new finding; fail also for a known one', () => {
  const known: ClassifiedFailure = { id: 'a', file: 'a.json', known: knownDefectOf(k1('model ENOMEM, sut ok')), what: '' };
  const fresh: ClassifiedFailure = { id: 'b', file: 'b.json', known: null, what: '' };
  assert.is(runFails([known], 'report'), false);
  assert.is(runFails([known], 'fail'), true);
  assert.is(runFails([known, fresh], 'report'), true);
  assert.is(runFails([], 'fail'), false);
});

test('a grow refused with ENXIO after an injected allocation failure is M2 (model wrong); the same refusal with no failure injected before it is new', () => {
  const broke = { kind: 'result-mismatch' as const, step: 3, call: 'resize(dax1.2, 4MiB)', detail: 'model ok, sut ENXIO' };
  const before = [{ op: 'createRegion' }, { op: 'failAllocation' }, { op: 'resize' }];
  assert.is(knownDefectOf({ broke, commands: before })?.id, 'M2');
  assert.is(knownDefectOf({ broke, commands: [{ op: 'createRegion' }, { op: 'resize' }, { op: 'resize' }] }), null);
  assert.is(knownDefectOf({ broke, commands: [{ op: 'createRegion' }, { op: 'resize' }, { op: 'resize' }, { op: 'failAllocation' }] }), null, 'a failure armed after the step does not count');
});

test.run();
