/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-actions.h: what a title page does: refresh its metadata now, re-match with TMDB
 * or TheTVDB, edit details with a lock per field, and mark watched or unwatched on the
 * server too. */

#pragma once

#include <gio/gio.h>

#include "ssv-database.h"
#include "ssv-secrets.h"
#include "net/ssv-http.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-library-store.h"
#include "stores/ssv-title-edit-store.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-refresher.h"

G_BEGIN_DECLS

#define SSV_TYPE_TITLE_ACTIONS (ssv_title_actions_get_type ())

G_DECLARE_FINAL_TYPE (SsvTitleActions, ssv_title_actions, SSV, TITLE_ACTIONS, GObject)

SsvTitleActions  *ssv_title_actions_new                 (SsvDatabase          *database,
                                                         SsvHttp              *http,
                                                         SsvSecrets           *secrets,
                                                         SsvLibraryStore      *library,
                                                         SsvScanner           *scanner,
                                                         SsvEnrichmentEngine  *engine,
                                                         SsvRefresher         *refresher);

/* Blocking: worker threads, the CLI, tests. */
gboolean          ssv_title_actions_set_watched_sync    (SsvTitleActions      *self,
                                                         SsvWatchTarget        target,
                                                         gint64                id,
                                                         int                   season_number,
                                                         gboolean              watched,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
gboolean          ssv_title_actions_edit_sync           (SsvTitleActions      *self,
                                                         SsvMediaKind          kind,
                                                         gint64                id,
                                                         const char * const   *fields,
                                                         const char * const   *lock,
                                                         const char * const   *unlock,
                                                         GError              **error);
GPtrArray        *ssv_title_actions_search_sync         (SsvTitleActions      *self,
                                                         const char           *provider,
                                                         SsvItemKind           kind,
                                                         const char           *query,
                                                         int                   year,
                                                         GCancellable         *cancellable,
                                                         GError              **error);
gboolean          ssv_title_actions_rematch_sync        (SsvTitleActions      *self,
                                                         const char           *provider,
                                                         SsvItemKind           kind,
                                                         gint64                id,
                                                         gint64                provider_id,
                                                         GError              **error);

/* For the UI thread; each finishes with ssv_title_actions_finish() (TRUE, or an error),
 * but search (ssv_title_actions_search_finish) and refresh (a report). */
void              ssv_title_actions_set_watched_async   (SsvTitleActions      *self,
                                                         SsvWatchTarget        target,
                                                         gint64                id,
                                                         int                   season_number,
                                                         gboolean              watched,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void              ssv_title_actions_edit_async          (SsvTitleActions      *self,
                                                         SsvMediaKind          kind,
                                                         gint64                id,
                                                         const char * const   *fields,
                                                         const char * const   *lock,
                                                         const char * const   *unlock,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
void              ssv_title_actions_rematch_async       (SsvTitleActions      *self,
                                                         const char           *provider,
                                                         SsvItemKind           kind,
                                                         gint64                id,
                                                         gint64                provider_id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          ssv_title_actions_finish              (SsvTitleActions      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              ssv_title_actions_search_async        (SsvTitleActions      *self,
                                                         const char           *provider,
                                                         SsvItemKind           kind,
                                                         const char           *query,
                                                         int                   year,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GPtrArray        *ssv_title_actions_search_finish       (SsvTitleActions      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              ssv_title_actions_refresh_async       (SsvTitleActions      *self,
                                                         SsvItemKind           kind,
                                                         gint64                id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
SsvRefreshReport *ssv_title_actions_refresh_finish      (SsvTitleActions      *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              ssv_title_actions_locked_fields_async (SsvTitleActions      *self,
                                                         SsvMediaKind          kind,
                                                         gint64                id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
char            **ssv_title_actions_locked_fields_finish (SsvTitleActions     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_END_DECLS
