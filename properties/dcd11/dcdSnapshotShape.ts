/**
 * The documented shape of a DcdSnapshot (sut/dcdInterface.ts), derived from its records
 * in sut/snapshotSchema.ts: a port's misshapen answer is sut-malformed, not an invariant
 * tripping over it.
 */
import { snapshotProblem } from '../snapshotShape.ts';

/** The first misshapen place of a DcdSnapshot, or null. */
export function dcdSnapshotProblem(snap: unknown): string | null {
  return snapshotProblem('dcdSnapshot', snap);
}
