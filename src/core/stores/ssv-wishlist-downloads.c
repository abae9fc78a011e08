/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-downloads.c: what became of each wanted item: wanted, searching, downloading N %,
 * failed with its reason; read from its latest download. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stores/ssv-wishlist-store.h"

/* The latest download of every wanted item that has one (walks downloads_wishlist). */
const char * const ssv_wishlist_store_download_states_sql =
  "SELECT d.wishlist_id, d.id, d.status, d.progress, d.error FROM downloads d"
  " WHERE d.wishlist_id > 0"
  "   AND NOT EXISTS (SELECT 1 FROM downloads later"
  "                    WHERE later.wishlist_id = d.wishlist_id AND later.id > d.id)";

void
ssv_wish_download_state_free (SsvWishDownloadState *state)
{
  if (state == NULL)
    return;

  g_free (state->error);
  g_free (state);
}

/**
 * ssv_wishlist_store_dup_download_states:
 *
 * Returns: (transfer full): wishlist id (a gint64 key) → SsvWishDownloadState;
 *   an item missing from it has never been grabbed: it is simply wanted
 */
GHashTable *
ssv_wishlist_store_dup_download_states (SsvWishlistStore  *self,
                                        GError           **error)
{
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        (GDestroyNotify) ssv_wish_download_state_free);
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_store_get_database (SSV_STORE (self)),
                               ssv_wishlist_store_download_states_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      SsvWishDownloadState *state = g_new0 (SsvWishDownloadState, 1);

      state->wishlist_id = sqlite3_column_int64 (stmt, 0);
      state->download_id = sqlite3_column_int64 (stmt, 1);
      if (!ssv_download_status_from_string (ssv_stmt_column_text (stmt, 2), &state->status))
        state->status = SSV_DOWNLOAD_FAILED;
      state->progress = sqlite3_column_double (stmt, 3);
      state->error = ssv_stmt_dup_text (stmt, 4);
      g_hash_table_replace (states, &state->wishlist_id, state);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&states) : NULL;
}

static gpointer
states_func (SsvStore      *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return ssv_wishlist_store_dup_download_states (SSV_WISHLIST_STORE (store), error);
}

void
ssv_wishlist_store_dup_download_states_async (SsvWishlistStore    *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data)
{
  g_return_if_fail (SSV_IS_WISHLIST_STORE (self));

  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_dup_download_states_async, states_func, NULL, NULL,
                       (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full): as ssv_wishlist_store_dup_download_states() */
GHashTable *
ssv_wishlist_store_dup_download_states_finish (SsvWishlistStore  *self,
                                               GAsyncResult      *result,
                                               GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

/* The words the wishlist shows; NULL state: never grabbed. */
char *
ssv_wish_download_state_describe (const SsvWishDownloadState *state)
{
  if (state == NULL)
    return g_strdup (_("wanted"));

  switch (state->status)
    {
    case SSV_DOWNLOAD_SEARCHING:
      return g_strdup (_("searching"));
    case SSV_DOWNLOAD_QUEUED:
    case SSV_DOWNLOAD_DOWNLOADING:
    case SSV_DOWNLOAD_STALLED:
      /* Translators: a wanted item's state, "downloading 42 %" */
      return g_strdup_printf (_("downloading %d %%"), (int) (state->progress * 100.0));
    case SSV_DOWNLOAD_IMPORTING:
      return g_strdup (_("importing"));
    case SSV_DOWNLOAD_COMPLETED:
      return g_strdup (_("downloaded"));
    case SSV_DOWNLOAD_FAILED:
      /* Translators: a wanted item's state, "failed: No seeds for 3 hours." */
      return g_strdup_printf (_("failed: %s"), state->error != NULL ? state->error : _("no reason given"));
    case SSV_DOWNLOAD_CANCELLED:
    case SSV_DOWNLOAD_N_STATUSES:
    default:
      return g_strdup (_("wanted"));
    }
}

/* ---- the automatic search's times ------------------------------------------------ */

const char * const ssv_wishlist_store_search_times_sql =
  "SELECT wishlist_id, last_search_at, last_result, next_search_at FROM wishlist_search";

void
ssv_wish_search_times_free (SsvWishSearchTimes *times)
{
  if (times == NULL)
    return;

  g_free (times->last_result);
  g_free (times);
}

/**
 * ssv_wishlist_store_dup_search_times:
 *
 * Returns: (transfer full): wishlist id (a gint64 key) → SsvWishSearchTimes;
 *   an item missing from it has not been searched yet
 */
GHashTable *
ssv_wishlist_store_dup_search_times (SsvWishlistStore  *self,
                                     GError           **error)
{
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                     (GDestroyNotify) ssv_wish_search_times_free);
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SSV_IS_WISHLIST_STORE (self), NULL);

  stmt = ssv_database_prepare (ssv_store_get_database (SSV_STORE (self)),
                               ssv_wishlist_store_search_times_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      SsvWishSearchTimes *times = g_new0 (SsvWishSearchTimes, 1);

      times->wishlist_id = sqlite3_column_int64 (stmt, 0);
      times->last_search_at = sqlite3_column_int64 (stmt, 1);
      times->last_result = ssv_stmt_dup_text (stmt, 2);
      times->next_search_at = sqlite3_column_int64 (stmt, 3);
      g_hash_table_replace (all, &times->wishlist_id, times);
    }

  return rc == SQLITE_DONE ? g_steal_pointer (&all) : NULL;
}

static gpointer
search_times_func (SsvStore      *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return ssv_wishlist_store_dup_search_times (SSV_WISHLIST_STORE (store), error);
}

void
ssv_wishlist_store_dup_search_times_async (SsvWishlistStore    *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (SSV_IS_WISHLIST_STORE (self));

  ssv_store_run_async (SSV_STORE (self), ssv_wishlist_store_dup_search_times_async, search_times_func, NULL, NULL,
                       (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

/* Returns: (transfer full): as ssv_wishlist_store_dup_search_times() */
GHashTable *
ssv_wishlist_store_dup_search_times_finish (SsvWishlistStore  *self,
                                            GAsyncResult      *result,
                                            GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

/* "5 min", "2 h", "3 d": a span of @seconds, roughly. */
static char *
describe_span (gint64 seconds)
{
  seconds = MAX (seconds, 0);
  if (seconds < 3600)
    /* Translators: a span of minutes, "5 min" */
    return g_strdup_printf (_("%d min"), (int) MAX (seconds / 60, 1));
  if (seconds < 2 * 86400)
    /* Translators: a span of hours, "2 h" */
    return g_strdup_printf (_("%d h"), (int) (seconds / 3600));
  /* Translators: a span of days, "3 d" */
  return g_strdup_printf (_("%d d"), (int) (seconds / 86400));
}

/* The words the wishlist shows: "Searched 2 h ago: no release yet. Next search in 1 h";
 * NULL or never searched: "Not searched yet". @now in seconds since the epoch. */
char *
ssv_wish_search_times_describe (const SsvWishSearchTimes *times,
                                gint64                    now)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (times == NULL || times->last_search_at <= 0)
    g_string_append (text, _("Not searched yet"));
  else
    {
      g_autofree char *ago = describe_span (now - times->last_search_at);

      if (times->last_result != NULL && times->last_result[0] != '\0')
        /* Translators: "Searched 2 h ago: nothing good enough yet." */
        g_string_append_printf (text, _("Searched %s ago: %s"), ago, times->last_result);
      else
        /* Translators: "Searched 2 h ago" */
        g_string_append_printf (text, _("Searched %s ago"), ago);
    }

  if (times != NULL && times->next_search_at > now)
    {
      g_autofree char *in = describe_span (times->next_search_at - now);

      g_string_append_c (text, '\n');
      /* Translators: "Next search in 1 h" */
      g_string_append_printf (text, _("Next search in %s"), in);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
