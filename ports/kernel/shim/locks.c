// SPDX-License-Identifier: MIT
/*
 * locks.c - locks as depth counters for the kernel harness (one thread).
 * Taking a lock this thread holds in a conflicting way would deadlock in the
 * kernel, and releasing a lock not held corrupts it: both abort with a line
 * naming the lock, which daxcheck reports as a crash. lock_depth counts every
 * lock held; the driver checks that each request leaves it at 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

long lock_depth;
static struct task_struct init_task;
struct task_struct *current = &init_task;

static void __attribute__((__noreturn__)) lock_bug(const char *what, const char *name)
{
	fprintf(stderr, "daxcheck lock check: %s %s\n", what, name ? name : "(unnamed lock)");
	abort();
}

/**
 * read_lock - take @lock for reading
 * @lock: the lock; held for writing by this thread → self-deadlock
 */
void read_lock(rwlock_t *lock)
{
	if (lock->writer)
		lock_bug("read_lock while holding it for writing (deadlock):", lock->name);
	lock->readers++;
	lock_depth++;
}

/**
 * read_unlock - release @lock taken for reading
 * @lock: the lock
 */
void read_unlock(rwlock_t *lock)
{
	if (lock->readers <= 0)
		lock_bug("read_unlock of a lock not read-held:", lock->name);
	lock->readers--;
	lock_depth--;
}

/**
 * write_lock - take @lock for writing
 * @lock: the lock; held in any way by this thread → self-deadlock
 */
void write_lock(rwlock_t *lock)
{
	if (lock->writer || lock->readers)
		lock_bug("write_lock while holding it (deadlock):", lock->name);
	lock->writer = 1;
	lock_depth++;
}

/**
 * write_unlock - release @lock taken for writing
 * @lock: the lock
 */
void write_unlock(rwlock_t *lock)
{
	if (!lock->writer)
		lock_bug("write_unlock of a lock not write-held:", lock->name);
	lock->writer = 0;
	lock_depth--;
}

/**
 * spin_lock - take @lock
 * @lock: the lock; already held → self-deadlock
 */
void spin_lock(spinlock_t *lock)
{
	if (lock->held)
		lock_bug("spin_lock while holding it (deadlock):", lock->name);
	lock->held = 1;
	lock_depth++;
}

/**
 * spin_unlock - release @lock
 * @lock: the lock
 */
void spin_unlock(spinlock_t *lock)
{
	if (!lock->held)
		lock_bug("spin_unlock of a lock not held:", lock->name);
	lock->held = 0;
	lock_depth--;
}

/**
 * schedule - sleep until woken; with one thread nothing ever wakes us
 */
void schedule(void)
{
	fprintf(stderr, "daxcheck: schedule() with no other task to wake this one (sleeps forever)\n");
	abort();
}
