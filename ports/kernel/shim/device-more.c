// SPDX-License-Identifier: MIT
/*
 * device-more.c - the device-model calls drivers/dax/extent.c and cxl.c make
 * beyond bus.c's (drivers/base/core.c): device_unregister, device_find_child
 * (children in registration order, as the kernel's klist keeps them) and
 * sysfs_emit.
 */
#include <stdarg.h>
#include <stdio.h>
#include <linux/device.h>

/**
 * device_unregister - device_del() then the registration's put_device()
 * @dev: the device
 */
void device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

struct find_child {
	__daxcheck_find_const void *data;
	int (*match)(struct device *dev, __daxcheck_find_const void *data);
	struct device *found;
};

static int find_child_one(struct device *dev, void *data)
{
	struct find_child *f = data;

	if (!f->match(dev, f->data))
		return 0;
	f->found = dev;
	return 1;
}

/**
 * device_find_child - the first registered child of @parent that @match accepts
 * @parent: the parent
 * @data: passed to @match
 * @match: returns non-zero for the child wanted
 *
 * Return: the child with a reference taken, or NULL.
 */
struct device *device_find_child(struct device *parent, __daxcheck_find_const void *data,
				 int (*match)(struct device *dev, __daxcheck_find_const void *data))
{
	struct find_child f = { .data = data, .match = match };

	device_for_each_child(parent, &f, find_child_one);
	return get_device(f.found);
}

/**
 * sysfs_emit - format into a sysfs show buffer (a page)
 * @buf: the buffer
 * @fmt: the format
 *
 * Return: the number of bytes written.
 */
int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(buf, 4096, fmt, ap);
	va_end(ap);
	return len < 4096 ? len : 4095;
}
