/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-key-banner.h: a banner over the library while TMDB has no key (or refuses it). */

#pragma once

#include <gtk/gtk.h>

#include "ssv-secrets.h"
#include "workers/ssv-worker.h"

G_BEGIN_DECLS

#define SSV_TYPE_KEY_BANNER (ssv_key_banner_get_type ())

G_DECLARE_FINAL_TYPE (SsvKeyBanner, ssv_key_banner, SSV, KEY_BANNER, GtkWidget)

void        ssv_key_banner_watch        (SsvKeyBanner *self,
                                         SsvWorker    *worker,
                                         SsvSecrets   *secrets);
gboolean    ssv_key_banner_is_shown     (SsvKeyBanner *self);
const char *ssv_key_banner_get_text     (SsvKeyBanner *self);

G_END_DECLS
