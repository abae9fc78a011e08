/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-grabber.c: a grab: pick the default client of the release's protocol, fetch a .torrent or
 * an NZB through SsvHttp with the indexer's key and check it (bencode or NZB, no programs in it),
 * send it, and record the download with its candidate pool. A refusal is recorded too. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-bencode.h"
#include "ssv-error.h"
#include "downloads/ssv-grabber.h"
#include "downloads/ssv-nzb.h"
#include "downloads/ssv-release-hit.h"
#include "ssv-thread.h"

struct _SsvGrabber
{
  GObject        parent_instance;

  SsvClientPool *pool;
};

G_DEFINE_FINAL_TYPE (SsvGrabber, ssv_grabber, G_TYPE_OBJECT)

#define INDEXER_SERVICE "indexer"

static void
ssv_grabber_finalize (GObject *object)
{
  g_clear_object (&SSV_GRABBER (object)->pool);

  G_OBJECT_CLASS (ssv_grabber_parent_class)->finalize (object);
}

static void
ssv_grabber_class_init (SsvGrabberClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_grabber_finalize;
}

static void
ssv_grabber_init (SsvGrabber *self)
{
}

SsvGrabber *
ssv_grabber_new (SsvClientPool *pool)
{
  SsvGrabber *self;

  g_return_val_if_fail (SSV_IS_CLIENT_POOL (pool), NULL);

  self = g_object_new (SSV_TYPE_GRABBER, NULL);
  self->pool = g_object_ref (pool);

  return self;
}

SsvGrabRequest *
ssv_grab_request_new (void)
{
  SsvGrabRequest *request = g_new0 (SsvGrabRequest, 1);

  request->wanted.season = -1;
  request->wanted.episode = -1;
  request->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);

  return request;
}

void
ssv_grab_request_free (SsvGrabRequest *request)
{
  if (request == NULL)
    return;

  ssv_download_wanted_clear (&request->wanted);
  g_clear_pointer (&request->candidates, g_ptr_array_unref);
  g_strfreev (request->queries);
  g_free (request);
}

static gboolean
check_files (const char  *release,
             GPtrArray   *paths,
             GError     **error)
{
  for (guint i = 0; paths != NULL && i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      const char *risk = ssv_file_name_risk (path);

      if (risk != NULL)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_REFUSED,
                       /* Translators: "“X” holds a program (Setup.exe), not only video: not grabbed." */
                       _("“%s” holds %s (%s), not only video: not grabbed."), release, risk, path);
          return FALSE;
        }
    }

  return TRUE;
}

/* The indexer's API key from the keyring, when the indexer is one we know. */
static char *
dup_indexer_key (SsvGrabber   *self,
                 const char   *indexer,
                 char        **kind,
                 GCancellable *cancellable)
{
  SsvSecrets *secrets = ssv_client_pool_get_secrets (self->pool);
  g_autoptr(SsvIndexerRow) row = NULL;
  g_autofree char *key = NULL;

  if (indexer == NULL)
    return NULL;
  row = ssv_download_store_find_indexer (ssv_client_pool_get_store (self->pool), indexer, NULL);
  if (row == NULL)
    return NULL;
  *kind = g_strdup (row->kind);
  if (secrets == NULL)
    return NULL;

  key = ssv_secrets_indexer_key (row->id);
  return ssv_secrets_lookup_sync (secrets, key, cancellable, NULL);
}

static GBytes *
fetch_release_file (SsvGrabber                  *self,
                    const SsvDownloadCandidate  *chosen,
                    GCancellable                *cancellable,
                    GError                     **error)
{
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *key = dup_indexer_key (self, chosen->indexer, &kind, cancellable);
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  request = ssv_http_request_new (INDEXER_SERVICE, "GET", chosen->download_url);
  ssv_http_request_set_base_url (request, chosen->download_url);
  if (key != NULL && g_strcmp0 (kind, "prowlarr") == 0)
    ssv_http_request_set_header (request, "X-Api-Key", key);
  else if (key != NULL && strstr (chosen->download_url, "apikey=") == NULL)
    ssv_http_request_add_secret_query (request, "apikey", key);

  bytes = ssv_http_send (ssv_client_pool_get_http (self->pool), request, cancellable, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not fetch the release file from %s: %s"),
                   chosen->indexer != NULL ? chosen->indexer : _("the indexer"), local_error->message);
      return NULL;
    }

  return bytes;
}

static SsvAddRequest *
torrent_request (SsvGrabber                  *self,
                 const SsvDownloadCandidate  *chosen,
                 GCancellable                *cancellable,
                 GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SsvTorrentInfo) info = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;

  bytes = fetch_release_file (self, chosen, cancellable, error);
  if (bytes == NULL)
    return NULL;

  info = ssv_torrent_info_parse_bytes (bytes, &local_error);
  if (info == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("%s sent something that is not a torrent file for “%s” (%s)."),
                   chosen->indexer != NULL ? chosen->indexer : _("The indexer"), chosen->release_title,
                   local_error->message);
      return NULL;
    }

  for (guint i = 0; i < info->files->len; i++)
    g_ptr_array_add (paths, ((SsvTorrentEntry *) g_ptr_array_index (info->files, i))->path);
  if (!check_files (chosen->release_title, paths, error))
    return NULL;

  return ssv_add_request_new_torrent (bytes);
}

static gboolean
indexer_is_configured (SsvGrabber *self,
                       const char *indexer)
{
  g_autoptr(SsvIndexerRow) row = NULL;

  if (indexer == NULL)
    return FALSE;
  row = ssv_download_store_find_indexer (ssv_client_pool_get_store (self->pool), indexer, NULL);
  return row != NULL;
}

/* From an indexer set up here the app fetches the NZB itself, with the key the
 * client does not have, and reads its file names; any other URL goes to the client. */
static SsvAddRequest *
usenet_request (SsvGrabber                  *self,
                const SsvDownloadCandidate  *chosen,
                GCancellable                *cancellable,
                GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize size;

  if (chosen->download_url == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” has no NZB to fetch."), chosen->release_title);
      return NULL;
    }
  if (!indexer_is_configured (self, chosen->indexer))
    return ssv_add_request_new_nzb_url (chosen->download_url, chosen->release_title);

  bytes = fetch_release_file (self, chosen, cancellable, error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &size);
  names = ssv_nzb_parse_file_names (data, size, &local_error);
  if (names == NULL)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                   _("%s sent something that is not an NZB for “%s” (%s)."),
                   chosen->indexer, chosen->release_title, local_error->message);
      return NULL;
    }
  if (!check_files (chosen->release_title, names, error))
    return NULL;

  return ssv_add_request_new_nzb (bytes, chosen->release_title);
}

static SsvAddRequest *
build_request (SsvGrabber                  *self,
               const SsvDownloadCandidate  *chosen,
               GCancellable                *cancellable,
               GError                     **error)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  const char *url = chosen->download_url;

  for (guint i = 0; chosen->files != NULL && i < chosen->files->len; i++)
    g_ptr_array_add (paths, ((SsvCandidateFile *) g_ptr_array_index (chosen->files, i))->path);
  if (!check_files (chosen->release_title, paths, error))
    return NULL;

  if (g_strcmp0 (chosen->protocol, "slskd") == 0)
    {
      SsvAddRequest *request;

      if (chosen->slskd_user == NULL || chosen->files == NULL || chosen->files->len == 0)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                       _("“%s” has no peer or no files to fetch from Soulseek."), chosen->release_title);
          return NULL;
        }
      request = ssv_add_request_new_slskd (chosen->slskd_user);
      for (guint i = 0; i < chosen->files->len; i++)
        {
          const SsvCandidateFile *file = g_ptr_array_index (chosen->files, i);
          ssv_add_request_add_slskd_file (request, file->path, file->size);
        }
      return request;
    }

  if (g_strcmp0 (chosen->protocol, "usenet") == 0)
    return usenet_request (self, chosen, cancellable, error);

  if (url != NULL && !g_str_has_prefix (url, "magnet:"))
    return torrent_request (self, chosen, cancellable, error);
  if (url != NULL || chosen->magnet_url != NULL)
    return ssv_add_request_new_magnet (chosen->magnet_url != NULL ? chosen->magnet_url : url);

  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               _("“%s” has neither a torrent file nor a magnet link."), chosen->release_title);
  return NULL;
}

static char *
describe_client (const SsvClientRow *row)
{
  return g_strdup_printf ("%s (%s)", row->name, ssv_client_kind_display_name (row->kind));
}

/* Records the grab; @error_message NULL: it went to the client as @reference. */
static gint64
record (SsvGrabber            *self,
        const SsvGrabRequest  *request,
        const SsvClientRow    *row,
        const char            *reference,
        const char            *error_message,
        GError               **error)
{
  const SsvDownloadCandidate *chosen = g_ptr_array_index (request->candidates, 0);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  g_autofree char *client = describe_client (row);
  g_autofree char *event = NULL;
  SsvGrabRecord rec = { 0 };
  SsvDownloadWanted wanted = request->wanted;

  for (guint i = 1; i < request->candidates->len; i++)
    g_ptr_array_add (others, g_ptr_array_index (request->candidates, i));

  if (error_message == NULL)
    /* Translators: "Grabbed “Heat.1995.1080p…” from Jackett into Home (qBittorrent)." */
    event = g_strdup_printf (_("Grabbed “%s” from %s into %s."), chosen->release_title,
                             chosen->indexer != NULL ? chosen->indexer : _("an indexer"), client);
  else
    /* Translators: "Could not grab “X” into Home (qBittorrent): reason" */
    event = g_strdup_printf (_("Could not grab “%s” into %s: %s"), chosen->release_title, client, error_message);

  /* a grab of something on the wishlist shows there, whoever started it */
  wanted.wishlist_id = ssv_download_store_find_wanted (ssv_client_pool_get_store (self->pool), &request->wanted,
                                                       NULL);
  rec.wanted = &wanted;
  rec.chosen = chosen;
  rec.others = others;
  rec.client_id = row->id;
  rec.client_name = row->name;
  rec.reference = reference;
  rec.profile_id = request->profile_id;
  rec.status = error_message == NULL ? SSV_DOWNLOAD_QUEUED : SSV_DOWNLOAD_FAILED;
  rec.error = error_message;
  rec.event = event;
  rec.queries = (const char * const *) request->queries;

  return ssv_download_store_record_grab (ssv_client_pool_get_store (self->pool), &rec, error);
}

/**
 * ssv_grabber_grab:
 * @download_id: (out) (optional): the recorded download, also when the grab failed
 *   after a client was chosen (its row says why); 0 when nothing was recorded
 *
 * Blocks: call it from a worker thread (or use the async variant).
 *
 * Returns: the id of the queued download, or 0 with @error set
 */
/**
 * ssv_grabber_send:
 * @row: (out) (optional) (transfer full): the client it went to, or was refused by;
 *   NULL when no client takes its protocol
 *
 * Sends @chosen to the default client of its protocol (a .torrent fetched
 * and checked first) without recording anything. Blocks.
 *
 * Returns: (transfer full): the client's reference, or NULL with @error set
 */
char *
ssv_grabber_send (SsvGrabber                  *self,
                  const SsvDownloadCandidate  *chosen,
                  SsvClientRow               **row,
                  GCancellable                *cancellable,
                  GError                     **error)
{
  g_autoptr(SsvClientRow) client_row = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(SsvAddRequest) add = NULL;
  char *reference = NULL;

  g_return_val_if_fail (SSV_IS_GRABBER (self), NULL);
  g_return_val_if_fail (chosen != NULL, NULL);

  if (row != NULL)
    *row = NULL;
  client_row = ssv_download_store_dup_default_client (ssv_client_pool_get_store (self->pool), chosen->protocol,
                                                     error);
  if (client_row == NULL)
    return NULL;

  client = ssv_client_pool_dup_for_row (self->pool, client_row, cancellable, error);
  if (client != NULL)
    add = build_request (self, chosen, cancellable, error);
  if (add != NULL)
    {
      if (client_row->save_path != NULL)
        ssv_add_request_set_save_path (add, client_row->save_path);
      reference = ssv_download_client_add (client, add, cancellable, error);
    }
  if (row != NULL)
    *row = g_steal_pointer (&client_row);

  return reference;
}

/**
 * ssv_grabber_grab:
 * @download_id: (out) (optional): the recorded download, also when the grab failed
 *   after a client was chosen (its row says why); 0 when nothing was recorded
 *
 * Blocks: call it from a worker thread (or use the async variant).
 *
 * Returns: the id of the queued download, or 0 with @error set
 */
gint64
ssv_grabber_grab (SsvGrabber            *self,
                  const SsvGrabRequest  *request,
                  gint64                *download_id,
                  GCancellable          *cancellable,
                  GError               **error)
{
  g_autoptr(SsvClientRow) row = NULL;
  g_autoptr(GError) failure = NULL;
  g_autofree char *reference = NULL;
  gint64 id;

  g_return_val_if_fail (SSV_IS_GRABBER (self), 0);
  g_return_val_if_fail (request != NULL && request->candidates->len > 0, 0);

  if (download_id != NULL)
    *download_id = 0;

  reference = ssv_grabber_send (self, g_ptr_array_index (request->candidates, 0), &row, cancellable, &failure);
  if (row == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&failure));
      return 0;
    }

  if (reference == NULL)
    {
      g_autoptr(GError) record_error = NULL;

      g_assert (failure != NULL);
      id = record (self, request, row, NULL, failure->message, &record_error);
      if (download_id != NULL)
        *download_id = id;
      if (id == 0)
        g_warning ("A failed grab could not be recorded: %s", record_error->message);
      g_propagate_error (error, g_steal_pointer (&failure));
      return 0;
    }

  id = record (self, request, row, reference, NULL, error);
  if (download_id != NULL)
    *download_id = id;

  return id;
}

typedef struct
{
  SsvGrabRequest *request;
  gint64          download_id;
} GrabData;

static void
grab_data_free (GrabData *data)
{
  ssv_grab_request_free (data->request);
  g_free (data);
}

static void
grab_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GrabData *data = task_data;
  GError *error = NULL;
  gint64 id = ssv_grabber_grab (source, data->request, &data->download_id, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, id);
}

/* Takes @request. */
void
ssv_grabber_grab_async (SsvGrabber          *self,
                        SsvGrabRequest      *request,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GrabData *data;

  g_return_if_fail (SSV_IS_GRABBER (self));

  data = g_new0 (GrabData, 1);
  data->request = request;
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_grabber_grab_async);
  g_task_set_task_data (task, data, (GDestroyNotify) grab_data_free);
  g_task_run_in_thread (task, grab_thread);
}

gint64
ssv_grabber_grab_finish (SsvGrabber    *self,
                         GAsyncResult  *result,
                         gint64        *download_id,
                         GError       **error)
{
  GrabData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  data = g_task_get_task_data (G_TASK (result));
  if (download_id != NULL)
    *download_id = data->download_id;

  return g_task_propagate_int (G_TASK (result), error);
}

/**
 * ssv_grabber_cancel:
 *
 * Takes an active download out of its client (what it fetched stays on disk)
 * and marks it cancelled. Blocks. When the client cannot be reached nothing
 * changes and @error says why.
 */
gboolean
ssv_grabber_cancel (SsvGrabber    *self,
                    gint64         download_id,
                    GCancellable  *cancellable,
                    GError       **error)
{
  SsvDownloadStore *store;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autofree char *event = NULL;

  g_return_val_if_fail (SSV_IS_GRABBER (self), FALSE);

  store = ssv_client_pool_get_store (self->pool);
  d = ssv_download_store_get (store, download_id, error);
  if (d == NULL)
    return FALSE;
  if (!ssv_download_status_is_active (ssv_download_get_status (d)) &&
      ssv_download_get_status (d) != SSV_DOWNLOAD_SEARCHING)
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("That download is %s already; there is nothing to cancel."),
                   ssv_download_status_to_string (ssv_download_get_status (d)));
      return FALSE;
    }

  /* a download searching again has no transfer: the retry engine took the old one out */
  if (ssv_download_get_client_id (d) > 0 && ssv_download_get_reference (d) != NULL &&
      ssv_download_get_status (d) != SSV_DOWNLOAD_SEARCHING)
    {
      client = ssv_client_pool_dup_client (self->pool, ssv_download_get_client_id (d), cancellable, error);
      if (client == NULL ||
          !ssv_download_client_remove (client, ssv_download_get_reference (d), FALSE, cancellable, error))
        return FALSE;
    }

  event = g_strdup (_("Cancelled; taken out of the download client (its files stay)."));
  return ssv_download_store_set_status (store, download_id, SSV_DOWNLOAD_CANCELLED, NULL, NULL, "cancelled", event,
                                        error);
}

static void
cancel_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (ssv_grabber_cancel (source, *(gint64 *) task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
ssv_grabber_cancel_async (SsvGrabber          *self,
                          gint64               download_id,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SSV_IS_GRABBER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_grabber_cancel_async);
  g_task_set_task_data (task, g_memdup2 (&download_id, sizeof download_id), g_free);
  g_task_run_in_thread (task, cancel_thread);
}

gboolean
ssv_grabber_cancel_finish (SsvGrabber    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
