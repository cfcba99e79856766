/* SPDX-License-Identifier: MIT */
/* resource_ext.h - daxcheck's shim for <linux/resource_ext.h>: lists of resources. */
#ifndef _LINUX_RESOURCE_EXT_H
#define _LINUX_RESOURCE_EXT_H

#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/slab.h>

struct resource_entry {
	struct list_head node;
	struct resource *res;
	resource_size_t offset;
	struct resource __res;
};

struct resource_entry *resource_list_create_entry(struct resource *res, size_t extra_size);
void resource_list_free(struct list_head *head);

static inline void resource_list_destroy_entry(struct resource_entry *entry)
{
	list_del(&entry->node);
	kfree(entry);
}

#endif /* _LINUX_RESOURCE_EXT_H */
