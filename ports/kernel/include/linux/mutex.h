/* SPDX-License-Identifier: MIT */
/* mutex.h - daxcheck's shim for <linux/mutex.h>: a spinlock's depth counter. */
#ifndef _LINUX_MUTEX_H
#define _LINUX_MUTEX_H

#include <linux/spinlock.h>
#include <linux/rwsem.h>

struct mutex {
	spinlock_t lock;
};

#define DEFINE_MUTEX(x)		struct mutex x = { .lock = __SPIN_LOCK_UNLOCKED(x) }
#define mutex_init(m)		spin_lock_init(&(m)->lock)
#define mutex_lock(m)		spin_lock(&(m)->lock)
#define mutex_unlock(m)		spin_unlock(&(m)->lock)
#define mutex_lock_interruptible(m)	({ spin_lock(&(m)->lock); 0; })
#define lockdep_assert_held_mutex(m)	WARN_ON(!(m)->lock.held)

DEFINE_GUARD(mutex, struct mutex *, mutex_lock(_T), mutex_unlock(_T))

#endif /* _LINUX_MUTEX_H */
