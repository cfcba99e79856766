/* SPDX-License-Identifier: MIT */
/*
 * dispatch.h - the requests a driver answers, as a table of {name, argument
 * spec, handler} (PROTOCOL.md): the table type, the request lists every
 * driver of a suite answers, and the argument parsing from the spec
 * (dispatch.c). Both ports/c and ports/kernel dispatch through it.
 */
#ifndef DAXCHECK_DISPATCH_H
#define DAXCHECK_DISPATCH_H

#include <linux/types.h>

/**
 * union arg - one parsed argument of a request
 * @l: a decimal integer (spec 'i')
 * @u: a u64 written 0x + hex (spec 'u')
 * @s: a percent-encoded string decoded in place (spec 's'), or a word as
 *	sent: 'w' any, 'k' a region kind, 'd' a seed
 */
union arg {
	long l;
	u64 u;
	char *s;
};

/**
 * struct request_op - one request a driver answers
 * @name: the request's first token
 * @spec: a character per argument: 'i', 'u', 's', 'w', 'k' (contiguous or
 *	dynamic), 'd' (whole, empty or default), see union arg; or 'c', the
 *	literal word changed
 * @handler: answers the request; @args[0] is its first argument
 *
 * A request matches the entry with its name, as many arguments as @spec has
 * characters and its literals (else the next entry is tried). The words ('k', 'd') are checked first, then every other
 * argument in order; the first that does not parse is answered "error" and
 * the handler is not called.
 */
struct request_op {
	const char *name;
	const char *spec;
	void (*handler)(union arg *args);
};

/*
 * The requests of each suite, by name and argument spec (PROTOCOL.md): every
 * driver of a suite builds its table from its list, with a handler named
 * do_<name> for each, so a request is declared once for ports/c and
 * ports/kernel alike: REQUEST_OP(name, spec) makes one table entry.
 */
#define TREE_REQUESTS(X)				\
	X(addRoot,		"uus")			\
	X(requestResource,	"iuus")			\
	X(requestRegion,	"iuus")			\
	X(releaseRegion,	"iuu")			\
	X(adjustResource,	"iuu")			\
	X(releaseResource,	"i")

#define DAX_REQUESTS(X)					\
	X(createRegion,		"kuuud")		\
	X(destroyRegion,	"i")			\
	X(addExtent,		"iuus")			\
	X(removeExtent,		"ii")			\
	X(createDevice,		"iu")			\
	X(failAllocation,	"wi")			\
	X(deleteDevice,		"ii")			\
	X(bind,			"ii")			\
	X(unbind,		"ii")			\
	X(resize,		"iiu")			\
	X(setAlign,		"iiu")			\
	X(mapping,		"iiuu")

/* The v11/v10 profile's requests (the C port's dcd-request.c, the kernel harness's driver-v10.c). */
#define DCD_REQUESTS(X)					\
	X(createRegion,		"uuu")			\
	X(createDevice,		"i")			\
	X(deleteDevice,		"ii")			\
	X(resize,		"iiu")			\
	X(addTagGroup,		"iwwi")			\
	X(claim,		"iiw")			\
	X(claimRacing,		"iiwwwi")		\
	X(releaseTagGroup,	"iwiu")

/* fail-nth's requests, answered by the session (driver.c) where the build has it. */
#define FAILNTH_REQUESTS(X)				\
	X(failNth,		"i")			\
	X(allocations,		"")

#define REQUEST_OP(name, spec)	{ #name, spec, do_##name },

bool request_dispatch(const struct request_op *ops, size_t nr_ops, int argc, char **argv);

/* The argument parsers the spec uses: each returns false after answering "error". */
bool arg_u64(char **argv, int i, u64 *v);
bool arg_long(char **argv, int i, long *v);
bool arg_string(char **argv, int i, char **s);	/* decoded in place */

#endif /* DAXCHECK_DISPATCH_H */
