/**
 * A port runs in its own process group, and the channel ends the whole group: a port
 * that crashes leaving a child of its own, a wrapper whose child hangs, a wrapper closed
 * politely. Followed from outside (test/cli/descendants.ts): every process seen under
 * this test's own process while the port ran is gone afterwards.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processFactory } from '../../protocol/processSut.ts';
import { alive, descendants, type Proc } from '../cli/descendants.ts';
import { BOOM_PORT, HANG_ADJUST_PORT } from './cport.ts';

/** Our descendants named name, right now. */
const running = (name: string): Proc[] => descendants(process.pid).filter((p) => p.comm === name);

async function gone(ps: Proc[], ms = 3000): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end;) {
    if (!ps.some(alive)) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return !ps.some(alive);
}

test('a port that crashes leaving a child of its own running: the crash is seen at once (the child held its pipes) and the child is ended with the group', async () => {
  const sut = processFactory(['sh', '-c', `sleep 300 & exec ${BOOM_PORT.join(' ')}`], { commandTimeoutMs: 5000 });
  const tree = sut.createTree();
  tree.addRoot(0n, 0xffffn, 'r');
  tree.requestResource(0, 0n, 0xffn, 'a');
  const sleeping = running('sleep');
  assert.is(sleeping.length, 1, 'the port started its child');
  const started = Date.now();
  let message = '';
  try {
    tree.adjustResource(1, 0n, 0x10n);
  } catch (e) {
    message = (e as Error).message;
  }
  assert.match(message, /RuntimeError: boom$/);
  assert.ok(Date.now() - started < 4000, 'a crash, not a hang after the 5 s timeout');
  assert.ok(await gone(sleeping), 'the child is gone');
  sut.close();
});

test('a wrapper whose child hangs: the hang kills the wrapper and its child', async () => {
  const sut = processFactory(HANG_ADJUST_PORT('wrap'), { commandTimeoutMs: 300 });
  const tree = sut.createTree();
  tree.addRoot(0n, 0xffffn, 'r');
  const ports = [...running('sh'), ...running('python3')];
  assert.ok(ports.some((p) => p.comm === 'python3') && ports.some((p) => p.comm === 'sh'), 'the wrapper and its child run');
  let kind = '';
  try {
    tree.adjustResource(7, 0n, 1n);
  } catch (e) {
    kind = (e as { kind?: string }).kind ?? '';
  }
  assert.is(kind, 'hang');
  assert.ok(await gone(ports), `still running: ${ports.filter(alive).map((p) => p.comm).join(', ')}`);
  sut.close();
});

test('closing a wrapped port ends the wrapper and its child', async () => {
  const sut = processFactory(HANG_ADJUST_PORT('wrap'));
  sut.createTree().addRoot(0n, 0xffn, 'r');
  const ports = [...running('sh'), ...running('python3')];
  assert.ok(ports.length >= 2, 'the wrapper and its child run');
  sut.close();
  assert.ok(await gone(ports), `still running: ${ports.filter(alive).map((p) => p.comm).join(', ')}`);
});

test.run();
