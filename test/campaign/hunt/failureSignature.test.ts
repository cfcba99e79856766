/**
 * campaign/hunt/failureSignature.ts: one defect is one failure, whatever sizes, names,
 * neighbours and system answers a find has; different defects stay apart.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { failureSignature } from '../../../campaign/hunt/failureSignature.ts';
import { searchFault } from '../../../campaign/faultSearch.ts';
import { builtinSystems } from '../../../campaign/systems.ts';
import type { CounterexampleFile } from '../../../properties/counterexampleFile.ts';

type Broke = CounterexampleFile['broke'];
const b = (kind: Broke['kind'], call: string, detail: string): Broke => ({ kind, step: 1, call, detail });

test('a planted fault (K1) found from 8 seeds is one distinct failure, not one per answer of the system', () => {
  const systems = builtinSystems('k1-whole-space-mapping');
  const signatures = new Set<string>();
  const details = new Set<string>();
  for (let seed = 1; seed <= 8; seed++) {
    const found = searchFault(systems, { seed, numRuns: 300, maxCommands: 60 }).counterexample;
    if (found === null) continue;
    details.add(found.failure.detail);
    signatures.add(failureSignature({ kind: found.failure.kind, step: found.failure.step + 1, call: found.failure.call, detail: found.failure.detail }));
  }
  assert.ok(details.size >= 2, `the seeds find K1 with different answers (${[...details].join(' | ')})`);
  assert.equal([...signatures], ['result-mismatch in mapping: model ENOMEM']);
});

test('the same difference at other indexes, under other names, with other numbers and sizes, is one failure', () => {
  const same = [
    b('snapshot-mismatch', 'resize(dax0.0, 4GiB)', 'regions[0] (region0) › devices[0] (dax0.0) › ranges[1] › end: model 0x3fffff, sut 0x5fffff'),
    b('snapshot-mismatch', 'resize(dax2.1, 2MiB)', 'regions[2] (region2) › devices[1] (dax2.1) › ranges[0] › end: model 0x1fffff, sut 0x0'),
  ];
  assert.is(failureSignature(same[0]!), failureSignature(same[1]!));
  assert.is(failureSignature(same[0]!), 'snapshot-mismatch in resize: regions › devices › ranges › end');
  const inv = [
    b('invariant', 'addExtent(region0, offset=0x0, length=2MiB, "a")', 'I3 release-once: region0 has badReleases 1 (a release found no resource in the tree)'),
    b('invariant', 'addExtent(region1, offset=0x200000, length=4GiB, "b")', 'I3 release-once: region1 has badReleases 2 (a release found no resource in the tree)\nI5 accounting: availBytes 0x0'),
  ];
  assert.is(failureSignature(inv[0]!), failureSignature(inv[1]!));
  const threw = [b('sut-threw', 'addRoot(0x0-0xffff, "low")', 'TypeError: no slot for "low" at 4GiB'), b('sut-threw', 'addRoot(0x0-0xff, "mid")', 'TypeError: no slot for "mid" at 2 MiB')];
  assert.is(failureSignature(threw[0]!), failureSignature(threw[1]!));
  assert.is(failureSignature(b('hang', 'adjustResource(#4, 0x0, size=1)', 'no answer within 200 ms')), failureSignature(b('hang', 'adjustResource(#1, 0x10, size=0x1000)', 'no answer within 5000 ms')));
});

test('another operation, another kind, another expected answer or another field is another failure', () => {
  const base = failureSignature(b('result-mismatch', 'resize(dax0.0, 4GiB)', 'model ok, sut EBUSY'));
  for (const other of [
    b('result-mismatch', 'createDevice(region0, size=2MiB)', 'model ok, sut EBUSY'),
    b('result-mismatch', 'resize(dax0.0, 4GiB)', 'model ENOSPC, sut ok'),
    b('invariant', 'resize(dax0.0, 4GiB)', 'model ok, sut EBUSY'),
  ]) assert.is.not(failureSignature(other), base);
  assert.is.not(
    failureSignature(b('snapshot-mismatch', 'resize(dax0.0, 4GiB)', 'regions[0] (region0) › availBytes: model 0x0, sut 0x1')),
    failureSignature(b('snapshot-mismatch', 'resize(dax0.0, 4GiB)', 'regions[0] (region0) › devices[0] (dax0.0) › size: model 0x0, sut 0x1')),
  );
});

test.run();
