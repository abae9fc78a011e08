/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-refresh-store.h: which matched titles are due for a new look at TMDB, and the write of
 * what changed: the fields that legitimately change are replaced, the rest only filled. */

#pragma once

#include "stores/ssv-enrichment-store.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_REFRESH_AIRING,    /* shows still airing, read again daily */
  SSV_REFRESH_AIRING_NOW, /* every show still airing, now */
  SSV_REFRESH_DUE,       /* other titles, every 30 days */
  SSV_REFRESH_ALL,       /* every matched title, now */
  SSV_REFRESH_TITLE,     /* one title, now */
} SsvRefreshScope;

/* How old a title's last look may be before it is due. */
#define SSV_REFRESH_AIRING_AGE_S  (20 * 3600)
#define SSV_REFRESH_OTHER_AGE_S   (30 * 24 * 3600)

typedef struct
{
  SsvItemKind  kind;
  gint64       id;
  gint64       tmdb_id;
  gint64       tvdb_id;
  char        *title;
  int          year;
  gboolean     airing;
  GArray      *seasons;         /* int: season numbers the library knows, ascending */
  int          next_season;     /* the next episode's season, or -1 */
} SsvRefreshItem;

/* One thing a refresh changed, for people: "One Piece", "status", "Returning Series", "Ended". */
typedef struct
{
  char *title;
  char *what;
  char *before;    /* nullable */
  char *after;     /* nullable */
} SsvRefreshChange;

GPtrArray      *ssv_refresh_store_list_due   (SsvDatabase          *db,
                                              SsvRefreshScope       scope,
                                              gint64                now,
                                              guint                 limit,
                                              GError              **error);
SsvRefreshItem *ssv_refresh_store_load_item  (SsvDatabase          *db,
                                              SsvItemKind           kind,
                                              gint64                id,
                                              GError              **error);
gboolean        ssv_refresh_store_apply      (SsvEnrichmentStore   *store,
                                              const SsvRefreshItem *item,
                                              const SsvMeta        *tmdb,
                                              const SsvMeta        *tvdb,
                                              gboolean              complete,
                                              GPtrArray            *changes,
                                              GError              **error);
gboolean        ssv_refresh_store_mark_gone  (SsvEnrichmentStore   *store,
                                              const SsvRefreshItem *item,
                                              const char           *message,
                                              GError              **error);

void            ssv_refresh_item_free        (SsvRefreshItem       *item);
void            ssv_refresh_change_free      (SsvRefreshChange     *change);
char           *ssv_refresh_change_dup_text  (const SsvRefreshChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvRefreshItem, ssv_refresh_item_free)

G_END_DECLS
