#!/bin/sh
# SPDX-License-Identifier: MIT
#
# probe.sh KSRC - what a kernel tree declares, printed as -D flags for the
# shims and the driver (ports/kernel/Makefile runs it). As the kernel's own
# tools/ harnesses do, the build reads the tree rather than trusting its
# version number: each flag names an interface the tree's own files show.
#
#   DAXCHECK_CONST_MATCH      bus.c's match takes a const struct device_driver * (v6.11+)
#   DAXCHECK_CONST_UEVENT     bus.c's uevent takes a const struct device * (v6.3+)
#   DAXCHECK_MATCH_ALWAYS     bus.h's struct dax_device_driver has match_always
#   DAXCHECK_DRIVER_TYPE      bus.h's struct dax_device_driver has a type (DAXDRV_DEVICE_TYPE)
#   DAXCHECK_REGION_PUT       bus.h declares dax_region_put(): alloc_dax_region()
#                             hands its caller a reference to put (before v6.6)
#   DAXCHECK_DC_OPS           bus.h's alloc_dax_region() takes a struct dax_dc_ops *
#                             (the DCD v10 series, 21/31)
#   DAXCHECK_CONST_FIND_CHILD bus.c's device_find_child() match takes const data (v6.15+)
#
# A file the tree lacks probes as "not declared": the build then fails on
# what it needs, naming it.
src=$1
flags=
has() {
	grep -qE "$2" "$src/$1" 2>/dev/null
}
has drivers/dax/bus.c 'int [a-z_]*match\(struct device \*[a-z_]*, *const struct device_driver' &&
	flags="$flags -DDAXCHECK_CONST_MATCH"
has drivers/dax/bus.c 'int [a-z_]*uevent\(const struct device \*' &&
	flags="$flags -DDAXCHECK_CONST_UEVENT"
has drivers/dax/bus.h 'match_always;' &&
	flags="$flags -DDAXCHECK_MATCH_ALWAYS"
has drivers/dax/bus.h 'DAXDRV_DEVICE_TYPE' &&
	flags="$flags -DDAXCHECK_DRIVER_TYPE"
has drivers/dax/bus.h 'void dax_region_put\(struct dax_region' &&
	flags="$flags -DDAXCHECK_REGION_PUT"
has drivers/dax/bus.h 'unsigned long flags, struct dax_dc_ops \*' &&
	flags="$flags -DDAXCHECK_DC_OPS"
has drivers/dax/bus.c 'int [a-z_]+\(struct device \*[a-z_]*, const void \*' &&
	flags="$flags -DDAXCHECK_CONST_FIND_CHILD"
echo $flags
