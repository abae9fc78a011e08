/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-application.h: the application: opens the library, owns the context, app actions. */

#pragma once

#include <adwaita.h>

#include "ssv-context.h"

G_BEGIN_DECLS

#define SSV_TYPE_APPLICATION (ssv_application_get_type ())

G_DECLARE_FINAL_TYPE (SsvApplication, ssv_application, SSV, APPLICATION, AdwApplication)

SsvApplication *ssv_application_new          (void);
SsvContext     *ssv_application_get_context  (SsvApplication *self);
void            ssv_application_stop_work    (SsvApplication *self);

G_END_DECLS
