/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-acquire-setup.c: adding, testing and removing indexers and download clients in a GTask
 * thread, keys and passwords going to the keyring only, for Preferences. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-acquire-setup.h"
#include "ssv-error.h"
#include "ssv-thread.h"
#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-indexer.h"

typedef struct
{
  SsvContext    *context;
  gint64         id;
  gboolean       is_client;
  SsvClientKind  client_kind;
  char          *kind;
  char          *name;
  char          *url;
  char          *username;
  char          *secret;
  char          *protocol;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->context);
  g_free (job->kind);
  g_free (job->name);
  g_free (job->url);
  g_free (job->username);
  if (job->secret != NULL)
    memset (job->secret, 0, strlen (job->secret));
  g_free (job->secret);
  g_free (job->protocol);
  g_free (job);
}

static Job *
job_new (SsvContext *context)
{
  Job *job = g_new0 (Job, 1);

  job->context = g_object_ref (context);
  return job;
}

static void
run (Job                 *job,
     gpointer             source_tag,
     GTaskThreadFunc      func,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, func);
}

void
ssv_acquire_setup_free (SsvAcquireSetup *setup)
{
  if (setup == NULL)
    return;
  g_clear_pointer (&setup->indexers, g_ptr_array_unref);
  g_clear_pointer (&setup->clients, g_ptr_array_unref);
  g_free (setup);
}

gboolean
ssv_acquire_is_web_address (const char *url)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return host != NULL && host[0] != '\0' &&
         (g_strcmp0 (g_uri_get_scheme (uri), "http") == 0 || g_strcmp0 (g_uri_get_scheme (uri), "https") == 0);
}

/* ---- listing ---------------------------------------------------------------------- */

static void
list_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  SsvDownloadStore *store = ssv_context_get_download_store (job->context);
  g_autoptr(SsvAcquireSetup) setup = g_new0 (SsvAcquireSetup, 1);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());
  setup->indexers = ssv_download_store_list_indexers (store, FALSE, &error);
  if (setup->indexers != NULL)
    setup->clients = ssv_download_store_list_clients (store, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&setup), (GDestroyNotify) ssv_acquire_setup_free);
}

void
ssv_acquire_list_async (SsvContext          *context,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  run (job_new (context), ssv_acquire_list_async, list_thread, cancellable, callback, user_data);
}

SsvAcquireSetup *
ssv_acquire_list_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- adding ----------------------------------------------------------------------- */

static void
add_thread (GTask        *task,
            gpointer      source,
            gpointer      data,
            GCancellable *cancellable)
{
  Job *job = data;
  SsvDownloadStore *store = ssv_context_get_download_store (job->context);
  GError *error = NULL;
  gint64 id;

  g_assert (!SSV_IS_MAIN_THREAD ());
  if (job->is_client)
    id = ssv_download_store_add_client (store, job->client_kind, job->name, job->url, job->username, &error);
  else
    id = ssv_download_store_add_indexer (store, job->kind, job->name, job->url, &error);
  if (id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->secret != NULL && job->secret[0] != '\0')
    {
      g_autofree char *key = job->is_client ? ssv_secrets_client_key (id) : ssv_secrets_indexer_key (id);
      g_autofree char *label = job->is_client
        ? g_strdup_printf (_("SoulSync Video: download client %s"), job->name)
        : g_strdup_printf (_("SoulSync Video: indexer %s"), job->name);

      if (!ssv_secrets_store_sync (ssv_context_get_secrets (job->context), key, label, job->secret,
                                   cancellable, &error))
        {
          if (job->is_client)
            ssv_download_store_remove_client (store, id, NULL);
          else
            ssv_download_store_remove_indexer (store, id, NULL);
          g_task_return_error (task, error);
          return;
        }
    }

  ssv_store_emit_changed (SSV_STORE (store), job->is_client ? "client" : "indexer");
  g_task_return_int (task, id);
}

void
ssv_acquire_add_indexer_async (SsvContext          *context,
                               const char          *kind,
                               const char          *name,
                               const char          *url,
                               const char          *secret,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = job_new (context);

  job->kind = g_strdup (kind);
  job->name = g_strdup (name);
  job->url = g_strdup (url);
  job->secret = g_strdup (secret);
  run (job, ssv_acquire_add_indexer_async, add_thread, cancellable, callback, user_data);
}

void
ssv_acquire_add_client_async (SsvContext          *context,
                              SsvClientKind        kind,
                              const char          *name,
                              const char          *url,
                              const char          *username,
                              const char          *secret,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  Job *job = job_new (context);

  job->is_client = TRUE;
  job->client_kind = kind;
  job->name = g_strdup (name);
  job->url = g_strdup (url);
  job->username = username != NULL && username[0] != '\0' ? g_strdup (username) : NULL;
  job->secret = g_strdup (secret);
  run (job, ssv_acquire_add_client_async, add_thread, cancellable, callback, user_data);
}

gint64
ssv_acquire_add_finish (GAsyncResult  *result,
                        GError       **error)
{
  gssize id = g_task_propagate_int (G_TASK (result), error);

  return id < 0 ? 0 : (gint64) id;
}

/* ---- testing ---------------------------------------------------------------------- */

static char *
test_indexer (Job           *job,
              GCancellable  *cancellable,
              GError       **error)
{
  SsvDownloadStore *store = ssv_context_get_download_store (job->context);
  g_autoptr(GPtrArray) rows = ssv_download_store_list_indexers (store, FALSE, error);
  SsvIndexerRow *row = NULL;

  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < rows->len && row == NULL; i++)
    if (((SsvIndexerRow *) g_ptr_array_index (rows, i))->id == job->id)
      row = g_ptr_array_index (rows, i);
  if (row == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("That indexer is no longer set up."));
      return NULL;
    }

  return ssv_grab_test_indexer (store, ssv_context_get_secrets (job->context), ssv_context_get_http (job->context),
                                row, cancellable, error);
}

static char *
test_client (Job           *job,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(SsvClientRow) row = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autofree char *version = NULL;

  row = ssv_download_store_get_client (ssv_context_get_download_store (job->context), job->id, error);
  if (row == NULL)
    return NULL;
  client = ssv_client_pool_dup_for_row (ssv_context_get_client_pool (job->context), row, cancellable, error);
  if (client == NULL)
    return NULL;
  version = ssv_download_client_test_connection (client, cancellable, error);
  if (version == NULL)
    return NULL;
  /* Translators: "Home answers: qBittorrent v4.5.2" */
  return g_strdup_printf (_("%s answers: %s"), row->name, version);
}

static void
test_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;
  char *said;

  g_assert (!SSV_IS_MAIN_THREAD ());
  said = job->is_client ? test_client (job, cancellable, &error) : test_indexer (job, cancellable, &error);
  if (said == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, said, g_free);
}

void
ssv_acquire_test_indexer_async (SsvContext          *context,
                                gint64               indexer_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = job_new (context);

  job->id = indexer_id;
  run (job, ssv_acquire_test_indexer_async, test_thread, cancellable, callback, user_data);
}

void
ssv_acquire_test_client_async (SsvContext          *context,
                               gint64               client_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Job *job = job_new (context);

  job->id = client_id;
  job->is_client = TRUE;
  run (job, ssv_acquire_test_client_async, test_thread, cancellable, callback, user_data);
}

char *
ssv_acquire_test_finish (GAsyncResult  *result,
                         GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- removing, defaults --------------------------------------------------------- */

static void
remove_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  SsvDownloadStore *store = ssv_context_get_download_store (job->context);
  g_autofree char *key = job->is_client ? ssv_secrets_client_key (job->id) : ssv_secrets_indexer_key (job->id);
  g_autoptr(GError) clear_error = NULL;
  GError *error = NULL;
  gboolean removed;

  g_assert (!SSV_IS_MAIN_THREAD ());
  removed = job->is_client ? ssv_download_store_remove_client (store, job->id, &error)
                           : ssv_download_store_remove_indexer (store, job->id, &error);
  if (!removed)
    {
      g_task_return_error (task, error);
      return;
    }
  /* The row is gone; a key left behind is only a stale keyring entry, so say it in the log. */
  if (!ssv_secrets_clear_sync (ssv_context_get_secrets (job->context), key, cancellable, &clear_error) &&
      clear_error != NULL)
    g_warning ("Could not take %s out of the keyring: %s", key, clear_error->message);

  ssv_store_emit_changed (SSV_STORE (store), job->is_client ? "client" : "indexer");
  g_task_return_boolean (task, TRUE);
}

void
ssv_acquire_remove_indexer_async (SsvContext          *context,
                                  gint64               indexer_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Job *job = job_new (context);

  job->id = indexer_id;
  run (job, ssv_acquire_remove_indexer_async, remove_thread, cancellable, callback, user_data);
}

void
ssv_acquire_remove_client_async (SsvContext          *context,
                                 gint64               client_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Job *job = job_new (context);

  job->id = client_id;
  job->is_client = TRUE;
  run (job, ssv_acquire_remove_client_async, remove_thread, cancellable, callback, user_data);
}

static void
default_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  Job *job = data;
  SsvDownloadStore *store = ssv_context_get_download_store (job->context);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());
  if (!ssv_download_store_set_default_client (store, job->protocol, job->id, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  ssv_store_emit_changed (SSV_STORE (store), "client");
  g_task_return_boolean (task, TRUE);
}

void
ssv_acquire_set_default_client_async (SsvContext          *context,
                                      const char          *protocol,
                                      gint64               client_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Job *job = job_new (context);

  job->id = client_id;
  job->protocol = g_strdup (protocol);
  run (job, ssv_acquire_set_default_client_async, default_thread, cancellable, callback, user_data);
}

gboolean
ssv_acquire_finish (GAsyncResult  *result,
                    GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
