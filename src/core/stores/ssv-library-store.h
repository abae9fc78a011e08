/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-library-store.h: movies, shows, seasons, episodes, files, people, genres. */

#pragma once

#include "stores/ssv-store.h"
#include "model/ssv-episode.h"
#include "model/ssv-movie.h"
#include "model/ssv-season.h"
#include "model/ssv-show.h"
#include "model/ssv-title.h"
#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_LIBRARY_STORE (ssv_library_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvLibraryStore, ssv_library_store, SSV, LIBRARY_STORE, SsvStore)

typedef struct
{
  gint64 movies;
  gint64 shows;
  gint64 episodes;
  gint64 files;
  gint64 servers;
} SsvLibraryCounts;

/* Every title of the library, as one read hands them back. */
typedef struct
{
  GPtrArray *movies; /* SsvMovie */
  GPtrArray *shows;  /* SsvShow, with their episode roll-ups */
  GStrv      genres; /* every genre of those titles, once each, sorted for people;
                        %NULL from a first-screen read that left titles out */
  guint      n_movies; /* how many the library holds: more than movies->len when a
                          first-screen read left some out */
  guint      n_shows;
} SsvLibraryTitles;

void              ssv_library_titles_free             (SsvLibraryTitles  *titles);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvLibraryTitles, ssv_library_titles_free)

SsvLibraryStore  *ssv_library_store_new               (SsvDatabase       *database);
gboolean          ssv_library_store_get_counts        (SsvLibraryStore   *self,
                                                       SsvLibraryCounts  *counts,
                                                       GError           **error);
void              ssv_library_store_get_counts_async  (SsvLibraryStore     *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean          ssv_library_store_get_counts_finish (SsvLibraryStore   *self,
                                                       GAsyncResult      *result,
                                                       SsvLibraryCounts  *counts,
                                                       GError           **error);

/* What a person fixed on a title: no scan and no provider changes it. */
gboolean          ssv_library_store_set_locked_fields (SsvLibraryStore     *self,
                                                       SsvMediaKind         kind,
                                                       gint64               id,
                                                       const char * const  *lock,
                                                       const char * const  *unlock,
                                                       GError             **error);
char            **ssv_library_store_dup_locked_fields (SsvLibraryStore     *self,
                                                       SsvMediaKind         kind,
                                                       gint64               id,
                                                       GError             **error);

/* Reads for the UI (plain, and in a worker thread). */
GPtrArray        *ssv_library_store_list_movies       (SsvLibraryStore   *self,
                                                       GError           **error);
GPtrArray        *ssv_library_store_list_shows        (SsvLibraryStore   *self,
                                                       GError           **error);
SsvTitle         *ssv_library_store_load_title        (SsvLibraryStore   *self,
                                                       SsvMediaKind       kind,
                                                       gint64             id,
                                                       GError           **error);
void              ssv_library_store_list_titles_async (SsvLibraryStore     *self,
                                                       GCompareDataFunc     order,
                                                       gpointer             order_data,
                                                       GDestroyNotify       order_data_free,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
SsvLibraryTitles *ssv_library_store_list_titles_finish (SsvLibraryStore    *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);
void              ssv_library_store_list_first_titles_async (SsvLibraryStore     *self,
                                                             guint                n,
                                                             GCancellable        *cancellable,
                                                             GAsyncReadyCallback  callback,
                                                             gpointer             user_data);
void              ssv_library_store_load_title_async  (SsvLibraryStore     *self,
                                                       SsvMediaKind         kind,
                                                       gint64               id,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
SsvTitle         *ssv_library_store_load_title_finish (SsvLibraryStore     *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
