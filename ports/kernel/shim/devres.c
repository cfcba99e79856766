// SPDX-License-Identifier: MIT
/*
 * devres.c - managed device resources for the kernel harness, as
 * drivers/base/devres.c keeps them: a list per device, released in reverse
 * order of adding; an action is a devres whose release calls it; a group
 * (devres_open_group) lets a caller outside probe undo what it added.
 */
#include <linux/device.h>

struct devres {
	struct list_head entry;
	dr_release_t release;
	unsigned long long data[];	/* aligned for any object */
};

struct action_devres {
	void *data;
	void (*action)(void *data);
};

static struct devres *to_devres(void *res)
{
	return container_of(res, struct devres, data);
}

static struct list_head *devres_head(struct device *dev)
{
	if (!dev->devres_head.next)
		INIT_LIST_HEAD(&dev->devres_head);
	return &dev->devres_head;
}

/**
 * devres_alloc - allocate a managed resource's data
 * @release: called with the data when the device releases it
 * @size: bytes of data
 * @gfp: allocation flags
 *
 * Return: the (zeroed) data, or NULL.
 */
void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp)
{
	struct devres *dr = kzalloc(sizeof(*dr) + size, gfp);

	if (!dr)
		return NULL;
	INIT_LIST_HEAD(&dr->entry);
	dr->release = release;
	return dr->data;
}

/**
 * devres_free - free data from devres_alloc() that was never added
 * @res: the data, or NULL
 */
void devres_free(void *res)
{
	if (res)
		kfree(to_devres(res));
}

/**
 * devres_add - hand @res to @dev
 * @dev: the device
 * @res: data from devres_alloc()
 */
void devres_add(struct device *dev, void *res)
{
	list_add_tail(&to_devres(res)->entry, devres_head(dev));
}

static struct devres *devres_find(struct device *dev, dr_release_t release,
				  dr_match_t match, void *match_data)
{
	struct devres *dr;

	list_for_each_entry_reverse(dr, devres_head(dev), entry) {
		if (dr->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

/**
 * devres_destroy - unlink and free the newest matching resource, not released
 * @dev: the device
 * @release: its release function
 * @match: match function, or NULL for any
 * @match_data: passed to @match
 *
 * Return: 0, or -ENOENT when none matches.
 */
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data)
{
	struct devres *dr = devres_find(dev, release, match, match_data);

	if (!dr)
		return -ENOENT;
	list_del(&dr->entry);
	kfree(dr);
	return 0;
}

/**
 * devres_release - unlink, release and free the newest matching resource
 * @dev: the device
 * @release: its release function
 * @match: match function, or NULL for any
 * @match_data: passed to @match
 *
 * Return: 0, or -ENOENT when none matches.
 */
int devres_release(struct device *dev, dr_release_t release, dr_match_t match,
		   void *match_data)
{
	struct devres *dr = devres_find(dev, release, match, match_data);

	if (!dr)
		return -ENOENT;
	list_del(&dr->entry);
	dr->release(dev, dr->data);
	kfree(dr);
	return 0;
}

/**
 * devres_release_all - release every resource of @dev, newest first
 * @dev: the device (its driver detaches, or it goes away)
 */
void devres_release_all(struct device *dev)
{
	struct list_head *head = devres_head(dev);

	while (!list_empty(head)) {
		struct devres *dr = list_last_entry(head, struct devres, entry);

		list_del(&dr->entry);
		dr->release(dev, dr->data);
		kfree(dr);
	}
}

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *this = res;

	(void)dev;
	this->action(this->data);
}

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *this = res, *target = p;

	(void)dev;
	return this->action == target->action && this->data == target->data;
}

/**
 * devm_add_action - run @action(@data) when @dev releases its resources
 * @dev: the device
 * @action: the function
 * @data: its argument
 *
 * Return: 0, or -ENOMEM.
 */
int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres *dr = devres_alloc(devm_action_release, sizeof(*dr), GFP_KERNEL);

	if (!dr)
		return -ENOMEM;
	dr->data = data;
	dr->action = action;
	devres_add(dev, dr);
	return 0;
}

/**
 * devm_add_action_or_reset - devm_add_action(), running @action at once on failure
 * @dev: the device
 * @action: the function
 * @data: its argument
 *
 * Return: 0, or -ENOMEM (after @action ran).
 */
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data)
{
	int rc = devm_add_action(dev, action, data);

	if (rc)
		action(data);
	return rc;
}

/**
 * devm_remove_action - forget an action without running it
 * @dev: the device
 * @action: the function
 * @data: its argument
 */
void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres match = { .data = data, .action = action };

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match, &match));
}

/**
 * devm_release_action - run an action now and forget it
 * @dev: the device
 * @action: the function
 * @data: its argument
 */
void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres match = { .data = data, .action = action };

	WARN_ON(devres_release(dev, devm_action_release, devm_action_match, &match));
}

/* A group is a marker in the list: what was added after it belongs to it. */
static void group_marker_release(struct device *dev, void *res)
{
	(void)dev;
	(void)res;
}

static struct devres *group_marker(struct device *dev, void *id)
{
	struct devres *dr;

	list_for_each_entry_reverse(dr, devres_head(dev), entry)
		if (dr->release == group_marker_release && (!id || *(void **)dr->data == id))
			return dr;
	return NULL;
}

/**
 * devres_open_group - open a group: the resources @dev gets from now on belong to it
 * @dev: the device
 * @id: the group's id, or NULL for the marker's own address
 * @gfp: allocation flags
 *
 * Groups here are never closed (devres_close_group is not needed by the
 * callers): a group holds every resource added after it until it is removed
 * or released.
 *
 * Return: the group's id, or NULL.
 */
void *devres_open_group(struct device *dev, void *id, gfp_t gfp)
{
	void **marker = devres_alloc(group_marker_release, sizeof(void *), gfp);

	if (!marker)
		return NULL;
	*marker = id ? id : marker;
	devres_add(dev, marker);
	return *marker;
}

/**
 * devres_remove_group - forget group @id; its resources stay with @dev
 * @dev: the device
 * @id: the group's id, or NULL for the newest group
 */
void devres_remove_group(struct device *dev, void *id)
{
	struct devres *marker = group_marker(dev, id);

	if (WARN_ON(!marker))
		return;
	list_del(&marker->entry);
	kfree(marker);
}

/**
 * devres_release_group - release the resources of group @id, newest first
 * @dev: the device
 * @id: the group's id, or NULL for the newest group
 *
 * Return: the number of resources released, or -ENOENT when there is no such group.
 */
int devres_release_group(struct device *dev, void *id)
{
	struct devres *marker = group_marker(dev, id);
	struct list_head *head = devres_head(dev);
	int n = 0;

	if (WARN_ON(!marker))
		return -ENOENT;
	while (head->prev != &marker->entry) {
		struct devres *dr = list_last_entry(head, struct devres, entry);

		list_del(&dr->entry);
		dr->release(dev, dr->data);
		kfree(dr);
		n++;
	}
	list_del(&marker->entry);
	kfree(marker);
	return n;
}
