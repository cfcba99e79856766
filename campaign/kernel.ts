/**
 * The kernel harness (issue 14): a user's kernel tree turned into a system under test.
 * The kernel's files are read from the tree at build time and compiled, unmodified,
 * against daxcheck's shim headers (ports/kernel/, ports/shared/) with the protocol driver
 * the C port links too (ports/shared/),
 * under AddressSanitizer and UBSan, into a cache folder outside the repository, keyed on
 * the content of every input: the same tree and harness reuse the binary, any change
 * rebuilds it. The repository never holds a kernel file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { SystemSpec } from '../properties/systemSpec.ts';
import { firstBuildError, KernelBuildError } from './kernelBuildError.ts';
import { UsageError } from './usageError.ts';

const ROOT = resolve(import.meta.dirname, '..');
const HARNESS = join(ROOT, 'ports/kernel');
/** What the harness shares with the C port: the protocol driver, the snapshot writers and the shims. */
const SHARED = join(ROOT, 'ports/shared');

/** The files of a kernel tree the harness reads. */
export interface KernelTree {
  dir: string;
  /** kernel/resource.c and include/linux/ioport.h: always there; with dax, DAX_FILES too. */
  files: Record<string, string>;
  /** Build the DAX half too (drivers/dax/bus.c): for the dax-contiguous suite. */
  dax: boolean;
  /** Build the dynamic-capacity half too (drivers/dax/extent.c and cxl.c, RFC v2 DCD): for the dax suite. */
  dcd: boolean;
  /** Build the DCD v10 series' drivers/dax (bus.c and cxl.c with tag groups): for the dcd-v10 suite (--profile v10). */
  v10: boolean;
  /** "6.1.192" from the tree's Makefile, or null. */
  version: string | null;
}

/** The tree's files the harness needs, relative to its root. */
export const KERNEL_FILES = ['kernel/resource.c', 'include/linux/ioport.h'] as const;

/** The tree's files the DAX half needs besides KERNEL_FILES (bus.c and the two headers it includes from its folder). */
export const DAX_FILES = ['drivers/dax/bus.c', 'drivers/dax/bus.h', 'drivers/dax/dax-private.h'] as const;

/** The tree's files the dynamic half needs besides DAX_FILES (the RFC v2 DCD series' extent devices and CXL region driver). */
export const DCD_FILES = ['drivers/dax/extent.c', 'drivers/dax/cxl.c'] as const;

/** The tree's files the v10 profile needs besides DAX_FILES (the DCD v10 series' CXL region driver). */
export const V10_FILES = ['drivers/dax/cxl.c'] as const;

/**
 * What a tree with the DCD v10 series' drivers/dax shows, file by file (21/31, 22/31, 26/31):
 * each a phrase for the error when it is missing.
 */
const V10_MARKS: readonly { file: string; mark: RegExp; phrase: string }[] = [
  { file: 'drivers/dax/dax-private.h', mark: /\bstruct dax_resource\s*\{[^}]*\bseq_num\b/, phrase: 'no struct dax_resource with a seq_num in drivers/dax/dax-private.h' },
  { file: 'drivers/dax/bus.c', mark: /\buuid_claim_tagged\(/, phrase: 'no uuid_claim_tagged() in drivers/dax/bus.c' },
  { file: 'drivers/dax/bus.c', mark: /\bint dax_region_rm_resources\(/, phrase: 'no dax_region_rm_resources() in drivers/dax/bus.c' },
  { file: 'drivers/dax/cxl.c', mark: /\bstruct cxl_notify_data\b/, phrase: 'no .notify taking a struct cxl_notify_data in drivers/dax/cxl.c' },
];

/**
 * Does the tree's drivers/dax have the DCD v10 series' tag groups (dax_resource with seq
 * numbers, the tagged uuid claim, whole-group release, cxl.c's .notify)? Returns null when
 * it does, else what it lacks (one phrase).
 */
export function v10TagGroupsOf(root: string): string | null {
  const lacks: string[] = [];
  for (const { file, mark, phrase } of V10_MARKS) {
    const path = join(root, file);
    if (!existsSync(path)) lacks.push(`no ${file}`);
    else if (!mark.test(readFileSync(path, 'utf8'))) lacks.push(phrase);
  }
  return lacks.length === 0 ? null : [...new Set(lacks)].join(', ');
}

/** What a tree with dynamic capacity declares in drivers/dax/bus.h (RFC v2 DCD, patch 08). */
export const DYNAMIC_CAP_FLAG = 'IORESOURCE_DAX_DYNAMIC_CAP';

/**
 * The kernel tree at dir; a UsageError naming `where` and the missing file when dir is not
 * one (or lacks a file the harness reads). With `dax`, the DAX files must be there too; with
 * `dcd`, the tree's drivers/dax must have dynamic capacity (see dynamicCapacityOf), else one
 * line saying what it lacks.
 */
export function findKernelTree(dir: string, where: string, options: { dax?: boolean; dcd?: boolean; v10?: boolean } = {}): KernelTree {
  const root = resolve(dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${where} ${dir}: no such directory`);
  const dcd = options.dcd ?? false;
  const v10 = options.v10 ?? false;
  const dax = (options.dax ?? false) || dcd || v10;
  const files: Record<string, string> = {};
  const missing: string[] = [];
  for (const f of [...KERNEL_FILES, ...(dax ? DAX_FILES : [])]) {
    const path = join(root, f);
    if (existsSync(path)) files[f] = path;
    else missing.push(f);
  }
  if (missing.length > 0) {
    // Every missing file at once, grouped by why the harness needs it.
    const daxMissing = missing.filter((f) => (DAX_FILES as readonly string[]).includes(f));
    const treeMissing = missing.filter((f) => !daxMissing.includes(f));
    const parts = [
      ...(treeMissing.length > 0 ? [`no ${treeMissing.join(', ')} there (expected the root of a kernel source tree)`] : []),
      ...(daxMissing.length > 0 ? [`no ${daxMissing.join(', ')} there (the DAX suite drives the tree's drivers/dax/bus.c)`] : []),
    ];
    throw new UsageError(`${where} ${dir}: ${parts.join('; ')}`);
  }
  if (dcd) {
    const lacks = dynamicCapacityOf(root);
    if (lacks !== null) throw new UsageError(`${where} ${dir}: drivers/dax has no dynamic capacity (${lacks}): the dax suite needs the RFC v2 DCD series' dynamic regions and extents; use --suite dax-contiguous for this tree`);
    for (const f of DCD_FILES) files[f] = join(root, f);
  }
  if (v10) {
    const lacks = v10TagGroupsOf(root);
    if (lacks !== null) throw new UsageError(`${where} ${dir}: not a DCD v10 tree (${lacks}): --profile v10 needs the v10 series' tag groups in drivers/dax (docs/kernel-v10.md says how to assemble one)`);
    for (const f of V10_FILES) files[f] = join(root, f);
  }
  return { dir: root, files, dax, dcd, v10, version: treeVersion(root) };
}

/**
 * Does the tree's drivers/dax have dynamic capacity (the RFC v2 DCD series)? It must declare
 * IORESOURCE_DAX_DYNAMIC_CAP in drivers/dax/bus.h and have drivers/dax/extent.c and cxl.c.
 * Returns null when it does, else what it lacks (one phrase).
 */
export function dynamicCapacityOf(root: string): string | null {
  const lacks: string[] = [];
  const busH = join(root, 'drivers/dax/bus.h');
  if (!existsSync(busH) || !new RegExp(`#define\\s+${DYNAMIC_CAP_FLAG}\\b`).test(readFileSync(busH, 'utf8'))) lacks.push(`no ${DYNAMIC_CAP_FLAG} in drivers/dax/bus.h`);
  for (const f of DCD_FILES) if (!existsSync(join(root, f))) lacks.push(`no ${f}`);
  return lacks.length === 0 ? null : lacks.join(', ');
}

/** "VERSION.PATCHLEVEL.SUBLEVEL" from the tree's top Makefile, or null. */
function treeVersion(root: string): string | null {
  try {
    const text = readFileSync(join(root, 'Makefile'), 'utf8').slice(0, 2000);
    const field = (name: string) => new RegExp(`^${name}[ \\t]*=[ \\t]*(\\S*)`, 'm').exec(text)?.[1] ?? '';
    const v = [field('VERSION'), field('PATCHLEVEL'), field('SUBLEVEL')].filter((x) => x !== '').join('.');
    return v === '' ? null : v + field('EXTRAVERSION');
  } catch {
    return null;
  }
}

/** Where built harnesses are kept: $DAXCHECK_CACHE, else $XDG_CACHE_HOME/daxcheck, else ~/.cache/daxcheck. */
export function kernelCacheDir(): string {
  const env = process.env;
  if (env.DAXCHECK_CACHE) return resolve(env.DAXCHECK_CACHE);
  return join(env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache'), 'daxcheck');
}

/** Every file of the harness's sources (its shims, harness and Makefile; ports/shared), sorted. */
function harnessFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'build') walk(path);
      } else out.push(path);
    }
  };
  walk(HARNESS);
  walk(SHARED);
  return out.sort();
}

/** The cache key: sha256 over the compiler's version and every input's path and content. */
export function harnessKey(tree: KernelTree, cc: string): string {
  const h = createHash('sha256');
  h.update(ccVersion(cc));
  h.update(tree.dax ? '\0dax' : '\0nodax');
  if (tree.dcd) h.update('\0dcd');
  if (tree.v10) h.update('\0v10');
  for (const f of harnessFiles()) h.update(`\0${relative(ROOT, f)}\0`).update(readFileSync(f));
  for (const [name, path] of Object.entries(tree.files).sort()) h.update(`\0tree:${name}\0`).update(readFileSync(path));
  return h.digest('hex').slice(0, 16);
}

function ccVersion(cc: string): string {
  try {
    return execFileSync(cc, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    throw new UsageError(`daxcheck kernel: cannot run the C compiler "${cc}" (set CC, or install gcc)`);
  }
}

/** A built harness: its binary, its folder, and whether it came from the cache. */
export interface BuiltHarness {
  binary: string;
  dir: string;
  cached: boolean;
}

/**
 * Builds the harness for tree into the cache (make -C ports/kernel KSRC=… O=…, DAX=1 for a
 * tree found with dax, DCD=1 with dcd), or reuses
 * the binary built from the same inputs. A build failure is a KernelBuildError naming
 * the first compiler error and the full log's path (<cache>/kernel/<key>.build-error.log,
 * one per set of inputs, kept).
 */
export function buildKernelHarness(tree: KernelTree, cacheDir: string = kernelCacheDir()): BuiltHarness {
  const cc = process.env.CC ?? 'cc';
  const dir = join(cacheDir, 'kernel', harnessKey(tree, cc));
  const binary = join(dir, 'daxcheck-kernel');
  if (existsSync(binary)) return { binary, dir, cached: true };
  const tmp = `${dir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    execFileSync('make', ['-s', '-C', HARNESS, `KSRC=${tree.dir}`, `O=${tmp}`, `CC=${cc}`, ...(tree.dax ? ['DAX=1'] : []), ...(tree.dcd ? ['DCD=1'] : []), ...(tree.v10 ? ['V10=1'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message?: string };
    // The build copies the tree's ioport.h into O/kinclude (deleted below): name the tree's own file instead.
    const log = `${err.stdout ?? ''}${err.stderr ?? err.message ?? String(e)}`.replaceAll(`${tmp}/kinclude/`, `${tree.dir}/include/`);
    const logFile = `${dir}.build-error.log`;
    writeFileSync(logFile, log);
    rmSync(tmp, { recursive: true, force: true });
    throw new KernelBuildError(tree.dir, firstBuildError(log), logFile);
  }
  try {
    renameSync(tmp, dir);
  } catch {
    rmSync(tmp, { recursive: true, force: true }); // another process built the same key first
  }
  return { binary, dir, cached: false };
}

/** The built harness as a process system under test. */
export function kernelSystem(built: BuiltHarness): SystemSpec {
  return { kind: 'exec', command: [built.binary] };
}
