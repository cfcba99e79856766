/**
 * addTagGroup, claim, claimRacing and releaseTagGroup of the v11/v10 profile
 * (docs/SPECIFICATION.md §12.5–§12.8). A group's seqBase is anchored on the model's
 * state (the value the tag needs, mostly), so the profile's seq base shapes the
 * operations: each is made for a base.
 */
import fc from 'fast-check';
import { UNTAGGED, type DcdSnapshot, type DcdSut, type GroupExtent, type Tag } from '../../../sut/dcdInterface.ts';
import { w, type Operation } from '../../operation.ts';
import { DCD_LABELS } from '../dcdLabels.ts';
import { deviceOf, extentsCmd, extentsIn, MISSING_ID, ref, regionOf, seqDelta, seqFor, tagRef, TAGS, type ExtentCmd } from '../dcdRefs.ts';

export type AddTagGroupCmd = { op: 'addTagGroup'; region: number; tag: number; extents: ExtentCmd[]; seqDelta: number };
export type AddTagGroupCall = { op: 'addTagGroup'; region: number; tag: Tag; extents: GroupExtent[]; seqBase: number };
export type ClaimCmd = { op: 'claim'; region: number; device: number; tag: number };
export type ClaimCall = { op: 'claim'; region: number; device: number; tag: Tag };
export type ClaimRacingCmd = { op: 'claimRacing'; region: number; device: number; tag: number; sameTag: boolean; extents: ExtentCmd[]; seqDelta: number };
export type ClaimRacingCall = { op: 'claimRacing'; region: number; device: number; tag: Tag; group: { tag: Tag; extents: GroupExtent[]; seqBase: number } };
export type ReleaseCmd = { op: 'releaseTagGroup'; region: number; tag: number; forced: boolean; untagged: number };
export type ReleaseCall = { op: 'releaseTagGroup'; region: number; tag: Tag; forced: boolean; offset: bigint };

/** addTagGroup for a profile whose seq base is base. */
export function addTagGroupOp(base: number): Operation<AddTagGroupCmd, AddTagGroupCall, DcdSut, DcdSnapshot> {
  return {
    op: 'addTagGroup',
    method: 'addTagGroup',
    weight: 8,
    arbitrary: fc.record({ op: fc.constant('addTagGroup' as const), region: ref, tag: tagRef, extents: extentsCmd, seqDelta }),
    resolve: (cmd, snap) => {
      const r = regionOf(snap, cmd.region);
      if (r === null) return null;
      const live = r === MISSING_ID ? null : r;
      const tag = TAGS[cmd.tag]!;
      return { op: cmd.op, region: live?.id ?? MISSING_ID, tag, extents: extentsIn(live, cmd.extents), seqBase: seqFor(live, tag, base, cmd.seqDelta) };
    },
    labels: (before, c, result) => {
      const r = before.regions[c.region];
      return !result.ok && result.errno === 'EINVAL' && c.tag !== UNTAGGED && r !== undefined && c.seqBase !== seqFor(r, c.tag, base, 0) ? [DCD_LABELS.seqRefused] : [];
    },
  };
}

/** Labels of a claim step: what kind of claim succeeded or rolled back. */
function claimLabels(before: DcdSnapshot, region: number, tag: Tag, result: { ok: boolean; errno?: string }, after: DcdSnapshot): string[] {
  const b = before.regions[region];
  const a = after.regions[region];
  if (b === undefined || a === undefined) return [];
  if (result.ok) return [tag === UNTAGGED ? DCD_LABELS.untaggedClaim : b.resources.filter((x) => x.tag === tag).length >= 2 ? DCD_LABELS.taggedClaim : ''].filter((l) => l !== '');
  return result.errno === 'EINVAL' && tag !== UNTAGGED && a.warnings === b.warnings ? [DCD_LABELS.claimRolledBack] : [];
}

export const claim: Operation<ClaimCmd, ClaimCall, DcdSut, DcdSnapshot> = {
  op: 'claim',
  method: 'claim',
  weight: 8,
  arbitrary: fc.record({ op: fc.constant('claim' as const), region: ref, device: ref, tag: tagRef }),
  resolve: (cmd, snap) => {
    const r = regionOf(snap, cmd.region);
    if (r === null) return null;
    return { op: cmd.op, region: r === MISSING_ID ? MISSING_ID : r.id, device: r === MISSING_ID ? 0 : deviceOf(r, cmd.device), tag: TAGS[cmd.tag]! };
  },
  labels: (before, c, result, after) => claimLabels(before, c.region, c.tag, result, after),
};

/** claimRacing for a profile whose seq base is base: the racing group mostly has the claim's tag. */
export function claimRacingOp(base: number): Operation<ClaimRacingCmd, ClaimRacingCall, DcdSut, DcdSnapshot> {
  return {
    op: 'claimRacing',
    method: 'claimRacing',
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('claimRacing' as const), region: ref, device: ref, tag: fc.integer({ min: 1, max: TAGS.length - 1 }),
      sameTag: fc.oneof(w(3, fc.constant(true)), w(1, fc.constant(false))), extents: extentsCmd, seqDelta,
    }),
    resolve: (cmd, snap) => {
      const r = regionOf(snap, cmd.region);
      if (r === null) return null;
      const live = r === MISSING_ID ? null : r;
      const tag = TAGS[cmd.tag]!;
      const groupTag = cmd.sameTag ? tag : TAGS[(cmd.tag % (TAGS.length - 1)) + 1]!;
      return {
        op: cmd.op, region: live?.id ?? MISSING_ID, device: live === null ? 0 : deviceOf(live, cmd.device), tag,
        group: { tag: groupTag, extents: extentsIn(live, cmd.extents), seqBase: seqFor(live, groupTag, base, cmd.seqDelta) },
      };
    },
    labels: (before, c, result, after) => [
      ...claimLabels(before, c.region, c.tag, result, after),
      ...(c.group.tag === c.tag && (before.regions[c.region]?.resources.some((x) => x.tag === c.tag) ?? false) ? [DCD_LABELS.groupDuringClaim] : []),
    ],
  };
}

export const releaseTagGroup: Operation<ReleaseCmd, ReleaseCall, DcdSut, DcdSnapshot> = {
  op: 'releaseTagGroup',
  method: 'releaseTagGroup',
  weight: 6,
  arbitrary: fc.record({ op: fc.constant('releaseTagGroup' as const), region: ref, tag: tagRef, forced: fc.oneof(w(4, fc.constant(false)), w(1, fc.constant(true))), untagged: ref }),
  resolve: (cmd, snap) => {
    const r = regionOf(snap, cmd.region);
    if (r === null) return null;
    const tag = TAGS[cmd.tag]!;
    const untagged = r === MISSING_ID ? [] : r.resources.filter((x) => x.tag === UNTAGGED);
    const offset = tag !== UNTAGGED || r === MISSING_ID ? 0n : cmd.untagged < 0 || untagged.length === 0 ? r.sizeBytes - (2n << 20n) : untagged[cmd.untagged % untagged.length]!.start - r.start;
    return { op: cmd.op, region: r === MISSING_ID ? MISSING_ID : r.id, tag, forced: cmd.forced, offset };
  },
  labels: (_b, _c, result) => (result.ok ? [DCD_LABELS.releaseDone] : result.errno === 'EBUSY' ? [DCD_LABELS.releaseRefused] : []),
};
