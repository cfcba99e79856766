/** Every subcommand answers --help with every flag its parser accepts (the same table), defaults and an example. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FAULTS_HELP } from '../../cli/faults.ts';
import type { CommandHelp } from '../../cli/help.ts';
import { HUNT_HELP } from '../../cli/hunt/options.ts';
import { main } from '../../cli/main.ts';
import { REPLAY_HELP } from '../../cli/replay/command.ts';
import { MINIMIZE_HELP } from '../../cli/replay/minimize.ts';
import { REPORT_HELP } from '../../cli/report.ts';

const HELPS: CommandHelp[] = [HUNT_HELP, REPLAY_HELP, MINIMIZE_HELP, FAULTS_HELP, REPORT_HELP];

/** Runs main(argv) with console output captured (stdout and stderr: nothing leaks to the test run's terminal). */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const [log, error] = [console.log, console.error];
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    return { code: await main(argv), out: out.join('\n'), err: err.join('\n') };
  } finally {
    [console.log, console.error] = [log, error];
  }
}

for (const h of HELPS) {
  test(`daxcheck ${h.name} --help exits 0 and lists every flag its parser accepts, with defaults and an example`, async () => {
    const r = await run([h.name, '--help']);
    assert.is(r.code, 0);
    for (const [flag, spec] of Object.entries(h.flags)) {
      assert.match(r.out, new RegExp(`^  --${flag}\\b`, 'm'), `--${flag}`);
      if (spec.default !== undefined) assert.ok(r.out.includes(`(default ${spec.default})`), `--${flag}'s default`);
    }
    assert.match(r.out, /^example: daxcheck /m);
  });
}

test('the flag table help shows is the one the parser uses: a flag missing from it is refused as unknown', async () => {
  const r = await run(['faults', '--no-such-flag']);
  assert.is(r.code, 2);
  assert.match(r.err, /^daxcheck faults: unknown flag --no-such-flag/);
});

test('daxcheck --help lists every flag of every command (replay --timeout-seconds, hunt --batch-runs, faults --json, report --out and --shrinks included)', async () => {
  const r = await run(['--help']);
  assert.is(r.code, 0);
  for (const h of HELPS) for (const flag of Object.keys(h.flags)) assert.ok(r.out.includes(`--${flag}`), `${h.name} --${flag}`);
  for (const flag of ['--timeout-seconds', '--batch-runs', '--json', '--out', '--shrinks']) assert.ok(r.out.includes(flag));
});

test.run();
