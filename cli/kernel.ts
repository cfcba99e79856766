/**
 * `daxcheck kernel --src DIR [--known-defects fail|report] [--build-only] [hunt flags…]`:
 * builds the kernel harness from the tree at DIR (campaign/kernel.ts) and runs the same
 * hunt as `daxcheck hunt --sut-exec BINARY` against it: the resource-tree suite (default),
 * or with `--suite dax-contiguous` the tree's drivers/dax/bus.c too, or with `--suite dax` (a
 * tree with the RFC v2 DCD series' dynamic capacity) its extent.c and cxl.c as well, driven
 * through cxl.c's probe and .notify (docs/kernel-dcd.md); then classifies each
 * counterexample: a known upstream defect's signature is reported as "known: K1", anything
 * else as a new finding. Exit 0: nothing new (and, with --known-defects fail, nothing
 * known either); 1: a failure; 2: a usage error; 4: the tree does not build against the
 * shims (one line: the first compiler error and the full log's path).
 */
import { buildKernelHarness, DAX_FILES, DCD_FILES, findKernelTree, kernelSystem, KERNEL_FILES, V10_FILES } from '../campaign/kernel.ts';
import { isKernelDefect, type ClassifiedFailure, type KnownDefectPolicy } from '../campaign/knownDefects.ts';
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
  /** The suite hunted: the resource tree (kernel/resource.c), contiguous DAX regions (drivers/dax/bus.c too), all of DAX (a DCD tree: extent.c and cxl.c too), or the v10 profile's (a DCD v10 tree: bus.c and cxl.c, docs/kernel-v10.md). */
  suite: 'tree' | 'dax-contiguous' | 'dax' | 'dcd-v10';
  /** The flags left for the hunt (--suite included). */
  hunt: string[];
}

/** `daxcheck kernel --help` (its own flags; every other flag is the hunt's, see daxcheck hunt --help). */
export const KERNEL_HELP: CommandHelp = {
  name: 'kernel',
  usage: '--src DIR [flags] [hunt flags]',
  about: 'Builds a kernel tree\'s own kernel/resource.c (with include/linux/ioport.h) against daxcheck\'s shims, under ASan and UBSan, and hunts the resource-tree suite against it; with --suite dax-contiguous also its drivers/dax/bus.c (with bus.h and dax-private.h), hunted with the contiguous DAX suite; with --suite dax, for a tree whose drivers/dax has dynamic capacity (the RFC v2 DCD series), also its extent.c and cxl.c, hunted with the whole DAX suite; a counterexample matching a known upstream defect is reported as "known: K1", anything else as new. Exit 0: nothing new; 1: a failure; 2: a usage error; 4: the tree does not build against the shims (the first compiler error and the full log\'s path are printed). Every hunt flag but --sut, --sut-exec and --fault is accepted.',
  flags: {
    src: { type: 'string', value: 'DIR', help: 'the root of a kernel source tree (required)' },
    'known-defects': { type: 'string', value: 'fail|report', default: 'report', help: 'whether a known upstream defect fails the run' },
    'build-only': { type: 'boolean', help: 'build the harness, print its path, hunt nothing' },
    suite: { type: 'string', value: 'tree|dax-contiguous|dax', default: 'tree', help: 'the suite to hunt: the resource tree, contiguous DAX regions (builds drivers/dax/bus.c too), or the whole DAX suite on a tree with dynamic capacity (builds extent.c and cxl.c too)' },
    profile: { type: 'string', value: 'rfc-v2|v10', default: 'rfc-v2', help: 'v10: a tree with the DCD v10 series\' tag groups (bus.c and cxl.c built, the dcd-v10 suite hunted: docs/kernel-v10.md); rfc-v2: the suites above' },
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
  let profile: string = 'rfc-v2';
  let suiteGiven = false;
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
    else if (name === '--suite') {
      suite = value();
      suiteGiven = true;
    } else if (name === '--profile') profile = value();
    else if (NOT_WITH_KERNEL.includes(name)) throw new UsageError(`daxcheck kernel: ${name} names another system under test; the kernel tree given by --src is the system here`);
    else hunt.push(arg);
  }
  if (src === null) throw new UsageError(`daxcheck kernel: --src DIR is required (the root of a kernel source tree, with ${KERNEL_FILES.join(' and ')})`);
  if (knownDefects !== 'fail' && knownDefects !== 'report') throw new UsageError(`daxcheck kernel: --known-defects takes fail or report, not "${knownDefects}"`);
  if (profile === 'v11') throw new UsageError('daxcheck kernel: --profile v11: no v11 tree can be built here yet (its drivers/dax is not assembled); --profile v10 checks a DCD v10 tree, and daxcheck hunt --profile v11 the built-in implementation');
  if (profile !== 'rfc-v2' && profile !== 'v10') throw new UsageError(`daxcheck kernel: --profile takes rfc-v2 or v10, not "${profile}"`);
  if (profile === 'v10') {
    if (suiteGiven && suite !== 'dcd-v10') throw new UsageError(`daxcheck kernel: --profile v10 hunts the suite dcd-v10; --suite ${suite} belongs to --profile rfc-v2`);
    hunt.push('--profile', 'v10');
    return { src, knownDefects, buildOnly, suite: 'dcd-v10', hunt };
  }
  if (suite !== 'tree' && suite !== 'dax-contiguous' && suite !== 'dax') throw new UsageError(`daxcheck kernel: --suite takes tree, dax-contiguous or dax, not "${suite}"`);
  hunt.push('--suite', suite);
  return { src, knownDefects, buildOnly, suite, hunt };
}

/** Runs `daxcheck kernel` with argv (the arguments after "kernel"); returns the exit code. */
export async function kernelCommand(argv: string[]): Promise<number> {
  const o = parseKernelOptions(argv);
  const dcd = o.suite === 'dax';
  const v10 = o.suite === 'dcd-v10';
  const dax = o.suite === 'dax-contiguous' || dcd || v10;
  const tree = findKernelTree(o.src, 'daxcheck kernel: --src', { dax, dcd, v10 });
  const built = buildOrExplain(tree);
  if (built === null) return EXIT_BUILD;
  const version = tree.version === null ? 'Linux, version unknown (no VERSION in its Makefile)' : `Linux ${tree.version}`;
  const files = [...KERNEL_FILES, ...(dax ? DAX_FILES : []), ...(dcd ? DCD_FILES : []), ...(v10 ? V10_FILES : [])];
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
  const defects = [...new Set(known.filter((f) => isKernelDefect(f.known!)).map((f) => f.known!.id))];
  const gaps = [...new Set(known.filter((f) => !isKernelDefect(f.known!)).map((f) => f.known!.id))];
  if (defects.length > 0) console.log(`known defects seen: ${defects.join(', ')} (--known-defects ${policy}: they ${policy === 'fail' ? 'fail' : 'do not fail'} the run)`);
  if (gaps.length > 0) console.log(`known interface gaps and model errors seen: ${gaps.join(', ')} (never fail the run: see docs/kernel.md and docs/kernel-dcd.md)`);
  const fresh = failures.length - known.length;
  if (failures.length > 0) console.log(`${fresh} new finding${fresh === 1 ? '' : 's'}, ${known.length} known`);
}
