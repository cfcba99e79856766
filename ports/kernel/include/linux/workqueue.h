/* SPDX-License-Identifier: MIT */
/*
 * workqueue.h - daxcheck's shim for <linux/workqueue.h>: the work item a
 * tree's drivers/dax/bus.h embeds (v7.x), and the queueing the DCD v10
 * series' cxl.c does at module init. One thread, no workqueue: queue_work()
 * runs the work at once, in the caller, and flush_work() has nothing to wait for.
 */
#ifndef _LINUX_WORKQUEUE_H
#define _LINUX_WORKQUEUE_H

#include <linux/types.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	work_func_t func;
};

struct workqueue_struct;
#define system_long_wq	((struct workqueue_struct *)NULL)

#define DECLARE_WORK(n, f)	struct work_struct n = { .func = (f) }

static inline bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	(void)wq;
	work->func(work);
	return true;
}

static inline bool flush_work(struct work_struct *work)
{
	(void)work;
	return false;
}

#endif /* _LINUX_WORKQUEUE_H */
