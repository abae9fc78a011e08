/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-source.h: the interface a Plex server, a Jellyfin server or a folder implements. */

#pragma once

#include <gio/gio.h>

#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

#define SSV_TYPE_MEDIA_SOURCE (ssv_media_source_get_type ())

G_DECLARE_INTERFACE (SsvMediaSource, ssv_media_source, SSV, MEDIA_SOURCE, GObject)

/* Receives one page of titles (SsvMediaItem) as the source reads them, and the
 * total the source expects (or 0 when unknown). The function may keep items by
 * taking them out of @items (leaving NULL in their slot). Return FALSE with
 * @error set to stop the listing. Called on the listing's thread. */
typedef gboolean (*SsvMediaPageFunc) (GPtrArray  *items,
                                      guint       total,
                                      gpointer    user_data,
                                      GError    **error);

/* Every method blocks: the scanner calls them from its own threads. A source
 * must allow list_show_tree() from several threads at once. */
struct _SsvMediaSourceInterface
{
  GTypeInterface parent_iface;

  char       *(*test_connection)   (SsvMediaSource    *self,
                                    GCancellable      *cancellable,
                                    GError           **error);
  GPtrArray  *(*list_libraries)    (SsvMediaSource    *self,
                                    GCancellable      *cancellable,
                                    GError           **error);
  gboolean    (*list_titles)       (SsvMediaSource    *self,
                                    const char        *library_key,
                                    SsvMediaKind       kind,
                                    gint64             changed_since,
                                    SsvMediaPageFunc   func,
                                    gpointer           user_data,
                                    GCancellable      *cancellable,
                                    GError           **error);
  SsvShowTree *(*list_show_tree)   (SsvMediaSource    *self,
                                    const char        *show_server_id,
                                    GCancellable      *cancellable,
                                    GError           **error);
  GPtrArray  *(*list_changed_shows) (SsvMediaSource   *self,
                                    const char        *library_key,
                                    gint64             changed_since,
                                    GCancellable      *cancellable,
                                    GError           **error);
  /* Tells the server a person watched (or unwatched) items, by the server's ids. */
  gboolean    (*set_watched)       (SsvMediaSource    *self,
                                    const char * const *server_ids,
                                    gboolean           watched,
                                    GCancellable      *cancellable,
                                    GError           **error);
  /* Asks the server to read one of its libraries again (new files were put in it). */
  gboolean    (*refresh_library)   (SsvMediaSource    *self,
                                    const char        *library_key,
                                    GCancellable      *cancellable,
                                    GError           **error);
};

char        *ssv_media_source_test_connection    (SsvMediaSource    *self,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
GPtrArray   *ssv_media_source_list_libraries     (SsvMediaSource    *self,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
gboolean     ssv_media_source_list_titles        (SsvMediaSource    *self,
                                                  const char        *library_key,
                                                  SsvMediaKind       kind,
                                                  gint64             changed_since,
                                                  SsvMediaPageFunc   func,
                                                  gpointer           user_data,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
SsvShowTree *ssv_media_source_list_show_tree     (SsvMediaSource    *self,
                                                  const char        *show_server_id,
                                                  GCancellable      *cancellable,
                                                  GError           **error);
GPtrArray   *ssv_media_source_list_changed_shows (SsvMediaSource    *self,
                                                  const char        *library_key,
                                                  gint64             changed_since,
                                                  GCancellable      *cancellable,
                                                  GError           **error);

gboolean     ssv_media_source_set_watched        (SsvMediaSource    *self,
                                                  const char * const *server_ids,
                                                  gboolean           watched,
                                                  GCancellable      *cancellable,
                                                  GError           **error);

gboolean     ssv_media_source_refresh_library    (SsvMediaSource    *self,
                                                  const char        *library_key,
                                                  GCancellable      *cancellable,
                                                  GError           **error);

G_END_DECLS
