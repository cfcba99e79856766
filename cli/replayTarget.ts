/**
 * What `replay` and `minimize` work on: the counterexample file, loaded and validated,
 * and the systems to run it on (the file's fault, overridden by --fault NAME|none, or a
 * user's module by --sut). Every problem is a UsageError naming the file or the flag.
 */
import { FAULT_NAMES, isFaultName } from '../impl/faults.ts';
import { modelFactory } from '../model/index.ts';
import { CounterexampleFileError, loadCounterexample, type CounterexampleFile } from '../properties/counterexampleFile.ts';
import { replaySystems, UnknownFaultError, type ReplaySystems } from '../properties/replaySystems.ts';
import { loadSut } from './loadSut.ts';
import { UsageError } from './usageError.ts';

export interface ReplayTarget {
  file: string;
  cx: CounterexampleFile;
  /** The fault the run has on (null: none, or a --sut module). */
  fault: string | null;
  systems: ReplaySystems;
  /** A remark for the reader (e.g. the file was found against another system), or null. */
  note: string | null;
}

export interface TargetFlags {
  sut?: string;
  fault?: string;
}

/** Loads the file; a file problem is a UsageError "daxcheck <command>: <file>: <why>". */
export function loadFile(command: string, file: string): CounterexampleFile {
  try {
    return loadCounterexample(file);
  } catch (e) {
    if (e instanceof CounterexampleFileError) throw new UsageError(`daxcheck ${command}: ${e.message}`);
    throw e;
  }
}

/** The fault selected by --fault (a name, or "none"), else the file's. */
function chosenFault(command: string, file: string, cx: CounterexampleFile, flag: string | undefined): string | null {
  if (flag === undefined) return cx.fault;
  if (flag === 'none') return null;
  if (!isFaultName(flag)) throw new UsageError(`daxcheck ${command}: --fault ${flag}: unknown fault (known: ${FAULT_NAMES.join(', ')}, or none) for ${file}`);
  return flag;
}

/** The file and the systems to run it on. */
export async function replayTarget(command: string, file: string, flags: TargetFlags): Promise<ReplayTarget> {
  const cx = loadFile(command, file);
  if (flags.sut !== undefined) {
    if (flags.fault !== undefined) throw new UsageError(`daxcheck ${command}: --sut and --fault cannot be combined (a fault is a switch of the built-in implementation)`);
    const sut = await loadSut(flags.sut, command);
    return { file, cx, fault: null, systems: { model: modelFactory, sut }, note: null };
  }
  const fault = chosenFault(command, file, cx, flags.fault);
  let systems: ReplaySystems;
  try {
    systems = replaySystems(fault);
  } catch (e) {
    if (e instanceof UnknownFaultError) throw new UsageError(`daxcheck ${command}: ${file}: has ${e.message}`);
    throw e;
  }
  const foreign = !/^impl(\+|$)/.test(cx.sut);
  const note = foreign ? `recorded against ${cx.sut}; replaying on ${systems.sut.name} (add --sut ${cx.sut} to replay on it)` : null;
  return { file, cx, fault, systems, note };
}
