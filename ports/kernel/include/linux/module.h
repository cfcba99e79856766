/* SPDX-License-Identifier: MIT */
/* module.h - daxcheck's shim: nothing of it is needed beyond what device.h has. */
#include <linux/device.h>
