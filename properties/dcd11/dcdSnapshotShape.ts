/** The documented shape of a DcdSnapshot (sut/dcdInterface.ts): a port's misshapen answer is sut-malformed, not an invariant tripping over it. */
import { shapeProblem, type Shape } from '../snapshotShape.ts';

const RESOURCE: Shape = { object: { start: () => 'bigint', size: () => 'bigint', tag: () => 'string', seq: () => 'number', useCount: () => 'number' } };
const RANGE: Shape = { object: { start: () => 'bigint', end: () => 'bigint', pgoff: () => 'bigint' } };
const DEVICE: Shape = { object: { id: () => 'number', name: () => 'string', sizeBytes: () => 'bigint', mappings: () => 'number', ranges: () => ({ array: () => RANGE }) } };
const REGION: Shape = {
  object: {
    id: () => 'number', start: () => 'bigint', sizeBytes: () => 'bigint', align: () => 'bigint', resources: () => ({ array: () => RESOURCE }),
    devices: () => ({ array: () => DEVICE }), pending: () => ({ array: () => 'string' }), warnings: () => 'number',
  },
};

/** The first misshapen place of a DcdSnapshot, or null. */
export function dcdSnapshotProblem(snap: unknown): string | null {
  return shapeProblem(snap, { object: { regions: () => ({ array: () => REGION }) } });
}
