/**
 * `daxcheck replay FILE [--sut MODULE] [--fault NAME|none] [--json] [--timeout-seconds N]`:
 * replays a saved counterexample step by step. Exit 1 when it still fails, 0 when it
 * passes, 2 for a bad file or flag. With --sut the replay runs in a worker thread that
 * is stopped after --timeout-seconds (default 60): a module that hangs is reported as
 * still hanging (exit 1), not waited for forever.
 */
import { runReplay } from '../../campaign/replay/run.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../../campaign/usageError.ts';
import { parseArgs, type FlagSpec } from '../args.ts';
import { shippedCounterexample, type CommandHelp } from '../help.ts';

const FLAGS: Record<string, FlagSpec> = {
  sut: { type: 'string', value: 'MODULE', default: 'the system the file records', help: 'replay on this port' },
  'sut-exec': { type: 'string', value: '"CMD ARGS"', default: 'the system the file records', help: 'replay on this port process (PROTOCOL.md)' },
  fault: { type: 'string', value: 'NAME|none', default: "the file's fault", help: 'replay the built-in implementation with this fault (none: the correct one)' },
  json: { type: 'boolean', help: 'print the replay as JSON' },
  'timeout-seconds': { type: 'int', min: 1, value: 'N', default: '60', help: 'a port replay that does not finish within this still hangs (exit 1)' },
};

/** `daxcheck replay --help`. */
export const REPLAY_HELP: CommandHelp = {
  name: 'replay',
  usage: 'FILE [flags]',
  about: 'Replays a saved counterexample step by step: call, both results, first difference. Exit 1 while it still fails, 0 when it passes, 2 for a bad file or flag.',
  flags: FLAGS,
  example: `daxcheck replay ${shippedCounterexample()}`,
};

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
  const sut = flags.get('sut') as string | undefined;
  const sutExec = flags.get('sut-exec') as string | undefined;
  const fault = flags.get('fault') as string | undefined;
  const job = { file, json: flags.get('json') === true, ...(sut === undefined ? {} : { sut }), ...(sutExec === undefined ? {} : { sutExec }), ...(fault === undefined ? {} : { fault }) };
  const answer = await runReplay(job, ((flags.get('timeout-seconds') as number | undefined) ?? 60) * 1000);
  if ('error' in answer) {
    if (answer.usage) throw new UsageError(answer.error.startsWith('daxcheck') ? answer.error : `daxcheck replay: ${answer.error}`);
    throw new Error(answer.error);
  }
  console.log(answer.text);
  return answer.failed ? EXIT_FAILED : EXIT_OK;
}
