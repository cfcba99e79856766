/* SPDX-License-Identifier: MIT */
/*
 * spinlock.h - daxcheck's shim for <linux/spinlock.h> and <linux/rwlock.h>.
 * One thread: a lock is a depth counter. Taking a lock this thread holds
 * (a self-deadlock), or releasing one it does not hold, aborts; lock_depth
 * counts every lock held, so a harness can check that each call returns with
 * none.
 */
#ifndef _LINUX_SPINLOCK_H
#define _LINUX_SPINLOCK_H

#include <linux/types.h>
#include <linux/cleanup.h>

typedef struct {
	int readers;
	int writer;
	const char *name;
} rwlock_t;

typedef struct {
	int held;
	const char *name;
} spinlock_t;

extern long lock_depth;

#define DEFINE_RWLOCK(x)	rwlock_t x = { .name = #x }
#define DEFINE_SPINLOCK(x)	spinlock_t x = { .name = #x }
#define __SPIN_LOCK_UNLOCKED(x)	{ .name = #x }
#define spin_lock_init(l)	(*(l) = (spinlock_t){ .name = #l })
#define rwlock_init(l)		(*(l) = (rwlock_t){ .name = #l })

void read_lock(rwlock_t *lock);
void read_unlock(rwlock_t *lock);
void write_lock(rwlock_t *lock);
void write_unlock(rwlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);

#define spin_lock_irq(l)		spin_lock(l)
#define spin_unlock_irq(l)		spin_unlock(l)
#define spin_lock_irqsave(l, f)		do { (f) = 0; spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, f)	do { (void)(f); spin_unlock(l); } while (0)

DEFINE_GUARD(read_lock, rwlock_t *, read_lock(_T), read_unlock(_T))
DEFINE_GUARD(write_lock, rwlock_t *, write_lock(_T), write_unlock(_T))
DEFINE_GUARD(spinlock, spinlock_t *, spin_lock(_T), spin_unlock(_T))

#endif /* _LINUX_SPINLOCK_H */
