// SPDX-License-Identifier: MIT
/*
 * dispatch.c - a request to its handler through a driver's table
 * (dispatch.h), its arguments parsed as the table's spec says (PROTOCOL.md
 * "Requests": u64 as 0x + hex, decimal integers, percent-encoded strings).
 */
#include <stdlib.h>
#include <string.h>
#include "driver.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * arg_u64 - argument @i as a u64 (0x + hex)
 * @argv: the request's tokens
 * @i: the argument's index
 * @v: where the value goes
 *
 * Return: true, or false after answering "error".
 */
bool arg_u64(char **argv, int i, u64 *v)
{
	const char *s = argv[i];
	int n;

	if (s[0] != '0' || s[1] != 'x' || !s[2] || strlen(s + 2) > 16) {
		answer_error("%s: argument %d: expected a u64 as 0x + hex, got '%.40s'",
			     argv[0], i, s);
		return false;
	}
	*v = 0;
	for (s += 2; *s; s++) {
		n = hexval(*s);
		if (n < 0) {
			answer_error("%s: argument %d: expected a u64 as 0x + hex, got '%.40s'",
				     argv[0], i, argv[i]);
			return false;
		}
		*v = *v << 4 | (u64)n;
	}
	return true;
}

/**
 * arg_long - argument @i as a decimal integer
 * @argv: the request's tokens
 * @i: the argument's index
 * @v: where the value goes
 *
 * Return: true, or false after answering "error".
 */
bool arg_long(char **argv, int i, long *v)
{
	char *end;

	errno = 0;
	*v = strtol(argv[i], &end, 10);
	if (!argv[i][0] || *end || errno) {
		answer_error("%s: argument %d: expected a decimal integer, got '%.40s'",
			     argv[0], i, argv[i]);
		return false;
	}
	return true;
}

/**
 * arg_string - argument @i as a percent-encoded string, decoded in place
 * @argv: the request's tokens
 * @i: the argument's index
 * @s: where the decoded string goes
 *
 * Return: true, or false after answering "error".
 */
bool arg_string(char **argv, int i, char **s)
{
	char *src = argv[i], *dst = argv[i];

	*s = argv[i];
	if (strcmp(src, "~") == 0) {
		*dst = '\0';
		return true;
	}
	while (*src) {
		if (*src == '%') {
			int hi = hexval(src[1]), lo = hi < 0 ? -1 : hexval(src[2]);

			if (lo < 0 || (hi == 0 && lo == 0)) {
				answer_error("%s: argument %d: bad percent escape", argv[0], i);
				return false;
			}
			*dst++ = (char)(hi << 4 | lo);
			src += 3;
		} else {
			*dst++ = *src++;
		}
	}
	*dst = '\0';
	return true;
}

/* Does every literal of @spec ('c': the word changed) stand in @argv? */
static bool literals_match(const char *spec, char **argv)
{
	int i;

	for (i = 0; spec[i]; i++)
		if (spec[i] == 'c' && strcmp(argv[i + 1], "changed") != 0)
			return false;
	return true;
}

/* Is argument @i of @op a word from its spec's list? Answers "error" if not. */
static bool arg_word(const char *op, char kind, const char *word)
{
	switch (kind) {
	case 'k':
		if (strcmp(word, "contiguous") && strcmp(word, "dynamic")) {
			answer_error("%s: KIND must be contiguous or dynamic", op);
			return false;
		}
		return true;
	case 'd':
		if (strcmp(word, "whole") && strcmp(word, "empty") && strcmp(word, "default")) {
			answer_error("%s: SEED must be whole, empty or default", op);
			return false;
		}
		return true;
	default:
		return true;
	}
}

/* Argument @i as its spec character @kind says. Return: false after answering "error". */
static bool arg_parse(char **argv, int i, char kind, union arg *arg)
{
	switch (kind) {
	case 'i':
		return arg_long(argv, i, &arg->l);
	case 'u':
		return arg_u64(argv, i, &arg->u);
	case 's':
		return arg_string(argv, i, &arg->s);
	default:	/* a word: as sent */
		arg->s = argv[i];
		return true;
	}
}

/**
 * request_dispatch - answer a request through a driver's table
 * @ops: the table
 * @nr_ops: its entries
 * @argc: number of tokens
 * @argv: the tokens; argv[0] is the request's name
 *
 * The entry with the request's name, as many arguments and its literals
 * (struct request_op) gets them parsed: the words of its spec first, then the others
 * in order; the first bad one is answered "error", else the handler answers.
 *
 * Return: false if no entry matches (nothing answered), else true.
 */
bool request_dispatch(const struct request_op *ops, size_t nr_ops, int argc, char **argv)
{
	union arg args[16];
	const struct request_op *op;
	int i, n = 0;

	for (op = ops; op < ops + nr_ops; op++) {
		n = (int)strlen(op->spec);
		if (n == argc - 1 && n < 16 && strcmp(op->name, argv[0]) == 0 &&
		    literals_match(op->spec, argv))
			break;
	}
	if (op == ops + nr_ops)
		return false;
	for (i = 0; i < n; i++)
		if (!arg_word(op->name, op->spec[i], argv[i + 1]))
			return true;
	for (i = 0; i < n; i++)
		if (!arg_parse(argv, i + 1, op->spec[i], &args[i]))
			return true;
	op->handler(args);
	return true;
}
