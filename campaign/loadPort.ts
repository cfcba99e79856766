/**
 * `--sut MODULE`: loads a user's port of the system-under-test interface. The module
 * exports a SutFactory ({name, createTree(), createDax()}) as its default export, as
 * `sut` or `factory`, or as its only export that looks like one. Anything else is a
 * UsageError naming the module, the flag and what is wrong. Any `.js .mjs .cjs .ts .mts`
 * file anywhere on disk loads (portImport.ts); in the main thread the module is first
 * imported in a worker thread with a time limit (portProbe.ts), so that a module that
 * loops at import time is a message, not a silent hang.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { SutFactory } from '../sut/interface.ts';
import { describeImportError, importPortModule } from './portImport.ts';
import { probePortImport } from './portProbe.ts';
import { UsageError } from './usageError.ts';

const isFactory = (v: unknown): v is SutFactory =>
  typeof v === 'object' && v !== null &&
  typeof (v as SutFactory).createTree === 'function' && typeof (v as SutFactory).createDax === 'function';

/** The factory among a module's exports: default, `sut`, `factory`, else the only factory-shaped export. */
function pickFactory(exports: Record<string, unknown>): SutFactory | string {
  for (const key of ['default', 'sut', 'factory']) {
    if (isFactory(exports[key])) return exports[key];
  }
  const found = Object.entries(exports).filter(([, v]) => isFactory(v));
  if (found.length === 1) return found[0]![1] as SutFactory;
  if (found.length > 1) return `exports ${found.length} factories (${found.map(([k]) => k).join(', ')}); export the one to check as default`;
  const names = Object.keys(exports);
  return `exports no SutFactory ({name, createTree(), createDax()}); its exports: ${names.join(', ') || 'none'}`;
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
  if (typeof picked.name === 'string' && picked.name !== '') return picked;
  return { name: spec, createTree: () => picked.createTree(), createDax: () => picked.createDax() };
}
