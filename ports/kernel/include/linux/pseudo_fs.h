/* SPDX-License-Identifier: MIT */
/* pseudo_fs.h - daxcheck's shim: what kernel/resource.c needs of it is in fs.h. */
#include <linux/fs.h>
