/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-edit-store.h: what a person changes on a title page: details by hand, watched
 * state (grouped by the server each item must be told on), a TheTVDB re-match. */

#pragma once

#include "ssv-database.h"
#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

/* What "mark watched" is about. */
typedef enum
{
  SSV_WATCH_TARGET_MOVIE,
  SSV_WATCH_TARGET_EPISODE,
  SSV_WATCH_TARGET_SEASON,      /* a show's id and a season number */
  SSV_WATCH_TARGET_SHOW,
} SsvWatchTarget;

/* The rows a server must be told about, and what to tell it. */
typedef struct
{
  gint64      server_row;     /* 0: no server (added by a provider): the library alone */
  char       *server_kind;    /* "plex", "jellyfin", "folder", or NULL */
  char       *server_name;
  GPtrArray  *server_ids;     /* char*: the server's ids (a show's or a season's covers its episodes) */
  GArray     *rows;           /* gint64: movies or episodes rows */
} SsvWatchedBatch;

GPtrArray  *ssv_title_edit_store_watched_batches  (SsvDatabase          *db,
                                                   SsvWatchTarget        target,
                                                   gint64                id,
                                                   int                   season_number,
                                                   GError              **error);
gboolean    ssv_title_edit_store_set_watched      (SsvDatabase          *db,
                                                   gboolean              movies,
                                                   GArray               *rows,
                                                   gboolean              watched,
                                                   GError              **error);
gboolean    ssv_title_edit_store_save_details     (SsvDatabase          *db,
                                                   SsvMediaKind          kind,
                                                   gint64                id,
                                                   const char * const   *fields,
                                                   GError              **error);
gboolean    ssv_title_edit_store_rematch_tvdb     (SsvDatabase          *db,
                                                   gint64                show_id,
                                                   gint64                tvdb_id,
                                                   GError              **error);

void        ssv_watched_batch_free                (SsvWatchedBatch      *batch);

G_END_DECLS
