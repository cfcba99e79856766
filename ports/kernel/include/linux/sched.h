/* SPDX-License-Identifier: MIT */
/*
 * sched.h - daxcheck's shim for <linux/sched.h>: one task, which never
 * sleeps. schedule() aborts: no other thread could ever wake it (a muxed
 * region waited for forever), so daxcheck reports a crash, not a hang.
 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/wait.h>

struct task_struct {
	long state;
};

extern struct task_struct *current;

#define TASK_RUNNING		0
#define TASK_UNINTERRUPTIBLE	2
#define set_current_state(s)	(current->state = (s))
#define __set_current_state(s)	(current->state = (s))

void schedule(void) __attribute__((__noreturn__));

#endif /* _LINUX_SCHED_H */
