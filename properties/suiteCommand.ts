/**
 * A command as fast-check's model-based testing sees it: a plain-data command of a suite
 * whose check reads only the model's snapshot and whose run steps the World. It holds
 * nothing but its data, so fast-check may reuse it across runs.
 */
import type fc from 'fast-check';
import { showValue } from './values.ts';
import type { RunWorld } from './runHooks.ts';

export class SuiteCommand<Cmd extends { op: string }> implements fc.Command<RunWorld, RunWorld> {
  constructor(readonly data: Cmd) {}

  check(m: Readonly<RunWorld>): boolean {
    return m.applies(this.data);
  }

  run(m: RunWorld): void {
    m.step(this.data);
  }

  /** The command as plain data, e.g. resize({region:0,device:1,to:"grow",deltaBytes:0x0}). */
  toString(): string {
    const { op, ...args } = this.data;
    return `${op}(${showValue(args)})`;
  }
}

/** The plain data of the commands fast-check holds in a CommandsIterable (wrapped or not). */
export function commandData<Cmd>(cmds: Iterable<unknown>): Cmd[] {
  const out: Cmd[] = [];
  for (const c of cmds) {
    const inner = (c as { cmd?: unknown }).cmd ?? c;
    out.push((inner as SuiteCommand<Cmd & { op: string }>).data);
  }
  return out;
}
