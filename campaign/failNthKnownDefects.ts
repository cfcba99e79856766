/**
 * Known upstream defects of drivers/dax/bus.c on its error paths, found by fail-nth in the
 * kernel harness (docs/fail-nth.md "Kernel trees"): each shows only when an allocation
 * fails. A fail-nth failure's facts carry the site whose allocation was failed (from the
 * step's "[fail-nth: allocation N fails at SITE]", or a crash's "fails at SITE" line).
 */
import type { ClassifiedFacts, KnownDefect } from './knownDefects.ts';

/** The sites a kernel harness's leak names ("leak: … behind: SITE, SITE"; ports/kernel/shim/ledger.c); none for another port's. */
export const leakedSites = (detail: string): string[] => /behind: (.+)$/.exec(detail)?.[1]?.split(', ') ?? [];

/** The allocation site fail-nth failed at the broken step, or null. */
const failedSite = ({ broke }: ClassifiedFacts): string | null =>
  /\[fail-nth: allocation \d+ fails at ([^\]\s]+)\]$/.exec(broke.call)?.[1] ?? /fails at (\S+)(?![^]*fails at )/.exec(broke.detail)?.[1] ?? null;
const armed = (cx: ClassifiedFacts) => (cx.commands ?? []).some((c) => c.op === 'failNth' || c.op === 'failAllocation');
/** The sites each known leak leaves (K3, K7, K8). */
const K3_SITES = ['__devm_create_dev_dax:dev_set_name', 'devm_create_dev_dax:dev_set_name'];
const K7_SITES = ['alloc_dev_dax_range:ranges', 'alloc_resource:resource'];
const K8_SITES = ['alloc_dax_region:dax_region'];
const KNOWN_LEAK_SITES = [...K3_SITES, ...K7_SITES, ...K8_SITES];
/** A leak of known sites only, one of them of sites (a run may leave several known leaks: it is named by the first in the list). */
const leakOnly = (cx: ClassifiedFacts, sites: readonly string[]) => {
  const leaked = cx.broke.kind === 'sut-leaked' ? leakedSites(cx.broke.detail) : [];
  return leaked.length > 0 && leaked.every((s) => KNOWN_LEAK_SITES.includes(s)) && leaked.some((s) => sites.includes(s));
};
const AFTER_INJECTED = /^sut EINVAL after an injected allocation failure/;

export const FAIL_NTH_KNOWN_DEFECTS: readonly KnownDefect[] = [
  {
    id: 'K3',
    kind: 'upstream defect',
    title: "bus.c: __devm_create_dev_dax() (6.1: devm_create_dev_dax()) frees the dev_dax with kfree() on its error paths after dev_set_name() (a failed alloc_dev_dax_range, pgmap kmemdup or alloc_dax), not put_device(): the device's name is leaked",
    fault: null,
    matches: (cx) => leakOnly(cx, K3_SITES),
  },
  {
    id: 'K4',
    kind: 'upstream defect',
    title: "bus.c: __devm_create_dev_dax() and devm_register_dax_mapping() ignore dev_set_name()'s -ENOMEM; device_add() then refuses the nameless device, and the write fails with EINVAL where the specification says ENOMEM",
    fault: null,
    matches: (cx) => cx.broke.kind === 'result-mismatch' && AFTER_INJECTED.test(cx.broke.detail) && /^(__devm_create_dev_dax|devm_create_dev_dax|devm_register_dax_mapping):dev_set_name$/.test(failedSite(cx) ?? ''),
  },
  {
    id: 'K5',
    kind: 'upstream defect',
    title: "bus.c: range_parse() returns -EINVAL when its kstrdup() fails: a mapping write fails with EINVAL where the specification says ENOMEM",
    fault: null,
    matches: (cx) => cx.broke.kind === 'result-mismatch' && AFTER_INJECTED.test(cx.broke.detail) && failedSite(cx) === 'range_parse:opt',
  },
  {
    id: 'K6',
    kind: 'upstream defect',
    title: "bus.c (since its rw_semaphore conversion; 6.12, mainline): when devm_add_action_or_reset(…, unregister_dev_dax, …) fails in __devm_create_dev_dax(), the reset runs unregister_dev_dax(), which takes dax_region_rwsem that create_store() / devm_create_dev_dax() hold: a self-deadlock",
    fault: null,
    matches: (cx) => cx.broke.kind === 'sut-crashed' && /\(deadlock\): dax_region_rwsem/.test(cx.broke.detail) && armed(cx) && (failedSite(cx) ?? ':devm_add_action_or_reset').endsWith(':devm_add_action_or_reset'),
  },
  {
    id: 'K7',
    kind: 'upstream defect',
    title: "bus.c: when device_add() fails in __devm_create_dev_dax(), put_device() runs dev_dax_release(), which does not free the ranges: the range array and its resources (left busy in the region) are leaked",
    fault: null,
    matches: (cx) => armed(cx) && leakOnly(cx, K7_SITES),
  },
  {
    id: 'K8',
    kind: 'upstream defect',
    title: "bus.c (6.1; later trees keep no caller's reference): alloc_dax_region() takes the caller's reference (kref_get) before devm_add_action_or_reset(); when that fails it returns NULL and the caller's reference, so the dax_region, is leaked",
    fault: null,
    matches: (cx) => armed(cx) && leakOnly(cx, K8_SITES),
  },
];
