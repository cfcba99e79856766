/**
 * Ending every port process, whatever ends the run. Each port is started in its own
 * process group with PORT_MARKER=<daxcheck's pid> in its environment (portWorkerSource.ts);
 * its children inherit both. A channel kills its port's group when it is done with it;
 * what that cannot reach (a port whose thread was stopped mid-call, a child that left
 * its group) is found here by the marker in /proc/PID/environ and ended: SIGTERM to it
 * and its group, then SIGKILL to what is left after a grace. Linux /proc only: elsewhere
 * the group kills are all there is.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The environment variable a port and its children carry: the pid of the daxcheck that started them. */
export const PORT_MARKER = 'DAXCHECK_PORT_OF';
/** An optional second variable naming the thread (e.g. a hunt worker) whose ports they are; inherited from its env. */
export const PORT_SCOPE = 'DAXCHECK_PORT_SCOPE';

/** The processes that carry PORT_MARKER=owner (and PORT_SCOPE=scope, when given) in their environment; none where /proc cannot be read. */
export function markedProcesses(scope: string | null = null, owner: number = process.pid): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const wanted = `${PORT_MARKER}=${owner}`;
  const found: number[] = [];
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    let env: string;
    try {
      env = readFileSync(`/proc/${e}/environ`, 'latin1');
    } catch {
      continue; // gone, or not ours
    }
    const vars = env.split('\0');
    if (vars.includes(wanted) && (scope === null || vars.includes(`${PORT_SCOPE}=${scope}`))) found.push(Number(e));
  }
  return found;
}

/** Sends signal to the process group of pid (a port is its group's leader) and to pid itself; false when neither exists. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  let any = false;
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
      any = true;
    } catch {
      // no such group or process
    }
  }
  return any;
}

/** Kills every marked process (of scope, when given) and its group at once (SIGKILL); for the process's 'exit' handler. Returns how many there were. */
export function reapPortsNow(scope: string | null = null): number {
  const pids = markedProcesses(scope);
  for (const pid of pids) signalGroup(pid, 'SIGKILL');
  return pids.length;
}

/**
 * Ends every marked process (of scope, when given): SIGTERM to each and its group, then
 * SIGKILL to what is still there after graceMs. Resolves with how many there were.
 */
export async function reapPorts(graceMs: number, scope: string | null = null): Promise<number> {
  const pids = markedProcesses(scope);
  if (pids.length === 0) return 0;
  for (const pid of pids) signalGroup(pid, 'SIGTERM');
  for (const until = Date.now() + graceMs; Date.now() < until && markedProcesses(scope).length > 0;) {
    await new Promise((r) => setTimeout(r, 20));
  }
  reapPortsNow(scope);
  return pids.length;
}
