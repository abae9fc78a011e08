/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-pattern-literals.h: the words a regular expression cannot match without, to skip it cheaply. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       **ssv_pattern_required_literals (const char         *pattern);
const char  *ssv_pattern_fold_name         (const char         *name,
                                            char               *buffer,
                                            gsize               size);
gboolean     ssv_pattern_may_match         (const char * const *literals,
                                            const char         *folded);

G_END_DECLS
