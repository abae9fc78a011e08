/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-source-common.c: what the Plex and Jellyfin sources share: paging, page callbacks, URLs. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "sources/ssv-source-common.h"

/**
 * ssv_source_fetch_pages:
 * @service: the server's kind as people know it ("Plex", "Jellyfin")
 *
 * Reads pages until the server's total; a server that gives no total answered
 * everything at once. Fewer items than the server promised is an incomplete
 * answer, not the end of the library.
 */
gboolean
ssv_source_fetch_pages (const char             *service,
                        SsvSourceReadPageFunc   read_page,
                        gpointer                read_data,
                        SsvMediaPageFunc        func,
                        gpointer                user_data,
                        GCancellable           *cancellable,
                        GError                **error)
{
  return ssv_source_fetch_pages_until (service, read_page, read_data, func, user_data, NULL,
                                       cancellable, error);
}

/**
 * ssv_source_fetch_pages_until:
 * @stop: (nullable): set by @func when the pages read so far are all it needs
 *
 * ssv_source_fetch_pages() that stops early, once @func sets *@stop.
 */
gboolean
ssv_source_fetch_pages_until (const char             *service,
                              SsvSourceReadPageFunc   read_page,
                              gpointer                read_data,
                              SsvMediaPageFunc        func,
                              gpointer                user_data,
                              const gboolean         *stop,
                              GCancellable           *cancellable,
                              GError                **error)
{
  guint start = 0;

  for (;;)
    {
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_item_free);
      gint64 total = -1;
      guint n;

      if (!read_page (start, items, &total, read_data, cancellable, error))
        return FALSE;

      n = items->len;
      if (total < 0)
        total = (gint64) start + n;

      /* A server that claims billions would be paged until the end of time. */
      if (total > SSV_SOURCE_MAX_ITEMS)
        {
          /* Translators: the first %s is the server's kind, "Plex" or "Jellyfin". */
          g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                       _("%s says a library holds %" G_GINT64_FORMAT " items; that cannot be right."),
                       service, total);
          return FALSE;
        }

      if (n > 0 && !func (items, (guint) total, user_data, error))
        return FALSE;
      if (stop != NULL && *stop)
        return TRUE;

      start += n;
      if (start >= total)
        return TRUE;

      if (n == 0)
        {
          /* Translators: the first %s is the server's kind, "Plex" or "Jellyfin". */
          g_set_error (error, SSV_ERROR, SSV_ERROR_INCOMPLETE,
                       _("%s stopped after %u of %" G_GINT64_FORMAT " items."), service, start, total);
          return FALSE;
        }
    }
}

/* An SsvMediaPageFunc over an SsvSourceTitles. */
gboolean
ssv_source_titles_page (GPtrArray  *items,
                        guint       total,
                        gpointer    titles,
                        GError    **error)
{
  SsvSourceTitles *data = titles;

  for (guint i = 0; i < items->len; i++)
    {
      SsvMediaItem *item = g_ptr_array_index (items, i);

      g_free (item->library_key);
      item->library_key = g_strdup (data->library_key);
      if (data->listed != NULL && item->server_id != NULL)
        g_hash_table_add (data->listed, g_strdup (item->server_id));
    }

  if (data->collect != NULL)
    {
      for (guint i = 0; i < items->len; i++)
        g_ptr_array_add (data->collect, g_steal_pointer (&items->pdata[i]));
      return TRUE;
    }

  return data->func (items, total, data->user_data, error);
}

/* An SsvMediaPageFunc over an SsvSourcePlayed. */
gboolean
ssv_source_played_page (GPtrArray  *items,
                        guint       total,
                        gpointer    played,
                        GError    **error)
{
  SsvSourcePlayed *data = played;

  for (guint i = 0; i < items->len && data->stop_before > 0; i++)
    if (((SsvMediaItem *) g_ptr_array_index (items, i))->last_played_at < data->stop_before)
      {
        data->reached_older = TRUE;
        g_ptr_array_set_size (items, i);
      }

  for (guint i = items->len; i > 0 && data->listed != NULL; i--)
    {
      const char *id = ((SsvMediaItem *) g_ptr_array_index (items, i - 1))->server_id;

      if (id != NULL && g_hash_table_contains (data->listed, id))
        g_ptr_array_remove_index (items, i - 1);
    }

  if (items->len == 0)
    return TRUE;

  return data->func (items, 0, data->user_data, error);
}

void
ssv_source_show_ids_init (SsvSourceShowIds *show_ids)
{
  show_ids->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  show_ids->ids = g_ptr_array_new_with_free_func (g_free);
}

/* An SsvMediaPageFunc over an SsvSourceShowIds: keeps each episode's show. */
gboolean
ssv_source_show_ids_page (GPtrArray  *items,
                          guint       total,
                          gpointer    show_ids,
                          GError    **error)
{
  SsvSourceShowIds *data = show_ids;

  for (guint i = 0; i < items->len; i++)
    {
      const char *show = ((SsvMediaItem *) g_ptr_array_index (items, i))->show_server_id;

      if (show != NULL && !g_hash_table_contains (data->seen, show))
        {
          g_hash_table_add (data->seen, g_strdup (show));
          g_ptr_array_add (data->ids, g_strdup (show));
        }
    }

  return TRUE;
}

/* Returns: (transfer full): the ids collected; @show_ids is cleared */
GPtrArray *
ssv_source_show_ids_finish (SsvSourceShowIds *show_ids)
{
  GPtrArray *ids = g_steal_pointer (&show_ids->ids);

  ssv_source_show_ids_clear (show_ids);
  return ids;
}

void
ssv_source_show_ids_clear (SsvSourceShowIds *show_ids)
{
  g_clear_pointer (&show_ids->seen, g_hash_table_unref);
  g_clear_pointer (&show_ids->ids, g_ptr_array_unref);
}

/**
 * ssv_source_check_identity:
 *
 * An item the library cannot store without: a server id and a name. Sets the
 * item's problem when one is missing.
 *
 * Returns: whether @item has both
 */
gboolean
ssv_source_check_identity (SsvMediaItem *item)
{
  if (item->server_id != NULL && item->title != NULL && item->title[0] != '\0')
    return TRUE;

  item->problem = g_strdup (item->server_id == NULL ? _("The server sent an item without an id")
                                                    : _("The server sent an item without a name"));
  return FALSE;
}

/* Episodes listed under a show belong to it, whether or not they say so. */
void
ssv_source_set_show_id (GPtrArray  *episodes,
                        const char *show_server_id)
{
  for (guint i = 0; i < episodes->len; i++)
    {
      SsvMediaItem *episode = g_ptr_array_index (episodes, i);

      if (episode->show_server_id == NULL)
        episode->show_server_id = g_strdup (show_server_id);
    }
}

/* @path below @base_url (trailing slashes of the base ignored); a full URL stays as it is. */
char *
ssv_source_absolute_url (const char *base_url,
                         const char *path)
{
  g_autofree char *base = NULL;
  gsize len;

  if (path == NULL || path[0] == '\0')
    return NULL;
  if (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://"))
    return g_strdup (path);
  if (base_url == NULL)
    return NULL;

  base = g_strdup (base_url);
  len = strlen (base);
  while (len > 0 && base[len - 1] == '/')
    base[--len] = '\0';

  return g_strconcat (base, path[0] == '/' ? "" : "/", path, NULL);
}

/* A copy of a string another thread may replace under @lock. */
char *
ssv_source_dup_locked (GMutex       *lock,
                       char * const *field)
{
  char *copy;

  g_mutex_lock (lock);
  copy = g_strdup (*field);
  g_mutex_unlock (lock);

  return copy;
}

void
ssv_source_set_locked (GMutex      *lock,
                       char       **field,
                       const char  *value)
{
  g_mutex_lock (lock);
  g_free (*field);
  *field = g_strdup (value);
  g_mutex_unlock (lock);
}
