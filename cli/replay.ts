/**
 * `daxcheck replay FILE [--sut MODULE] [--fault NAME|none] [--json]`: replays a saved
 * counterexample step by step. Exit 1 when it still fails, 0 when it passes, 2 for a
 * bad file or flag.
 */
import { CounterexampleFileError } from '../properties/counterexampleFile.ts';
import { replaySaved } from '../properties/replaySaved.ts';
import { parseArgs } from './args.ts';
import { replayJson, replayText } from './replayText.ts';
import { replayTarget } from './replayTarget.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from './usageError.ts';

const FLAGS = { sut: { type: 'string' }, fault: { type: 'string' }, json: { type: 'boolean' } } as const;

/** The single FILE argument. */
export function oneFile(command: string, positional: string[]): string {
  if (positional.length === 0) throw new UsageError(`daxcheck ${command}: which file? usage: daxcheck ${command} FILE`);
  if (positional.length > 1) throw new UsageError(`daxcheck ${command}: takes one file, got ${positional.length} (${positional.join(', ')})`);
  return positional[0]!;
}

/** Runs the replay command; returns the exit code. */
export async function replayCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('replay', argv, FLAGS);
  const file = oneFile('replay', positional);
  const target = await replayTarget('replay', file, {
    sut: flags.get('sut') as string | undefined,
    fault: flags.get('fault') as string | undefined,
  });
  let outcome;
  try {
    outcome = replaySaved(file, target.cx, target.systems);
  } catch (e) {
    if (e instanceof CounterexampleFileError) throw new UsageError(`daxcheck replay: ${e.message}`);
    throw e;
  }
  console.log(flags.get('json') ? replayJson(target, outcome) : replayText(target, outcome));
  return outcome.failure === null ? EXIT_OK : EXIT_FAILED;
}
