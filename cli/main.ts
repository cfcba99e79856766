/**
 * `daxcheck <command> …`: dispatches to the subcommands. Returns the exit code: 0 nothing
 * failed, 1 something failed, 2 a usage error (one clear line on stderr).
 */
import { reapPortsNow } from '../protocol/portReaper.ts';
import { EXIT_USAGE, UsageError } from '../campaign/usageError.ts';
import { daxcheckVersion } from '../reporting/runSummary.ts';
import { flagSummary, formatHelp, type CommandHelp } from './help.ts';

/** Each command's help, loaded on use (the flag tables are the parsers' own). */
const HELPS: Record<string, () => Promise<CommandHelp>> = {
  hunt: async () => (await import('./hunt/options.ts')).HUNT_HELP,
  replay: async () => (await import('./replay/command.ts')).REPLAY_HELP,
  minimize: async () => (await import('./replay/minimize.ts')).MINIMIZE_HELP,
  faults: async () => (await import('./faults.ts')).FAULTS_HELP,
  kernel: async () => (await import('./kernel.ts')).KERNEL_HELP,
  report: async () => (await import('./report.ts')).REPORT_HELP,
  export: async () => (await import('./export.ts')).EXPORT_HELP,
};

/** The overall usage: every command with every flag it accepts. */
async function usage(): Promise<string> {
  const lines = ['usage: daxcheck <command> [flags]   (daxcheck <command> --help for one command; daxcheck --version)', '', 'commands:'];
  for (const load of Object.values(HELPS)) {
    const h = await load();
    lines.push(`  ${h.name.padEnd(9)} ${h.usage}`, `            ${h.about.split('. ')[0]}.`, `            flags: ${flagSummary(h)}`);
  }
  return lines.join('\n');
}

type Handler = (argv: string[]) => Promise<number>;

/** Subcommands, loaded on use so that one subcommand's imports do not slow another. */
const COMMANDS: Record<string, () => Promise<Handler>> = {
  hunt: async () => (await import('./hunt/command.ts')).huntCommand,
  replay: async () => (await import('./replay/command.ts')).replayCommand,
  minimize: async () => (await import('./replay/minimize.ts')).minimizeCommand,
  faults: async () => (await import('./faults.ts')).faultsCommand,
  kernel: async () => (await import('./kernel.ts')).kernelCommand,
  report: async () => (await import('./report.ts')).reportCommand,
  export: async () => (await import('./export.ts')).exportCommand,
};

/** Whether the exit handler that ends every port process is installed. */
let reaping = false;

/** Runs `daxcheck argv…`; returns the exit code (see the file comment). */
export async function main(argv: string[]): Promise<number> {
  if (!reaping) {
    reaping = true;
    process.on('exit', () => reapPortsNow()); // no port process outlives the command, however it ends
  }
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    console.log(daxcheckVersion());
    return 0;
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const text = await usage();
    if (name === undefined) console.error(text);
    else console.log(text);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    console.error(`daxcheck: unknown command "${name}" (known: ${Object.keys(COMMANDS).join(', ')})`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(formatHelp(await HELPS[name]!()));
    return 0;
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
