/**
 * `daxcheck <command> …`: dispatches to the subcommands. Returns the exit code: 0 nothing
 * failed, 1 something failed, 2 a usage error (one clear line on stderr).
 */
import { EXIT_USAGE, UsageError } from '../campaign/usageError.ts';

const USAGE = `usage: daxcheck <command> [flags]

commands:
  hunt       random search for a time budget (--seconds, --suite, --seed, --max-commands,
             --fault, --sut, --workers, --shard K/N, --out, --reports, --json,
             --command-timeout-ms); exit 1 when it found a failure
  replay     replay a saved counterexample step by step: daxcheck replay FILE
             [--fault NAME|none] [--sut MODULE] [--json]; exit 1 while it still fails
  minimize   shrink a saved counterexample again and rewrite it: daxcheck minimize FILE
             [--sut MODULE] [--max-replays N]
  faults     list the named faults
  kernel     check a kernel tree's own files: daxcheck kernel --src DIR
             [--known-defects fail|report] [--build-only] [hunt flags…]
  report     write the reports; --merge A.json B.json … merges shards' run.json files`;

type Handler = (argv: string[]) => Promise<number>;

/** Subcommands, loaded on use so that one subcommand's imports do not slow another. */
const COMMANDS: Record<string, () => Promise<Handler>> = {
  hunt: async () => (await import('./hunt/command.ts')).huntCommand,
  replay: async () => (await import('./replay/command.ts')).replayCommand,
  minimize: async () => (await import('./replay/minimize.ts')).minimizeCommand,
  faults: async () => (await import('./faults.ts')).faultsCommand,
  kernel: async () => (await import('./kernel.ts')).kernelCommand,
  report: async () => (await import('./report.ts')).reportCommand,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`daxcheck: unknown command "${name}" (known: ${Object.keys(COMMANDS).join(', ')})`);
    return EXIT_USAGE;
  }
  try {
    return await (await load())(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return EXIT_USAGE;
    }
    throw e;
  }
}
