/**
 * `daxcheck minimize FILE [--sut MODULE] [--max-replays N]`: shrinks
 * a saved counterexample again without the generator (properties/minimize.ts), keeping
 * it failing the same way, and rewrites the file atomically, in place: the file keeps
 * its name (the id inside follows the new commands; the line printed says when it
 * changed), and no other file is written or removed. Exit 0 when minimized (or already minimal), 1 when the file no longer
 * fails as recorded (nothing is written), 2 for a bad file or flag.
 */
import { minimizeFile } from '../../campaign/replay/minimizeFile.ts';
import { EXIT_FAILED, EXIT_OK } from '../../campaign/usageError.ts';
import { parseArgs, type FlagSpec } from '../args.ts';
import { shippedCounterexample, type CommandHelp } from '../help.ts';
import { oneFile } from './command.ts';

const FLAGS: Record<string, FlagSpec> = {
  sut: { type: 'string', value: 'MODULE', default: 'the system the file records', help: 'minimize on this port' },
  'sut-exec': { type: 'string', value: '"CMD ARGS"', default: 'the system the file records', help: 'minimize on this port process (PROTOCOL.md)' },
  'max-replays': { type: 'int', min: 1, value: 'N', default: '20000', help: 'replays the search may use' },
  'command-timeout-ms': { type: 'int', min: 10, value: 'MS', default: '5000', help: 'a port process that does not answer within this hangs (each hanging try costs it)' },
};

/** `daxcheck minimize --help`. */
export const MINIMIZE_HELP: CommandHelp = {
  name: 'minimize',
  usage: 'FILE [flags]',
  about: 'Shrinks a saved counterexample again (no single command can be removed) and rewrites it in place (the file keeps its name). Exit 0 minimized or already minimal, 1 when it no longer fails as recorded, 2 for a bad file or flag.',
  flags: FLAGS,
  example: `daxcheck minimize bug.json   (bug.json: a counterexample a hunt saved, or a copy of one: cp ${shippedCounterexample()} bug.json)`,
};

/** Runs the minimize command; returns the exit code. */
export async function minimizeCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('minimize', argv, FLAGS);
  const file = oneFile('minimize', positional);
  const sut = flags.get('sut') as string | undefined;
  const sutExec = flags.get('sut-exec') as string | undefined;
  const maxReplays = flags.get('max-replays') as number | undefined;
  const commandTimeoutMs = flags.get('command-timeout-ms') as number | undefined;
  const out = await minimizeFile(file, { ...(sut === undefined ? {} : { sut }), ...(sutExec === undefined ? {} : { sutExec }), ...(maxReplays === undefined ? {} : { maxReplays }), ...(commandTimeoutMs === undefined ? {} : { commandTimeoutMs }) });
  for (const line of out.lines) console.log(line);
  return out.failed ? EXIT_FAILED : EXIT_OK;
}
