/* SPDX-License-Identifier: MIT */
/*
 * ioport.h - struct resource and the resource tree API of kernel/resource.c, as
 * daxcheck's callers use it. A kernel harness replaces this header and resource.c
 * with the kernel's own.
 */
#ifndef DAXCHECK_IOPORT_H
#define DAXCHECK_IOPORT_H

#include <linux/types.h>

struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
	struct resource *parent, *sibling, *child;
};

#define IORESOURCE_MEM	0x00000200
#define IORESOURCE_BUSY	0x80000000

/**
 * resource_size - the number of bytes in @res
 * @res: the resource
 *
 * Return: end - start + 1 (0 for the whole 64-bit space, as in the kernel).
 */
static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

struct resource *request_resource_conflict(struct resource *root, struct resource *new);
int request_resource(struct resource *root, struct resource *new);
int release_resource(struct resource *old);
int adjust_resource(struct resource *res, resource_size_t start, resource_size_t size);
struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags);
void __release_region(struct resource *parent, resource_size_t start, resource_size_t n);

#endif /* DAXCHECK_IOPORT_H */
