/**
 * When the runner (properties/world.ts) calls the system under test's self-check
 * (sut/interface.ts selfCheck): after every successful step (a refused one rarely
 * changes anything; a cache it corrupted is caught at the next success or at the run's
 * end, and the message names the unchecked steps). In incremental mode
 * (properties/changedPart.ts) it is sampled: only the parts named since the last
 * self-check are checked, after every SAMPLE_EVERY-th successful step, and the whole
 * system at the run's end. The bound: a cache a step corrupted is found at most
 * SAMPLE_EVERY - 1 successful steps later, or at the run's end, unless a step in between
 * repairs it; the failing run is then replayed with the self-check after every success.
 */
import type { AnyParts } from './changedPart.ts';
import { guard, type Shown } from './stepCheck.ts';
import { StepFailure } from './stepFailure.ts';

/** Incremental mode: the self-check of the named parts runs after every SAMPLE_EVERY-th successful step. */
export const SAMPLE_EVERY = 4;

export class StepSelfChecks {
  /** Incremental mode: successful steps since the last self-check. */
  private successes = 0;
  /** Steps since the last self-check whose check was skipped (their operation failed): the first one's index, the last one. */
  private unchecked: { first: number; index: number; shown: Shown } | null = null;
  /** Incremental mode: the parts named since the last self-check. */
  private readonly named = new Set<number>();

  constructor(private readonly sut: unknown, private readonly parts: AnyParts | null) {}

  /** After a step the system ran: the part it named (incremental mode; else null), and whether it succeeded. */
  after(index: number, shown: Shown, ok: boolean, part: number | null): void {
    if (part !== null) this.named.add(part);
    if (ok && (this.parts === null || ++this.successes === SAMPLE_EVERY)) this.check(index, shown, this.parts === null);
    else this.unchecked = { first: this.unchecked?.first ?? index, index, shown };
  }

  /** At the run's end: the whole self-check (incremental), or the one refused steps left pending. */
  end(last: { index: number; shown: Shown } | null): void {
    if (this.parts !== null && last !== null) this.check(last.index, last.shown, true);
    else if (this.unchecked !== null) this.check(this.unchecked.index, this.unchecked.shown, true);
  }

  /** Runs the self-check (whole, or of the parts named since the last); throws a self-check StepFailure naming the step. */
  check(index: number, shown: Shown, whole: boolean): void {
    const since = this.unchecked;
    this.unchecked = null;
    this.successes = 0;
    const own = guard(index, shown, () => (whole ? this.whole() : this.named.size === 0 ? [] : this.ofParts()));
    if (own.length === 0) return;
    const why = this.parts === null ? 'whose operations failed' : 'refused or between samples';
    const note = since === null ? '' : `\n(not checked after steps ${since.first + 1}–${index}, ${why}: the damage may be from one of them)`;
    throw new StepFailure('self-check', index, shown.text, own.join('\n') + note);
  }

  private whole(): string[] {
    this.named.clear();
    return (this.sut as { selfCheck?(): string[] }).selfCheck?.() ?? [];
  }

  /** The self-check of the parts named since the last one (the whole one when the system has no part self-check). */
  private ofParts(): string[] {
    const out: string[] = [];
    for (const i of this.named) {
      const own = this.parts!.selfCheck(this.sut, i);
      if (own === undefined) return this.whole();
      out.push(...own);
    }
    this.named.clear();
    return out;
  }
}
