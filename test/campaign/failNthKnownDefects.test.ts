/** The known defects fail-nth finds on bus.c's error paths (campaign/failNthKnownDefects.ts): each signature, and its near misses. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { knownDefectOf } from '../../campaign/knownDefects.ts';
import type { FailureKind } from '../../properties/stepFailure.ts';

const ARMED = [{ op: 'createRegion' }, { op: 'failNth' }, { op: 'createDevice' }];
const cx = (kind: FailureKind, call: string, detail: string, commands = ARMED) => ({ broke: { kind, step: 3, call, detail }, commands });
const id = (c: ReturnType<typeof cx>) => knownDefectOf(c)?.id ?? null;
const LEAK = 'leak: the dropped dax instance left 1 allocation(s) behind: ';
const AFTER = 'sut EINVAL after an injected allocation failure: the result must be ENOMEM or the model\'s (docs/SPECIFICATION.md §8.2)';

test('K3: a leak of the device name of __devm_create_dev_dax (6.1: devm_create_dev_dax), alone or with other known leaks; not with an unknown site', () => {
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', `${LEAK}__devm_create_dev_dax:dev_set_name`)), 'K3');
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', `${LEAK}devm_create_dev_dax:dev_set_name`)), 'K3');
  assert.is(id(cx('sut-leaked', 'resize(dax3.0, 1GiB)', 'leak: the dropped dax instance left 3 allocation(s) behind: devm_create_dev_dax:dev_set_name, devm_create_dev_dax:dev_set_name, alloc_dax_region:dax_region')), 'K3');
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', `${LEAK}__devm_create_dev_dax:dev_set_name, devm_register_dax_mapping:mapping`)), null);
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', 'leak: the dropped dax instance left 1 allocation(s) behind')), null);
});

test('K4 and K5: EINVAL after the failed name or range_parse\'s kstrdup; EINVAL after another site is new', () => {
  assert.is(id(cx('result-mismatch', 'createDevice(region0) [fail-nth: allocation 2 fails at __devm_create_dev_dax:dev_set_name]', AFTER)), 'K4');
  assert.is(id(cx('result-mismatch', 'resize(dax0.1, 8MiB) [fail-nth: allocation 5 fails at devm_register_dax_mapping:dev_set_name]', AFTER)), 'K4');
  assert.is(id(cx('result-mismatch', 'mapping(dax0.1, 0x10002800000-0x10002bfffff) [fail-nth: allocation 1 fails at range_parse:opt]', AFTER)), 'K5');
  assert.is(id(cx('result-mismatch', 'createDevice(region0) [fail-nth: allocation 1 fails at __devm_create_dev_dax:dev_dax]', AFTER)), null);
});

test('K6: a self-deadlock on dax_region_rwsem after an armed failure; not without one armed', () => {
  const detail = 'the port x ended (signal SIGABRT) (last request: failNth 5): stderr ends: daxcheck fail-nth: allocation 5 of this request fails at __devm_create_dev_dax:devm_add_action_or_reset | daxcheck lock check: write_lock while holding it (deadlock): dax_region_rwsem';
  assert.is(id(cx('sut-crashed', 'createDevice(region0) [fail-nth: allocation 5 fails]', detail)), 'K6');
  assert.is(id(cx('sut-crashed', 'createDevice(region0)', detail, [{ op: 'createRegion' }])), null);
});

test('K7 and K8: the ranges and resource left by a failed device_add, the region left by 6.1\'s alloc_dax_region, only after an armed failure', () => {
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', 'leak: the dropped dax instance left 2 allocation(s) behind: alloc_dev_dax_range:ranges, alloc_resource:resource')), 'K7');
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', `${LEAK}alloc_dax_region:dax_region`)), 'K8');
  assert.is(id(cx('sut-leaked', 'destroyRegion(region0)', `${LEAK}alloc_dax_region:dax_region`, [{ op: 'createRegion' }])), null);
});

test('a fail-nth step keeps its known defect: K1 with the note, R1 and M1 of the DCD series under fail-nth', () => {
  assert.is(id(cx('result-mismatch', 'mapping(dax0.0, 0x0-0xffffffffffffffff) [fail-nth: allocation 2 fails]', 'model ENOMEM, sut ok')), 'K1');
  const dynamic = [{ op: 'createRegion', kind: 'dynamic' }, { op: 'failNth' }, { op: 'resize' }];
  assert.is(id(cx('invariant', 'resize(dax0.0, 80MiB) [fail-nth: allocation 1 fails at alloc_resource:resource]', 'I6 sizes: dax0.0 range 1 [0x4000000-0x500000b] length 0x100000c is not a multiple of 2MiB', dynamic)), 'R1');
  assert.is(id(cx('sut-crashed', 'resize(dax0.1, 7GiB) [fail-nth: allocation 3 fails]', 'the port x ended (signal SIGABRT) (last request: allocations): SUMMARY: daxcheck kernel harness: WARN after the injected allocation failure at devm_register_dax_mapping:mapping: WARNING: space not found? at bus.c:1125', dynamic)), 'R1');
  assert.is(id(cx('result-mismatch', 'addExtent(region0, offset=0x0, length=64MiB, "a") [fail-nth: allocation 2 fails at alloc_resource:resource]', 'sut ENOSPC after an injected allocation failure: the result must be ENOMEM or the model\'s (docs/SPECIFICATION.md §8.2)', dynamic)), 'M1');
  assert.is(id(cx('result-mismatch', 'addExtent(region0, offset=0x0, length=64MiB, "a") [fail-nth: allocation 1 fails at cxl_region_add_extent:cxl_dr_ext]', 'sut ENOSPC after an injected allocation failure: the result must be ENOMEM or the model\'s (docs/SPECIFICATION.md §8.2)', dynamic)), null);
});

test.run();
