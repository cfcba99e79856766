/**
 * The saved counterexample (shrinks/*.json): plain, versioned, readable JSON. Commands
 * are stored as values, so a file survives any change to the generators; bigints are
 * hex strings (values.ts). Format documented in shrinks/README.md.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { readJsonFile } from './readJsonFile.ts';
import type { RecordedSteps } from './stepRecord.ts';
import type { FailureKind } from './stepFailure.ts';
import { ALL_SUITE_NAMES, type SuiteName } from './suiteSpec.ts';
import { isSystemSpec, type SystemSpec } from './systemSpec.ts';
import { isDelivery, type Delivery } from '../sut/delivery.ts';
import { decodeValue, encodeValue } from './values.ts';

/** Format 2: broke.step counts from 1, as every message says "step N". Format 1 (0-based) is read and converted. */
export const COUNTEREXAMPLE_FORMAT = 2;

export interface CounterexampleFile {
  format: typeof COUNTEREXAMPLE_FORMAT;
  /** "cx-" + 16 hex digits of sha256 over suite, fault and the normalized commands. */
  id: string;
  suite: SuiteName;
  /** The name of the system under test it was found against ("impl", "impl+<fault>", or a user's module path). */
  sut: string;
  /** The system under test as data (files written before it existed have only `sut`). */
  system?: SystemSpec;
  /**
   * How the run reached a port process (sut/delivery.ts), when it was not in one batch:
   * replay and minimize keep it. Absent: one batch (and in files from before it existed).
   */
  delivery?: Delivery;
  /** The named fault that was on, or null (found against the correct implementation). */
  fault: string | null;
  /** What broke at which step. */
  /** What broke, at which step (counted from 1 among the commands that ran, as messages print it). */
  broke: { kind: FailureKind; step: number; call: string; detail: string };
  commands: { op: string }[];
  /** Where it came from (informational: replay needs only the commands). */
  seed: number;
  path: string;
  foundAt: string;
  /** The full failure message. */
  error: string;
  /**
   * The failing steps as the run that found it recorded them (both snapshots after every
   * step): the report draws them without running anything. Absent: the report replays
   * the commands (files saved by the CI gate, by minimize, or before it existed).
   */
  recorded?: RecordedSteps;
}

/** The stable id of a counterexample: same suite, fault and commands → same id. */
export function counterexampleId(suite: SuiteName, fault: string | null, commands: readonly { op: string }[]): string {
  const text = JSON.stringify({ suite, fault, commands }, encodeValue);
  return 'cx-' + createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Text of a file: stable key order as written, two-space indent, trailing newline. */
export function encodeCounterexample(cx: CounterexampleFile): string {
  return JSON.stringify(cx, encodeValue, 2) + '\n';
}

/** Writes cx to dir/<id>.json atomically (temp file + rename); returns the path. */
export function saveCounterexample(dir: string, cx: CounterexampleFile): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${cx.id}.json`);
  const tmp = `${path}.${process.pid}.${threadId}.tmp`; // unique per thread: hunt workers share a pid
  writeFileSync(tmp, encodeCounterexample(cx));
  renameSync(tmp, path);
  return path;
}

/** Thrown for a file that cannot be used; the message names the file and why. */
export class CounterexampleFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'CounterexampleFileError';
  }
}

/** Reads and validates a counterexample file; throws CounterexampleFileError naming the problem. */
export function loadCounterexample(file: string): CounterexampleFile {
  const read = readJsonFile(file, decodeValue);
  if (!read.ok) throw new CounterexampleFileError(file, read.why);
  return validate(file, read.data);
}

function validate(file: string, data: unknown): CounterexampleFile {
  const bad = (why: string): never => {
    throw new CounterexampleFileError(file, why);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) bad('is not a JSON object');
  const d = data as Record<string, unknown>;
  if (d.format !== 1 && d.format !== COUNTEREXAMPLE_FORMAT) bad(`has format ${JSON.stringify(d.format)}; this daxcheck reads formats 1 and ${COUNTEREXAMPLE_FORMAT}`);
  if (!(ALL_SUITE_NAMES as readonly unknown[]).includes(d.suite)) bad(`has unknown suite ${JSON.stringify(d.suite)} (expected ${ALL_SUITE_NAMES.map((n) => `"${n}"`).join(', ')})`);
  if (d.fault !== null && typeof d.fault !== 'string') bad('has a "fault" that is neither null nor a name');
  if (!Array.isArray(d.commands) || d.commands.some((c) => typeof c !== 'object' || c === null || typeof (c as { op?: unknown }).op !== 'string')) {
    bad('has no "commands" array of objects with an "op"');
  }
  if (typeof d.id !== 'string') bad('has no string "id"');
  const broke = d.broke as Record<string, unknown> | undefined;
  if (typeof broke !== 'object' || broke === null || typeof broke.kind !== 'string' || typeof broke.step !== 'number' || typeof broke.call !== 'string' || typeof broke.detail !== 'string') {
    bad('has no "broke" object with kind, step, call and detail (what the file records as broken)');
  }
  if (d.delivery !== undefined && !isDelivery(d.delivery)) bad('has a "delivery" that is not {"mode": "batch"|"split"|"step", "seed": integer, "quit": boolean}');
  if (d.system !== undefined && !isSystemSpec(d.system)) bad('has a "system" that is none of {"kind": "impl"}, {"kind": "module", "path": …}, {"kind": "exec", "command": […]}');
  if (d.recorded !== undefined && !isRecordedSteps(d.recorded)) bad('has a "recorded" that is not {"reference", "sut", "records": [{index, call, model, sut, modelSnap, sutSnap}…], "failure": {kind, step, call, detail, message} or null}');
  if (d.format === 1) {
    // Format 1 counted broke.step from 0.
    (broke as { step: number }).step += 1;
    d.format = COUNTEREXAMPLE_FORMAT;
  }
  const { step } = broke as { step: number };
  const count = (d.commands as unknown[]).length;
  // A system that hung or crashed while being created (stoppedRunFinding.ts) broke at step 1 of no commands.
  const creating = count === 0 && step === 1;
  if (!creating && (!Number.isInteger(step) || step < 1 || step > count)) bad(`records "broke" at step ${step}, but its ${count} command${count === 1 ? '' : 's'} are steps 1 to ${count}`);
  return data as CounterexampleFile;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether v has the shape of RecordedSteps (the snapshots themselves are drawn as they are). */
function isRecordedSteps(v: unknown): v is RecordedSteps {
  if (!isObject(v) || typeof v.reference !== 'string' || typeof v.sut !== 'string' || !Array.isArray(v.records)) return false;
  const step = (r: unknown) => isObject(r) && typeof r.index === 'number' && typeof r.call === 'string' && isObject(r.model) && isObject(r.sut) && 'modelSnap' in r && 'sutSnap' in r;
  const f = v.failure;
  const failure = f === null || (isObject(f) && typeof f.kind === 'string' && typeof f.step === 'number' && typeof f.call === 'string' && typeof f.detail === 'string' && typeof f.message === 'string');
  return v.records.every(step) && failure;
}
