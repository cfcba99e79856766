/**
 * The Chromium that the browser test drives, from the npm registry alone: the headless
 * Chromium shipped (brotli-compressed) inside the @sparticuz/chromium package, a
 * devDependency. The first call unpacks it into <tmpdir>/daxcheck-chromium-<version>/
 * (about 200 MB, a few seconds); later calls, from any worktree, reuse it. It is unpacked
 * into a private folder and renamed into place, so concurrent test runs never see half a
 * binary, and a /tmp/chromium left by another project or version is never picked up.
 *
 * DAXCHECK_CHROMIUM=/path/to/chromium uses that browser instead (Debian's
 * /usr/bin/chromium, say); nothing else on the system is looked at.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';

export interface TestChromium {
  executablePath: string;
  args: string[];
  /** Extra environment for the browser process. */
  env: Record<string, string>;
  /** Where it came from, for messages. */
  source: string;
}

/** No traffic of the browser's own, so that every request seen is the page's. */
const QUIET = ['--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function testChromium(): Promise<TestChromium> {
  const own = process.env.DAXCHECK_CHROMIUM;
  if (own) {
    if (!existsSync(own)) throw new Error(`DAXCHECK_CHROMIUM=${own}: no such file`);
    return { executablePath: own, args: ['--no-sandbox', '--disable-gpu', ...QUIET], env: {}, source: `DAXCHECK_CHROMIUM=${own}` };
  }
  const packageDir = fileURLToPath(new URL('../..', import.meta.resolve('@sparticuz/chromium')));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
  sparticuz.setGraphicsMode = false; // no WebGL (the report is SVG): its libraries are not unpacked
  const uid = process.getuid?.() ?? 0;
  // Kept across test runs: in the real temp folder, not the run's own (test/run.ts).
  const dir = join(process.env.DAXCHECK_TEST_SHARED_TMPDIR ?? tmpdir(), `daxcheck-chromium-${version}-${uid}`);
  if (!existsSync(dir)) await unpack(dir);
  return {
    executablePath: join(dir, 'chromium'),
    args: [...sparticuz.args, ...QUIET],
    env: { FONTCONFIG_PATH: join(dir, 'fonts') },
    source: `@sparticuz/chromium ${version} (${dir})`,
  };
}

/** Unpacks the package's browser into dir, atomically. */
async function unpack(dir: string): Promise<void> {
  const staging = mkdtempSync(`${dir}.partial-`);
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = staging; // the package unpacks into os.tmpdir()
  try {
    await sparticuz.executablePath();
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    throw e;
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
  // The package's fonts.conf names /tmp/fonts; ours: the system's fonts, then its Open Sans.
  writeFileSync(join(staging, 'fonts', 'fonts.conf'), `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`);
  try {
    renameSync(staging, dir);
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(dir)) throw e; // otherwise a concurrent run got there first: use its copy
  }
}
