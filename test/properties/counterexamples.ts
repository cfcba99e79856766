/**
 * Counterexamples for the tests of the file format, minimize and the replay command: the
 * S1 trigger of docs/SPECIFICATION.md §6.1, the same padded with irrelevant commands, and records
 * ready to save.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { counterexampleId, COUNTEREXAMPLE_FORMAT, type CounterexampleFile } from '../../properties/counterexampleFile.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import type { FailureKind } from '../../properties/stepFailure.ts';
import type { SuiteName } from '../../properties/suiteSpec.ts';
import type { TreeCommand } from '../../properties/tree/treeCommand.ts';
import { GiB, MiB } from '../../sut/u64.ts';

export const S1 = 's1-shrink-adjusts-extent';

/** S1's shortest trigger: one extent, grow a device into it, shrink to half (4 commands). */
export function s1Trigger(): DaxCommand[] {
  return [
    { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'whole' },
    { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 8n * MiB, label: 'a' },
    { op: 'resize', region: 0, device: 0, to: 'grow', deltaBytes: 0n },
    { op: 'resize', region: 0, device: 0, to: 'half', deltaBytes: 0n },
  ];
}

/** The S1 trigger with 10 irrelevant commands mixed in (a second, contiguous region and errors); all 14 apply. */
export function s1Padded(): DaxCommand[] {
  const [create, extent, grow, half] = s1Trigger();
  return [
    create!,
    { op: 'createRegion', kind: 'contiguous', start: GiB, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' },
    extent!,
    { op: 'createDevice', region: 1, sizeBytes: 0n },
    { op: 'resize', region: 1, device: 0, to: 'abs', deltaBytes: 4n * MiB },
    { op: 'mapping', region: 0, device: 1, at: 'firstGap', deltaBytes: 0n, lengthBytes: 2n * MiB },
    { op: 'setAlign', region: 1, device: 0, align: 2n * MiB },
    grow!,
    { op: 'bind', region: 1, device: 0 },
    { op: 'unbind', region: 1, device: 0 },
    { op: 'destroyRegion', region: -1 },
    { op: 'removeExtent', region: -1, extent: 0 },
    { op: 'createDevice', region: 1, sizeBytes: 0n },
    half!,
  ];
}

/** A tree run that passes on every correct system: two nested requests and a release. */
export function treeCommands(): TreeCommand[] {
  return [
    { op: 'addRoot', start: 0n, end: 0xffffn, name: 'low' },
    { op: 'requestResource', parent: 0, at: 'parentStart', child: 0, deltaBytes: 0n, sizeBytes: 0x1000n, name: 'a' },
    { op: 'requestRegion', parent: 1, at: 'parentStart', child: 0, deltaBytes: 0n, sizeBytes: 0x100n, name: 'b' },
    { op: 'releaseRegion', target: 2, from: 'root', deltaBytes: 0n, sizeDeltaBytes: 0n },
  ];
}

/** A file record for commands (broke as given; the rest plausible). */
export function record(suite: SuiteName, fault: string | null, commands: { op: string }[], kind: FailureKind = 'result-mismatch', step = 4): CounterexampleFile {
  return {
    format: COUNTEREXAMPLE_FORMAT,
    id: counterexampleId(suite, fault, commands),
    suite,
    sut: fault === null ? 'impl' : `impl+${fault}`,
    fault,
    broke: { kind, step, call: 'resize(dax0.0, 4MiB)', detail: 'model ok, sut EBUSY' },
    commands,
    seed: 1,
    path: '0:1',
    foundAt: '2024-01-01T00:00:00.000Z',
    error: 'step 4: resize(dax0.0, 4MiB): result-mismatch: model ok, sut EBUSY',
  };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'daxcheck-test-'));
}
