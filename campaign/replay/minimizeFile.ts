/**
 * Minimizing a saved counterexample again (properties/minimize.ts) on the system it
 * records (or --sut), and rewriting the file: what `daxcheck minimize` does.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { encodeCounterexample, type CounterexampleFile } from '../../properties/counterexampleFile.ts';
import { counterexampleRecord } from '../../properties/counterexampleRecord.ts';
import { minimize } from '../../properties/minimize.ts';
import { sameData } from '../../properties/sameData.ts';
import { suiteByName } from '../../properties/suites.ts';
import { sameKnownFailure } from '../knownDefects.ts';
import { systemFlag } from '../systems.ts';
import { UsageError } from '../usageError.ts';
import { replayTarget, type ReplayTarget } from './target.ts';

/**
 * Rewrites file in place (atomically) with the minimized record: the user's file keeps
 * its name, whatever its id becomes, and no other file is written or removed. The line
 * to print.
 */
function rewrite(file: string, previousId: string, next: CounterexampleFile): string {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, encodeCounterexample(next));
  renameSync(tmp, file);
  return next.id === previousId ? `rewritten ${file}` : `rewritten ${file} in place (its id is now ${next.id}, was ${previousId}; the file keeps its name)`;
}

/** Minimizes file; the lines to print and whether it failed (no longer fails as recorded). UsageError for a bad file or flag. */
export async function minimizeFile(file: string, o: { sut?: string; sutExec?: string; maxReplays?: number; commandTimeoutMs?: number }): Promise<{ lines: string[]; failed: boolean }> {
  const { maxReplays: _, commandTimeoutMs, ...flags } = o;
  const t = await replayTarget('minimize', file, flags, commandTimeoutMs === undefined ? {} : { commandTimeoutMs });
  try {
    return minimizeTarget(file, t, o.maxReplays);
  } finally {
    t.systems.close();
  }
}

function minimizeTarget(file: string, t: ReplayTarget, maxReplays: number | undefined): { lines: string[]; failed: boolean } {
  const { cx } = t;
  // A port process that hangs is killed after its command timeout; a module would block this thread.
  if (cx.broke.kind === 'hang' && t.system.kind !== 'exec') {
    throw new UsageError(`daxcheck minimize: ${file}: records a hang; a hang cannot be minimized by replaying in this process (check it with daxcheck replay ${file}${systemFlag(t.system)})`);
  }
  const started = performance.now();
  const small = minimize({ suite: suiteByName(cx.suite)!, model: t.systems.reference, sut: t.systems.sut, commands: cx.commands, kind: cx.broke.kind, sameFailure: sameKnownFailure, ...(maxReplays === undefined ? {} : { maxReplays }) });
  const lines = t.note ? [`note: ${t.note}`] : [];
  if (small === null) {
    lines.push(`${file}: does not fail as recorded (${cx.broke.kind}) on ${t.systems.sut.name} against ${t.systems.reference.name}; not rewritten (see daxcheck replay ${file}${systemFlag(t.system)})`);
    return { lines, failed: true };
  }
  const ms = Math.round(performance.now() - started);
  const facts = `${small.replays} replays, ${ms} ms${small.exhausted ? ', stopped at the replay budget' : ''}`;
  const next = counterexampleRecord({ ...cx, sut: t.systems.name, system: t.system, fault: t.fault, commands: small.commands, failure: small.failure, delivery: cx.delivery ?? null, recorded: null }); // the recording was of the longer run: the report replays the new one
  const unchanged = next.id === cx.id && sameData(next.broke, cx.broke);
  if (unchanged) {
    lines.push(`${file}: already minimal: ${cx.commands.length} commands (${facts})`);
    return { lines, failed: false };
  }
  lines.push(`${file}: ${cx.commands.length} → ${small.commands.length} commands (${facts})`, rewrite(file, cx.id, next));
  return { lines, failed: false };
}
