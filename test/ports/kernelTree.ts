/**
 * What the kernel harness tests share: a kernel tree laid out in a temp folder from the C
 * port's own files (kernel/resource.c, include/linux/ioport.h), optionally with a defect
 * planted by a text edit, and a private cache folder, so that `npm test` exercises the
 * whole build path without a kernel tree.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './cport.ts';

/** A fresh temp folder for built harnesses. */
export function tempCache(): string {
  return mkdtempSync(join(tmpdir(), 'daxcheck-kcache-'));
}

/**
 * Lays out ports/c/resource.c and ports/c/ioport.h as a kernel tree under a new temp
 * folder; `edit` rewrites resource.c's text first (it must change it). Returns the root.
 */
export function cPortAsKernelTree(edit: (text: string) => string = (t) => t): string {
  const root = mkdtempSync(join(tmpdir(), 'daxcheck-ktree-'));
  mkdirSync(join(root, 'kernel'));
  mkdirSync(join(root, 'include/linux'), { recursive: true });
  const text = readFileSync(join(ROOT, 'ports/c/resource.c'), 'utf8');
  writeFileSync(join(root, 'kernel/resource.c'), edit(text));
  writeFileSync(join(root, 'include/linux/ioport.h'), readFileSync(join(ROOT, 'ports/c/ioport.h')));
  writeFileSync(join(root, 'Makefile'), 'VERSION = 0\nPATCHLEVEL = 0\nSUBLEVEL = 0\nEXTRAVERSION = -cport\n');
  return root;
}

/** Replaces exactly one occurrence of `from` (throws if there is not exactly one: a plant that misses is a broken test). */
export function plant(from: string, to: string): (text: string) => string {
  return (text) => {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`plant: "${from.slice(0, 40)}…" is not in resource.c exactly once`);
    return text.slice(0, at) + to + text.slice(at + from.length);
  };
}

/** adjust_resource() without its previous-sibling check: the planted defect of issue 14. */
export const NO_PREVIOUS_SIBLING_CHECK = plant(
  `	tmp = parent->child;
	if (tmp != res) {
		while (tmp->sibling != res)
			tmp = tmp->sibling;
		if (start <= tmp->end)
			return -EBUSY;
	}
`,
  '',
);

/**
 * Adds daxcheck's fake drivers/dax/ (test/ports/fixtures/fake-dax: bus.c, bus.h,
 * dax-private.h, MIT, not kernel code) to a laid-out tree, so that the DAX half of the
 * harness builds and runs without a kernel tree. The fake checks nothing of the kernel:
 * it lets a test see the driver's request parsing, its own rules and its snapshots.
 * Returns root.
 */
export function withFakeDax(root: string): string {
  mkdirSync(join(root, 'drivers/dax'), { recursive: true });
  for (const f of ['bus.c', 'bus.h', 'dax-private.h']) copyFileSync(join(ROOT, 'test/ports/fixtures/fake-dax', f), join(root, 'drivers/dax', f));
  return root;
}

/**
 * Adds daxcheck's fake drivers/dax/ of a tree with dynamic capacity (the fake bus.c of
 * withFakeDax, and test/ports/fixtures/fake-dcd: bus.h declaring IORESOURCE_DAX_DYNAMIC_CAP,
 * dax-private.h, extent.c and cxl.c, MIT, not kernel code), so that the dynamic half of the
 * harness builds and runs without a DCD tree. Returns root.
 */
export function withFakeDcd(root: string): string {
  mkdirSync(join(root, 'drivers/dax'), { recursive: true });
  copyFileSync(join(ROOT, 'test/ports/fixtures/fake-dax/bus.c'), join(root, 'drivers/dax/bus.c'));
  for (const f of ['bus.h', 'dax-private.h', 'extent.c', 'cxl.c']) copyFileSync(join(ROOT, 'test/ports/fixtures/fake-dcd', f), join(root, 'drivers/dax', f));
  return root;
}
