/**
 * A hunt of a port draws its report from what the run recorded: the worker that found a
 * counterexample records its steps with both snapshots (campaign/hunt/recordSteps.ts),
 * they travel with the finding into its file, and the report draws them without
 * starting the port again (campaign/drawnCounterexamples.ts). Shown with the C port
 * behind a wrapper that logs every start (and whether a hunt worker made it) and, once
 * told to, refuses to start.
 */
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { drawCounterexample } from '../../campaign/drawnCounterexamples.ts';
import { encodeCounterexample, loadCounterexample } from '../../properties/counterexampleFile.ts';
import { PORT_SCOPE } from '../../protocol/portReaper.ts';
import { buildCPort, C_PORT } from '../ports/cport.ts';
import { runHunt, savedFiles } from './runHunt.ts';

const dir = mkdtempSync(join(tmpdir(), 'daxcheck-drawn-'));
const starts = join(dir, 'starts');
const refuse = join(dir, 'refuse');
const wrapper = join(dir, 'port.sh');
writeFileSync(wrapper, [
  '#!/bin/sh',
  `if [ -e '${refuse}' ]; then echo refused >> '${starts}'; exit 1; fi`,
  `echo "\${${PORT_SCOPE}:-outside}" >> '${starts}'`,
  `exec '${C_PORT}' "$@"`,
  '',
].join('\n'));
chmodSync(wrapper, 0o755);
const startLog = () => (existsSync(starts) ? readFileSync(starts, 'utf8').trim().split('\n') : []);

test('a hunt of the C port saves the failing steps with both snapshots and draws its report without starting the port again', async () => {
  buildCPort();
  const r = await runHunt(['--sut-exec', wrapper, '--fault', 's1-shrink-adjusts-extent', '--suite', 'dax', '--seconds', '4', '--workers', '1']);
  assert.is(r.code, 1, r.stdout + r.stderr);
  const cx = loadCounterexample(savedFiles(r)[0]!);
  const rec = cx.recorded;
  assert.ok(rec !== undefined, 'the finding carries its recorded steps');
  assert.is(rec.records.length, cx.broke.step, 'every step up to the failing one');
  assert.is(rec.failure?.kind, cx.broke.kind);
  assert.ok(rec.records.every((s) => typeof s.sutSnap === 'object' && s.sutSnap !== null && 'regions' in s.sutSnap), 'the port\'s snapshot after every step');
  // Starts outside a hunt worker: only the check of --sut-exec before the workers start; none after (the report's drawing).
  const log = startLog();
  const firstWorker = log.findIndex((l) => l !== 'outside');
  assert.ok(firstWorker > 0, `the check, then the workers: ${log.join(', ')}`);
  assert.equal(log.slice(firstWorker).filter((l) => l === 'outside'), [], `no port started outside the workers after they started: ${log.join(', ')}`);
  assert.not.match(readFileSync(join(r.reportsDir, 'index.html'), 'utf8'), 'could not be run here');
});

test('a file with recorded steps is drawn from them with both sides while the port refuses to start; without them it is replayed (and the refusal shows)', async () => {
  const file = savedFiles(await runHunt(['--sut-exec', wrapper, '--fault', 's1-shrink-adjusts-extent', '--suite', 'dax', '--seconds', '3', '--workers', '1']))[0]!;
  writeFileSync(refuse, '');
  const before = startLog().length;
  const drawn = await drawCounterexample(file);
  assert.is(drawn.error, null);
  assert.is(drawn.unavailable, null, 'drawn with the port\'s side');
  assert.is(drawn.records.length, drawn.cx!.broke.step);
  assert.ok(drawn.divergeAt !== null);
  assert.is(startLog().length, before, 'the port was not started');
  const { recorded: _, ...bare } = loadCounterexample(file);
  const bareFile = join(dir, `${bare.id}.json`);
  writeFileSync(bareFile, encodeCounterexample(bare));
  const replayed = await drawCounterexample(bareFile);
  assert.ok(replayed.unavailable !== null, 'a file without steps is replayed: the refusing port makes it drawn from the reference alone');
  assert.ok(startLog().slice(before).includes('refused'), 'and the replay tried to start the port');
});

test.run();
