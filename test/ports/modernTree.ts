/**
 * A fake kernel tree with the interfaces of v6.12 to mainline (7.x), made from the old-style
 * fakes (the C port's resource.c and test/ports/fixtures/fake-dax) by text edits, so that
 * the harness's build-time probes (ports/kernel/probe.sh) and the shims that only newer
 * trees need are tested without a kernel tree. Each edit is one a real tree made:
 *  - ioport.h includes <linux/args.h>; resource.c allocates with kzalloc_obj() under a
 *    guard(read_lock) (cleanup.h);
 *  - bus.h: struct dax_device_driver has a type (DAXDRV_DEVICE_TYPE), not match_always;
 *    dax_region_put() is static and alloc_dax_region() keeps the only reference in the
 *    region's managed action (the caller has none to put); dev_dax_data has an online_type
 *    (<linux/memory_hotplug.h>);
 *  - bus.c: a const bus_type whose match takes a const driver (container_of_const) and
 *    whose uevent takes a const device; an rw_semaphore (down_write_killable,
 *    lockdep_assert_held_write, guard(rwsem_write)); sysfs_emit; strscpy with the
 *    destination's size; device_unregister.
 * A probe that read the tree wrong fails visibly: a const mismatch or a missing field does
 * not compile; a wrong reference count is a use-after-free or a leak under ASan; a driver
 * without its type is never matched (bind fails with the driver core's ENODEV).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cPortAsKernelTree, plant, withFakeDax } from './kernelTree.ts';

/** Applies each [from, to] edit to root/file, each `from` exactly once. */
function edit(root: string, file: string, edits: readonly (readonly [string, string])[]): void {
  const path = join(root, file);
  let text = readFileSync(path, 'utf8');
  for (const [from, to] of edits) text = plant(from, to)(text);
  writeFileSync(path, text);
}

const BUS_TYPE = `static struct bus_type fake_bus = { .name = "dax", .probe = fake_probe, .remove = fake_remove };`;

const MODERN_BUS_TYPE = `static int fake_match(struct device *dev, const struct device_driver *drv)
{
	const struct dax_device_driver *dax_drv = container_of_const(drv, struct dax_device_driver, drv);

	return dax_drv->type == DAXDRV_DEVICE_TYPE;
}

static int fake_uevent(const struct device *dev, struct kobj_uevent_env *env)
{
	return 0;
}

static const struct bus_type fake_bus = {
	.name = "dax", .match = fake_match, .uevent = fake_uevent, .probe = fake_probe, .remove = fake_remove,
};

static DECLARE_RWSEM(fake_rwsem);`;

/** The fake tree laid out with v6.12-to-mainline interfaces; returns its root. */
export function modernFakeTree(): string {
  const root = withFakeDax(cPortAsKernelTree());
  edit(root, 'include/linux/ioport.h', [['#include <linux/types.h>\n', '#include <linux/types.h>\n#include <linux/args.h>\n']]);
  edit(root, 'kernel/resource.c', [
    ['#include <linux/slab.h>\n', '#include <linux/slab.h>\n#include <linux/spinlock.h>\n\nstatic DEFINE_RWLOCK(alloc_lock);\n'],
    ['return kzalloc(sizeof(struct resource), flags);', 'guard(read_lock)(&alloc_lock);\n\treturn kzalloc_obj(struct resource, flags);'],
  ]);
  edit(root, 'drivers/dax/bus.h', [
    ['#include <linux/range.h>\n', '#include <linux/range.h>\n#include <linux/memory_hotplug.h>\n'],
    ['\tint id;\n};', '\tint id;\n\tenum mmop online_type;\n};'],
    ['struct dax_device_driver {', 'enum dax_driver_type {\n\tDAXDRV_KMEM_TYPE,\n\tDAXDRV_DEVICE_TYPE,\n};\n\nstruct dax_device_driver {'],
    ['\tint match_always;\n', '\tenum dax_driver_type type;\n'],
    ['void dax_region_put(struct dax_region *dax_region);\n', ''],
  ]);
  edit(root, 'drivers/dax/bus.c', [
    [BUS_TYPE, MODERN_BUS_TYPE],
    ['#include <linux/slab.h>\n', '#include <linux/slab.h>\n#include <linux/mutex.h>\n'],
    ['#include "bus.h"\n', '#include "bus.h"\n\nstatic void dax_region_put(struct dax_region *r);\n'],
    ['dev_dax->ranges = kzalloc(sizeof(*dev_dax->ranges), GFP_KERNEL);', 'dev_dax->ranges = kzalloc_obj(*dev_dax->ranges);'],
    ['\tdrop_range(dev_dax);\n\trc = v ?', '\trc = down_write_killable(&fake_rwsem);\n\tif (rc)\n\t\treturn rc;\n\tlockdep_assert_held_write(&fake_rwsem);\n\tdrop_range(dev_dax);\n\trc = v ?'],
    ['\treturn rc ? rc : (ssize_t)len;\n}\n\nstatic ssize_t mapping_store', '\tup_write(&fake_rwsem);\n\treturn rc ? rc : (ssize_t)len;\n}\n\nstatic ssize_t mapping_store'],
    ['\tif (sscanf(buf, "%llx-%llx", &a, &b) != 2)', '\tguard(rwsem_write)(&fake_rwsem);\n\tif (sscanf(buf, "%llx-%llx", &a, &b) != 2)'],
    ['\tdevice_del(&dev_dax->dev);\n\tdrop_range(dev_dax);\n\tput_device(&dev_dax->dev);', '\tdrop_range(dev_dax);\n\tdevice_unregister(&dev_dax->dev);'],
    ['return sprintf(buf, "%s\\n", r->youngest', 'return sysfs_emit(buf, "%s\\n", r->youngest'],
    ['return sprintf(buf, "%llu\\n", avail(', 'return sysfs_emit(buf, "%llu\\n", avail('],
    ['\tstruct device *victim = device_find_child_by_name(dev, buf);\n', '\tchar name[32];\n\tstruct device *victim = strscpy(name, buf) < 0 ? NULL : device_find_child_by_name(dev, name);\n'],
    ['\nvoid dax_region_put(struct dax_region *r)\n{', '\nstatic void dax_region_put(struct dax_region *r)\n{'],
    ['\tsysfs_create_groups(&parent->kobj, region_groups);\n\tkref_get(&r->kref);\n', '\tsysfs_create_groups(&parent->kobj, region_groups);\n'],
  ]);
  return root;
}
