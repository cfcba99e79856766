/** requestResource: request_resource into a live parent, anchored at it or its children; the conflict is part of the result. */
import type { ResourceTreeSut, TreeSnapshot } from '../../../sut/interface.ts';
import { add64, sub64 } from '../../../sut/u64.ts';
import type { Operation } from '../../operation.ts';
import { REQUEST_SIMPLEST, requestArbitrary, resolveRequest, type RequestFields } from '../requestAnchor.ts';

export type RequestResourceCmd = { op: 'requestResource' } & RequestFields;
export type RequestResourceCall = { op: 'requestResource'; parent: number; start: bigint; end: bigint; name: string };

export const requestResource: Operation<RequestResourceCmd, RequestResourceCall, ResourceTreeSut, TreeSnapshot> = {
  op: 'requestResource',
  method: 'requestResource',
  weight: 6,
  arbitrary: requestArbitrary('requestResource'),
  scale: { weight: 8, arbitrary: requestArbitrary('requestResource', true) },
  resolve: (cmd, snap) => {
    const r = resolveRequest(cmd, snap);
    return r === null ? null : { op: cmd.op, parent: r.parent, start: r.start, end: sub64(add64(r.start, cmd.sizeBytes), 1n), name: cmd.name };
  },
  simplest: REQUEST_SIMPLEST,
};
