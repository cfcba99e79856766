/* SPDX-License-Identifier: MIT */
/*
 * workqueue.h - daxcheck's shim for <linux/workqueue.h>: the work item a
 * tree's drivers/dax/bus.h embeds (v7.x). One thread, no workqueue: nothing
 * here queues or runs work.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
};

#endif /* _LINUX_WORKQUEUE_H */
