/**
 * A v11/v10 counterexample as a QEMU QMP sequence: the device's side of it (tag groups
 * added, releases asked) as cxl-add-dynamic-capacity and cxl-release-dynamic-capacity
 * commands for a CXL type-3 device with dynamic capacity, one JSON object per line,
 * after qmp_capabilities. Host steps (claims, trims) are not QMP: each command's `id`
 * names its step, and the host steps between are listed in a comment-free way as
 * `{"host": …}` lines that a QMP client must skip (filter with jq 'select(.execute)').
 */
import { UNTAGGED } from '../../sut/dcdInterface.ts';
import type { DcdTrace } from './dcdTrace.ts';

export interface QmpOptions {
  /** The QOM path of the type-3 device, e.g. /machine/peripheral/cxl-dcd0. */
  path: string;
  hostId: number;
  /** The DC region (partition) index the mock's extents go to. */
  region: number;
}

export const QMP_DEFAULTS: QmpOptions = { path: '/machine/peripheral/cxl-dcd0', hostId: 0, region: 0 };

const num = (v: bigint) => (v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString());

/** The QMP lines of a trace (text, one JSON object per line, ending with a newline). */
export function qmpSequence(t: DcdTrace, o: QmpOptions = QMP_DEFAULTS): string {
  const out: unknown[] = [{ execute: 'qmp_capabilities' }];
  const base = (snap: DcdTrace['steps'][number]['before'], r: number) => snap.regions.filter((x) => x.id < r).reduce((s, x) => s + x.sizeBytes, 0n);
  const tagged = (tag: string) => (tag === UNTAGGED ? {} : { tag });
  const add = (id: string, snap: DcdTrace['steps'][number]['before'], region: number, tag: string, extents: readonly { offset: bigint; length: bigint }[]) => ({
    execute: 'cxl-add-dynamic-capacity', id,
    arguments: { path: o.path, 'host-id': o.hostId, 'selection-policy': 'prescriptive', region: o.region, ...tagged(tag), extents: extents.map((e) => ({ offset: num(base(snap, region) + e.offset), len: num(e.length) })) },
  });
  for (const s of t.steps) {
    const c = s.call;
    const id = `step ${s.index}: ${s.shown}`;
    switch (c.op) {
      case 'addTagGroup':
        out.push(add(id, s.before, c.region, c.tag, c.extents));
        break;
      case 'claimRacing':
        out.push({ host: id });
        out.push(add(`${id} (the group that races the claim)`, s.before, c.region, c.group.tag, c.group.extents));
        break;
      case 'releaseTagGroup': {
        const r = s.before.regions[c.region];
        const members = r?.resources.filter((x) => x.tag === c.tag && (c.tag !== UNTAGGED || x.start === r.start + c.offset)) ?? [];
        if (r === undefined || members.length === 0) {
          out.push({ host: `${id} (no such group: nothing for the device to send)` });
          break;
        }
        out.push({
          execute: 'cxl-release-dynamic-capacity', id,
          arguments: { path: o.path, 'host-id': o.hostId, 'removal-policy': 'prescriptive', ...(c.forced ? { 'forced-removal': true } : {}), region: o.region, ...tagged(c.tag), extents: members.map((x) => ({ offset: num(base(s.before, c.region) + x.start - r.start), len: num(x.size) })) },
        });
        break;
      }
      default:
        out.push({ host: `${id} -> ${s.expected.ok ? 'ok' : s.expected.errno}` });
    }
  }
  return out.map((x) => JSON.stringify(x)).join('\n') + '\n';
}
