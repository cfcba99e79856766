/* SPDX-License-Identifier: MIT */
/* ioport.h - the C port's <linux/ioport.h>: ports/c/ioport.h. */
#include "../../ioport.h"
