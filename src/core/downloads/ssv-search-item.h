/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-search-item.h: what is searched for (a film, an episode, a season) and the queries that find it. */

#pragma once

#include <glib-object.h>

#include "downloads/ssv-decision.h"
#include "downloads/ssv-indexer.h"

G_BEGIN_DECLS

#define SSV_TYPE_SEARCH_ITEM (ssv_search_item_get_type ())

typedef enum
{
  SSV_SEARCH_ITEM_MOVIE,
  SSV_SEARCH_ITEM_EPISODE,
  SSV_SEARCH_ITEM_SEASON,
} SsvSearchItemKind;

/* Built with a constructor and the setters, then shared read-only (across threads too). */
typedef struct
{
  gatomicrefcount    ref;
  SsvSearchItemKind  kind;
  char              *title;           /* the film's or the show's */
  char             **aliases;         /* other titles (TMDB's alternative titles), NULL-terminated */
  guint              year;            /* the film's year; a show's first year, to tell remakes apart */
  guint              season;
  guint              episode;
  guint              absolute;        /* anime numbering from the first episode; 0 unknown */
  char              *air_date;        /* "YYYY-MM-DD" */
  gboolean           daily;           /* a show named by dates, not numbers */
  gboolean           anime;
  gint64             tmdb_id;
  gint64             tvdb_id;
  char              *imdb_id;         /* "tt0137523" */
  guint              runtime_minutes;
  gboolean           accept_season_pack;
  char             **title_keys;      /* ssv_title_keys() of title and aliases, kept up to date */
} SsvSearchItem;

GType          ssv_search_item_get_type       (void) G_GNUC_CONST;
SsvSearchItem *ssv_search_item_new_movie      (const char          *title,
                                               guint                year);
SsvSearchItem *ssv_search_item_new_episode    (const char          *show,
                                               guint                season,
                                               guint                episode);
SsvSearchItem *ssv_search_item_new_season     (const char          *show,
                                               guint                season);
SsvSearchItem *ssv_search_item_ref            (SsvSearchItem       *item);
void           ssv_search_item_unref          (SsvSearchItem       *item);
void           ssv_search_item_set_aliases    (SsvSearchItem       *item,
                                               const char * const  *aliases);
void           ssv_search_item_set_ids        (SsvSearchItem       *item,
                                               gint64               tmdb_id,
                                               gint64               tvdb_id,
                                               const char          *imdb_id);
void           ssv_search_item_set_air_date   (SsvSearchItem       *item,
                                               const char          *air_date,
                                               gboolean             daily);
void           ssv_search_item_set_absolute   (SsvSearchItem       *item,
                                               guint                absolute);
void           ssv_search_item_to_wanted      (const SsvSearchItem *item,
                                               SsvWantedItem       *wanted);
char          *ssv_search_item_describe       (const SsvSearchItem *item);

char          *ssv_search_clean_title         (const char          *title);
GPtrArray     *ssv_search_item_text_queries   (const SsvSearchItem *item);
GPtrArray     *ssv_search_item_plan           (const SsvSearchItem  *item,
                                               const SsvIndexerCaps *caps);
GPtrArray     *ssv_search_item_text_plan      (const SsvSearchItem  *item,
                                               const SsvIndexerCaps *caps,
                                               const char           *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvSearchItem, ssv_search_item_unref)

G_END_DECLS
