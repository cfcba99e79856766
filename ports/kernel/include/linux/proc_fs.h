/* SPDX-License-Identifier: MIT */
/* proc_fs.h - daxcheck's shim: CONFIG_PROC_FS is unset, /proc/iomem is not built. */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H
#endif
