/* SPDX-License-Identifier: MIT */
/*
 * device.h - daxcheck's shim for <linux/device.h>: a device with a name, a
 * parent, a release callback and a devres list. Managed resources
 * (devres_add, devm_add_action) are released in reverse order of adding, as
 * the kernel does when a driver detaches (devres_release_all).
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/slab.h>

struct device;
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

struct device {
	struct device *parent;
	const char *init_name;
	char *name;
	void *driver_data;
	int refcount;
	bool registered;
	struct list_head devres_head;
	void (*release)(struct device *dev);
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name ? dev->name : dev->init_name;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

#define dev_printk(level, dev, fmt, ...) \
	printk(level "%s: " fmt, dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)	dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_WARN_ONCE(dev, cond, fmt...) \
	WARN(cond, fmt)

void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
void devres_release_all(struct device *dev);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

#endif /* _LINUX_DEVICE_H */
