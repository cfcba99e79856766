/**
 * The output of `daxcheck replay`: the run step by step (call, model result, sut result;
 * where the snapshots differ, the first difference and the differing part of both
 * states), then the verdict against what the file recorded. Also its --json form.
 */
import { firstDifference } from '../../properties/diff.ts';
import type { ReplayOutcome } from '../../properties/replay.ts';
import { showResult } from '../../properties/showResult.ts';
import type { StepFailure } from '../../properties/stepFailure.ts';
import { encodeValue } from '../../properties/values.ts';
import type { StepRecord } from '../../properties/stepRecord.ts';
import type { ReplayTarget } from './target.ts';
import { deliveryText } from '../../sut/delivery.ts';
import { differingPart } from './snapshotPart.ts';

type Outcome = ReplayOutcome<{ op: string }>;

const indent = (text: string, by: string) => text.split('\n').map((l) => by + l).join('\n');

/** The header: file, suite, systems, what was recorded. */
function header(t: ReplayTarget, o: Outcome): string[] {
  const { cx, systems } = t;
  const skipped = o.failure === null ? cx.commands.length - o.executed.length : 0;
  const lines = [
    `replay ${t.file}`,
    `  ${cx.suite} suite, ${cx.commands.length} commands${skipped > 0 ? ` (${skipped} did not apply: skipped)` : ''}; ${systems.sut.name} against ${systems.reference.name}`,
    `  recorded: ${cx.broke.kind} at step ${cx.broke.step}: ${cx.broke.call}`,
  ];
  if (cx.delivery !== undefined) lines.push(`  delivery: ${deliveryText(cx.delivery)} (as recorded)`);
  if (t.note) lines.push(`  note: ${t.note}`);
  return lines;
}

/** One step: its line, and the differing part of the states when the snapshots differ. */
function stepLines(r: StepRecord, width: number): string[] {
  const results = showResult(r.model) === showResult(r.sut) ? `${showResult(r.model)}` : `model ${showResult(r.model)}, sut ${showResult(r.sut)}  <- results differ`;
  const lines = [`step ${String(r.index + 1).padStart(width)}  ${r.call}  => ${results}`];
  const part = differingPart(r.modelSnap, r.sutSnap);
  if (part === null) return lines;
  const pad = ' '.repeat(width + 7);
  lines.push(`${pad}snapshots differ: ${firstDifference(r.modelSnap, r.sutSnap, ['model', 'sut'])}`);
  lines.push(`${pad}model:`, indent(part.model, pad + '  '), `${pad}sut:`, indent(part.sut, pad + '  '));
  return lines;
}

/** The verdict line(s), compared with the record. */
function verdict(t: ReplayTarget, failure: StepFailure | null, steps: number): string[] {
  const { broke } = t.cx;
  if (failure === null) return [`PASSES: ${steps} steps, no difference and no broken invariant (recorded: ${broke.kind} at step ${broke.step})`];
  const same = failure.kind === broke.kind && failure.step + 1 === broke.step;
  return [
    `FAILS at step ${failure.step + 1}: ${failure.call}: ${failure.kind}`,
    indent(failure.detail, '  '),
    same ? '  (as recorded)' : `  (recorded: ${broke.kind} at step ${broke.step})`,
  ];
}

/** The whole text output, one string per line group. */
export function replayText(t: ReplayTarget, o: Outcome): string {
  const width = String(Math.max(1, o.records.length)).length;
  const lines = [...header(t, o), ''];
  for (const r of o.records) lines.push(...stepLines(r, width));
  const recorded = new Set(o.records.map((r) => r.index));
  if (o.failure !== null && !recorded.has(o.failure.step)) lines.push(`step ${o.failure.step + 1}  ${o.failure.call}  => (no result: ${o.failure.kind})`);
  lines.push('', ...verdict(t, o.failure, o.executed.length));
  return lines.join('\n');
}

/**
 * The --json output: file, suite, fault, systems, steps ({index (0-based), call, model,
 * sut, difference}), failure ({kind, step (0-based), call, detail} or null), recorded,
 * verdict ("fails" | "passes"). u64 values as hex strings.
 */
export function replayJson(t: ReplayTarget, o: Outcome): string {
  const failure = o.failure && { kind: o.failure.kind, step: o.failure.step, call: o.failure.call, detail: o.failure.detail };
  const data = {
    file: t.file,
    suite: t.cx.suite,
    fault: t.fault,
    model: t.systems.reference.name,
    sut: t.systems.sut.name,
    commands: t.cx.commands.length,
    executed: o.executed.length,
    steps: o.records.map((r) => ({ index: r.index, call: r.call, model: r.model, sut: r.sut, difference: firstDifference(r.modelSnap, r.sutSnap, ['model', 'sut']) })),
    failure,
    recorded: t.cx.broke,
    verdict: o.failure === null ? 'passes' : 'fails',
    note: t.note,
  };
  return JSON.stringify(data, encodeValue, 2);
}
