/**
 * What runs against what: the one place that turns a system (the built-in
 * implementation, a user's module, and later a process or a kernel tree) and a named
 * fault into {reference, system under test, name}. Everything that runs a suite (the CI
 * gate, fault searches, saved-counterexample checks, hunts, replays, reports) asks here.
 */
import { existsSync, statSync } from 'node:fs';
import { FAULT_NAMES, faultInfo, isFaultName, type FaultName } from '../impl/faults.ts';
import { createDcdImplFactory, createImplFactory, DCD_FAULT_NAMES, implFactory, isDcdFaultName, type DcdFaultName } from '../impl/index.ts';
import { modelFactory } from '../model/index.ts';
import type { SuiteName } from '../properties/suiteSpec.ts';
import type { SystemSpec } from '../properties/systemSpec.ts';
import type { SutFactory } from '../sut/interface.ts';
import { checkPortShape } from './checkPortShape.ts';
import { loadPort } from './loadPort.ts';
import { ProcessSutError } from '../protocol/portChannel.ts';
import { dcdProcessFactory } from '../protocol/dcdProcessSut.ts';
import { processFactory, type ProcessSutFactory } from '../protocol/processSut.ts';
import { UsageError } from './usageError.ts';

export type { SystemSpec };

export const IMPL: SystemSpec = { kind: 'impl' };

/** The two sides of a run and the name reports and files give the system under test. */
export interface Systems {
  reference: SutFactory;
  sut: SutFactory;
  /** "impl", "impl+<fault>", the module path as given, or "exec:<command>". */
  name: string;
  /** Stops what the systems started (a port process); nothing for the others. */
  close(): void;
}

const nothingToClose = () => undefined;

/** How long a process port may take to answer one request before it counts as a hang. */
export interface SystemOptions {
  commandTimeoutMs?: number;
  /** Seeds the choice of each run's delivery to a process port (sut/delivery.ts). */
  deliverySeed?: number;
}

/** Thrown for a fault name the implementation does not know; the message lists the known ones. */
export class UnknownFaultError extends Error {
  constructor(readonly fault: string) {
    super(`unknown fault "${fault}" (known: ${[...FAULT_NAMES, ...DCD_FAULT_NAMES].join(', ')})`);
    this.name = 'UnknownFaultError';
  }
}

/**
 * The reference a fault is searched against: the model, or for a fault that needs others
 * to be reachable (S5 needs S2) the implementation with only those, so that what a
 * search finds is the fault itself and not the ones it rides on.
 */
export function faultReference(fault: FaultName | DcdFaultName): SutFactory {
  if (isDcdFaultName(fault)) return modelFactory;
  const implied = faultInfo(fault).implies;
  return implied.length === 0 ? modelFactory : createImplFactory(implied);
}

/** A fault name checked against the registry; throws UnknownFaultError. */
export function knownFault(fault: string): FaultName | DcdFaultName {
  if (!isFaultName(fault) && !isDcdFaultName(fault)) throw new UnknownFaultError(fault);
  return fault;
}

/** The built-in implementation with fault on (null: the correct one) against its reference; throws UnknownFaultError. */
export function builtinSystems(fault: string | null): Systems {
  if (fault === null) return { reference: modelFactory, sut: implFactory, name: implFactory.name, close: nothingToClose };
  const name = knownFault(fault);
  const sut = isDcdFaultName(name) ? createDcdImplFactory([name]) : createImplFactory([name]);
  return { reference: faultReference(name), sut, name: sut.name, close: nothingToClose };
}

/** The reference alone (nothing to load): what a hang is described against. */
export function referenceOf(system: SystemSpec, fault: string | null): SutFactory {
  if (system.kind === 'impl' || (system.kind === 'exec' && fault !== null)) return builtinSystems(fault).reference;
  return modelFactory;
}

/**
 * The systems of a spec with fault on. A module is loaded and its shape checked for the
 * suites given; every problem is a UsageError whose message starts with `where` (e.g.
 * "daxcheck hunt: --sut ./x.ts"). A fault with a module is a UsageError: faults are
 * switches of the built-in implementation.
 */
export async function systemsFor(system: SystemSpec, fault: string | null, suites: readonly SuiteName[], where: string, o: SystemOptions = {}): Promise<Systems> {
  if (system.kind !== 'module') return systemsNow(system, fault, suites, where, o);
  if (fault !== null) throw new UsageError(`${where}: a fault is a switch of the built-in implementation; it cannot be combined with a module`);
  const sut = await loadPort(system.path, where);
  checkPortShape(sut, suites, where);
  return { reference: modelFactory, sut, name: system.path, close: nothingToClose };
}

/** systemsFor without loading a module (the built-in implementation or a process), synchronously. */
export function systemsNow(system: Exclude<SystemSpec, { kind: 'module' }>, fault: string | null, suites: readonly SuiteName[], where: string, o: SystemOptions = {}): Systems {
  switch (system.kind) {
    case 'impl':
      try {
        return builtinSystems(fault);
      } catch (e) {
        if (e instanceof UnknownFaultError) throw new UsageError(`${where}: ${e.message}`);
        throw e;
      }
    case 'exec': return execSystems(system.command, portFolder(system.cwd), fault, suites, where, o);
  }
}

/** The folder a port process starts in: the recorded one while it exists, else (undefined) the current one. */
function portFolder(cwd: string | undefined): string | undefined {
  return cwd !== undefined && existsSync(cwd) && statSync(cwd).isDirectory() ? cwd : undefined;
}

/** A process port started in cwd, with fault on (sent as `fault NAME`; the reference is the fault's), its handshake checked for each suite. */
function execSystems(command: string[], cwd: string | undefined, fault: string | null, suites: readonly SuiteName[], where: string, o: SystemOptions): Systems {
  let reference: SutFactory = modelFactory;
  if (fault !== null) {
    try {
      reference = faultReference(knownFault(fault));
    } catch (e) {
      if (e instanceof UnknownFaultError) throw new UsageError(`${where}: ${e.message}`);
      throw e;
    }
  }
  const sut = processFactory(command, {
    faults: fault === null ? [] : [fault], ...(o.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: o.commandTimeoutMs }), ...(o.deliverySeed === undefined ? {} : { deliverySeed: o.deliverySeed }), ...(cwd === undefined ? {} : { cwd }), name: execName(command),
  });
  if (suites.some((s) => s.startsWith('dcd-'))) {
    sut.close();
    return dcdExecSystems(command, cwd, reference, fault, suites, where, o);
  }
  try {
    for (const suite of suites) (suite === 'tree' ? sut.createTree() : sut.createDax());
  } catch (e) {
    const hint = e instanceof ProcessSutError && e.reason === 'protocol' && e.lastRequest?.startsWith('new ') === true ? otherSuiteHint(sut, e.lastRequest) : '';
    sut.close();
    if (e instanceof ProcessSutError) throw new UsageError(`${where}: ${e.message}${hint}`);
    throw e;
  }
  return { reference, sut, name: execName(command), close: () => sut.close() };
}

/** A process port of the v11/v10 profile (protocol/dcdProcessSut.ts), step by step, with fault on; its handshake and `new dcd PROFILE` checked for each suite. */
function dcdExecSystems(command: string[], cwd: string | undefined, reference: SutFactory, fault: string | null, suites: readonly SuiteName[], where: string, o: SystemOptions): Systems {
  const sut = dcdProcessFactory(command, { faults: fault === null ? [] : [fault], ...(o.commandTimeoutMs === undefined ? {} : { commandTimeoutMs: o.commandTimeoutMs }), ...(cwd === undefined ? {} : { cwd }), name: execName(command) });
  try {
    for (const suite of suites) sut.createDcd!(suite === 'dcd-v11' ? 'v11' : 'v10');
  } catch (e) {
    sut.close();
    if (e instanceof ProcessSutError) throw new UsageError(`${where}: ${e.message}`);
    throw e;
  }
  return { reference, sut, name: execName(command), close: () => sut.close() };
}

/** For a port that refused `new dax` (or `new tree`): whether it has the other suite, as advice; '' when not. */
function otherSuiteHint(sut: ProcessSutFactory, refused: string): string {
  const tree = refused === 'new dax';
  try {
    if (tree) sut.createTree();
    else sut.createDax();
  } catch {
    return '';
  }
  return tree ? '; it implements the tree suite: use --suite tree' : '; it implements the DAX suites: use --suite dax or --suite dax-contiguous';
}

/** The name of a process port: "exec:" and its command line. */
export function execName(command: readonly string[]): string {
  return `exec:${commandText(command)}`;
}

/** A command line as one string, words with spaces quoted. */
export function commandText(command: readonly string[]): string {
  return command.map((w) => (/[\s"']/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w)).join(' ');
}

/** The system a counterexample file records: its `system` field, or (files written before it existed) the built-in implementation unless `sut` names a module. */
export function recordedSystem(cx: { sut: string; system?: SystemSpec }): SystemSpec {
  if (cx.system !== undefined) return cx.system;
  return cx.sut === 'impl' || cx.sut.startsWith('impl+') ? IMPL : { kind: 'module', path: cx.sut };
}

/** How a spec is named on a command line: nothing for the built-in implementation, else `--sut PATH`. */
export function systemFlag(system: SystemSpec): string {
  switch (system.kind) {
    case 'impl': return '';
    case 'module': return ` --sut ${system.path}`;
    case 'exec': return ` --sut-exec "${commandText(system.command).replace(/"/g, '\\"')}"`;
  }
}

/**
 * The words of a command line given as one string (`--sut-exec "CMD ARGS…"`): split at
 * blanks, with '…' and "…" quoting and \ escaping as in a POSIX shell (no expansion).
 * Throws UsageError naming `where` for an empty command or an unclosed quote.
 */
export function splitCommand(text: string, where: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
    } else if (c === '\\' && i + 1 < text.length && (quote === null || /["\\$`]/.test(text[i + 1]!))) {
      word = (word ?? '') + text[++i];
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else word = (word ?? '') + c;
  }
  if (quote !== null) throw new UsageError(`${where}: unclosed ${quote} in "${text}"`);
  if (word !== null) words.push(word);
  if (words.length === 0) throw new UsageError(`${where}: an empty command`);
  return words;
}
