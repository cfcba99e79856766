/* SPDX-License-Identifier: MIT */
/*
 * memory_hotplug.h - daxcheck's shim for <linux/memory_hotplug.h>: what
 * bus.c asks of memory hotplug for a device's memmap_on_memory and
 * online_type files. The harness hot-plugs no memory: memmap_on_memory is
 * not supported (as on a kernel built without it), and the default online
 * type is "offline" (MMOP_OFFLINE, the kernel's default policy).
 */
#ifndef _LINUX_MEMORY_HOTPLUG_H
#define _LINUX_MEMORY_HOTPLUG_H

#include <linux/types.h>

enum mmop {
	MMOP_OFFLINE = 0,
	MMOP_ONLINE,
	MMOP_ONLINE_KERNEL,
	MMOP_ONLINE_MOVABLE,
};

static inline bool mhp_supports_memmap_on_memory(void)
{
	return false;
}

static inline enum mmop mhp_get_default_online_type(void)
{
	return MMOP_OFFLINE;
}

#endif /* _LINUX_MEMORY_HOTPLUG_H */
