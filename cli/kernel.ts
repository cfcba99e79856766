/**
 * `daxcheck kernel --src DIR [--known-defects fail|report] [--build-only] [hunt flags…]`:
 * builds the kernel harness from the tree at DIR (campaign/kernel.ts) and runs the same
 * hunt as `daxcheck hunt --sut-exec BINARY` against it: the resource-tree suite (default),
 * or with `--suite dax-contiguous` the tree's drivers/dax/bus.c too; then classifies each
 * counterexample: a known upstream defect's signature is reported as "known: K1", anything
 * else as a new finding. Exit 0: nothing new (and, with --known-defects fail, nothing
 * known either); 1: a failure; 2: a usage error; 4: the tree does not build against the
 * shims (one line: the first compiler error and the full log's path).
 */
import { buildKernelHarness, DAX_FILES, findKernelTree, kernelSystem, KERNEL_FILES } from '../campaign/kernel.ts';
import type { ClassifiedFailure, KnownDefectPolicy } from '../campaign/knownDefects.ts';
import { classifyFindings, withKnownFindings } from '../campaign/knownFindings.ts';
import { commandText } from '../campaign/systems.ts';
import { KernelBuildError } from '../campaign/kernelBuildError.ts';
import { EXIT_BUILD, EXIT_OK, EXIT_USAGE, UsageError } from '../campaign/usageError.ts';
import type { KernelTree } from '../campaign/kernel.ts';
import { huntCommand } from './hunt/command.ts';
import type { CommandHelp } from './help.ts';

interface KernelOptions {
  src: string;
  knownDefects: KnownDefectPolicy;
  buildOnly: boolean;
  /** The suite hunted: the resource tree (kernel/resource.c) or contiguous DAX regions (drivers/dax/bus.c too). */
  suite: 'tree' | 'dax-contiguous';
  /** The flags left for the hunt (--suite included). */
  hunt: string[];
}

/** `daxcheck kernel --help` (its own flags; every other flag is the hunt's, see daxcheck hunt --help). */
export const KERNEL_HELP: CommandHelp = {
  name: 'kernel',
  usage: '--src DIR [flags] [hunt flags]',
  about: 'Builds a kernel tree\'s own kernel/resource.c (with include/linux/ioport.h) against daxcheck\'s shims, under ASan and UBSan, and hunts the resource-tree suite against it; with --suite dax-contiguous also its drivers/dax/bus.c (with bus.h and dax-private.h), hunted with the contiguous DAX suite; a counterexample matching a known upstream defect is reported as "known: K1", anything else as new. Exit 0: nothing new; 1: a failure; 2: a usage error; 4: the tree does not build against the shims (the first compiler error and the full log\'s path are printed). Every hunt flag but --sut, --sut-exec and --fault is accepted.',
  flags: {
    src: { type: 'string', value: 'DIR', help: 'the root of a kernel source tree (required)' },
    'known-defects': { type: 'string', value: 'fail|report', default: 'report', help: 'whether a known upstream defect fails the run' },
    'build-only': { type: 'boolean', help: 'build the harness, print its path, hunt nothing' },
    suite: { type: 'string', value: 'tree|dax-contiguous', default: 'tree', help: 'the suite to hunt: the resource tree, or contiguous DAX regions (builds drivers/dax/bus.c too)' },
  },
  example: 'daxcheck kernel --src ~/linux --suite dax-contiguous --seconds 60',
};

/** The hunt flags that name another system under test: the kernel tree is the system. */
const NOT_WITH_KERNEL = ['--sut', '--sut-exec', '--fault'];

/** Splits argv into the kernel command's own flags and the hunt's; UsageError for a mistake. */
export function parseKernelOptions(argv: readonly string[]): KernelOptions {
  let src: string | null = null;
  let knownDefects: string = 'report';
  let buildOnly = false;
  let suite: string = 'tree';
  const hunt: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new UsageError(`daxcheck kernel: ${name} needs a value`);
      return v;
    };
    if (name === '--src') src = value();
    else if (name === '--known-defects') knownDefects = value();
    else if (name === '--build-only') buildOnly = true;
    else if (name === '--suite') suite = value();
    else if (NOT_WITH_KERNEL.includes(name)) throw new UsageError(`daxcheck kernel: ${name} names another system under test; the kernel tree given by --src is the system here`);
    else hunt.push(arg);
  }
  if (src === null) throw new UsageError(`daxcheck kernel: --src DIR is required (the root of a kernel source tree, with ${KERNEL_FILES.join(' and ')})`);
  if (knownDefects !== 'fail' && knownDefects !== 'report') throw new UsageError(`daxcheck kernel: --known-defects takes fail or report, not "${knownDefects}"`);
  if (suite === 'dax') throw new UsageError('daxcheck kernel: upstream drivers/dax/bus.c has contiguous regions only: use --suite dax-contiguous (the dax suite needs dynamic regions and extents)');
  if (suite !== 'tree' && suite !== 'dax-contiguous') throw new UsageError(`daxcheck kernel: --suite takes tree or dax-contiguous, not "${suite}"`);
  hunt.push('--suite', suite);
  return { src, knownDefects, buildOnly, suite, hunt };
}

/** Runs `daxcheck kernel` with argv (the arguments after "kernel"); returns the exit code. */
export async function kernelCommand(argv: string[]): Promise<number> {
  const o = parseKernelOptions(argv);
  const dax = o.suite === 'dax-contiguous';
  const tree = findKernelTree(o.src, 'daxcheck kernel: --src', { dax });
  const built = buildOrExplain(tree);
  if (built === null) return EXIT_BUILD;
  const version = tree.version === null ? 'Linux, version unknown (no VERSION in its Makefile)' : `Linux ${tree.version}`;
  const files = [...KERNEL_FILES, ...(dax ? DAX_FILES : [])];
  console.error(`daxcheck kernel: ${version} at ${tree.dir}: ${files.join(', ')} built against the shims${built.cached ? ' (cached)' : ''}`);
  if (o.buildOnly) {
    console.log(built.binary);
    return EXIT_OK;
  }
  const system = kernelSystem(built);
  if (system.kind !== 'exec') throw new Error('the kernel harness is a process');
  const huntArgv = [...o.hunt, '--sut-exec', commandText(system.command)];
  let failures: ClassifiedFailure[] = [];
  // Known findings are classified before the hunt writes its reports, so that run.json,
  // junit.xml, index.html, the printed lines and the exit code agree.
  const code = await huntCommand(huntArgv, {
    classify: (summary, outDir) => {
      failures = classifyFindings(summary, outDir);
      return withKnownFindings(summary, failures, o.knownDefects);
    },
  });
  if (code === EXIT_USAGE) return code;
  printClassified(failures, o.knownDefects);
  return code;
}

/** The built harness, or null when the tree does not build (the reason printed as one line). */
function buildOrExplain(tree: KernelTree): ReturnType<typeof buildKernelHarness> | null {
  try {
    return buildKernelHarness(tree);
  } catch (e) {
    if (!(e instanceof KernelBuildError)) throw e;
    console.error(e.message);
    return null;
  }
}

function printClassified(failures: readonly ClassifiedFailure[], policy: KnownDefectPolicy): void {
  for (const f of failures) {
    if (f.known !== null) console.log(`known: ${f.known.id} ${f.file}: ${f.what} (${f.known.kind}: ${f.known.title}${f.known.fault === null ? '' : `; fault ${f.known.fault}`})`);
    else console.log(`new: ${f.file}: ${f.what}`);
  }
  const known = failures.filter((f) => f.known !== null);
  const defects = [...new Set(known.filter((f) => f.known!.kind === 'upstream defect').map((f) => f.known!.id))];
  const gaps = [...new Set(known.filter((f) => f.known!.kind === 'interface gap').map((f) => f.known!.id))];
  if (defects.length > 0) console.log(`known upstream defects seen: ${defects.join(', ')} (--known-defects ${policy}: they ${policy === 'fail' ? 'fail' : 'do not fail'} the run)`);
  if (gaps.length > 0) console.log(`known interface gaps seen: ${gaps.join(', ')} (never fail the run: see docs/kernel.md)`);
  const fresh = failures.length - known.length;
  if (failures.length > 0) console.log(`${fresh} new finding${fresh === 1 ? '' : 's'}, ${known.length} known`);
}
