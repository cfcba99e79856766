/** `daxcheck faults`: the named faults, one per line (`--json` for data). */
import { FAULTS } from '../impl/faults.ts';
import { DCD_FAULTS } from '../impl/faults.ts';
import { parseArgs, type FlagSpec } from './args.ts';
import type { CommandHelp } from './help.ts';
import { EXIT_OK, UsageError } from '../campaign/usageError.ts';

const FLAGS: Record<string, FlagSpec> = { json: { type: 'boolean', help: 'print the faults as JSON' } };

/** `daxcheck faults --help`. */
export const FAULTS_HELP: CommandHelp = {
  name: 'faults',
  usage: '[--json]',
  about: 'Lists the named faults of the implementation (the seed patch\'s known defects, and the v11 series\' T1-T5), for hunt --fault.',
  flags: FLAGS,
  example: 'daxcheck faults --json',
};

/** Runs `daxcheck faults`; returns the exit code. */
export async function faultsCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('faults', argv, FLAGS);
  if (positional.length > 0) throw new UsageError(`daxcheck faults: takes no arguments (got "${positional[0]}")`);
  if (flags.get('json')) {
    console.log(JSON.stringify([...FAULTS, ...DCD_FAULTS.map((f) => ({ ...f, implies: [], profile: 'v11' }))], null, 2));
    return EXIT_OK;
  }
  const width = Math.max(...[...FAULTS, ...DCD_FAULTS].map((f) => f.name.length));
  for (const f of FAULTS) {
    const implies = f.implies.length > 0 ? ` (switches on ${f.implies.join(', ')})` : '';
    console.log(`${f.name.padEnd(width)}  ${f.id}  ${f.summary}${implies}`);
  }
  for (const f of DCD_FAULTS) console.log(`${f.name.padEnd(width)}  ${f.id}  ${f.summary} (profile v11/v10: hunt --profile v11)`);
  return EXIT_OK;
}
