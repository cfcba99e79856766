/**
 * The flags of `daxcheck hunt`, parsed and checked: every mistake is a UsageError (one
 * line, exit 2) that names the flag and what is allowed.
 */
import { availableParallelism } from 'node:os';
import { FAULT_NAMES, isFaultName, type FaultName } from '../../impl/faults.ts';
import { DCD_FAULT_NAMES, isDcdFaultName, type DcdFaultName } from '../../impl/faults.ts';
import { parseShard, WHOLE, type Shard } from '../../campaign/hunt/seedStream.ts';
import type { HuntTarget } from '../../campaign/hunt/messages.ts';
import { IMPL, splitCommand, type SystemSpec } from '../../campaign/systems.ts';
import { UsageError } from '../../campaign/usageError.ts';
import { HUNT_MAX_COMMANDS } from '../../properties/profiles.ts';
import type { SuiteName } from '../../properties/suiteSpec.ts';
import { SUITE_NAMES, SUITES } from '../../properties/suites.ts';
import { parseArgs, type FlagSpec } from '../args.ts';
import { shippedPath, type CommandHelp } from '../help.ts';

export interface HuntOptions {
  seconds: number;
  targets: HuntTarget[];
  seed: number;
  maxCommands: number;
  /** The system under test: the built-in implementation, the --sut module as given, or the --sut-exec process. */
  system: SystemSpec;
  workers: number;
  shard: Shard;
  /** "K/N" as given, or null without --shard. */
  shardText: string | null;
  outDir: string;
  reportsDir: string;
  json: boolean;
  commandTimeoutMs: number;
  /** Runs per batch: a worker looks at the budget and the stop flag between batches. */
  batchRuns: number;
  /** --guided: part of the runs mutate a corpus of runs that reached new labels (properties/guided/). */
  guided: boolean;
  /** --fail-nth: the DAX suites' fail-nth variant (docs/fail-nth.md). */
  failNth: boolean;
  /** --avoid-known: no call that triggers a known defect is generated (campaign/avoidKnown.ts). */
  avoidKnown: boolean;
  /** A line to print about a flag that was adjusted (--workers above what the machine runs), or null. */
  note: string | null;
}

/** Where a hunt of a port (--sut, --sut-exec) or with --fault saves its findings unless --out says otherwise: not the repository's shrinks/. */
export const PORT_FINDINGS_DIR = 'daxcheck-findings';

export const HUNT_FLAGS: Record<string, FlagSpec> = {
  seconds: { type: 'int', min: 1, value: 'N', default: '60', help: 'search budget in seconds, counted once the workers are ready' },
  suite: { type: 'string', value: 'tree|dax|dax-contiguous|dcd-v11|dcd-v10', default: 'tree and dax', help: 'the suite to hunt' },
  profile: { type: 'string', value: 'rfc-v2|v11|v10', default: 'rfc-v2', help: 'the profile of the specification: rfc-v2 (tree and dax suites), v11 or v10 (the DCD series\' tag groups, docs/profile-v11.md)' },
  seed: { type: 'int', min: 0, max: 2 ** 31 - 1, value: 'N', default: '1', help: 'base seed of the seed streams' },
  'max-commands': { type: 'int', min: 1, value: 'N', default: String(HUNT_MAX_COMMANDS), help: 'longest command sequence of a run' },
  fault: { type: 'list', value: 'NAME', help: 'hunt the implementation (or a --sut-exec port that has named faults) with this fault on (daxcheck faults)' },
  sut: { type: 'string', value: 'MODULE', help: 'hunt your own port (.js .mjs .cjs .ts .mts) instead of the built-in implementation' },
  'sut-exec': { type: 'string', value: '"CMD ARGS"', help: 'hunt a port process speaking PROTOCOL.md (any language), e.g. ports/c/build/daxcheck-port' },
  workers: { type: 'int', min: 1, value: 'N', default: 'one per core', help: 'worker threads (capped at the cores)' },
  shard: { type: 'string', value: 'K/N', help: 'search shard K of N of the seed space (CI)' },
  out: { type: 'string', value: 'DIR', default: `shrinks, or ${'daxcheck-findings'} with --sut, --sut-exec or --fault`, help: 'where counterexamples are saved (shrinks/ is what npm test replays: only a plain hunt of the implementation writes there)' },
  reports: { type: 'string', value: 'DIR', default: 'reports', help: 'where run.json, junit.xml and index.html are written' },
  json: { type: 'boolean', help: 'also print the run summary as JSON on stdout' },
  'command-timeout-ms': { type: 'int', min: 10, value: 'MS', default: '5000', help: 'a call that does not return within this is a hang' },
  'batch-runs': { type: 'int', min: 1, value: 'N', default: '20', help: 'runs per batch (a worker checks the budget between batches)' },
  'fail-nth': { type: 'boolean', help: 'fail-nth: failNth steps fail the nth allocation of the next operation (docs/fail-nth.md); the DAX suites, or --suite tree on a port with the failnth capability; error-path coverage in the summary and run.json' },
  guided: { type: 'boolean', help: 'guided generation: half the runs mutate a per-worker corpus of runs that reached new labels or outcomes' },
  'avoid-known': { type: 'boolean', help: 'generate no call that triggers a known defect (K1, K2, G2, M2, S4: docs/hunting.md), so that runs go past them' },
};

/** `daxcheck hunt --help`. */
export const HUNT_HELP: CommandHelp = {
  name: 'hunt',
  usage: '[flags]',
  about: 'Random search for a time budget. Exit 0: nothing failed; 1: something did; 2: a usage error; 3: a suite completed no run; 130: interrupted.',
  flags: HUNT_FLAGS,
  example: `daxcheck hunt --sut ${shippedPath('examples/my-port.ts')} --seconds 60`,
};

/** Parses the arguments of `daxcheck hunt`; throws UsageError for anything wrong. */
export function parseHuntOptions(argv: readonly string[]): HuntOptions {
  const { flags, positional } = parseArgs('hunt', argv, HUNT_FLAGS);
  if (positional.length > 0) throw new UsageError(`daxcheck hunt: takes no arguments (got "${positional[0]}"); see daxcheck --help`);
  const get = <T>(name: string, fallback: T): T => (flags.has(name) ? (flags.get(name) as T) : fallback);
  const seed = get('seed', 1); // at most 2^31 - 1: fast-check reads seeds as 32-bit integers (seedStream.ts)
  const shardText = get<string | null>('shard', null);
  const shard = shardText === null ? WHOLE : parseShard(shardText);
  if (shard === null) throw new UsageError(`daxcheck hunt: --shard takes K/N with 1 ≤ K ≤ N (e.g. 2/4), not "${shardText}"`);
  const sutModule = get<string | null>('sut', null);
  const sutExec = get<string | null>('sut-exec', null);
  if (sutModule !== null && sutExec !== null) throw new UsageError('daxcheck hunt: --sut (a module) and --sut-exec (a process) name two systems under test; give one');
  const faults = parseFaults(get<string[]>('fault', []));
  if (faults.length > 0 && sutModule !== null) {
    throw new UsageError('daxcheck hunt: --fault switches on a defect of the built-in implementation; it cannot be combined with --sut');
  }
  const { workers, note } = workerCount(get('workers', availableParallelism()));
  const failNth = get('fail-nth', false);
  const suiteName = get<string | null>('suite', null);
  // The implementation's tree allocates nothing of its own: fail-nth hunts the tree suite only on a port (the kernel harness: __request_region's allocation).
  if (failNth && suiteName === 'tree' && sutExec === null) throw new UsageError('daxcheck hunt: --fail-nth --suite tree needs a port with the failnth capability (--sut-exec, or daxcheck kernel); the implementation\'s tree has no allocation sites');
  return {
    seconds: get('seconds', 60),
    targets: targets(profileSuite(get<string | null>('profile', null), suiteName), faults).filter((t) => !failNth || suiteName === 'tree' || SUITES[t.suite].sutKind === 'dax'),
    failNth,
    seed,
    maxCommands: get('max-commands', HUNT_MAX_COMMANDS),
    system: sutExec !== null ? { kind: 'exec', command: splitCommand(sutExec, 'daxcheck hunt: --sut-exec'), cwd: process.cwd() } : sutModule === null ? IMPL : { kind: 'module', path: sutModule },
    workers,
    shard,
    shardText,
    // shrinks/ is replayed by npm test: only a plain hunt of the implementation adds to it.
    outDir: get('out', sutModule === null && sutExec === null && faults.length === 0 ? 'shrinks' : PORT_FINDINGS_DIR),
    reportsDir: get('reports', 'reports'),
    json: get('json', false),
    commandTimeoutMs: get('command-timeout-ms', 5000),
    batchRuns: get('batch-runs', 20),
    guided: get('guided', false),
    avoidKnown: get('avoid-known', false),
    note,
  };
}

/** --workers capped at the threads the machine runs at once (more only slow each other down and start slower). */
function workerCount(asked: number): { workers: number; note: string | null } {
  const most = availableParallelism();
  if (asked <= most) return { workers: asked, note: null };
  return { workers: most, note: `daxcheck hunt: --workers ${asked} is more than the ${most} threads this machine runs at once; using ${most}` };
}

function parseFaults(values: string[]): (FaultName | DcdFaultName)[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  const unknown = names.filter((n) => !isFaultName(n) && !isDcdFaultName(n));
  if (unknown.length > 0) throw new UsageError(`daxcheck hunt: unknown fault ${unknown.map((n) => `"${n}"`).join(', ')} (known: ${[...FAULT_NAMES, ...DCD_FAULT_NAMES].join(', ')})`);
  return [...new Set(names as (FaultName | DcdFaultName)[])];
}

/** The suite --profile and --suite name together (null: the default suites); a UsageError when they disagree. */
function profileSuite(profile: string | null, suite: string | null): string | null {
  if (profile === null || profile === 'rfc-v2') {
    if (profile !== null && suite?.startsWith('dcd-') === true) throw new UsageError(`daxcheck hunt: --suite ${suite} belongs to --profile ${suite.slice(4)}, not rfc-v2`);
    return suite;
  }
  if (profile !== 'v11' && profile !== 'v10') throw new UsageError(`daxcheck hunt: --profile takes rfc-v2, v11 or v10, not "${profile}"`);
  if (suite !== null && suite !== `dcd-${profile}`) throw new UsageError(`daxcheck hunt: --profile ${profile} runs the suite dcd-${profile}; --suite ${suite} belongs to another profile`);
  return `dcd-${profile}`;
}

/** What to search: each suite (or the one named), or, with faults, the DAX suite once per fault. */
function targets(suite: string | null, faults: (FaultName | DcdFaultName)[]): HuntTarget[] {
  if (suite !== null && !Object.hasOwn(SUITES, suite)) {
    throw new UsageError(`daxcheck hunt: --suite takes ${Object.keys(SUITES).join(', ')}, not "${suite}"`);
  }
  if (faults.length > 0) {
    if (suite !== null && SUITES[suite as SuiteName].sutKind === 'tree') throw new UsageError('daxcheck hunt: the named faults are DAX defects; --suite tree has none (use --suite dax)');
    const dcd = suite !== null && SUITES[suite as SuiteName].sutKind === 'dcd';
    return faults.map((fault) => {
      if (isDcdFaultName(fault) && suite !== null && !dcd) throw new UsageError(`daxcheck hunt: --fault ${fault} is a defect of the v11 series: use --profile v11 (or v10), not --suite ${suite}`);
      if (!isDcdFaultName(fault) && dcd) throw new UsageError(`daxcheck hunt: --fault ${fault} is a defect of the RFC v2 patch: it has no place in --profile ${suite!.slice(4)}`);
      return { suite: (suite as SuiteName | null) ?? (isDcdFaultName(fault) ? 'dcd-v11' : 'dax'), fault };
    });
  }
  const suites = suite === null ? SUITE_NAMES : [suite as SuiteName];
  return suites.map((s) => ({ suite: s, fault: null }));
}
