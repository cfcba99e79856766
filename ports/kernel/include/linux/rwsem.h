/* SPDX-License-Identifier: MIT */
/*
 * rwsem.h - daxcheck's shim for <linux/rwsem.h>: a read-write semaphore is
 * the shims' rwlock (one thread: a depth counter that aborts on a
 * self-deadlock and counts in lock_depth). The killable and interruptible
 * variants always get the lock (no signal ever arrives here).
 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

#include <linux/spinlock.h>
#include <linux/bug.h>

struct rw_semaphore {
	rwlock_t lock;
};

#define __RWSEM_INITIALIZER(x)	{ .lock = { .name = #x } }
#define DECLARE_RWSEM(x)	struct rw_semaphore x = __RWSEM_INITIALIZER(x)
#define init_rwsem(s)		rwlock_init(&(s)->lock)

static inline void down_read(struct rw_semaphore *sem)
{
	read_lock(&sem->lock);
}

static inline void up_read(struct rw_semaphore *sem)
{
	read_unlock(&sem->lock);
}

static inline void down_write(struct rw_semaphore *sem)
{
	write_lock(&sem->lock);
}

static inline void up_write(struct rw_semaphore *sem)
{
	write_unlock(&sem->lock);
}

static inline int down_read_interruptible(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}

static inline int down_read_killable(struct rw_semaphore *sem)
{
	down_read(sem);
	return 0;
}

static inline int down_write_killable(struct rw_semaphore *sem)
{
	down_write(sem);
	return 0;
}

#define lockdep_assert_held_write(s)	WARN_ON(!(s)->lock.writer)
#define lockdep_assert_held_read(s)	WARN_ON(!(s)->lock.readers)

DEFINE_GUARD(rwsem_read, struct rw_semaphore *, down_read(_T), up_read(_T))
DEFINE_GUARD(rwsem_write, struct rw_semaphore *, down_write(_T), up_write(_T))

#endif /* _LINUX_RWSEM_H */
