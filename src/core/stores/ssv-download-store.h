/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-store.h: indexers, download clients, downloads with their candidates, tries and timeline. */

#pragma once

#include "stores/ssv-store.h"
#include "downloads/ssv-download-client.h"
#include "model/ssv-download.h"

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOAD_STORE (ssv_download_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvDownloadStore, ssv_download_store, SSV, DOWNLOAD_STORE, SsvStore)

/* An indexer as configured; its API key is in the keyring (ssv_secrets_indexer_key()). */
typedef struct
{
  gint64    id;
  char     *kind;          /* "torznab", "newznab", "prowlarr", "slskd" */
  char     *name;
  char     *url;
  gboolean  enabled;
  GArray   *categories;    /* int: the selected categories */
} SsvIndexerRow;

/* A download client as configured; its secret is in the keyring (ssv_secrets_client_key()). */
typedef struct
{
  gint64         id;
  SsvClientKind  kind;
  char          *name;
  char          *url;
  char          *username;
  char          *category;
  char          *save_path;
  gboolean       enabled;
  gboolean       is_default;  /* for its protocol */
  double         seed_ratio;    /* seeding goal: NAN for none */
  gint64         seed_minutes;  /* seeding goal: -1 for none */
} SsvClientRow;

/* Everything one grab writes at once. */
typedef struct
{
  const SsvDownloadWanted    *wanted;
  const SsvDownloadCandidate *chosen;
  GPtrArray                  *others;         /* SsvDownloadCandidate, best first; may be NULL */
  gint64                      client_id;      /* 0: none took it */
  const char                 *client_name;
  const char                 *reference;      /* NULL when the client refused */
  gint64                      profile_id;     /* 0: none */
  SsvDownloadStatus           status;         /* queued, or failed with @error */
  const char                 *error;
  const char                 *event;          /* the first line of the timeline */
  const char * const         *queries;        /* the queries the search tried; may be NULL */
} SsvGrabRecord;

/* What a poll of a client said about one download. */
typedef struct
{
  gint64             id;
  SsvDownloadStatus  status;
  double             progress;
  gint64             speed;
  gint64             eta;
  const char        *error;         /* NULL: clear it */
  const char        *content_path;  /* NULL: keep it */
} SsvDownloadProgress;

/* A set of statuses for ssv_download_store_move_status(). */
#define SSV_DOWNLOAD_STATUS_BIT(status) (1u << (status))
#define SSV_DOWNLOAD_STATUS_ANY         ((1u << SSV_DOWNLOAD_N_STATUSES) - 1)

/* The queries lists run; tests check each walks an index. */
extern const char * const ssv_download_store_active_sql;
extern const char * const ssv_download_store_recent_sql;
extern const char * const ssv_download_store_unimported_sql;
extern const char * const ssv_download_store_events_sql;
extern const char * const ssv_download_store_candidates_sql;

SsvDownloadStore *ssv_download_store_new                (SsvDatabase          *database);

const char       *ssv_download_protocol_of_client       (SsvClientKind         kind);

/* Indexers */
gint64            ssv_download_store_add_indexer        (SsvDownloadStore     *self,
                                                         const char           *kind,
                                                         const char           *name,
                                                         const char           *url,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_indexers      (SsvDownloadStore     *self,
                                                         gboolean              enabled_only,
                                                         GError              **error);
SsvIndexerRow    *ssv_download_store_find_indexer       (SsvDownloadStore     *self,
                                                         const char           *name,
                                                         GError              **error);
gboolean          ssv_download_store_set_indexer_categories (SsvDownloadStore *self,
                                                         gint64                indexer_id,
                                                         const int            *ids,
                                                         const int            *parents,
                                                         const char * const   *names,
                                                         const gboolean       *selected_if_new,
                                                         guint                 n_categories,
                                                         GError              **error);
gboolean          ssv_download_store_select_indexer_categories (SsvDownloadStore *self,
                                                         gint64                indexer_id,
                                                         const int            *ids,
                                                         guint                 n_ids,
                                                         GError              **error);
gboolean          ssv_download_store_remove_indexer     (SsvDownloadStore     *self,
                                                         gint64                indexer_id,
                                                         GError              **error);
void              ssv_indexer_row_free                  (SsvIndexerRow        *row);

/* Download clients */
gint64            ssv_download_store_add_client         (SsvDownloadStore     *self,
                                                         SsvClientKind         kind,
                                                         const char           *name,
                                                         const char           *url,
                                                         const char           *username,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_clients       (SsvDownloadStore     *self,
                                                         GError              **error);
SsvClientRow     *ssv_download_store_find_client        (SsvDownloadStore     *self,
                                                         const char           *name,
                                                         GError              **error);
SsvClientRow     *ssv_download_store_get_client         (SsvDownloadStore     *self,
                                                         gint64                client_id,
                                                         GError              **error);
SsvClientRow     *ssv_download_store_dup_default_client (SsvDownloadStore     *self,
                                                         const char           *protocol,
                                                         GError              **error);
gboolean          ssv_download_store_set_default_client (SsvDownloadStore     *self,
                                                         const char           *protocol,
                                                         gint64                client_id,
                                                         GError              **error);
gboolean          ssv_download_store_remove_client      (SsvDownloadStore     *self,
                                                         gint64                client_id,
                                                         GError              **error);
gboolean          ssv_download_store_set_seeding_goal   (SsvDownloadStore     *self,
                                                         gint64                client_id,
                                                         double                ratio,
                                                         gint64                minutes,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_seeding       (SsvDownloadStore     *self,
                                                         GError              **error);
gboolean          ssv_download_store_mark_released      (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         const char           *event,
                                                         GError              **error);
void              ssv_client_row_free                   (SsvClientRow         *row);

gint64            ssv_download_store_find_wanted_movie  (SsvDownloadStore     *self,
                                                         gint64                tmdb_id,
                                                         GError              **error);
gint64            ssv_download_store_find_wanted        (SsvDownloadStore     *self,
                                                         const SsvDownloadWanted *wanted,
                                                         GError              **error);

/* Downloads */
gint64            ssv_download_store_record_grab        (SsvDownloadStore     *self,
                                                         const SsvGrabRecord  *record,
                                                         GError              **error);
SsvDownload      *ssv_download_store_get                (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list               (SsvDownloadStore     *self,
                                                         gboolean              active_only,
                                                         guint                 limit,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_unimported    (SsvDownloadStore     *self,
                                                         GError              **error);
gint64            ssv_download_store_count_active       (SsvDownloadStore     *self,
                                                         GError              **error);
gboolean          ssv_download_store_update_progress    (SsvDownloadStore     *self,
                                                         const SsvDownloadProgress *updates,
                                                         guint                 n_updates,
                                                         GError              **error);
gboolean          ssv_download_store_set_status         (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         SsvDownloadStatus     status,
                                                         const char           *error_message,
                                                         const char           *content_path,
                                                         const char           *event_kind,
                                                         const char           *event,
                                                         GError              **error);
gboolean          ssv_download_store_move_status        (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         guint                 from,
                                                         SsvDownloadStatus     status,
                                                         const char           *error_message,
                                                         const char           *content_path,
                                                         const char           *event_kind,
                                                         const char           *event,
                                                         GError              **error);
gboolean          ssv_download_store_add_event          (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         const char           *kind,
                                                         const char           *message,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_events        (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_candidates    (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         GError              **error);
GPtrArray        *ssv_download_store_list_tries         (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         const char           *kind,
                                                         GError              **error);

void              ssv_download_store_list_async         (SsvDownloadStore     *self,
                                                         gboolean              active_only,
                                                         guint                 limit,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GPtrArray        *ssv_download_store_list_finish        (SsvDownloadStore     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              ssv_download_store_list_events_async  (SsvDownloadStore     *self,
                                                         gint64                id,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GPtrArray        *ssv_download_store_list_events_finish (SsvDownloadStore     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvIndexerRow, ssv_indexer_row_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvClientRow, ssv_client_row_free)

G_END_DECLS
