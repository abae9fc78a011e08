/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-logind.h: a private system bus with a mocked logind, for sleep and wake in tests. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  GPid  bus;
  GPid  mock;
} SsvTestLogind;

void  ssv_test_logind_up                 (SsvTestLogind *logind);
void  ssv_test_logind_down               (SsvTestLogind *logind);
void  ssv_test_logind_prepare_for_sleep  (gboolean       going);

G_END_DECLS
