/* SPDX-License-Identifier: MIT */
/*
 * args.h - daxcheck's shim for <linux/args.h> (v6.8+): counting a macro's
 * arguments (COUNT_ARGS, up to 15) and pasting two tokens after expansion
 * (CONCATENATE), as ioport.h's DEFINE_RES(...) uses them.
 */
#ifndef _LINUX_ARGS_H
#define _LINUX_ARGS_H

#define __COUNT_ARGS(_0, _1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, \
		     _13, _14, _15, _n, X...) _n
#define COUNT_ARGS(X...) \
	__COUNT_ARGS(, ##X, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)

#define __daxcheck_concat(a, b)	a ## b
#define CONCATENATE(a, b)	__daxcheck_concat(a, b)

#endif /* _LINUX_ARGS_H */
