/**
 * `daxcheck report`: writes junit.xml and index.html again from reports/run.json and the
 * counterexamples (shrinks/ and reports/counterexamples/). `daxcheck report --merge A.json
 * B.json …` first merges the run.json files of several shards into reports/run.json.
 * Exit 0 when every entry passed, 1 when one failed, 2 for a bad call or a bad input file.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { mergeProblem } from '../campaign/mergeCheck.ts';
import { writeRunReports } from '../campaign/reports.ts';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../campaign/usageError.ts';
import { mergeSummaries } from '../reporting/mergeSummaries.ts';
import { readRunSummary, RunSummaryFileError } from '../reporting/readRunSummary.ts';
import type { RunSummary } from '../reporting/runSummary.ts';
import { parseArgs, type FlagSpec } from './args.ts';
import type { CommandHelp } from './help.ts';

const FLAGS: Record<string, FlagSpec> = {
  merge: { type: 'boolean', help: 'merge the run.json files given (one per shard) first' },
  out: { type: 'string', value: 'DIR', default: 'reports', help: 'where the reports are read and written' },
  shrinks: { type: 'string', value: 'DIR', default: 'shrinks', help: 'saved counterexamples to draw' },
};

/** `daxcheck report --help`. */
export const REPORT_HELP: CommandHelp = {
  name: 'report',
  usage: '[--merge A.json B.json …] [flags]',
  about: 'Writes junit.xml and index.html again from run.json (or from the shards\' run.json files merged). Exit 0 when every entry passed, 1 when one failed, 2 for a bad call or input file.',
  flags: FLAGS,
  example: 'daxcheck report --merge shard1/run.json shard2/run.json --out reports',
};

/** Runs `daxcheck report [--merge FILE…] [--out DIR] [--shrinks DIR]`. */
export async function reportCommand(argv: string[]): Promise<number> {
  const { flags, positional } = parseArgs('report', argv, FLAGS);
  const out = (flags.get('out') as string | undefined) ?? 'reports';
  const shrinksFlag = flags.get('shrinks') as string | undefined;
  if (shrinksFlag !== undefined && !(existsSync(shrinksFlag) && statSync(shrinksFlag).isDirectory())) {
    throw new UsageError(`daxcheck report: --shrinks ${shrinksFlag}: not a directory`);
  }
  const shrinksDir = shrinksFlag ?? 'shrinks';
  let summary: RunSummary;
  let foundDirs: string[] = [];
  if (flags.get('merge')) {
    if (positional.length === 0) throw new UsageError('daxcheck report: --merge needs the run.json files to merge (daxcheck report --merge A.json B.json …)');
    const summaries = positional.map(read);
    const problem = mergeProblem(positional.map((file, i) => ({ file, shard: summaries[i]!.shard })));
    if (problem !== null) throw new UsageError(`daxcheck report --merge: ${problem}`);
    summary = mergeSummaries(summaries);
    foundDirs = positional.map((f) => join(dirname(f), 'counterexamples'));
  } else {
    if (positional.length > 0) throw new UsageError(`daxcheck report: takes no files without --merge (got "${positional[0]}")`);
    summary = read(join(out, 'run.json'));
  }
  const written = await writeRunReports(summary, out, { foundDirs, shrinksDir });
  const failed = summary.entries.filter((e) => !e.passed);
  console.log(`wrote ${written.join(', ')}: ${summary.entries.length} entries, ${failed.length} failed`);
  for (const e of failed) console.log(`  failed: ${e.name}: ${e.message.split('\n')[0]}`);
  return failed.length > 0 ? EXIT_FAILED : EXIT_OK;
}

/** A run.json file; a bad one is a usage error naming the file. */
function read(file: string): RunSummary {
  try {
    return readRunSummary(file);
  } catch (e) {
    if (e instanceof RunSummaryFileError) throw new UsageError(`daxcheck report: ${e.message}`);
    throw e;
  }
}
