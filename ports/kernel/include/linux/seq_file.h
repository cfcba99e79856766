/* SPDX-License-Identifier: MIT */
/* seq_file.h - daxcheck's shim: CONFIG_PROC_FS is unset, nothing is shown in /proc. */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H
#endif
