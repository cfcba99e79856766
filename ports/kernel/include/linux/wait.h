/* SPDX-License-Identifier: MIT */
/* wait.h - daxcheck's shim for <linux/wait.h>: a wait queue is a list of waiters. */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/list.h>

struct task_struct;

typedef struct wait_queue_head {
	struct list_head head;
} wait_queue_head_t;

typedef struct wait_queue_entry {
	struct task_struct *private;
	struct list_head entry;
} wait_queue_entry_t;

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = { LIST_HEAD_INIT(name.head) }
#define DECLARE_WAITQUEUE(name, tsk) \
	wait_queue_entry_t name = { .private = tsk }

static inline void add_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *w)
{
	list_add(&w->entry, &wq->head);
}

static inline void remove_wait_queue(wait_queue_head_t *wq, wait_queue_entry_t *w)
{
	(void)wq;
	list_del(&w->entry);
}

#define wake_up(wq)	do { (void)(wq); } while (0)

#endif /* _LINUX_WAIT_H */
