/* SPDX-License-Identifier: MIT */
/* mount.h - daxcheck's shim: what kernel/resource.c needs of it is in fs.h. */
#include <linux/fs.h>
