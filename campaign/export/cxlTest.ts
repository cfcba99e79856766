/**
 * A v11/v10 counterexample as a cxl_test shell script (ndctl's test/ style, the DCD
 * series' v11 ABI): each step becomes the sysfs writes and daxctl/cxl commands that do
 * it on the mock, followed by the check of what docs/SPECIFICATION.md §12 expects. Run
 * from ndctl's test/ folder (it sources test/common); the first failing check is where
 * the kernel departs from the specification.
 */
import { UNTAGGED, type DcdSnapshot } from '../../sut/dcdInterface.ts';
import type { DcdCall } from '../../properties/dcd11/dcdSuite.ts';
import { SCRIPT_HELPERS } from './cxlTestHelpers.ts';
import type { DcdTrace, DcdTraceStep } from './dcdTrace.ts';

const hex = (v: bigint) => `0x${v.toString(16)}`;
const shTag = (tag: string) => (tag === UNTAGGED ? '""' : tag);
const uuidArg = (tag: string) => (tag === UNTAGGED ? '0' : tag);
const devVar = (r: number, n: number) => `dax_${r}_${n}`;

/** The DPA of a region-relative offset: region R starts in the DC partition after the regions created before it. */
function dpa(snap: DcdSnapshot, r: number, offset: bigint): string {
  const before = snap.regions.filter((x) => x.id < r).reduce((s, x) => s + x.sizeBytes, 0n);
  return `$((base_dpa + ${hex(before + offset)}))`;
}

/** The lines of one step. `claimed` holds the device variables the script has set. */
function stepLines(s: DcdTraceStep, claimed: Set<string>): string[] {
  const c: DcdCall = s.call;
  const want = s.expected.ok ? 'ok' : s.expected.errno;
  const out = [`# step ${s.index}: ${s.shown} -> ${want}`];
  const extents = (r: number) => `expect_extents "$region${r}" ${s.after.regions[r]?.resources.length ?? 0}`;
  switch (c.op) {
    case 'createRegion':
      if (!s.expected.ok) return [...out, '#   refused by the specification (its argument checks): nothing to run'];
      return [...out, `region${s.expected.id}=$($CXL create-region -t dynamic_ram_1 -d "$decoder" -m "$mem" -s ${hex(c.sizeBytes)} | jq -r ".region")`];
    case 'createDevice':
      return [...out, '#   daxctl makes a device at each create-device --uuid below: nothing to run'];
    case 'addTagGroup':
      return [...out, ...injectLines(s.before, c.region, c.tag, c.extents, c.seqBase), extents(c.region)];
    case 'claim':
    case 'claimRacing':
      return [...out, ...claimLines(s, c.region, c.device, c.tag, claimed), ...(c.op === 'claimRacing' ? ['#   the group arrives during the claim (a race a script cannot force): after it', ...injectLines(s.before, c.region, c.group.tag, c.group.extents, c.group.seqBase), extents(c.region)] : [])];
    case 'releaseTagGroup': {
      const r = s.before.regions[c.region];
      const members = r?.resources.filter((x) => x.tag === c.tag && (c.tag !== UNTAGGED || x.start === r.start + c.offset)) ?? [];
      if (r === undefined || members.length === 0) return [...out, '#   no such group: nothing to release'];
      return [...out, ...(c.forced ? ['#   forced: the mock\'s dc_del_extent has no forced flag'] : []), ...members.map((x) => `release "$device" ${dpa(s.before, c.region, x.start - r.start)} ${hex(x.size)} ${shTag(c.tag)}`), extents(c.region)];
    }
    case 'resize': {
      const v = devVar(c.region, c.device);
      if (!claimed.has(v)) return [...out, '#   a device this script never made: nothing to run'];
      if (c.sizeBytes !== 0n && s.expected.ok) return [...out, `$DAXCTL reconfigure-device -s ${hex(c.sizeBytes)} "$${v}"`];
      if (c.sizeBytes !== 0n) return [...out, `if $DAXCTL reconfigure-device -s ${hex(c.sizeBytes)} "$${v}"; then echo "FAIL a size write succeeded"; err "$LINENO"; fi`];
      return [...out, `trim "$${v}"`, extents(c.region)];
    }
    case 'deleteDevice': {
      const v = devVar(c.region, c.device);
      if (!claimed.has(v) || !s.expected.ok) return [...out, '#   nothing to run here'];
      claimed.delete(v);
      return [...out, `destroy "$${v}"`];
    }
  }
}

function injectLines(snap: DcdSnapshot, region: number, tag: string, extents: readonly { offset: bigint; length: bigint }[], seqBase: number): string[] {
  return extents.map((e, i) => `inject "$device" ${dpa(snap, region, e.offset)} ${hex(e.length)} ${shTag(tag)} ${i < extents.length - 1 ? 1 : 0} ${seqBase + i}`);
}

function claimLines(s: DcdTraceStep, region: number, device: number, tag: string, claimed: Set<string>): string[] {
  const v = devVar(region, device);
  if (!s.expected.ok && (s.expected.errno === 'EBUSY' || s.expected.errno === 'ENXIO')) return [`#   ${s.expected.errno}: the uuid write on an existing device; daxctl writes it on a new one only: nothing to run`];
  if (!s.expected.ok) return [`claim_fails "$region${region}" ${uuidArg(tag)}`];
  claimed.add(v);
  const size = s.after.regions[region]?.devices.find((d) => d.id === device)?.sizeBytes ?? 0n;
  return [`${v}=$(claim "$region${region}" ${uuidArg(tag)})`, `expect_size "$${v}" ${hex(size)}`];
}

/** The script of a trace (its text, ending with a newline). */
export function cxlTestScript(t: DcdTrace, source: string): string {
  const claimed = new Set<string>();
  const body = t.steps.flatMap((s) => [...stepLines(s, claimed), '']);
  return [
    '#!/bin/bash',
    `# Generated by daxcheck export from ${source} (profile ${t.profile}${t.fault === null ? '' : `, found with fault ${t.fault}`}).`,
    `# The counterexample broke at step ${t.broke.step}: ${t.broke.call}: ${t.broke.kind} (${t.broke.detail}).`,
    '# Every check is what docs/SPECIFICATION.md §12 expects; run it from ndctl\'s test/ folder.',
    '',
    '# test/common (ndctl) defines $CXL, $DAXCTL, err and check_prereq and reads rc;',
    '# helpers this counterexample does not call stay for editing it by hand.',
    '# shellcheck disable=SC1091,SC2034,SC2317',
    '. "$(dirname "$0")/common"',
    '',
    'rc=77',
    'set -ex',
    'trap \'err $LINENO\' ERR',
    'check_prereq "jq"',
    'rc=1',
    '',
    SCRIPT_HELPERS,
    ...body,
    'modprobe -r cxl_test',
    'check_dmesg "$LINENO"',
    'exit 0',
    '',
  ].join('\n');
}
