/**
 * The processes a command started, followed from outside: every process whose chain of
 * parents leads to it, sampled while it runs (Linux /proc), and whether any of them is
 * still alive later (the same process: same start time, not a zombie). Independent of
 * how daxcheck itself tracks its ports.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface Proc {
  pid: number;
  /** Start time in clock ticks since boot (tells a reused pid apart). */
  start: string;
  comm: string;
  pgid: number;
}

function stat(pid: number): { ppid: number; pgid: number; state: string; start: string; comm: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const f = text.slice(close + 2).split(' ');
    return { state: f[0]!, ppid: Number(f[1]), pgid: Number(f[2]), start: f[19]!, comm };
  } catch {
    return null;
  }
}

/** The live descendants of root right now. */
export function descendants(root: number): Proc[] {
  const all = new Map<number, NonNullable<ReturnType<typeof stat>>>();
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    const s = stat(Number(e));
    if (s !== null && s.state !== 'Z') all.set(Number(e), s);
  }
  const found: Proc[] = [];
  for (const [pid, s] of all) {
    for (let p = s.ppid, hops = 0; p > 1 && hops < 64; p = all.get(p)?.ppid ?? 0, hops++) {
      if (p === root) {
        found.push({ pid, start: s.start, comm: s.comm, pgid: s.pgid });
        break;
      }
    }
  }
  return found;
}

/** Whether p still runs (the same process, not a zombie). */
export function alive(p: Proc): boolean {
  const s = stat(p.pid);
  return s !== null && s.start === p.start && s.state !== 'Z';
}

/** Samples root's descendants every intervalMs until stopped; returns every one seen. */
export function follow(root: number, intervalMs = 50): { stop(): Proc[] } {
  const seen = new Map<string, Proc>();
  const sample = () => {
    for (const p of descendants(root)) seen.set(`${p.pid}/${p.start}`, p);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return [...seen.values()];
    },
  };
}
