/* SPDX-License-Identifier: MIT */
/*
 * device.h - daxcheck's shim for <linux/device.h>: a device with a name, a
 * parent, a release callback and a devres list. Managed resources
 * (devres_add, devm_add_action) are released in reverse order of adding, as
 * the kernel does when a driver detaches (devres_release_all). Binding a
 * driver (device_driver_attach) runs the bus's probe as the driver core does;
 * sysfs attributes are found by name (sysfs_find_dev_attr) and called
 * directly, as a write to the file would call them.
 */
#ifndef _LINUX_DEVICE_H
#define _LINUX_DEVICE_H

#include <linux/kernel.h>
#include <linux/cleanup.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/export.h>
#include <linux/ioport.h>
#include <linux/kref.h>
#include <linux/string.h>
#include <linux/sysfs.h>

struct device;
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

struct attribute_group;

struct kobject {
	const char *name;
	/* what sysfs_create_groups() added: a harness finds attributes here */
	const struct attribute_group **groups;
};

struct kobj_uevent_env;
struct module;
struct device_driver;

/* sysfs: attributes are data here; a harness calls their show/store itself. */
struct attribute {
	const char *name;
	umode_t mode;
};

struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
	struct attribute **attrs;
};

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

struct driver_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device_driver *driver, char *buf);
	ssize_t (*store)(struct device_driver *driver, const char *buf, size_t count);
};

#define __ATTR(_name, _mode, _show, _store) \
	{ .attr = { .name = #_name, .mode = _mode }, .show = _show, .store = _store }
#define __ATTR_RO(_name)	__ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_WO(_name)	__ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name)	__ATTR(_name, 0644, _name##_show, _name##_store)
#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RO(_name)	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_WO(_name)	struct device_attribute dev_attr_##_name = __ATTR_WO(_name)
#define DEVICE_ATTR_RW(_name)	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DRIVER_ATTR_WO(_name)	struct driver_attribute driver_attr_##_name = __ATTR_WO(_name)
#define ATTRIBUTE_GROUPS(_name)						\
	static const struct attribute_group _name##_group = {		\
		.attrs = _name##_attrs,					\
	};								\
	static const struct attribute_group *_name##_groups[] = {	\
		&_name##_group,						\
		NULL,							\
	}

/*
 * The callbacks' const-ness is the tree's: probe.sh reads it from the tree's
 * bus.c (a const driver for match, v6.11+; a const device for uevent, v6.3+).
 */
#ifdef DAXCHECK_CONST_MATCH
#define __daxcheck_match_const	const
#else
#define __daxcheck_match_const
#endif
#ifdef DAXCHECK_CONST_UEVENT
#define __daxcheck_uevent_const	const
#else
#define __daxcheck_uevent_const
#endif

struct bus_type {
	const char *name;
	int (*match)(struct device *dev, __daxcheck_match_const struct device_driver *drv);
	int (*uevent)(__daxcheck_uevent_const struct device *dev, struct kobj_uevent_env *env);
	int (*probe)(struct device *dev);
	void (*remove)(struct device *dev);
	const struct attribute_group **drv_groups;
};

struct device_driver {
	const char *name;
	const struct bus_type *bus;
	struct module *owner;
	const char *mod_name;
	bool suppress_bind_attrs;
	int probe_type;		/* PROBE_PREFER_ASYNCHRONOUS: the harness probes in the caller */
};

#define PROBE_PREFER_ASYNCHRONOUS	1

struct device_type {
	const char *name;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
};

struct device {
	struct kobject kobj;
	struct device *parent;
	const char *init_name;
	char *name;
	void *driver_data;
	dev_t devt;
	const struct bus_type *bus;
	const struct device_type *type;
	const struct attribute_group **groups;
	struct device_driver *driver;
	int refcount;
	bool registered;
	bool locked;
	struct list_head devres_head;
	void (*release)(struct device *dev);
	u32 id;
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
#define dev_WARN_ONCE(dev, cond, fmt...)	WARN(cond, fmt)
#define dev_WARN(dev, fmt...)			WARN(1, fmt)
#define NUMA_NO_NODE	(-1)
#define MODULE_ALIAS(s)

static inline int dev_to_node(struct device *dev)
{
	(void)dev;
	return NUMA_NO_NODE;
}

/* The device model (drivers/base/core.c): a refcount whose last put calls release. */
void device_initialize(struct device *dev);
int dev_set_name(struct device *dev, const char *fmt, ...) __printf(2, 3);
int device_add(struct device *dev);
void device_del(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
static inline bool device_is_registered(struct device *dev)
{
	return dev->registered;
}
struct device *device_find_child_by_name(struct device *parent, const char *name);
void device_lock(struct device *dev);
void device_unlock(struct device *dev);
#define device_lock_assert(dev)	WARN_ON(!(dev)->locked)
DEFINE_GUARD(device, struct device *, device_lock(_T), device_unlock(_T))
int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...);
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups);
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups);
struct device_attribute *sysfs_find_dev_attr(struct device *dev, const char *name);
int device_for_each_child(struct device *parent, void *data,
			  int (*fn)(struct device *dev, void *data));
int device_driver_attach(struct device_driver *drv, struct device *dev);
void device_release_driver(struct device *dev);
int bus_register(const struct bus_type *bus);
void bus_unregister(const struct bus_type *bus);
int driver_register(struct device_driver *drv);
void driver_unregister(struct device_driver *drv);
int driver_attach(struct device_driver *drv);

void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data);
void devres_release_all(struct device *dev);
void *devres_open_group(struct device *dev, void *id, gfp_t gfp);
void devres_remove_group(struct device *dev, void *id);
int devres_release_group(struct device *dev, void *id);
int devm_add_action(struct device *dev, void (*action)(void *), void *data);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

/* fail-nth: what these allocate for a kernel file is named after its caller. */
#ifdef DAXCHECK_KERNEL_FILE
#include <linux/daxcheck-failnth.h>
#define dev_set_name(dev, ...)	FAILNTH_VIA("dev_set_name", dev_set_name(dev, __VA_ARGS__))
#define device_add(dev)		FAILNTH_VIA("device_add", device_add(dev))
#define devres_alloc(...)	FAILNTH_VIA("devres_alloc", devres_alloc(__VA_ARGS__))
#define devres_open_group(...)	FAILNTH_VIA("devres_open_group", devres_open_group(__VA_ARGS__))
#define devm_add_action(...)	FAILNTH_VIA("devm_add_action", devm_add_action(__VA_ARGS__))
#define devm_add_action_or_reset(...) \
	FAILNTH_VIA("devm_add_action_or_reset", devm_add_action_or_reset(__VA_ARGS__))
#endif

/* More of the device model (shim/device-more.c), for drivers/dax/extent.c and cxl.c. */
void device_unregister(struct device *dev);
/* v6.15+ (probe.sh DAXCHECK_CONST_FIND_CHILD): the match takes const data */
#ifdef DAXCHECK_CONST_FIND_CHILD
#define __daxcheck_find_const const
#else
#define __daxcheck_find_const
#endif
struct device *device_find_child(struct device *parent, __daxcheck_find_const void *data,
				 int (*match)(struct device *dev, __daxcheck_find_const void *data));
int sysfs_emit(char *buf, const char *fmt, ...) __printf(2, 3);
static inline void device_set_pm_not_required(struct device *dev)
{
	(void)dev;
}

#endif /* _LINUX_DEVICE_H */
