// SPDX-License-Identifier: MIT
/*
 * driver-nodax.c - the DAX part of a harness built without drivers/dax/bus.c:
 * the port has the resource tree suite only and answers "new dax" with
 * err EINVAL (PROTOCOL.md, "A port may implement one suite only").
 */
#include "driver.h"

/**
 * dax_new - this build has no DAX suite
 *
 * Return: false.
 */
bool dax_new(void)
{
	return false;
}

/**
 * dax_free - nothing to free
 */
void dax_free(void)
{
}

/**
 * dax_request - no DAX request is known here
 * @argc: number of tokens
 * @argv: the tokens
 *
 * Return: false.
 */
bool dax_request(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return false;
}

/**
 * dax_observe - never called: no DAX instance can exist
 */
void dax_observe(void)
{
}

/**
 * dax_check - never called: no DAX instance can exist
 *
 * Return: true.
 */
bool dax_check(void)
{
	return true;
}

/**
 * dax_set_fault - no fault is known here
 * @name: the fault's name
 *
 * Return: -EINVAL.
 */
int dax_set_fault(const char *name)
{
	(void)name;
	return -EINVAL;
}
