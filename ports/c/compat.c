// SPDX-License-Identifier: MIT
/*
 * compat.c - the C port's own facilities beside the shared shims (ports/shared):
 * failure injection at daxcheck's named allocation points, and its (empty) check
 * between requests.
 */
#include <string.h>
#include "compat.h"

static long alloc_armed[NR_ALLOC_POINTS];

/**
 * alloc_point_arm - make the @nth allocation at @point from now fail
 * @point: the allocation point
 * @nth: 1 for the next allocation; re-arming replaces the count
 *
 * Return: 0, or -EINVAL for an unknown point or @nth < 1.
 */
int alloc_point_arm(enum alloc_point point, long nth)
{
	if ((unsigned int)point >= NR_ALLOC_POINTS || nth < 1)
		return -EINVAL;
	alloc_armed[point] = nth;
	return 0;
}

/**
 * should_fail_alloc - count one allocation at @point
 * @point: the allocation point
 *
 * Return: true when this allocation must fail (the point is then disarmed).
 */
bool should_fail_alloc(enum alloc_point point)
{
	if (!alloc_armed[point])
		return false;
	return --alloc_armed[point] == 0;
}

/**
 * alloc_points_reset - disarm every allocation point
 */
void alloc_points_reset(void)
{
	memset(alloc_armed, 0, sizeof(alloc_armed));
}

/**
 * request_watch - the C port watches no request (the kernel harness stops endless loops)
 * @argc: number of tokens
 * @argv: the request's tokens
 */
void request_watch(int argc, char **argv)
{
	(void)argc;
	(void)argv;
}

/**
 * request_done - the C port checks nothing between requests
 * @op: the request just answered
 */
void request_done(const char *op)
{
	(void)op;
}
