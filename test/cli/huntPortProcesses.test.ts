/**
 * No port process outlives a hunt, whatever ends it: a port started through a wrapper
 * (`sh -c` running the port as its child, or leaving a child of its own behind) is
 * ended with its whole process group, at the end of the budget, after a hang, and after
 * Ctrl-C twice (a crash: test/ports/processGroup.test.ts). Followed from outside: every
 * descendant of the hunt seen while it ran must be gone once it exits.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { HANG_ADJUST_PORT } from '../ports/cport.ts';
import { alive, follow, type Proc } from './descendants.ts';
import { runHunt, savedFiles, type HuntRunOptions } from './runHunt.ts';

/** Runs the hunt while following its descendants; returns the result and every process seen. */
async function huntFollowed(args: string[], o: HuntRunOptions = {}) {
  let watch: ReturnType<typeof follow> | null = null;
  const r = await runHunt(args, { ...o, onSpawn: (pid) => (watch = follow(pid)) });
  const seen: Proc[] = watch === null ? [] : (watch as ReturnType<typeof follow>).stop();
  return { r, seen };
}

const names = (ps: Proc[]) => [...new Set(ps.map((p) => p.comm))].sort().join(', ');

function assertAllGone(seen: Proc[], expected: string[]): void {
  for (const name of expected) assert.ok(seen.some((p) => p.comm === name), `a ${name} process ran (seen: ${names(seen)})`);
  const left = seen.filter(alive);
  assert.equal(left.map((p) => `${p.pid} ${p.comm}`), [], 'no process the hunt started is left');
}

const wrapped = HANG_ADJUST_PORT('wrap').join(' ');

test('a port run by a sh -c wrapper that hangs: the hang is saved at adjustResource, and neither the wrapper nor its child outlives the hunt', async () => {
  const { r, seen } = await huntFollowed(['--sut-exec', wrapped, '--suite', 'tree', '--seconds', '2', '--workers', '1', '--command-timeout-ms', '300']);
  assert.is(r.code, 1, r.stderr);
  const hangs = savedFiles(r).map(loadCounterexample).filter((cx) => cx.broke.kind === 'hang');
  assert.ok(hangs.length > 0, r.stderr);
  for (const cx of hangs) assert.is(cx.commands.at(-1)!.op, 'adjustResource');
  assertAllGone(seen, ['sh', 'python3']);
  const last = r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('hunt ')).at(-1) ?? '';
  assert.match(last, /^hunt \d+s\/2s {2}1 worker {2}/, `the last progress line names the workers the hunt ran: ${last}`);
});

test('Ctrl-C twice while a wrapped port hangs (a long --command-timeout-ms): the hunt stops and every port process is gone', async () => {
  const { r, seen } = await huntFollowed(['--sut-exec', wrapped, '--suite', 'tree', '--seconds', '60', '--workers', '1', '--command-timeout-ms', '60000'], {
    interruptAfter: /budget starts now/,
    interruptDelayMs: 1500,
    secondInterruptMs: 300,
  });
  assert.ok(r.code === 130 || r.code === 1, `exit ${r.code}; stderr:\n${r.stderr}`);
  assert.match(r.stderr, /SIGINT again/);
  assertAllGone(seen, ['sh', 'python3']);
});

test.run();
