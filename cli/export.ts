/** `daxcheck export --format cxl-test|qmp FILE`: a v11/v10 counterexample in the series' own test languages. */
import { dcdTrace } from '../campaign/export/dcdTrace.ts';
import { cxlTestScript } from '../campaign/export/cxlTest.ts';
import { qmpSequence } from '../campaign/export/qmp.ts';
import { EXIT_OK, UsageError } from '../campaign/usageError.ts';
import { loadCounterexample } from '../properties/counterexampleFile.ts';
import { parseArgs, type FlagSpec } from './args.ts';
import { shippedPath, type CommandHelp } from './help.ts';

const FLAGS: Record<string, FlagSpec> = {
  format: { type: 'string', value: 'cxl-test|qmp', default: 'cxl-test', help: 'cxl-test: a shell script for ndctl\'s test/ (cxl_test, v11 ABI); qmp: QEMU QMP commands, one per line' },
};

/** `daxcheck export --help`. */
export const EXPORT_HELP: CommandHelp = {
  name: 'export',
  usage: 'FILE [--format cxl-test|qmp]',
  about: 'Writes a v11/v10 profile counterexample (shrinks/<id>.json) as a cxl_test shell script or a QEMU QMP sequence on stdout.',
  flags: FLAGS,
  example: `daxcheck export --format qmp ${shippedPath('examples/cx-t1-refused-release.json')}`,
};

/** Runs `daxcheck export`; returns the exit code. */
export async function exportCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('export', argv, FLAGS);
  if (positional.length !== 1) throw new UsageError(`daxcheck export: takes one counterexample file (got ${positional.length})`);
  const format = (flags.get('format') as string | undefined) ?? 'cxl-test';
  if (format !== 'cxl-test' && format !== 'qmp') throw new UsageError(`daxcheck export: --format takes cxl-test or qmp, not "${format}"`);
  const file = positional[0]!;
  let text: string;
  try {
    const trace = dcdTrace(loadCounterexample(file));
    text = format === 'qmp' ? qmpSequence(trace) : cxlTestScript(trace, file);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // The loader's errors name the file already; the trace's do not.
    throw new UsageError(`daxcheck export: ${message.startsWith(`${file}: `) ? message : `${file}: ${message}`}`);
  }
  process.stdout.write(text);
  return EXIT_OK;
}
