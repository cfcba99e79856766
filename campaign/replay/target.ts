/**
 * What `replay` and `minimize` work on: the counterexample file, loaded and validated,
 * and the systems to run it on: the system the file records with its fault, unless
 * --fault NAME|none or --sut MODULE say otherwise. Every problem is a UsageError naming
 * the file or the flag.
 */
import { FAULT_NAMES, isFaultName } from '../../impl/faults.ts';
import { CounterexampleFileError, loadCounterexample, type CounterexampleFile } from '../../properties/counterexampleFile.ts';
import { checkCommands } from '../../properties/replaySaved.ts';
import { sameData } from '../../properties/sameData.ts';
import { recordedSystem, splitCommand, systemFlag, systemsFor, type SystemOptions, type SystemSpec, type Systems } from '../systems.ts';
import { UsageError } from '../usageError.ts';

export interface ReplayTarget {
  file: string;
  cx: CounterexampleFile;
  /** The fault the run has on (null: none). */
  fault: string | null;
  system: SystemSpec;
  systems: Systems;
  /** A remark for the reader (e.g. the file was found against another system), or null. */
  note: string | null;
}

export interface TargetFlags {
  sut?: string;
  sutExec?: string;
  fault?: string;
}

/** The system the flags name instead of the recorded one, or null. */
function flaggedSystem(command: string, flags: TargetFlags): SystemSpec | null {
  if (flags.sut !== undefined && flags.sutExec !== undefined) throw new UsageError(`daxcheck ${command}: --sut (a module) and --sut-exec (a process) name two systems under test; give one`);
  if (flags.sutExec !== undefined) return { kind: 'exec', command: splitCommand(flags.sutExec, `daxcheck ${command}: --sut-exec`), cwd: process.cwd() };
  return flags.sut === undefined ? null : { kind: 'module', path: flags.sut };
}

/** Loads the file; a file problem is a UsageError "daxcheck <command>: <file>: <why>". */
export function loadFile(command: string, file: string): CounterexampleFile {
  try {
    const cx = loadCounterexample(file);
    checkCommands(file, cx);
    return cx;
  } catch (e) {
    if (e instanceof CounterexampleFileError) throw new UsageError(`daxcheck ${command}: ${e.message}`);
    throw e;
  }
}

/** The fault selected by --fault (a name, or "none"), else the file's. */
function chosenFault(cx: CounterexampleFile, flag: string | undefined): string | null {
  if (flag === undefined) return cx.fault;
  return flag === 'none' ? null : flag;
}

/** The file and the systems to run it on. */
export async function replayTarget(command: string, file: string, flags: TargetFlags, o: SystemOptions = {}): Promise<ReplayTarget> {
  const cx = loadFile(command, file);
  const recorded = recordedSystem(cx);
  const given = flaggedSystem(command, flags);
  // The recorded command given again (the hunt's replay hint) runs in the recorded folder.
  const flagged = given?.kind === 'exec' && recorded.kind === 'exec' && sameData(given.command, recorded.command) ? null : given;
  const system: SystemSpec = flagged ?? recorded;
  if (flags.sut !== undefined && flags.fault !== undefined) {
    throw new UsageError(`daxcheck ${command}: --sut and --fault cannot be combined (a fault is a switch of the built-in implementation)`);
  }
  if (flags.fault !== undefined && flags.fault !== 'none' && !isFaultName(flags.fault)) {
    throw new UsageError(`daxcheck ${command}: --fault ${flags.fault}: unknown fault (known: ${FAULT_NAMES.join(', ')}, or none) for ${file}`);
  }
  const fault = system.kind === 'module' ? null : chosenFault(cx, flags.fault);
  const where = flagged !== null ? `daxcheck ${command}:${systemFlag(flagged)}` : `daxcheck ${command}: ${file}: recorded against ${cx.sut}`;
  const systems = await systemsFor(system, fault, [cx.suite], where, o);
  const moved = !sameData(system, recorded);
  const note = moved ? `recorded against ${cx.sut}; replaying on ${systems.name}${recorded.kind === 'impl' ? '' : ` (add${systemFlag(recorded)} to replay on it)`}` : null;
  return { file, cx, fault, system, systems, note };
}
