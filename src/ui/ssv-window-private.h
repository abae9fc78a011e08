/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-window-private.h: what tests and benchmarks may ask of the window beyond its API. */

#pragma once

#include "ssv-window.h"

G_BEGIN_DECLS

SsvPage *ssv_window_build_page (SsvWindow  *self,
                                const char *name);

G_END_DECLS
