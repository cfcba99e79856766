/**
 * `--sut MODULE`: loads a user's port of the system-under-test interface. The module
 * exports a SutFactory ({name, createTree(), createDax()}) as its default export, as
 * `sut` or `factory`, or as its only export that looks like one; a port of one suite
 * may leave out the other's create method (then only that suite can be run on it). Anything else is a
 * UsageError naming the module, the flag and what is wrong. Any `.js .mjs .cjs .ts .mts`
 * file anywhere on disk loads (portImport.ts); in the main thread the module is first
 * imported in a worker thread with a time limit (portProbe.ts), so that a module that
 * loops at import time is a message, not a silent hang.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { SutFactory } from '../sut/interface.ts';
import { MissingCreate } from './checkPortShape.ts';
import { describeImportError, importPortModule } from './portImport.ts';
import { probePortImport } from './portProbe.ts';
import { UsageError } from './usageError.ts';

const CREATES = ['createTree', 'createDax'] as const;

const has = (v: unknown, create: (typeof CREATES)[number]): boolean =>
  typeof v === 'object' && v !== null && typeof (v as Record<string, unknown>)[create] === 'function';

/** A whole factory (both suites), or with partial, one with either create method (a port of the tree suite only). */
const isFactory = (v: unknown, partial = false): v is SutFactory =>
  partial ? CREATES.some((c) => has(v, c)) : CREATES.every((c) => has(v, c));

/**
 * The factory among a module's exports: default, `sut`, `factory`, else the only
 * factory-shaped export; a whole factory first, else one with a single create method
 * (the suites it lacks are refused by checkPortShape).
 */
function pickFactory(exports: Record<string, unknown>): SutFactory | string {
  for (const partial of [false, true]) {
    for (const key of ['default', 'sut', 'factory']) {
      if (isFactory(exports[key], partial)) return exports[key];
    }
    const found = Object.entries(exports).filter(([, v]) => isFactory(v, partial));
    if (found.length === 1) return found[0]![1] as SutFactory;
    if (found.length > 1) return `exports ${found.length} factories (${found.map(([k]) => k).join(', ')}); export the one to check as default`;
  }
  const names = Object.keys(exports);
  return `exports no SutFactory ({name, createTree(), createDax()}); its exports: ${names.join(', ') || 'none'}`;
}

/** A create method the factory lacks: throws MissingCreate (checkPortShape names it and the suite it would serve). */
function lacking(create: (typeof CREATES)[number]): () => never {
  return () => {
    throw new MissingCreate(create);
  };
}

/**
 * Imports the module at spec (a path, relative to the working directory) and returns
 * its SutFactory, named after the module when it has no name. Every problem is a
 * UsageError starting with `where`, e.g. "daxcheck replay: --sut ./x.js: no such file".
 */
export async function loadPort(spec: string, where: string): Promise<SutFactory> {
  const path = resolve(spec);
  if (!existsSync(path)) throw new UsageError(`${where}: no such file`);
  if (statSync(path).isDirectory()) throw new UsageError(`${where}: is a directory, not a module file`);
  if (isMainThread) {
    const problem = await probePortImport(path);
    if (problem !== null) throw new UsageError(`${where}: ${problem}`);
  }
  let exports: Record<string, unknown>;
  try {
    exports = await importPortModule(path);
  } catch (e) {
    throw new UsageError(`${where}: cannot be loaded (${describeImportError(e, path)})`);
  }
  const picked = pickFactory(exports);
  if (typeof picked === 'string') throw new UsageError(`${where}: ${picked}`);
  const whole = isFactory(picked);
  if (whole && typeof picked.name === 'string' && picked.name !== '') return picked;
  return {
    name: typeof picked.name === 'string' && picked.name !== '' ? picked.name : spec,
    createTree: has(picked, 'createTree') ? () => picked.createTree() : lacking('createTree'),
    createDax: has(picked, 'createDax') ? () => picked.createDax() : lacking('createDax'),
  };
}
