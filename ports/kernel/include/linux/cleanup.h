/* SPDX-License-Identifier: MIT */
/*
 * cleanup.h - daxcheck's shim for <linux/cleanup.h> (v6.5+): scope-based
 * lock guards. guard(name)(lock) takes the lock now and releases it when the
 * enclosing scope ends (the compiler's cleanup attribute), so the lock check
 * (lock_depth) sees exactly what the kernel's guard does. A header that
 * defines a lock declares its guard with DEFINE_GUARD.
 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#define __guard_paste(a, b)	a ## b
#define __guard_id(a, b)	__guard_paste(a, b)

/*
 * DEFINE_GUARD(name, type, lock, unlock): class_<name>_t holds the locked
 * pointer; its constructor runs @lock, its destructor @unlock (the pointer
 * is named _T in both, as in the kernel).
 */
#define DEFINE_GUARD(_name, _type, _lock, _unlock)				\
	typedef _type class_##_name##_t;					\
	static inline void class_##_name##_destructor(_type *p)		\
	{									\
		_type _T = *p;							\
		if (_T) {							\
			_unlock;						\
		}								\
	}									\
	static inline _type class_##_name##_constructor(_type _T)		\
	{									\
		_lock;								\
		return _T;							\
	}

#define guard(_name)								\
	class_##_name##_t __guard_id(__guard_, __COUNTER__)			\
		__attribute__((__cleanup__(class_##_name##_destructor), __unused__)) = \
		class_##_name##_constructor

/*
 * no_free_ptr(p): hand @p on and clear the variable, so that its __free()
 * cleanup (compiler.h) frees nothing when the scope ends.
 */
#define no_free_ptr(p)	({ __typeof__(p) __ptr = (p); (p) = NULL; __ptr; })

#endif /* _LINUX_CLEANUP_H */
