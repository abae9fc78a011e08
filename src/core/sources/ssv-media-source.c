/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-source.c: dispatch of the SsvMediaSource interface. */

#include "config.h"

#include "ssv-error.h"
#include "sources/ssv-media-source.h"

G_DEFINE_INTERFACE (SsvMediaSource, ssv_media_source, G_TYPE_OBJECT)

static void
ssv_media_source_default_init (SsvMediaSourceInterface *iface)
{
}

/**
 * ssv_media_source_test_connection:
 *
 * Checks the address and the token with the cheapest request there is.
 *
 * Returns: (transfer full): a short description of the server ("Jellyfin 10.9.2 on nas")
 */
char *
ssv_media_source_test_connection (SsvMediaSource  *self,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), NULL);

  return SSV_MEDIA_SOURCE_GET_IFACE (self)->test_connection (self, cancellable, error);
}

/**
 * ssv_media_source_list_libraries:
 *
 * Returns: (transfer full) (element-type SsvMediaLibrary): the server's libraries
 */
GPtrArray *
ssv_media_source_list_libraries (SsvMediaSource  *self,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), NULL);

  return SSV_MEDIA_SOURCE_GET_IFACE (self)->list_libraries (self, cancellable, error);
}

/**
 * ssv_media_source_list_titles:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 * @changed_since: unix seconds; only titles changed since then, or 0 for all
 *
 * Hands every title of the library to @func, a page at a time.
 *
 * Returns: %TRUE when the server answered completely; %FALSE with @error set
 *   otherwise (pages already handed over stay valid)
 */
gboolean
ssv_media_source_list_titles (SsvMediaSource    *self,
                              const char        *library_key,
                              SsvMediaKind       kind,
                              gint64             changed_since,
                              SsvMediaPageFunc   func,
                              gpointer           user_data,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), FALSE);
  g_return_val_if_fail (kind == SSV_MEDIA_KIND_MOVIE || kind == SSV_MEDIA_KIND_SHOW, FALSE);

  return SSV_MEDIA_SOURCE_GET_IFACE (self)->list_titles (self, library_key, kind, changed_since,
                                                         func, user_data, cancellable, error);
}

/**
 * ssv_media_source_list_show_tree:
 *
 * Returns: (transfer full): the show's seasons and episodes, or %NULL with
 *   @error set. A failure is never an empty tree.
 */
SsvShowTree *
ssv_media_source_list_show_tree (SsvMediaSource  *self,
                                 const char      *show_server_id,
                                 GCancellable    *cancellable,
                                 GError         **error)
{
  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), NULL);

  return SSV_MEDIA_SOURCE_GET_IFACE (self)->list_show_tree (self, show_server_id, cancellable, error);
}

/**
 * ssv_media_source_list_changed_shows:
 *
 * For incremental scans: the shows of @library_key with episodes added or
 * changed since @changed_since.
 *
 * Returns: (transfer full) (element-type utf8): show server ids, or %NULL with
 *   @error set
 */
GPtrArray *
ssv_media_source_list_changed_shows (SsvMediaSource  *self,
                                     const char      *library_key,
                                     gint64           changed_since,
                                     GCancellable    *cancellable,
                                     GError         **error)
{
  SsvMediaSourceInterface *iface;

  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), NULL);

  iface = SSV_MEDIA_SOURCE_GET_IFACE (self);
  if (iface->list_changed_shows == NULL)
    return g_ptr_array_new_with_free_func (g_free);

  return iface->list_changed_shows (self, library_key, changed_since, cancellable, error);
}

/**
 * ssv_media_source_set_watched:
 * @server_ids: the server's ids of movies, episodes, seasons or shows
 *
 * Marks them watched or unwatched on the server, so every player sees it. A
 * source without a server (a folder) keeps watched state only in the library:
 * it has nothing to tell and succeeds.
 */
gboolean
ssv_media_source_set_watched (SsvMediaSource      *self,
                              const char * const  *server_ids,
                              gboolean             watched,
                              GCancellable        *cancellable,
                              GError             **error)
{
  SsvMediaSourceInterface *iface;

  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), FALSE);

  iface = SSV_MEDIA_SOURCE_GET_IFACE (self);
  if (iface->set_watched == NULL || server_ids == NULL || server_ids[0] == NULL)
    return TRUE;

  return iface->set_watched (self, server_ids, watched, cancellable, error);
}

/**
 * ssv_media_source_refresh_library:
 *
 * Asks a server to read one of its libraries again, after files were put in
 * it. A source that reads the disk itself (a folder) has nothing to ask and
 * succeeds.
 */
gboolean
ssv_media_source_refresh_library (SsvMediaSource  *self,
                                  const char      *library_key,
                                  GCancellable    *cancellable,
                                  GError         **error)
{
  SsvMediaSourceInterface *iface;

  g_return_val_if_fail (SSV_IS_MEDIA_SOURCE (self), FALSE);

  iface = SSV_MEDIA_SOURCE_GET_IFACE (self);
  if (iface->refresh_library == NULL)
    return TRUE;

  return iface->refresh_library (self, library_key, cancellable, error);
}
