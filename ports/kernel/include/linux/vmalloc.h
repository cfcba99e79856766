/* SPDX-License-Identifier: MIT */
/* vmalloc.h - daxcheck's shim: kv*alloc are in slab.h. */
#include <linux/slab.h>
