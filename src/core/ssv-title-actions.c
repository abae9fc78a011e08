/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-actions.c: what a title page does: refresh its metadata now, re-match with TMDB
 * or TheTVDB, edit details with a lock per field, and mark watched or unwatched on the
 * server too. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-title-actions.h"
#include "providers/ssv-tmdb.h"
#include "providers/ssv-tvdb.h"
#include "stores/ssv-enrichment-store.h"
#include "stores/ssv-settings-store.h"
#include "ssv-thread.h"

struct _SsvTitleActions
{
  GObject              parent_instance;

  SsvDatabase         *database;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvLibraryStore     *library;
  SsvScanner          *scanner;
  SsvEnrichmentEngine *engine;
  SsvRefresher        *refresher;
};

G_DEFINE_FINAL_TYPE (SsvTitleActions, ssv_title_actions, G_TYPE_OBJECT)

/* ---- watched ------------------------------------------------------------------------ */

/* Tells one server; FALSE with @error (naming the server) when it could not be told. */
static gboolean
tell_server (SsvTitleActions  *self,
             SsvWatchedBatch  *batch,
             gboolean          watched,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(SsvMediaSource) source = NULL;
  g_autoptr(GError) local_error = NULL;

  /* Folders and what a provider added keep watched state in the library alone. */
  if (batch->server_row == 0 || g_strcmp0 (batch->server_kind, "folder") == 0 || batch->server_ids->len == 0)
    return TRUE;

  g_ptr_array_add (batch->server_ids, NULL);
  source = ssv_scanner_create_source (self->scanner, batch->server_row, cancellable, &local_error);
  if (source != NULL)
    ssv_media_source_set_watched (source, (const char * const *) batch->server_ids->pdata, watched,
                                  cancellable, &local_error);
  g_ptr_array_remove_index (batch->server_ids, batch->server_ids->len - 1);

  if (local_error == NULL)
    return TRUE;

  /* Translators: "“Home” could not be told, so its titles stay as they were: …" */
  g_set_error (error, local_error->domain, local_error->code,
               _("“%s” could not be told, so its titles stay as they were: %s"),
               batch->server_name ? batch->server_name : "?", local_error->message);
  return FALSE;
}

/**
 * ssv_title_actions_set_watched_sync:
 * @season_number: for %SSV_WATCH_TARGET_SEASON
 *
 * Marks a movie, an episode, a season or a show watched (or not) on the
 * servers its files are on (Plex scrobbles, Jellyfin played items) and in the
 * library. What a server could not be told about stays as it was here too,
 * so the next scan does not undo it; the error says which server.
 */
gboolean
ssv_title_actions_set_watched_sync (SsvTitleActions  *self,
                                    SsvWatchTarget    target,
                                    gint64            id,
                                    int               season_number,
                                    gboolean          watched,
                                    GCancellable     *cancellable,
                                    GError          **error)
{
  g_autoptr(GPtrArray) batches = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) first_error = NULL;
  gboolean movies = target == SSV_WATCH_TARGET_MOVIE;

  g_return_val_if_fail (SSV_IS_TITLE_ACTIONS (self), FALSE);

  batches = ssv_title_edit_store_watched_batches (self->database, target, id, season_number, error);
  if (batches == NULL)
    return FALSE;

  for (guint i = 0; i < batches->len; i++)
    {
      SsvWatchedBatch *batch = g_ptr_array_index (batches, i);
      g_autoptr(GError) local_error = NULL;

      if (!tell_server (self, batch, watched, cancellable, &local_error))
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
          if (first_error == NULL)
            first_error = g_steal_pointer (&local_error);
          continue;
        }
      g_array_append_vals (told, batch->rows->data, batch->rows->len);
    }

  if (told->len > 0)
    {
      if (!ssv_title_edit_store_set_watched (self->database, movies, told, watched, error))
        return FALSE;
      ssv_store_emit_changed (SSV_STORE (self->library), movies ? "movie" : "episode");
    }

  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }

  return TRUE;
}

/* ---- details -------------------------------------------------------------------------- */

/**
 * ssv_title_actions_edit_sync:
 * @kind: %SSV_MEDIA_KIND_MOVIE or %SSV_MEDIA_KIND_SHOW
 * @fields: (nullable): column, value, …, %NULL; see ssv_title_edit_store_save_details().
 *   A "tmdb_id" re-matches the title with TMDB
 * @lock: (nullable): fields to lock, so no scan and no provider changes them
 * @unlock: (nullable): fields to unlock
 */
gboolean
ssv_title_actions_edit_sync (SsvTitleActions     *self,
                             SsvMediaKind         kind,
                             gint64               id,
                             const char * const  *fields,
                             const char * const  *lock,
                             const char * const  *unlock,
                             GError             **error)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();

  g_return_val_if_fail (SSV_IS_TITLE_ACTIONS (self), FALSE);
  g_return_val_if_fail (kind == SSV_MEDIA_KIND_MOVIE || kind == SSV_MEDIA_KIND_SHOW, FALSE);

  for (guint i = 0; fields != NULL && fields[i] != NULL && fields[i + 1] != NULL; i += 2)
    {
      if (g_str_equal (fields[i], "tmdb_id"))
        {
          char *end = NULL;
          gint64 tmdb_id = g_ascii_strtoll (fields[i + 1], &end, 10);

          if (*end != '\0' || tmdb_id <= 0)
            {
              g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” is not an id: it is a number."),
                           fields[i + 1]);
              return FALSE;
            }
          if (!ssv_title_actions_rematch_sync (self, "tmdb", kind == SSV_MEDIA_KIND_MOVIE ? SSV_ITEM_MOVIE
                                                                                           : SSV_ITEM_SHOW,
                                               id, tmdb_id, error))
            return FALSE;
          continue;
        }
      g_ptr_array_add (rest, (gpointer) fields[i]);
      g_ptr_array_add (rest, (gpointer) fields[i + 1]);
    }
  g_ptr_array_add (rest, NULL);

  if (!ssv_title_edit_store_save_details (self->database, kind, id, (const char * const *) rest->pdata, error))
    return FALSE;

  if ((lock != NULL && lock[0] != NULL) || (unlock != NULL && unlock[0] != NULL))
    return ssv_library_store_set_locked_fields (self->library, kind, id, lock, unlock, error);

  ssv_store_emit_changed (SSV_STORE (self->library), kind == SSV_MEDIA_KIND_MOVIE ? "movie" : "show");
  return TRUE;
}

/* ---- re-match -------------------------------------------------------------------------- */

static char *
lookup_key (SsvTitleActions  *self,
            const char       *provider,
            GCancellable     *cancellable,
            GError          **error)
{
  g_autofree char *secret = g_strconcat ("api-key:", provider, NULL);
  GError *local_error = NULL;
  char *key = ssv_secrets_lookup_sync (self->secrets, secret, cancellable, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (key == NULL || key[0] == '\0')
    {
      g_free (key);
      /* Translators: "Add your TheTVDB API key in Preferences" */
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("Add your %s API key in Preferences"),
                   g_str_equal (provider, "tvdb") ? "TheTVDB" : "TMDB");
      return NULL;
    }

  return key;
}

/**
 * ssv_title_actions_search_sync:
 * @provider: "tmdb", or "tvdb" (shows only)
 *
 * Returns: (transfer full) (element-type SsvSearchResult): candidates to re-match with
 */
GPtrArray *
ssv_title_actions_search_sync (SsvTitleActions  *self,
                               const char       *provider,
                               SsvItemKind       kind,
                               const char       *query,
                               int               year,
                               GCancellable     *cancellable,
                               GError          **error)
{
  g_autofree char *key = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));

  g_return_val_if_fail (SSV_IS_TITLE_ACTIONS (self), NULL);

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("Type a title to search for."));
      return NULL;
    }
  if (g_strcmp0 (provider, "tvdb") == 0 && kind != SSV_ITEM_SHOW)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("TheTVDB matches shows only."));
      return NULL;
    }

  key = lookup_key (self, provider, cancellable, error);
  if (key == NULL)
    return NULL;

  if (g_str_equal (provider, "tvdb"))
    {
      g_autoptr(SsvTvdbClient) client = ssv_tvdb_client_new (self->http, key);

      return ssv_tvdb_client_search (client, trimmed, year, cancellable, error);
    }

  {
    g_autofree char *image_base = ssv_http_dup_base_url (self->http, "tmdb-images");
    g_autofree char *language = ssv_settings_store_get (self->database, "metadata.language", NULL);
    SsvTmdbOptions options = { image_base ? image_base : "https://image.tmdb.org/t/p",
                               language && language[0] ? language : "en-US", "US" };

    return ssv_tmdb_search (self->http, key, kind, trimmed, year, &options, cancellable, error);
  }
}

/**
 * ssv_title_actions_rematch_sync:
 * @provider: "tmdb" (movies and shows) or "tvdb" (shows)
 * @provider_id: the id the person picked
 *
 * Matches the title with what the person picked (and locks that id); the
 * workers then read it again from that match.
 */
gboolean
ssv_title_actions_rematch_sync (SsvTitleActions  *self,
                                const char       *provider,
                                SsvItemKind       kind,
                                gint64            id,
                                gint64            provider_id,
                                GError          **error)
{
  g_return_val_if_fail (SSV_IS_TITLE_ACTIONS (self), FALSE);

  if (g_strcmp0 (provider, "tvdb") == 0)
    {
      if (kind != SSV_ITEM_SHOW)
        {
          g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("TheTVDB matches shows only."));
          return FALSE;
        }
      if (!ssv_title_edit_store_rematch_tvdb (self->database, id, provider_id, error))
        return FALSE;
    }
  else
    {
      g_autoptr(SsvEnrichmentStore) store = ssv_enrichment_store_new (self->database);

      if (!ssv_enrichment_store_rematch (store, kind, id, provider_id, error))
        return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self->library), ssv_item_kind_to_string (kind));
  ssv_enrichment_engine_request (self->engine, kind, id);
  return TRUE;
}

/* ---- async ---------------------------------------------------------------------------- */

typedef enum
{
  ACT_WATCHED,
  ACT_EDIT,
  ACT_REMATCH,
  ACT_SEARCH,
  ACT_REFRESH,
  ACT_LOCKS,
} Act;

typedef struct
{
  Act            act;
  SsvWatchTarget target;
  SsvItemKind    kind;
  gint64         id;
  gint64         other;     /* season number, provider id, year */
  gboolean       flag;      /* watched */
  char          *text;      /* provider */
  char          *query;
  GStrv          fields;
  GStrv          lock;
  GStrv          unlock;
} Args;

static void
args_free (gpointer data)
{
  Args *args = data;

  g_free (args->text);
  g_free (args->query);
  g_strfreev (args->fields);
  g_strfreev (args->lock);
  g_strfreev (args->unlock);
  g_free (args);
}

/* The arguments of an action about one movie or show. */
static Args *
args_for_title (Act          act,
                SsvMediaKind kind,
                gint64       id)
{
  Args *args = g_new0 (Args, 1);

  args->act = act;
  args->kind = kind == SSV_MEDIA_KIND_MOVIE ? SSV_ITEM_MOVIE : SSV_ITEM_SHOW;
  args->id = id;

  return args;
}

static void
act_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SsvTitleActions *self = source_object;
  Args *args = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  gboolean ok = FALSE;

  g_assert (!SSV_IS_MAIN_THREAD ());

  switch (args->act)
    {
    case ACT_WATCHED:
      ok = ssv_title_actions_set_watched_sync (self, args->target, args->id, (int) args->other, args->flag,
                                               cancellable, &error);
      break;
    case ACT_EDIT:
      ok = ssv_title_actions_edit_sync (self, args->kind == SSV_ITEM_MOVIE ? SSV_MEDIA_KIND_MOVIE : SSV_MEDIA_KIND_SHOW,
                                        args->id, (const char * const *) args->fields,
                                        (const char * const *) args->lock, (const char * const *) args->unlock,
                                        &error);
      break;
    case ACT_REMATCH:
      ok = ssv_title_actions_rematch_sync (self, args->text, args->kind, args->id, args->other, &error);
      break;
    case ACT_SEARCH:
      result = ssv_title_actions_search_sync (self, args->text, args->kind, args->query, (int) args->other,
                                              cancellable, &error);
      if (result != NULL)
        g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, error);
      return;
    case ACT_LOCKS:
      result = ssv_library_store_dup_locked_fields (self->library, args->kind == SSV_ITEM_MOVIE ? SSV_MEDIA_KIND_MOVIE
                                                                                                : SSV_MEDIA_KIND_SHOW,
                                                    args->id, &error);
      if (result != NULL)
        g_task_return_pointer (task, result, (GDestroyNotify) g_strfreev);
      else
        g_task_return_error (task, error);
      return;
    case ACT_REFRESH:
    default:
      result = ssv_refresher_run_sync (self->refresher, SSV_REFRESH_TITLE, args->kind, args->id, 1,
                                       cancellable, &error);
      if (result != NULL)
        g_task_return_pointer (task, result, (GDestroyNotify) ssv_refresh_report_free);
      else
        g_task_return_error (task, error);
      return;
    }

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start (SsvTitleActions     *self,
       Args                *args,
       gpointer             tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, args, args_free);
  g_task_run_in_thread (task, act_thread);
}

void
ssv_title_actions_set_watched_async (SsvTitleActions     *self,
                                     SsvWatchTarget       target,
                                     gint64               id,
                                     int                  season_number,
                                     gboolean             watched,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->act = ACT_WATCHED;
  args->target = target;
  args->id = id;
  args->other = season_number;
  args->flag = watched;
  start (self, args, ssv_title_actions_set_watched_async, cancellable, callback, user_data);
}

void
ssv_title_actions_edit_async (SsvTitleActions     *self,
                              SsvMediaKind         kind,
                              gint64               id,
                              const char * const  *fields,
                              const char * const  *lock,
                              const char * const  *unlock,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Args *args = args_for_title (ACT_EDIT, kind, id);

  args->fields = g_strdupv ((char **) fields);
  args->lock = g_strdupv ((char **) lock);
  args->unlock = g_strdupv ((char **) unlock);
  start (self, args, ssv_title_actions_edit_async, cancellable, callback, user_data);
}

void
ssv_title_actions_rematch_async (SsvTitleActions     *self,
                                 const char          *provider,
                                 SsvItemKind          kind,
                                 gint64               id,
                                 gint64               provider_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->act = ACT_REMATCH;
  args->text = g_strdup (provider);
  args->kind = kind;
  args->id = id;
  args->other = provider_id;
  start (self, args, ssv_title_actions_rematch_async, cancellable, callback, user_data);
}

gboolean
ssv_title_actions_finish (SsvTitleActions  *self,
                          GAsyncResult     *result,
                          GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ssv_title_actions_search_async (SsvTitleActions     *self,
                                const char          *provider,
                                SsvItemKind          kind,
                                const char          *query,
                                int                  year,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->act = ACT_SEARCH;
  args->text = g_strdup (provider);
  args->kind = kind;
  args->query = g_strdup (query);
  args->other = year;
  start (self, args, ssv_title_actions_search_async, cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SsvSearchResult): the candidates */
GPtrArray *
ssv_title_actions_search_finish (SsvTitleActions  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* "Refresh metadata" on a title page: TMDB (and TheTVDB) read again now. */
void
ssv_title_actions_refresh_async (SsvTitleActions     *self,
                                 SsvItemKind          kind,
                                 gint64               id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Args *args = g_new0 (Args, 1);

  args->act = ACT_REFRESH;
  args->kind = kind;
  args->id = id;
  start (self, args, ssv_title_actions_refresh_async, cancellable, callback, user_data);
}

SsvRefreshReport *
ssv_title_actions_refresh_finish (SsvTitleActions  *self,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What the edit dialog shows locked, read off the UI thread. */
void
ssv_title_actions_locked_fields_async (SsvTitleActions     *self,
                                       SsvMediaKind         kind,
                                       gint64               id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  start (self, args_for_title (ACT_LOCKS, kind, id), ssv_title_actions_locked_fields_async, cancellable, callback,
         user_data);
}

/* Returns: (transfer full): the locked fields' names, sorted, or %NULL with @error */
char **
ssv_title_actions_locked_fields_finish (SsvTitleActions  *self,
                                        GAsyncResult     *result,
                                        GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- object ------------------------------------------------------------------------- */

static void
ssv_title_actions_dispose (GObject *object)
{
  SsvTitleActions *self = SSV_TITLE_ACTIONS (object);

  g_clear_object (&self->refresher);
  g_clear_object (&self->engine);
  g_clear_object (&self->scanner);
  g_clear_object (&self->library);
  g_clear_object (&self->secrets);
  g_clear_object (&self->http);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_title_actions_parent_class)->dispose (object);
}

static void
ssv_title_actions_class_init (SsvTitleActionsClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_title_actions_dispose;
}

static void
ssv_title_actions_init (SsvTitleActions *self)
{
}

SsvTitleActions *
ssv_title_actions_new (SsvDatabase         *database,
                       SsvHttp             *http,
                       SsvSecrets          *secrets,
                       SsvLibraryStore     *library,
                       SsvScanner          *scanner,
                       SsvEnrichmentEngine *engine,
                       SsvRefresher        *refresher)
{
  SsvTitleActions *self = g_object_new (SSV_TYPE_TITLE_ACTIONS, NULL);

  self->database = g_object_ref (database);
  self->http = g_object_ref (http);
  self->secrets = g_object_ref (secrets);
  self->library = g_object_ref (library);
  self->scanner = g_object_ref (scanner);
  self->engine = g_object_ref (engine);
  self->refresher = g_object_ref (refresher);

  return self;
}
