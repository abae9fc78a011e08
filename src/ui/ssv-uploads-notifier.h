/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-uploads-notifier.h: turns the channel service's "new-uploads" into desktop notifications. */

#pragma once

#include <gio/gio.h>

#include "ssv-channel-service.h"

G_BEGIN_DECLS

#define SSV_TYPE_UPLOADS_NOTIFIER (ssv_uploads_notifier_get_type ())

G_DECLARE_FINAL_TYPE (SsvUploadsNotifier, ssv_uploads_notifier, SSV, UPLOADS_NOTIFIER, GObject)

SsvUploadsNotifier *ssv_uploads_notifier_new    (GApplication       *application,
                                                 SsvChannelService  *service);
void                ssv_uploads_notifier_notify (SsvUploadsNotifier *self,
                                                 GPtrArray          *videos,
                                                 gboolean            catching_up);

G_END_DECLS
