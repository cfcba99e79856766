/** Runs the `daxcheck` command (cli/bin.js) in a child process, for tests of exit codes and output. */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

const bin = resolve(import.meta.dirname, '../../cli/bin.js');

/** Starts `node cli/bin.js ...args` in cwd (the repository by default); resolves when it ends (killed after 180 s: a guard against a hang, generous because tests start many at once on a loaded machine). */
export function daxcheck(args: string[], cwd = resolve(import.meta.dirname, '../..')): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}
