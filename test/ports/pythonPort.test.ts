import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { PYTHON_PORT } from './cport.ts';

test('the Python example port agrees with the model on 150 runs of the resource tree suite', () => {
  const sut = processFactory(PYTHON_PORT);
  try {
    const o = runSuite({ suite: treeSuite, model: modelFactory, sut, seed: 3, numRuns: 150, maxCommands: 60, minimizeReplays: 100 });
    assert.is(o.counterexample?.failure.message ?? null, null);
    assert.is(o.runs, 150);
    assert.is(sut.portName(), 'python-tree');
  } finally {
    sut.close();
  }
});

test.run();
