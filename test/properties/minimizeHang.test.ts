/**
 * Minimizing a hang keeps the hang where it happened: a shrink try counts only when it
 * hangs at the same operation, at its own last command. A system that stops answering
 * at the start of the try after a hang (a port restarting slowly, a loaded machine) no
 * longer moves the hang to that try's first command.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { modelFactory } from '../../model/index.ts';
import { minimize } from '../../properties/minimize.ts';
import type { TreeCommand } from '../../properties/tree/treeCommand.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import type { ResourceTreeSut, SutFactory } from '../../sut/interface.ts';
import { SutFailure } from '../../sut/runCheck.ts';
import { treeCommands } from './counterexamples.ts';

/**
 * The model's tree, except that adjustResource with size 1 never answers (a hang), and
 * the first call of the instance created right after a hang does not answer either.
 */
function slowAfterHang(): SutFactory {
  let poisoned = false;
  const hang = (what: string) => {
    poisoned = true;
    return new SutFailure('hang', `no answer to ${what}`);
  };
  return {
    name: 'slow-after-hang',
    createDax: () => modelFactory.createDax(),
    createTree: (): ResourceTreeSut => {
      const tree = modelFactory.createTree();
      let first = poisoned;
      poisoned = false;
      return new Proxy(tree, {
        get(target, key, receiver) {
          const v = Reflect.get(target, key, receiver) as unknown;
          if (typeof v !== 'function' || key === 'observe') return v;
          return (...args: unknown[]) => {
            if (first) throw hang(String(key));
            first = false;
            if (key === 'adjustResource' && args[2] === 1n) throw hang('adjustResource');
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    },
  };
}

const hangingAdjust: TreeCommand = { op: 'adjustResource', res: -2, at: 'self', deltaBytes: 0n, sizeDeltaBytes: 0n };

test('a minimized hang ends at the operation that hung, even when shrink tries stop answering at their first command', () => {
  const commands = [...treeCommands(), hangingAdjust];
  const min = minimize({ suite: treeSuite, model: modelFactory, sut: slowAfterHang(), commands, kind: 'hang', maxReplays: 200 });
  assert.ok(min !== null, 'the input hangs');
  assert.is(min.failure.kind, 'hang');
  assert.is(min.commands.at(-1)!.op, 'adjustResource', JSON.stringify(min.commands, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)));
  assert.is(min.failure.step, min.commands.length - 1, 'the failing step is the last command');
  assert.match(min.failure.call, /^adjustResource\(/);
  assert.ok(min.commands.length < commands.length, 'still minimized');
});

test.run();
