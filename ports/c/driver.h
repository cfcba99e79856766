/* SPDX-License-Identifier: MIT */
/*
 * driver.h - what the protocol driver's parts share: the output buffer, the
 * canonical JSON writers, the request arguments and the self-check (PROTOCOL.md).
 */
#ifndef DAXCHECK_DRIVER_H
#define DAXCHECK_DRIVER_H

#include "compat.h"

/* Output: one buffer, written to stdout when stdin has no buffered request left. */
void out_bytes(const char *s, size_t n);
void out_str(const char *s);
void out_char(char c);
void out_u64(u64 v);			/* 0x... */
void out_long(long v);			/* decimal */
void out_json_u64(u64 v);		/* "0x..." */
void out_json_string(const char *s);	/* "..." with \" \\ \u00xx */
void out_json_bool(bool v);

/* Answers. */
void answer_ok(void);
void answer_id(long id);
void answer_err(int err);		/* err ENAME from a negative errno */
void answer_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Request arguments: argv[0] is the operation. Each returns false after answering "error". */
bool arg_u64(char **argv, int i, u64 *v);
bool arg_long(char **argv, int i, long *v);
bool arg_string(char **argv, int i, char **s);	/* decoded in place */

/* The self-check (PROTOCOL.md "The self-check"): checks return false after check_bad(). */
struct resource;
bool check_bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void check_answer(bool ok_so_far);
bool check_resource_tree(const struct resource *parent, long *count);

/* The two suites: each returns false if it does not know argv[0]. */
void tree_new(void);
void tree_free(void);
bool tree_request(int argc, char **argv);
void tree_observe(void);
bool tree_check(void);
void dax_new(void);
void dax_free(void);
bool dax_request(int argc, char **argv);
void dax_observe(void);
bool dax_check(void);
int dax_set_fault(const char *name);

#endif /* DAXCHECK_DRIVER_H */
