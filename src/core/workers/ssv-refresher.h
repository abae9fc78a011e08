/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-refresher.h: re-enrichment: matched titles read again from TMDB (and TheTVDB for a
 * show's air time): airing shows daily, the rest every 30 days, one title on request. */

#pragma once

#include <gio/gio.h>

#include "ssv-clock.h"
#include "ssv-database.h"
#include "ssv-secrets.h"
#include "net/ssv-http.h"
#include "stores/ssv-refresh-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_REFRESHER (ssv_refresher_get_type ())

G_DECLARE_FINAL_TYPE (SsvRefresher, ssv_refresher, SSV, REFRESHER, GObject)

typedef struct
{
  guint       titles;      /* read again */
  guint       changed;     /* of which something changed */
  guint       failed;      /* could not be read this time */
  GPtrArray  *changes;     /* SsvRefreshChange* */
  GPtrArray  *messages;    /* char*: what went wrong, for people */
} SsvRefreshReport;

SsvRefresher     *ssv_refresher_new              (SsvDatabase          *database,
                                                  SsvHttp              *http,
                                                  SsvSecrets           *secrets,
                                                  SsvClock             *clock,
                                                  SsvStore             *library_store);
void              ssv_refresher_follow_scanner   (SsvRefresher         *self,
                                                  GObject              *scanner);
void              ssv_refresher_hold             (SsvRefresher         *self);
void              ssv_refresher_release          (SsvRefresher         *self);
SsvRefreshReport *ssv_refresher_run_sync         (SsvRefresher         *self,
                                                  SsvRefreshScope       scope,
                                                  SsvItemKind           kind,
                                                  gint64                id,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void              ssv_refresher_run_async        (SsvRefresher         *self,
                                                  SsvRefreshScope       scope,
                                                  SsvItemKind           kind,
                                                  gint64                id,
                                                  guint                 limit,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
SsvRefreshReport *ssv_refresher_run_finish       (SsvRefresher         *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

char             *ssv_refresh_report_dup_summary (const SsvRefreshReport *report);
void              ssv_refresh_report_free        (SsvRefreshReport     *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvRefreshReport, ssv_refresh_report_free)

G_END_DECLS
