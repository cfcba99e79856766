/**
 * properties/commandFields.ts: a saved command's fields against what its operation's
 * generators make; hand edits that would run as something else are refused, naming the field.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { commandFieldProblem } from '../../properties/commandFields.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { SUITES } from '../../properties/suites.ts';
import fc from 'fast-check';
import { s1Padded, treeCommands } from './counterexamples.ts';

const addExtent = daxSuite.operations.find((o) => o.op === 'addExtent')!;
const good = { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 0x800000n, label: 'a' };

test('"lots" where a u64 belongs, a string where a ref belongs, a fraction: each named with the field and what it should be', () => {
  assert.is(commandFieldProblem(addExtent, { ...good, deltaBytes: 'lots' }), 'has "deltaBytes": "lots", which is not a hex number such as "0x200000"');
  assert.is(commandFieldProblem(addExtent, { ...good, region: 'lots' }), 'has "region": "lots", which is not a whole number');
  assert.is(commandFieldProblem(addExtent, { ...good, region: 1.5 }), 'has "region": 1.5, which is not a whole number');
});

test('region -5 (below the -3 the generators make) is refused instead of running as region4095', () => {
  assert.match(commandFieldProblem(addExtent, { ...good, region: -5 }) ?? '', /^has "region": -5, below -3, the lowest the generators make/);
  assert.is(commandFieldProblem(addExtent, { ...good, region: -3 }), null);
});

test('an enumerated field outside its values, a missing field and an unknown field are refused', () => {
  assert.match(commandFieldProblem(addExtent, { ...good, at: 'middle' }) ?? '', /^has "at": "middle", which is none of "abs", /);
  const { label: _, ...noLabel } = good;
  assert.is(commandFieldProblem(addExtent, noLabel), 'has no "label"');
  assert.match(commandFieldProblem(addExtent, { ...good, lenght: 1n }) ?? '', /^has a field "lenght" that addExtent does not take/);
});

test('every command the generators make (normal and big runs) and the test files\' commands pass', () => {
  for (const suite of Object.values(SUITES)) {
    for (const op of suite.operations) {
      for (const arbitrary of [op.arbitrary, ...(op.scale ? [op.scale.arbitrary] : [])]) {
        for (const cmd of fc.sample(arbitrary, { seed: 99, numRuns: 300 })) assert.is(commandFieldProblem(op, cmd), null, `${op.op} ${JSON.stringify(cmd, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}`);
      }
    }
  }
  for (const c of s1Padded()) assert.is(commandFieldProblem(daxSuite.operations.find((o) => o.op === c.op)!, { ...c }), null, c.op);
  for (const c of treeCommands()) assert.is(commandFieldProblem(SUITES.tree.operations.find((o) => o.op === c.op)!, { ...c }), null, c.op);
});

test('every command of every suite\'s prefixes (big runs\' create/delete bursts included) passes: a hunt never saves a file that replay refuses', () => {
  const shown = (c: unknown) => JSON.stringify(c, (_k, v) => (typeof v === 'bigint' ? String(v) : v));
  let checked = 0;
  for (const suite of Object.values(SUITES)) {
    const prefixes = [suite.prefix(), ...(suite.bigRuns?.prefix ? [suite.bigRuns.prefix()] : [])];
    for (const prefix of prefixes) {
      for (const cmds of fc.sample(prefix as fc.Arbitrary<{ op: string }[]>, { seed: 7, numRuns: 50 })) {
        for (const c of cmds) {
          const op = suite.operations.find((o) => o.op === c.op);
          assert.ok(op !== undefined, `no operation ${c.op}`);
          assert.is(commandFieldProblem(op!, c as unknown as Record<string, unknown>), null, shown(c));
          checked += 1;
        }
      }
    }
  }
  assert.ok(checked > 500, `only ${checked} prefix commands checked`);
});

test.run();
