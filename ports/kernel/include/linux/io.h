/* SPDX-License-Identifier: MIT */
/* io.h - daxcheck's shim: nothing of it is needed beyond what device.h has. */
#include <linux/device.h>
