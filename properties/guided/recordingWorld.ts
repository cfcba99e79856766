/**
 * A run's World seen by guided generation: it passes every step through and records the
 * command data stepped, and at which step each feature (features.ts) was first reached,
 * so that the corpus can keep the run cut just after its last new feature.
 */
import type { RunWorld } from '../runHooks.ts';
import { featuresOf } from './features.ts';

export class RecordingWorld implements RunWorld {
  /** The commands handed to step, in order (prefix included). */
  readonly commands: { op: string }[] = [];
  /** Each feature's first step: the index in `commands` of the command that reached it. */
  readonly firstStep = new Map<string, number>();

  constructor(private readonly inner: RunWorld) {}

  get steps(): number { return this.inner.steps; }
  get ran(): readonly { op: string }[] | undefined { return this.inner.ran; }
  get labels(): ReadonlySet<string> { return this.inner.labels; }
  get opCounts(): ReadonlyMap<string, number> { return this.inner.opCounts; }
  get labelHits(): ReadonlyMap<string, number> | undefined { return this.inner.labelHits; }
  get outcomes(): ReadonlySet<string> | undefined { return this.inner.outcomes; }
  get incremental(): boolean | undefined { return this.inner.incremental; }
  get stoppedBy(): string | null | undefined { return this.inner.stoppedBy; }

  applies(cmd: { op: string }): boolean {
    return this.inner.applies(cmd);
  }

  step(cmd: { op: string }): void {
    const index = this.commands.length;
    this.commands.push(cmd);
    const before = this.inner.steps;
    this.inner.step(cmd);
    if (this.inner.steps === before) return; // did not apply: nothing new reached
    for (const f of featuresOf(this.inner)) if (!this.firstStep.has(f)) this.firstStep.set(f, index);
  }

  finish(): void {
    this.inner.finish();
  }
}
