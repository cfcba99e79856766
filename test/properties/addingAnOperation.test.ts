/**
 * docs/architecture.md "Adding an operation" is true: every operation, wherever it is
 * named (an ops/ module, a suite's list, the interface's declared arguments), is present
 * in every place of the list, and the list is this test's, with at most 9 places. A
 * missing place fails naming the operation and the place.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { DAX_OPERATIONS } from '../../properties/dax/daxSuite.ts';
import type { AnyOperation } from '../../properties/operation.ts';
import { TREE_OPERATIONS } from '../../properties/tree/treeSuite.ts';
import type { Args } from '../../sut/arguments.ts';
import { DAX_ARGS, TREE_ARGS, type SutFactory } from '../../sut/interface.ts';
import { operationPlaces, type OperationPlace, type Sources } from './operationPlaces.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const readIf = (path: string) => (existsSync(join(ROOT, path)) ? read(path) : '');

function sources(): Sources {
  return {
    interfaceText: read('sut/interface.ts'),
    specText: read('docs/SPECIFICATION.md'),
    dispatchH: readIf('ports/shared/dispatch.h'),
    sharedDriver: readIf('ports/shared/driver.c'),
    cTree: readIf('ports/shared/driver-tree.c'),
    cDax: read('ports/c/driver-dax.c'),
    kernelDax: read('ports/kernel/driver-dax.c'),
    pythonPort: read('ports/python/tree_port.py'),
    opsModule: (suite, op) => {
      const path = `properties/${suite}/ops/${op}.ts`;
      return existsSync(join(ROOT, path)) ? path : null;
    },
  };
}

/** The suites' lists of operations. */
interface Lists { dax: readonly AnyOperation[]; tree: readonly AnyOperation[] }
const LISTS: Lists = { dax: DAX_OPERATIONS, tree: TREE_OPERATIONS };

/** Every operation named anywhere: the suites' lists, the ops/ modules, the declared arguments. */
function everyOperation(lists: Lists): { suite: 'dax' | 'tree'; name: string }[] {
  const names = (suite: 'dax' | 'tree', list: readonly AnyOperation[], args: object) => new Set([
    ...list.map((o) => o.op),
    ...readdirSync(join(ROOT, `properties/${suite}/ops`)).filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)),
    ...Object.keys(args),
  ]);
  return [
    ...[...names('tree', lists.tree, TREE_ARGS)].map((name) => ({ suite: 'tree' as const, name })),
    ...[...names('dax', lists.dax, DAX_ARGS)].map((name) => ({ suite: 'dax' as const, name })),
  ];
}

/** Where each operation is missing, one line per place ("resize: not in 7. PROTOCOL.md ..."). */
function missing(places: readonly OperationPlace[], src: Sources, factories: { model: SutFactory; impl: SutFactory }, lists = LISTS): string[] {
  const out: string[] = [];
  for (const { suite, name } of everyOperation(lists)) {
    const list = lists[suite];
    const args = (suite === 'dax' ? DAX_ARGS : TREE_ARGS) as Readonly<Record<string, Args>>;
    const op = { suite, name, operation: list.find((o) => o.op === name) ?? null, args: args[name] ?? null };
    places.forEach((p, i) => {
      if (!p.holds(op, src, factories)) out.push(`${name}: not in ${i + 1}. ${p.place}`);
    });
  }
  return out;
}

test('every operation is in every place of the list "Adding an operation", which has at most 9 places', () => {
  const places = operationPlaces();
  assert.ok(places.length <= 9, `${places.length} places`);
  assert.equal(missing(places, sources(), { model: modelFactory, impl: implFactory }), []);
});

test('docs/architecture.md "Adding an operation" lists exactly the places this test checks, in order', () => {
  const doc = read('docs/architecture.md');
  const section = /## Adding an operation\n([\s\S]*?)(?=\n## )/.exec(doc)?.[1] ?? '';
  const items = [...section.matchAll(/^(\d+)\. (.*)$/gm)].map((m) => m[2]!);
  const places = operationPlaces();
  assert.is(items.length, places.length, 'one numbered item per place');
  places.forEach((p, i) => assert.ok(items[i]!.startsWith(p.place), `item ${i + 1} starts with "${p.place}": ${items[i]}`));
});

test('the check fails naming the operation and the place for an operation missing from any one place', () => {
  const places = operationPlaces();
  const src = sources();
  const factories = { model: modelFactory, impl: implFactory };
  const without = (text: string, word: string) => text.replaceAll(word, 'gone');
  const broken: Record<number, () => string[]> = {
    // 1 and 2: the ops/ module absent, the list without it
    0: () => missing(places, { ...src, opsModule: (s, op) => (op === 'resize' ? null : src.opsModule(s, op)) }, factories),
    1: () => missing(places, src, factories, { ...LISTS, dax: DAX_OPERATIONS.filter((o) => o.op !== 'resize') }),
    2: () => missing(places, { ...src, interfaceText: without(src.interfaceText, '  resize(') }, factories),
    3: () => missing(places, { ...src, specText: without(src.specText, 'resize(R') }, factories),
    4: () => missing(places, src, { ...factories, model: { ...modelFactory, createDax: () => ({ ...modelFactory.createDax(), resize: undefined }) as never } }),
    5: () => missing(places, src, { ...factories, impl: { ...implFactory, createDax: () => Object.assign(Object.create(null), { observe: () => null }) as never } }),
    6: () => missing(places, { ...src, dispatchH: src.dispatchH.replace(/X\(resize,\s*"iiu"\)/, 'X(resize, "iu")') }, factories),
    7: () => missing(places, { ...src, cDax: without(src.cDax, 'do_resize') }, factories),
    8: () => missing(places, { ...src, kernelDax: without(src.kernelDax, 'do_resize') }, factories),
  };
  places.forEach((p, i) => {
    const lines = broken[i]?.() ?? [];
    assert.ok(lines.includes(`resize: not in ${i + 1}. ${p.place}`), `place ${i + 1} (${p.place}) is checked: ${JSON.stringify(lines.slice(0, 3))}`);
  });
  const tree = missing(places, { ...src, pythonPort: without(src.pythonPort, "'adjustResource'"), cTree: without(src.cTree, 'do_adjustResource') }, factories);
  assert.equal(tree.filter((l) => l.startsWith('adjustResource')).map((l) => l.slice(0, 'adjustResource: not in 9.'.length)), ['adjustResource: not in 8.', 'adjustResource: not in 9.'], 'a tree operation: the shared C tree driver and the Python port are checked');
  const failNth = missing(places, { ...src, sharedDriver: without(src.sharedDriver, 'do_failNth') }, factories);
  // failNth is in both suites (tree and dax): each names the missing shared handler.
  assert.equal([...new Set(failNth.filter((l) => l.startsWith('failNth')).map((l) => l.slice(0, 'failNth: not in 9.'.length)))].sort(), ['failNth: not in 8.', 'failNth: not in 9.'], 'fail-nth is answered by the shared session of both C builds');
});

test.run();
