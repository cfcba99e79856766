/* SPDX-License-Identifier: MIT */
/* magic.h - daxcheck's shim for <uapi/linux/magic.h>. */
#ifndef _UAPI_LINUX_MAGIC_H
#define _UAPI_LINUX_MAGIC_H

#define DEVMEM_MAGIC	0x454d444d

#endif /* _UAPI_LINUX_MAGIC_H */
