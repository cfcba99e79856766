/**
 * A snapshot in independent parts (the DAX suite's regions), so that a step is observed,
 * compared and checked only where it can change anything: the one part its call names.
 *
 * The runner (properties/world.ts) uses it while generated runs search for a failure:
 * after a step it re-observes that part alone on the model and the system under test,
 * compares the two parts, checks the §5 invariants of the model's part and the system's
 * self-check of the parts changed since the last one; the other parts keep the previous
 * snapshot's objects. At the run's end everything is observed, compared and checked as
 * after every step in full mode, so what a step did outside the part it named is caught
 * at the run's end at the latest. A failing run is then replayed with every check after
 * every step (properties/runSuite.ts), and shrink tries check everything, so the failing
 * step, the signature and the shrink are those of full checking (docs/SPECIFICATION.md
 * §5, docs/benchmarks.md).
 */
import type { Result } from '../sut/interface.ts';

export interface SnapshotParts<Call, Sut, Snap> {
  /** Whether a system can observe a part alone (else every step is observed whole). */
  supports(sut: Sut): boolean;
  /** The one part the call can change (for a create, the index it would take), or null when it changes none. */
  touched(call: Call, before: Snap): number | null;
  /**
   * Whether the specification says this refusal of the call changes nothing (the runner
   * then neither observes nor checks the part after the refused step). A refusal that
   * changed the model all the same is found at the run's end, whose whole snapshot must
   * equal the one built part by part.
   */
  refusalKeeps(call: Call, result: Result): boolean;
  /** The system's part i, observed alone; null when it has none. */
  observe(sut: Sut, i: number): unknown;
  /** Part i of a snapshot; null when it has none. */
  part(snap: Snap, i: number): unknown;
  /** Whether two parts (or nulls) are equal field by field (properties/sameRecord.ts: what it leaves out, the run's end compares). */
  same(a: unknown, b: unknown): boolean;
  /** The same for two whole snapshots of the model (the run's end: built part by part, and observed whole). */
  sameSnapshot(a: Snap, b: Snap): boolean;
  /** before with part i replaced (added), sharing every other part's objects; before itself for a null part. */
  withPart(before: Snap, i: number, part: unknown): Snap;
  /** The state invariants (docs/SPECIFICATION.md §5) of part i of snap; the same lines the whole snapshot's check gives for it. */
  invariants(snap: Snap, i: number): string[];
  /** The system's self-check of part i alone; undefined when it has none (the whole self-check runs instead). */
  selfCheck(sut: Sut, i: number): string[] | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyParts = SnapshotParts<any, any, any>;
