// SPDX-License-Identifier: MIT
/*
 * driver.c - speaks daxcheck's port protocol (PROTOCOL.md) on stdin/stdout and hands
 * each request to the tree part (driver-tree.c) or the DAX part (driver-dax.c), and
 * `check` to their self-checks (check.c, dax-check.c).
 * Answers are buffered and written out when no complete request is left in the
 * input buffer, so that a pipelined batch costs a few system calls.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "driver.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#endif

#ifndef PORT_NAME
#define PORT_NAME "c-port"
#endif
/*
 * The capabilities announced after the name (PROTOCOL.md "Handshake"), each
 * after one space; a build may announce none with -DPORT_CAPABILITIES='""'.
 * `leaks` only where the build's compat.h defines DAXCHECK_LEDGER (the allocation
 * ledger of slab.c), and `failnth` only where it defines DAXCHECK_FAILNTH (failnth.c):
 * ports/c/compat.h defines both, the kernel harness's harness/compat.h neither.
 */
#ifndef PORT_CAPABILITIES
#if DAXCHECK_LEDGER
#define CAP_LEAKS " leaks"
#else
#define CAP_LEAKS ""
#endif
#if DAXCHECK_FAILNTH
#define CAP_FAILNTH " failnth"
#else
#define CAP_FAILNTH ""
#endif
#define PORT_CAPABILITIES " check" CAP_LEAKS CAP_FAILNTH
#endif

static char *out;
static size_t out_len, out_cap;

/**
 * out_flush - write the buffered answers to stdout now
 *
 * Also called by a harness that is about to abort (ports/kernel/harness.c), so
 * that the client sees every answer given before the request that failed.
 */
void out_flush(void)
{
	size_t done = 0;

	while (done < out_len) {
		ssize_t n = write(STDOUT_FILENO, out + done, out_len - done);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			exit(1);
		}
		done += (size_t)n;
	}
	out_len = 0;
}

static void out_reserve(size_t n)
{
	if (out_len + n <= out_cap)
		return;
	while (out_len + n > out_cap)
		out_cap = out_cap ? 2 * out_cap : 1 << 16;
	out = realloc(out, out_cap);
	if (!out)
		abort();
}

/**
 * out_bytes - append bytes to the answer buffer
 * @s: the bytes
 * @n: how many
 */
void out_bytes(const char *s, size_t n)
{
	out_reserve(n);
	memcpy(out + out_len, s, n);
	out_len += n;
}

/**
 * out_str - append a C string to the answer buffer
 * @s: the string
 */
void out_str(const char *s)
{
	out_bytes(s, strlen(s));
}

/**
 * out_char - append one byte to the answer buffer
 * @c: the byte
 */
void out_char(char c)
{
	out_reserve(1);
	out[out_len++] = c;
}

/**
 * out_u64 - append a u64 as 0x + lowercase hex without leading zeros
 * @v: the value
 */
void out_u64(u64 v)
{
	char buf[18];
	int i = sizeof(buf);

	do {
		buf[--i] = "0123456789abcdef"[v & 0xf];
		v >>= 4;
	} while (v);
	buf[--i] = 'x';
	buf[--i] = '0';
	out_bytes(buf + i, sizeof(buf) - i);
}

/**
 * out_long - append a decimal integer
 * @v: the value
 */
void out_long(long v)
{
	char buf[24];
	int n = snprintf(buf, sizeof(buf), "%ld", v);

	out_bytes(buf, (size_t)n);
}

/**
 * out_json_u64 - append a u64 as a JSON string "0x..."
 * @v: the value
 */
void out_json_u64(u64 v)
{
	out_char('"');
	out_u64(v);
	out_char('"');
}

/**
 * out_json_string - append a JSON string: \" and \\ escaped, bytes below 0x20 as
 * \u00xx, every other byte as is
 * @s: the string
 */
void out_json_string(const char *s)
{
	const unsigned char *p;

	out_char('"');
	for (p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			out_char('\\');
			out_char((char)*p);
		} else if (*p < 0x20) {
			char buf[7];

			snprintf(buf, sizeof(buf), "\\u%04x", *p);
			out_bytes(buf, 6);
		} else {
			out_char((char)*p);
		}
	}
	out_char('"');
}

/**
 * out_json_bool - append true or false
 * @v: the value
 */
void out_json_bool(bool v)
{
	out_str(v ? "true" : "false");
}

/**
 * answer_ok - answer "ok"
 */
void answer_ok(void)
{
	out_bytes("ok\n", 3);
}

/**
 * answer_id - answer "ok ID"
 * @id: the created object's id
 */
void answer_id(long id)
{
	out_bytes("ok ", 3);
	out_long(id);
	out_char('\n');
}

/**
 * answer_rc - answer a call's return code: "ok", or "err ENAME"
 * @rc: 0 or more, or a negative errno
 */
void answer_rc(int rc)
{
	if (rc < 0)
		answer_err(rc);
	else
		answer_ok();
}

/**
 * answer_created - answer a create's return: "ok ID", or "err ENAME"
 * @rc: the new object's id, or a negative errno
 */
void answer_created(int rc)
{
	if (rc < 0)
		answer_err(rc);
	else
		answer_id(rc);
}

static const char *errno_name(int err)
{
	switch (-err) {
	case EINVAL: return "EINVAL";
	case EBUSY: return "EBUSY";
	case ENOSPC: return "ENOSPC";
	case ENOMEM: return "ENOMEM";
	case ENXIO: return "ENXIO";
	case ENOENT: return "ENOENT";
	case EOPNOTSUPP: return "EOPNOTSUPP";
	default: return NULL;
	}
}

/**
 * answer_err - answer "err ENAME"
 * @err: a negative errno
 */
void answer_err(int err)
{
	const char *name = errno_name(err);

	if (!name) {
		answer_error("unexpected errno %d", err);
		return;
	}
	out_bytes("err ", 4);
	out_str(name);
	out_char('\n');
}

/**
 * answer_error - answer "error MESSAGE" (a request the port cannot handle)
 * @fmt: printf format of the message
 */
void answer_error(const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	for (int i = 0; i < n; i++)
		if (buf[i] == '\n')
			buf[i] = ' ';
	out_bytes("error ", 6);
	out_bytes(buf, (size_t)n);
	out_char('\n');
}

enum suite { SUITE_NONE, SUITE_TREE, SUITE_DAX, SUITE_DCD };
static enum suite suite;

/* The current instance's last snapshot answer, for "observe changed" (PROTOCOL.md). */
static char *last_snap;
static size_t last_snap_len, last_snap_cap;
static bool last_snap_valid;

/*
 * What the last dropped instance left behind (PROTOCOL.md "Leaks"): answered as
 * "bad TEXT" by a "check" that comes right after the "new", forgotten by any other
 * request.
 */
static char leak_text[256];

/* Where the leaked allocations were made (the kernel harness: ": SITE, ..."). */
#ifndef LEDGER_WHERE
#define LEDGER_WHERE() ""
#endif
/* The leak was answered: what it left is not reported again at exit (the kernel harness). */
#ifndef LEDGER_REPORTED
#define LEDGER_REPORTED() do { } while (0)
#endif

/**
 * drop_instance - free the current instance, and hold what it left in the
 * allocation ledger (kmem_live) against it
 */
static void drop_instance(void)
{
	const char *name = suite == SUITE_TREE ? "tree" : suite == SUITE_DAX ? "dax" : "dcd";

	if (suite == SUITE_TREE)
		tree_free();
	else if (suite == SUITE_DAX)
		dax_free();
	else if (suite == SUITE_DCD)
		dcd_free();
#if DAXCHECK_LEDGER
	if (suite != SUITE_NONE && kmem_live != 0)
		snprintf(leak_text, sizeof(leak_text),
			 "leak: the dropped %s instance left %ld allocation(s) behind%s", name,
			 kmem_live, LEDGER_WHERE());
	kmem_live = 0;
#else
	(void)name;
#endif
	suite = SUITE_NONE;
	last_snap_valid = false;
}

/**
 * check - answer "check": a leak of the dropped instance first, else the current
 * instance's own invariants
 */
static void check(void)
{
	if (leak_text[0]) {
		out_str("bad ");
		out_str(leak_text);
		out_char('\n');
		leak_text[0] = '\0';
		LEDGER_REPORTED();
	} else if (suite == SUITE_TREE) {
		check_answer(tree_check());
	} else if (suite == SUITE_DAX) {
		check_answer(dax_check());
	} else if (suite == SUITE_DCD) {
		check_answer(dcd_check());
	} else {
		answer_error("check: no instance (send new tree or new dax first)");
	}
}

/**
 * observe - answer the snapshot; with @changed, "same" when its line equals the
 * instance's previous snapshot answer
 * @changed: the request was "observe changed"
 */
static void observe(bool changed)
{
	size_t start = out_len, n;

	if (suite == SUITE_TREE) {
		tree_observe();
	} else if (suite == SUITE_DAX) {
		dax_observe();
	} else if (suite == SUITE_DCD) {
		dcd_observe();
	} else {
		answer_error("observe: no instance (send new tree or new dax first)");
		return;
	}
	n = out_len - start;
	if (changed && last_snap_valid && n == last_snap_len && memcmp(out + start, last_snap, n) == 0) {
		out_len = start;
		out_str("same\n");
		return;
	}
	if (n > last_snap_cap) {
		last_snap_cap = n;
		last_snap = realloc(last_snap, n);
		if (!last_snap)
			abort();
	}
	memcpy(last_snap, out + start, n);
	last_snap_len = n;
	last_snap_valid = true;
}

static bool quitting;

/* The session's request handlers (session_ops): arguments as the spec parsed them. */
static void do_quit(union arg *args)
{
	(void)args;
	quitting = true;
}

static void do_new(union arg *args)
{
	if (strcmp(args[0].s, "tree") == 0) {
		drop_instance();
		if (!tree_new()) {
			answer_err(-EINVAL);
			return;
		}
		suite = SUITE_TREE;
	} else if (strcmp(args[0].s, "dax") == 0) {
		drop_instance();
		if (!dax_new()) {
			answer_err(-EINVAL);
			return;
		}
		suite = SUITE_DAX;
	} else {
		answer_error("new: expected tree, dax or dcd PROFILE, got '%.40s'", args[0].s);
		return;
	}
	answer_ok();
}

/* "new dcd PROFILE": the DCD suite of that profile (driver.h), where this build has it. */
static void do_new_dcd(union arg *args)
{
	if (strcmp(args[0].s, "dcd") != 0) {
		answer_error("new: expected tree, dax or dcd PROFILE, got '%.40s'", args[0].s);
		return;
	}
	drop_instance();
	if (!dcd_new(args[1].s)) {
		answer_err(-EINVAL);
		return;
	}
	suite = SUITE_DCD;
	answer_ok();
}

static void do_observe(union arg *args)
{
	(void)args;
	observe(false);
}

static void do_observe_changed(union arg *args)
{
	(void)args;
	observe(true);
}

static void do_check(union arg *args)
{
	(void)args;
	check();
}

static void do_fault(union arg *args)
{
	if ((suite == SUITE_DAX && dax_set_fault(args[0].s) == 0) ||
	    (suite == SUITE_DCD && dcd_set_fault(args[0].s) == 0))
		answer_ok();
	else
		answer_err(-EINVAL);
}

#if DAXCHECK_FAILNTH
static void do_failNth(union arg *args)
{
	answer_rc(failnth_arm(args[0].l));
}

static void do_allocations(union arg *args)
{
	static char text[4096];

	(void)args;
	failnth_answer(text, sizeof(text));
	out_str(text);
	out_char('\n');
}
#endif

/* The requests of the session itself (PROTOCOL.md), before the current suite's. */
static const struct request_op session_ops[] = {
	{ "quit", "", do_quit },
	{ "new", "w", do_new },
	{ "new", "ww", do_new_dcd },
	{ "observe", "", do_observe },
	{ "observe", "c", do_observe_changed },
	{ "check", "", do_check },
	{ "fault", "s", do_fault },
#if DAXCHECK_FAILNTH
	FAILNTH_REQUESTS(REQUEST_OP)
#endif
};

/*
 * The DCD suite where this build has none (driver.h): "new dcd PROFILE"
 * answers err EINVAL. A driver with the suite defines these again.
 */
__attribute__((weak)) bool dcd_new(const char *profile)
{
	(void)profile;
	return false;
}

__attribute__((weak)) int dcd_set_fault(const char *name)
{
	(void)name;
	return -EINVAL;
}

__attribute__((weak)) void dcd_free(void)
{
}

__attribute__((weak)) bool dcd_request(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return false;
}

__attribute__((weak)) void dcd_observe(void)
{
}

__attribute__((weak)) bool dcd_check(void)
{
	return true;
}

/* One request line (without LF). Return: false on quit. */
static bool handle(char *line)
{
	char *argv[16];
	int argc = 0;
	char *p = line;

	for (;;) {
		if (argc == 16) {
			answer_error("too many tokens");
			return true;
		}
		argv[argc++] = p;
		p = strchr(p, ' ');
		if (!p)
			break;
		*p++ = '\0';
	}
	if (strcmp(argv[0], "check") != 0)
		leak_text[0] = '\0';	/* only the check right after new answers it */
	if (request_dispatch(session_ops, sizeof(session_ops) / sizeof(session_ops[0]), argc, argv))
		return !quitting;
	if (suite != SUITE_NONE) {
		bool known;

#if DAXCHECK_FAILNTH
		/* an operation: fail-nth counts its allocations (failnth.c) */
		failnth_begin();
#endif
		request_watch(argc, argv);
		known = suite == SUITE_TREE ? tree_request(argc, argv) :
			suite == SUITE_DAX ? dax_request(argc, argv) : dcd_request(argc, argv);
#if DAXCHECK_FAILNTH
		failnth_end();
#endif
		if (known)
			return true;
	}
	answer_error("unknown request '%.40s' with %d arguments%s", argv[0], argc - 1,
		     suite == SUITE_NONE ? " (no instance: send new tree or new dax first)" : "");
	return true;
}

/**
 * main - the protocol loop: handshake, then one answer per request until quit or EOF
 *
 * Return: 0.
 */
int main(void)
{
	size_t cap = 1 << 16, len = 0, pos = 0;
	char *in = malloc(cap);
	bool handshaken = false;

	if (!in)
		return 1;
	compat_verbose = getenv("DAXCHECK_VERBOSE") != NULL;
#if defined(__SANITIZE_ADDRESS__)
	/* a sanitizer report ends the process: give the answers before it first */
	__sanitizer_set_death_callback(out_flush);
#endif
	for (;;) {
		char *nl = memchr(in + pos, '\n', len - pos);
		ssize_t n;

		if (nl) {
			char *line = in + pos;

			*nl = '\0';
			pos = (size_t)(nl - in) + 1;
			if (!handshaken) {
				if (strcmp(line, "daxcheck 1") == 0) {
					out_str("daxcheck 1 " PORT_NAME PORT_CAPABILITIES "\n");
					handshaken = true;
				} else {
					answer_error("unsupported protocol version");
				}
				continue;
			}
			if (!handle(line))
				break;
			request_done(line);
			continue;
		}
		/* no complete request left: answer what we have, then block for more */
		out_flush();
		if (pos) {
			memmove(in, in + pos, len - pos);
			len -= pos;
			pos = 0;
		}
		if (len == cap) {
			cap *= 2;
			in = realloc(in, cap);
			if (!in)
				return 1;
		}
		n = read(STDIN_FILENO, in + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (len && handshaken) {	/* a last request without LF */
				in[len] = '\0';
				if (len < cap)
					handle(in);
			}
			break;
		}
		len += (size_t)n;
	}
	out_flush();
	drop_instance();
	free(in);
	free(out);
	free(last_snap);
	return 0;
}
