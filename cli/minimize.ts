/**
 * `daxcheck minimize FILE [--sut MODULE] [--max-replays N]`: shrinks
 * a saved counterexample again without the generator (properties/minimize.ts), keeping
 * it failing the same way, and rewrites the file atomically. Its id follows the new
 * commands: when it changes, the new <id>.json is written beside the old file and the
 * old one removed. Exit 0 when minimized (or already minimal), 1 when the file no longer
 * fails as recorded (nothing is written), 2 for a bad file or flag.
 */
import { unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { saveCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { counterexampleRecord } from '../properties/counterexampleRecord.ts';
import { minimize } from '../properties/minimize.ts';
import { suiteByName } from '../properties/suites.ts';
import { parseArgs } from './args.ts';
import { oneFile } from './replay.ts';
import { replayTarget } from './replayTarget.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usageError.ts';

const FLAGS = { sut: { type: 'string' }, 'max-replays': { type: 'int', min: 1 } } as const;

/** Writes the minimized record beside file, removing file when the new one has another name; the line to print. */
function rewrite(file: string, next: CounterexampleFile): string {
  const written = saveCounterexample(dirname(file), next);
  if (resolve(written) === resolve(file)) return `rewritten ${file}`;
  unlinkSync(file);
  return `written ${written}, removed ${file}`;
}

/** Runs the minimize command; returns the exit code. */
export async function minimizeCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('minimize', argv, FLAGS);
  const file = oneFile('minimize', positional);
  const sut = flags.get('sut') as string | undefined;
  const t = await replayTarget('minimize', file, { sut });
  const { cx } = t;
  if (cx.broke.kind === 'hang') {
    throw new UsageError(`daxcheck minimize: ${file}: records a hang; a hang cannot be minimized by replaying in this process (check it with daxcheck replay ${file} --sut ${cx.sut})`);
  }
  const started = performance.now();
  const maxReplays = flags.get('max-replays') as number | undefined;
  const small = minimize({ suite: suiteByName(cx.suite)!, ...t.systems, commands: cx.commands, kind: cx.broke.kind, ...(maxReplays === undefined ? {} : { maxReplays }) });
  if (t.note) console.log(`note: ${t.note}`);
  if (small === null) {
    console.log(`${file}: does not fail as recorded (${cx.broke.kind}) on ${t.systems.sut.name} against ${t.systems.model.name}; not rewritten (see daxcheck replay ${file})`);
    return EXIT_FAILED;
  }
  const ms = Math.round(performance.now() - started);
  const facts = `${small.replays} replays, ${ms} ms${small.exhausted ? ', stopped at the replay budget' : ''}`;
  // Against a --sut module, the record says so (and has no fault: that is the built-in implementation's switch).
  const next = counterexampleRecord({ ...cx, sut: sut ?? cx.sut, fault: sut === undefined ? cx.fault : null, commands: small.commands, failure: small.failure });
  const unchanged = next.id === cx.id && JSON.stringify(next.broke) === JSON.stringify(cx.broke) && resolve(file) === resolve(join(dirname(file), `${next.id}.json`));
  if (unchanged) {
    console.log(`${file}: already minimal: ${cx.commands.length} commands (${facts})`);
    return EXIT_OK;
  }
  console.log(`${file}: ${cx.commands.length} → ${small.commands.length} commands (${facts})`);
  console.log(rewrite(file, next));
  return EXIT_OK;
}
