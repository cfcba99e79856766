/* SPDX-License-Identifier: MIT */
/* ioport.h - the kernel harness's stand-in for ports/c/ioport.h: the tree's own. */
#include <linux/ioport.h>
