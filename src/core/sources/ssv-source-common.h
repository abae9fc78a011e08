/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-source-common.h: what the Plex and Jellyfin sources share: paging, page callbacks, URLs. */

#pragma once

#include <gio/gio.h>

#include "sources/ssv-media-source.h"

G_BEGIN_DECLS

/* More items than any library holds: a listing that claims more is refused. */
#define SSV_SOURCE_MAX_ITEMS 10000000

/* Reads the page of items that begins at @start into @items (SsvMediaItem)
 * and sets @total to what the server says it has, or -1 when it does not say. */
typedef gboolean (*SsvSourceReadPageFunc) (guint          start,
                                           GPtrArray     *items,
                                           gint64        *total,
                                           gpointer       read_data,
                                           GCancellable  *cancellable,
                                           GError       **error);

gboolean  ssv_source_fetch_pages     (const char            *service,
                                      SsvSourceReadPageFunc  read_page,
                                      gpointer               read_data,
                                      SsvMediaPageFunc       func,
                                      gpointer               user_data,
                                      GCancellable          *cancellable,
                                      GError               **error);
gboolean  ssv_source_fetch_pages_until (const char            *service,
                                        SsvSourceReadPageFunc  read_page,
                                        gpointer               read_data,
                                        SsvMediaPageFunc       func,
                                        gpointer               user_data,
                                        const gboolean        *stop,
                                        GCancellable          *cancellable,
                                        GError               **error);

/* Pages of titles: each item gets @library_key, then goes to @func, or into
 * @collect when that is set (show trees keep every episode). When @listed is
 * set, each item's id goes into it (a later listing can leave them out). */
typedef struct
{
  const char        *library_key;
  SsvMediaPageFunc   func;
  gpointer           user_data;
  GPtrArray         *collect;
  GHashTable        *listed;
} SsvSourceTitles;

gboolean  ssv_source_titles_page     (GPtrArray   *items,
                                      guint        total,
                                      gpointer     titles,
                                      GError     **error);

/* The shows of changed episodes, each once, in the order first seen. */
typedef struct
{
  GHashTable  *seen;
  GPtrArray   *ids;
} SsvSourceShowIds;

void       ssv_source_show_ids_init   (SsvSourceShowIds  *show_ids);
gboolean   ssv_source_show_ids_page   (GPtrArray         *items,
                                       guint              total,
                                       gpointer           show_ids,
                                       GError           **error);
GPtrArray *ssv_source_show_ids_finish (SsvSourceShowIds  *show_ids);
void       ssv_source_show_ids_clear  (SsvSourceShowIds  *show_ids);

/* A listing of what was played since an incremental scan's start, read after
 * the listing of what was saved since then (a watched mark does not count as
 * saved on either server): items already in @listed are left out, and when the
 * server sorts by last played, newest first, but cannot filter by it, reading
 * stops at the first item played before @stop_before (@reached_older is set;
 * pass it to ssv_source_fetch_pages_until()). Pages go on to @func, with a
 * total of 0: how many there are is not known. */
typedef struct
{
  gint64             stop_before;   /* 0: the server filtered already */
  GHashTable        *listed;        /* nullable */
  SsvMediaPageFunc   func;
  gpointer           user_data;
  gboolean           reached_older;
} SsvSourcePlayed;

gboolean  ssv_source_played_page     (GPtrArray   *items,
                                      guint        total,
                                      gpointer     played,
                                      GError     **error);

gboolean  ssv_source_check_identity  (SsvMediaItem *item);
void      ssv_source_set_show_id     (GPtrArray    *episodes,
                                      const char   *show_server_id);
char     *ssv_source_absolute_url    (const char   *base_url,
                                      const char   *path);
char     *ssv_source_dup_locked      (GMutex       *lock,
                                      char * const *field);
void      ssv_source_set_locked      (GMutex       *lock,
                                      char        **field,
                                      const char   *value);

G_END_DECLS
