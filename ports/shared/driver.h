/* SPDX-License-Identifier: MIT */
/*
 * driver.h - what the protocol driver's parts share: the output buffer, the
 * canonical JSON writers, the request table and its arguments (dispatch.h), the
 * snapshot writers (snapshot.h) and the self-check (PROTOCOL.md).
 */
#ifndef DAXCHECK_DRIVER_H
#define DAXCHECK_DRIVER_H

#include "compat.h"
#include "dispatch.h"
#include "snapshot.h"

/* Output: one buffer, written to stdout when stdin has no buffered request left. */
void out_bytes(const char *s, size_t n);
void out_str(const char *s);
void out_char(char c);
void out_u64(u64 v);			/* 0x... */
void out_long(long v);			/* decimal */
void out_json_u64(u64 v);		/* "0x..." */
void out_json_string(const char *s);	/* "..." with \" \\ \u00xx */
void out_json_bool(bool v);
void out_flush(void);			/* write the buffer now */

/* Answers. */
void answer_ok(void);
void answer_id(long id);
void answer_err(int err);		/* err ENAME from a negative errno */
void answer_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void answer_rc(int rc);			/* ok, or err ENAME from a negative rc */

/* A tag group's extents, OFFSET:LEN[,...] or ~ (extent-list.c); false after answering. */
bool parse_extent_list(const char *op, const char *text, u64 *off, u64 *len,
		       int max, int *n);
void answer_created(int rc);		/* ok ID, or err ENAME from a negative rc */

/* The self-check (PROTOCOL.md "The self-check"): checks return false after check_bad(). */
struct resource;
bool check_bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void check_answer(bool ok_so_far);
bool check_resource_tree(const struct resource *parent, long *count);

/*
 * The two suites: *_new() returns false when this build lacks the suite (the
 * port then answers "new tree"/"new dax" with err EINVAL); *_request() returns
 * false if it does not know argv[0]; *_check() is the suite's self-check.
 */
bool tree_new(void);
void tree_free(void);
bool tree_request(int argc, char **argv);
void tree_observe(void);
bool tree_check(void);
bool dax_new(void);
void dax_free(void);
bool dax_request(int argc, char **argv);
void dax_observe(void);
bool dax_check(void);
int dax_set_fault(const char *name);

/*
 * The DCD suite (PROTOCOL.md "The v11/v10 profile"): dcd_new() returns false
 * when this build lacks @profile ("new dcd v11|v10" is then err EINVAL). The
 * driver's own definitions are weak: a build without the suite links them.
 */
bool dcd_new(const char *profile);
void dcd_free(void);
bool dcd_request(int argc, char **argv);
void dcd_observe(void);
bool dcd_check(void);
int dcd_set_fault(const char *name);

/*
 * Called before every operation of a suite: where a build watches it (the
 * kernel harness: an endless loop in kernel code is stopped, naming it). The
 * C port watches nothing.
 */
void request_watch(int argc, char **argv);

/*
 * Called after every request: where a build checks what must hold between
 * calls (the kernel harness: no lock left held). The C port checks nothing.
 */
void request_done(const char *op);

#endif /* DAXCHECK_DRIVER_H */
