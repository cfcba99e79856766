// SPDX-License-Identifier: MIT
/*
 * device.c - the device model for the kernel harness, as drivers/base/core.c
 * keeps it for the calls bus.c makes: a device is named, counted and released
 * by its type's (or its own) release callback at the last put_device();
 * device_del() releases its managed resources, newest first. Registered
 * devices are kept in one list so children can be found by name. Buses and
 * drivers register nothing: a harness binds a driver itself
 * (device_driver_attach, as a write to the bus's bind file does), and finds a
 * device's sysfs attributes by name to call their show and store.
 */
#include <stdarg.h>
#include <linux/device.h>
#include <linux/spinlock.h>

static LIST_HEAD(registered);

struct device_node {
	struct list_head entry;
	struct device *dev;
};

/**
 * device_initialize - a new device with one reference
 * @dev: the device (zeroed by its allocator)
 */
void device_initialize(struct device *dev)
{
	dev->refcount = 1;
	INIT_LIST_HEAD(&dev->devres_head);
}

/**
 * dev_set_name - name @dev from a printf format
 * @dev: the device
 * @fmt: the format
 *
 * Return: 0, or -ENOMEM.
 */
int dev_set_name(struct device *dev, const char *fmt, ...)
{
	char buf[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	kfree(dev->name);
	dev->name = kstrdup(buf, GFP_KERNEL);
	return dev->name ? 0 : -ENOMEM;
}

/**
 * device_add - register @dev (takes a reference)
 * @dev: the device
 *
 * A device without a name (its dev_set_name() failed, unchecked) is refused
 * with -EINVAL, as drivers/base/core.c's device_add() refuses it.
 *
 * Return: 0, -EINVAL, or -ENOMEM.
 */
int device_add(struct device *dev)
{
	struct device_node *node;

	if (!dev->name)
		return -EINVAL;
	node = kzalloc(sizeof(*node), GFP_KERNEL);
	if (!node)
		return -ENOMEM;
	node->dev = get_device(dev);
	list_add_tail(&node->entry, &registered);
	dev->registered = true;
	return 0;
}

/* drivers/base/dd.c's __device_release_driver(), with @dev locked. */
static void __device_release_driver(struct device *dev)
{
	if (!dev->driver)
		return;
	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	devres_release_all(dev);
	dev_set_drvdata(dev, NULL);
	dev->driver = NULL;
}

/**
 * device_driver_attach - bind @drv to @dev, as a write to the bus's bind file
 * @drv: the driver
 * @dev: the device
 *
 * The driver core's order: @dev must be registered (-ENODEV) and unbound
 * (-EBUSY) and match @drv (-ENODEV); then @dev->driver is set and the bus's
 * probe runs under the device lock; a failed probe releases what it managed
 * and leaves @dev unbound.
 *
 * Return: 0, or the probe's error.
 */
int device_driver_attach(struct device_driver *drv, struct device *dev)
{
	const struct bus_type *bus = drv->bus;
	int rc = 0;

	device_lock(dev);
	if (!dev->registered)
		rc = -ENODEV;
	else if (dev->driver)
		rc = -EBUSY;
	else if (bus && bus->match && !bus->match(dev, drv))
		rc = -ENODEV;
	if (rc) {
		device_unlock(dev);
		return rc;
	}
	dev->driver = drv;
	if (bus && bus->probe)
		rc = bus->probe(dev);
	if (rc) {
		devres_release_all(dev);
		dev_set_drvdata(dev, NULL);
		dev->driver = NULL;
	}
	device_unlock(dev);
	return rc;
}

/**
 * device_release_driver - unbind @dev's driver (nothing when it has none)
 * @dev: the device
 *
 * The bus's remove runs, then the device's managed resources are released,
 * newest first (devres unwind), under the device lock.
 */
void device_release_driver(struct device *dev)
{
	device_lock(dev);
	__device_release_driver(dev);
	device_unlock(dev);
}

/**
 * device_del - unregister @dev: its driver detaches, its managed resources go
 * @dev: the device
 */
void device_del(struct device *dev)
{
	struct device_node *node, *tmp;

	if (dev->driver)
		device_release_driver(dev);
	devres_release_all(dev);
	dev->registered = false;
	list_for_each_entry_safe(node, tmp, &registered, entry) {
		if (node->dev != dev)
			continue;
		list_del(&node->entry);
		kfree(node);
		put_device(dev);
		break;
	}
}

/**
 * device_unregister - device_del() then the registration's put_device()
 * @dev: the device
 *
 * Weak: another shim file may define it too (the DCD shims do); either does
 * the same.
 */
void __weak device_unregister(struct device *dev)
{
	device_del(dev);
	put_device(dev);
}

/**
 * get_device - take a reference
 * @dev: the device, or NULL
 *
 * Return: @dev.
 */
struct device *get_device(struct device *dev)
{
	if (dev) {
		WARN_ON(dev->refcount <= 0);
		dev->refcount++;
	}
	return dev;
}

/**
 * put_device - drop a reference; the last one frees the name and calls release
 * @dev: the device, or NULL
 */
void put_device(struct device *dev)
{
	char *name;

	if (!dev || WARN_ON(dev->refcount <= 0) || --dev->refcount)
		return;
	name = dev->name;
	if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->release)
		dev->release(dev);
	else
		WARN(1, "device %s has no release function\n", name);
	kfree(name);
}

/**
 * device_find_child_by_name - a registered child of @parent named @name
 * @parent: the parent
 * @name: the name
 *
 * Return: the child with a reference taken, or NULL.
 */
struct device *device_find_child_by_name(struct device *parent, const char *name)
{
	struct device_node *node;

	list_for_each_entry(node, &registered, entry)
		if (node->dev->parent == parent && !strcmp(dev_name(node->dev), name))
			return get_device(node->dev);
	return NULL;
}

/**
 * device_for_each_child - call @fn for each registered child of @parent
 * @parent: the parent
 * @data: passed to @fn
 * @fn: stops the walk by returning non-zero
 *
 * Return: the first non-zero value of @fn, or 0.
 */
int device_for_each_child(struct device *parent, void *data,
			  int (*fn)(struct device *dev, void *data))
{
	struct device_node *node, *tmp;
	int rc;

	list_for_each_entry_safe(node, tmp, &registered, entry) {
		if (node->dev->parent != parent)
			continue;
		rc = fn(node->dev, data);
		if (rc)
			return rc;
	}
	return 0;
}

/**
 * device_lock - take the device's lock (counted with the other locks)
 * @dev: the device
 */
void device_lock(struct device *dev)
{
	WARN_ON(dev->locked);
	dev->locked = true;
	lock_depth++;
}

/**
 * device_unlock - release the device's lock
 * @dev: the device
 */
void device_unlock(struct device *dev)
{
	WARN_ON(!dev->locked);
	dev->locked = false;
	lock_depth--;
}

/**
 * add_uevent_var - uevents go nowhere
 * @env: the environment
 * @format: the variable
 *
 * Return: 0.
 */
int add_uevent_var(struct kobj_uevent_env *env, const char *format, ...)
{
	(void)env;
	(void)format;
	return 0;
}

/**
 * sysfs_create_groups - remember @groups on @kobj (one set per object)
 * @kobj: the object
 * @groups: its groups
 *
 * Return: 0, or -EEXIST when @kobj has groups already.
 */
int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	if (WARN_ON(kobj->groups))
		return -EEXIST;
	kobj->groups = groups;
	return 0;
}

/**
 * sysfs_remove_groups - forget @groups
 * @kobj: the object
 * @groups: its groups
 */
void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	if (kobj->groups == groups)
		kobj->groups = NULL;
}

static struct device_attribute *find_in_groups(struct device *dev,
					       const struct attribute_group **groups,
					       const char *name)
{
	const struct attribute_group *grp;
	int i;

	for (; groups && *groups; groups++) {
		grp = *groups;
		for (i = 0; grp->attrs[i]; i++) {
			struct attribute *attr = grp->attrs[i];

			if (strcmp(attr->name, name))
				continue;
			if (grp->is_visible && !grp->is_visible(&dev->kobj, attr, i))
				return NULL;	/* hidden: no such file */
			return container_of(attr, struct device_attribute, attr);
		}
	}
	return NULL;
}

/**
 * sysfs_find_dev_attr - the attribute file @name of @dev, as sysfs shows it
 * @dev: the device
 * @name: the file's name
 *
 * Looks in the groups added to @dev's kobject (sysfs_create_groups), then in
 * its type's and its own groups (which device_add() would create); a file the
 * group's is_visible() hides is not there.
 *
 * Return: the attribute, or NULL.
 */
struct device_attribute *sysfs_find_dev_attr(struct device *dev, const char *name)
{
	struct device_attribute *attr = find_in_groups(dev, dev->kobj.groups, name);

	if (!attr && dev->type)
		attr = find_in_groups(dev, dev->type->groups, name);
	if (!attr)
		attr = find_in_groups(dev, dev->groups, name);
	return attr;
}

/**
 * bus_register - a bus is data here
 * @bus: the bus
 *
 * Return: 0.
 */
int bus_register(const struct bus_type *bus)
{
	(void)bus;
	return 0;
}

/**
 * bus_unregister - nothing to undo
 * @bus: the bus
 */
void bus_unregister(const struct bus_type *bus)
{
	(void)bus;
}

/**
 * driver_register - a driver is data here; a harness binds devices itself
 * @drv: the driver
 *
 * Return: 0.
 */
int driver_register(struct device_driver *drv)
{
	(void)drv;
	return 0;
}

/**
 * driver_unregister - nothing to undo
 * @drv: the driver
 */
void driver_unregister(struct device_driver *drv)
{
	(void)drv;
}

/**
 * driver_attach - a harness binds devices itself
 * @drv: the driver
 *
 * Return: 0.
 */
int driver_attach(struct device_driver *drv)
{
	(void)drv;
	return 0;
}
