/**
 * The calls that trigger a known defect, as a hunt with --avoid-known steers away from
 * them (avoidKnown.ts): each one reads a resolved call and the model's snapshot before
 * it. A trigger is the defect's cause as far as one call shows it, not its signature: it
 * may skip a call that would not have failed (a K2 mapping on a fixed kernel), never
 * one that matters to another defect's signature. Defects whose trigger is a state a run
 * builds over many calls (S1, S5, M1) have none: they are still cut short once found
 * (hunt/foundRegistry.ts). R1 and S3 read what the model did with the call (its result,
 * the injected failure that fired): a run can be cut short at them, but --avoid-known,
 * which filters calls before the model runs them, cannot steer away from them.
 */
import { failureLabel, visibleExtentFree } from '../properties/dax/daxLabels.ts';
import type { ModelStep } from '../properties/runHooks.ts';
import type { DaxSnapshot, DeviceSnap, RegionSnap } from '../sut/interface.ts';

/**
 * A resolved call of a suite (plain data), the model's snapshot it was resolved against,
 * and, once the model ran it, what the model did (absent when generating: --avoid-known).
 */
export type Trigger = (call: { op: string }, snap: unknown, step?: ModelStep) => boolean;

const U64_MAX = (1n << 64n) - 1n;
const TWO_MIB = 2n << 20n;
const FOUR_GIB = 1n << 32n;

type Call = { op: string; region?: number; device?: number; start?: bigint; end?: bigint; align?: bigint; sizeBytes?: bigint; kind?: string };

function regionOf(snap: unknown, call: Call): RegionSnap | undefined {
  return (snap as Partial<DaxSnapshot>).regions?.find((r) => r.id === call.region);
}

function deviceOf(snap: unknown, call: Call): DeviceSnap | undefined {
  return regionOf(snap, call)?.devices.find((d) => d.id === call.device);
}

/** The triggers of the known defects that have one, by id (knownDefects.ts). */
export const KNOWN_TRIGGERS: Readonly<Record<string, Trigger>> = {
  /** A mapping of the whole u64 space, 0-ffffffffffffffff. */
  K1: (c: Call) => c.op === 'mapping' && c.start === 0n && c.end === U64_MAX,
  /** A mapping whose length, or whose start's offset in the region, is not a multiple of the device's effective align (max(align, 2 MiB)). */
  K2: (c: Call, snap) => {
    if (c.op !== 'mapping' || c.start === undefined || c.end === undefined) return false;
    const d = deviceOf(snap, c);
    const align = d === undefined ? TWO_MIB : d.align > TWO_MIB ? d.align : TWO_MIB;
    const offset = (c.start - (regionOf(snap, c)?.start ?? 0n)) & U64_MAX;
    return ((c.end - c.start + 1n) & U64_MAX) % align !== 0n || offset % align !== 0n;
  },
  /** A region align of 4 GiB or more (bus.c keeps it in an unsigned int). */
  G2: (c: Call) => c.op === 'createRegion' && (c.align ?? 0n) >= 1n << 32n,
  /** A grow of a part-grown device (a size that is not a multiple of its align, left by an injected failure). */
  M2: (c: Call, snap) => {
    if (c.op !== 'resize') return false;
    const d = deviceOf(snap, c);
    return d !== undefined && d.align > 0n && d.sizeBytes % d.align !== 0n;
  },
  /** A sized create on a dynamic region. */
  S4: (c: Call, snap) => c.op === 'createDevice' && (c.sizeBytes ?? 0n) !== 0n && regionOf(snap, c)?.kind === 'dynamic',
  /**
   * A grow on a dynamic region with a visible extent whose free space is a non-zero
   * multiple of 4 GiB (read as none through an int: skipped, or, with no other extent, the
   * -ENOSPC R1 turns into an endless loop). Any such extent, not only the one first fit
   * would take: a few grows that S2 would not touch are counted too.
   */
  S2: (c: Call, snap) => {
    if (c.op !== 'resize') return false;
    const r = regionOf(snap, c);
    const d = deviceOf(snap, c);
    return r?.kind === 'dynamic' && d !== undefined && (c.sizeBytes ?? 0n) > d.sizeBytes &&
      visibleExtentFree(r).some((e) => e.free > 0n && e.free % FOUR_GIB === 0n);
  },
  /** A resize the model refuses with ENOMEM: an injected allocation failure fired in the grow, which R1 takes for an allocation (a device errno bytes too long, or an endless loop). */
  R1: (c: Call, _snap, step) => c.op === 'resize' && step !== undefined && !step.result.ok && step.result.errno === 'ENOMEM',
  /** An addExtent in which the injected extentDevice failure fired: the series' error path uses the extent after freeing it (ASan). */
  S3: (c: Call, _snap, step) => c.op === 'addExtent' && step !== undefined && step.fired.includes(failureLabel('extentDevice')),
};

/** The triggers that read what the model did with the call (never true while generating: --avoid-known cannot avoid them). */
export const MODEL_STEP_TRIGGERS: ReadonlySet<string> = new Set(['R1', 'S3']);

/**
 * The known defects whose trigger crashes the port or loops for ever: each time it costs a
 * sanitized crash report and a new process. A run that reaches one after its first find
 * ends before the call is sent (runSuite stopsBefore), counted as cut short by it.
 */
export const STOPS_BEFORE: ReadonlySet<string> = new Set(['S2', 'R1', 'S3']);

/** The name a run ended before the trigger of defect id is counted under. */
export function stoppedBeforeName(id: string): string {
  return `${id}: ended before its trigger`;
}
