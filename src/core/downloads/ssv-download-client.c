/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-client.c: dispatch of SsvDownloadClient, its async wrappers, and the plain types it lists. */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-download-client.h"
#include "ssv-error.h"
#include "ssv-thread.h"

G_DEFINE_INTERFACE (SsvDownloadClient, ssv_download_client, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SsvTransfer, ssv_transfer, ssv_transfer_copy, ssv_transfer_free)
G_DEFINE_BOXED_TYPE (SsvTransferFile, ssv_transfer_file, ssv_transfer_file_copy, ssv_transfer_file_free)
G_DEFINE_BOXED_TYPE (SsvAddRequest, ssv_add_request, ssv_add_request_copy, ssv_add_request_free)

static const struct
{
  const char *id;
  const char *display_name;
} kinds[SSV_CLIENT_N_KINDS] = {
  [SSV_CLIENT_QBITTORRENT]  = { "qbittorrent",  "qBittorrent" },
  [SSV_CLIENT_TRANSMISSION] = { "transmission", "Transmission" },
  [SSV_CLIENT_DELUGE]       = { "deluge",       "Deluge" },
  [SSV_CLIENT_ARIA2]        = { "aria2",        "aria2" },
  [SSV_CLIENT_NZBGET]       = { "nzbget",       "NZBGet" },
  [SSV_CLIENT_SABNZBD]      = { "sabnzbd",      "SABnzbd" },
  [SSV_CLIENT_SLSKD]        = { "slskd",        "slskd" },
};

static gboolean
default_set_file_priority (SsvDownloadClient  *self,
                           const char         *reference,
                           const guint        *indices,
                           guint               n_indices,
                           SsvFilePriority     priority,
                           GCancellable       *cancellable,
                           GError            **error)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               _("%s cannot skip single files of a download."),
               ssv_download_client_get_name (self));
  return FALSE;
}

static gboolean
default_set_paused (SsvDownloadClient  *self,
                    const char         *reference,
                    gboolean            paused,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
               _("%s cannot pause a download."), ssv_download_client_get_name (self));
  return FALSE;
}

static void
ssv_download_client_default_init (SsvDownloadClientInterface *iface)
{
  iface->set_file_priority = default_set_file_priority;
  iface->set_paused = default_set_paused;
}

/* ---- kinds and factories --------------------------------------------------- */

const char *
ssv_client_kind_to_string (SsvClientKind kind)
{
  g_return_val_if_fail (kind < SSV_CLIENT_N_KINDS, NULL);

  return kinds[kind].id;
}

gboolean
ssv_client_kind_from_string (const char    *text,
                             SsvClientKind *kind)
{
  for (guint i = 0; i < SSV_CLIENT_N_KINDS; i++)
    if (g_ascii_strcasecmp (text ? text : "", kinds[i].id) == 0)
      {
        *kind = (SsvClientKind) i;
        return TRUE;
      }

  return FALSE;
}

const char *
ssv_client_kind_display_name (SsvClientKind kind)
{
  g_return_val_if_fail (kind < SSV_CLIENT_N_KINDS, NULL);

  return kinds[kind].display_name;
}

/* The keyring key of a download client's password or API key, e.g. "client:3". */
char *
ssv_secrets_client_key (gint64 client_id)
{
  return g_strdup_printf ("client:%" G_GINT64_FORMAT, client_id);
}

/* ---- states ---------------------------------------------------------------- */

const char *
ssv_transfer_state_to_string (SsvTransferState state)
{
  static const char * const names[] = {
    [SSV_TRANSFER_QUEUED] = "queued",
    [SSV_TRANSFER_CHECKING] = "checking",
    [SSV_TRANSFER_METADATA] = "metadata",
    [SSV_TRANSFER_DOWNLOADING] = "downloading",
    [SSV_TRANSFER_STALLED] = "stalled",
    [SSV_TRANSFER_SEEDING] = "seeding",
    [SSV_TRANSFER_COMPLETED] = "completed",
    [SSV_TRANSFER_PAUSED] = "paused",
    [SSV_TRANSFER_ERROR] = "error",
  };

  g_return_val_if_fail (state < G_N_ELEMENTS (names), "error");

  return names[state];
}

/* Whether the data is all there (an import may begin). */
gboolean
ssv_transfer_state_is_done (SsvTransferState state)
{
  return state == SSV_TRANSFER_SEEDING || state == SSV_TRANSFER_COMPLETED;
}

/* ---- dispatch -------------------------------------------------------------- */

SsvClientKind
ssv_download_client_get_kind (SsvDownloadClient *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), SSV_CLIENT_N_KINDS);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->get_kind (self);
}

/* "qBittorrent", for messages. */
const char *
ssv_download_client_get_name (SsvDownloadClient *self)
{
  return ssv_client_kind_display_name (ssv_download_client_get_kind (self));
}

SsvClientCaps
ssv_download_client_get_capabilities (SsvDownloadClient *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), 0);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->get_capabilities (self);
}

/**
 * ssv_download_client_test_connection:
 *
 * Checks the address and the password or key with the cheapest request there is.
 *
 * Returns: (transfer full): "qBittorrent v4.5.2", or %NULL with @error saying in
 *   plain words what is wrong (wrong password, not reachable, not that kind of server)
 */
char *
ssv_download_client_test_connection (SsvDownloadClient  *self,
                                     GCancellable       *cancellable,
                                     GError            **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), NULL);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->test_connection (self, cancellable, error);
}

static void
set_refusal (SsvDownloadClient  *self,
             SsvAddKind          kind,
             GError            **error)
{
  const char *name = ssv_download_client_get_name (self);

  switch (kind)
    {
    case SSV_ADD_MAGNET:
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s does not take magnet links."), name);
      break;
    case SSV_ADD_TORRENT:
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s does not take torrent files."), name);
      break;
    case SSV_ADD_NZB_URL:
    case SSV_ADD_NZB:
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s does not take NZB downloads."), name);
      break;
    case SSV_ADD_SLSKD:
    default:
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("%s does not take Soulseek downloads."),
                   name);
      break;
    }
}

static gboolean
check_request (SsvDownloadClient    *self,
               const SsvAddRequest  *request,
               GError              **error)
{
  static const SsvClientCaps needs[] = {
    [SSV_ADD_MAGNET] = SSV_CLIENT_CAN_MAGNET,
    [SSV_ADD_TORRENT] = SSV_CLIENT_CAN_TORRENT,
    [SSV_ADD_NZB_URL] = SSV_CLIENT_CAN_NZB,
    [SSV_ADD_NZB] = SSV_CLIENT_CAN_NZB,
    [SSV_ADD_SLSKD] = SSV_CLIENT_CAN_SLSKD,
  };
  gboolean empty;

  if ((guint) request->kind >= G_N_ELEMENTS (needs))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID, _("Nothing to add."));
      return FALSE;
    }

  if ((ssv_download_client_get_capabilities (self) & needs[request->kind]) == 0)
    {
      set_refusal (self, request->kind, error);
      return FALSE;
    }

  switch (request->kind)
    {
    case SSV_ADD_MAGNET:
    case SSV_ADD_NZB_URL:
      empty = request->uri == NULL || request->uri[0] == '\0';
      break;
    case SSV_ADD_TORRENT:
    case SSV_ADD_NZB:
      empty = request->data == NULL || g_bytes_get_size (request->data) == 0;
      break;
    case SSV_ADD_SLSKD:
    default:
      empty = request->slskd_user == NULL || request->slskd_user[0] == '\0' ||
              request->slskd_files == NULL || request->slskd_files->len == 0;
      break;
    }

  if (empty)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("The download to add is empty."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ssv_download_client_add:
 *
 * Hands @request to the client, labelled with its category (or the client's)
 * and saved in its save path (or the client's default). Adding what the client
 * already has is not an error: its reference comes back.
 *
 * Returns: (transfer full): the client's reference of the transfer (infohash,
 *   NZBGet id, nzo_id, slskd user/file), or %NULL with @error set
 */
char *
ssv_download_client_add (SsvDownloadClient    *self,
                         const SsvAddRequest  *request,
                         GCancellable         *cancellable,
                         GError              **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), NULL);
  g_return_val_if_fail (request != NULL, NULL);

  if (!check_request (self, request, error))
    return NULL;

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->add (self, request, cancellable, error);
}

/**
 * ssv_download_client_list:
 * @references: (nullable): only these transfers; %NULL: every transfer with
 *   the client's category (every transfer, for clients without categories)
 *
 * Returns: (transfer full) (element-type SsvTransfer): the transfers; a
 *   reference the client no longer has is simply absent
 */
GPtrArray *
ssv_download_client_list (SsvDownloadClient   *self,
                          const char * const  *references,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), NULL);

  if (references != NULL && references[0] == NULL)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_transfer_free);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->list (self, references, cancellable, error);
}

/**
 * ssv_download_client_get:
 *
 * Returns: (transfer full): the transfer, or %NULL with %SSV_ERROR_NOT_FOUND
 *   when the client does not have it (any more)
 */
SsvTransfer *
ssv_download_client_get (SsvDownloadClient  *self,
                         const char         *reference,
                         GCancellable       *cancellable,
                         GError            **error)
{
  const char *references[] = { reference, NULL };
  g_autoptr(GPtrArray) transfers = NULL;

  g_return_val_if_fail (reference != NULL, NULL);

  transfers = ssv_download_client_list (self, references, cancellable, error);
  if (transfers == NULL)
    return NULL;

  for (guint i = 0; i < transfers->len; i++)
    {
      SsvTransfer *transfer = g_ptr_array_index (transfers, i);

      if (g_strcmp0 (transfer->reference, reference) == 0)
        return g_ptr_array_steal_index (transfers, i);
    }

  g_set_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
               _("%s no longer has this download."), ssv_download_client_get_name (self));
  return NULL;
}

/**
 * ssv_download_client_list_files:
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files of the
 *   transfer (empty while a magnet waits for its metadata), or %NULL with
 *   %SSV_ERROR_NOT_FOUND when the client does not have it
 */
GPtrArray *
ssv_download_client_list_files (SsvDownloadClient  *self,
                                const char         *reference,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), NULL);
  g_return_val_if_fail (reference != NULL, NULL);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->list_files (self, reference, cancellable, error);
}

/**
 * ssv_download_client_set_file_priority:
 * @indices: (array length=n_indices): SsvTransferFile.index values
 *
 * Skips files (%SSV_FILE_SKIP) or wants them again.
 */
gboolean
ssv_download_client_set_file_priority (SsvDownloadClient  *self,
                                       const char         *reference,
                                       const guint        *indices,
                                       guint               n_indices,
                                       SsvFilePriority     priority,
                                       GCancellable       *cancellable,
                                       GError            **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  if (n_indices == 0)
    return TRUE;

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->set_file_priority (self, reference, indices,
                                                                  n_indices, priority,
                                                                  cancellable, error);
}

/**
 * ssv_download_client_remove:
 * @delete_data: also delete what was downloaded (clients that cannot, see
 *   %SSV_CLIENT_CAN_DELETE_DATA, keep it)
 *
 * Removing what the client does not have is not an error.
 */
gboolean
ssv_download_client_remove (SsvDownloadClient  *self,
                            const char         *reference,
                            gboolean            delete_data,
                            GCancellable       *cancellable,
                            GError            **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->remove (self, reference, delete_data,
                                                       cancellable, error);
}

gboolean
ssv_download_client_set_paused (SsvDownloadClient  *self,
                                const char         *reference,
                                gboolean            paused,
                                GCancellable       *cancellable,
                                GError            **error)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_CLIENT (self), FALSE);
  g_return_val_if_fail (reference != NULL, FALSE);

  return SSV_DOWNLOAD_CLIENT_GET_IFACE (self)->set_paused (self, reference, paused,
                                                           cancellable, error);
}

/* ---- async wrappers: the same calls, in a GTask thread ---------------------- */

typedef enum
{
  CALL_TEST,
  CALL_ADD,
  CALL_LIST,
  CALL_LIST_FILES,
  CALL_SET_PRIORITY,
  CALL_REMOVE,
  CALL_SET_PAUSED,
} CallKind;

typedef struct
{
  CallKind         kind;
  SsvAddRequest   *request;
  GStrv            references;
  char            *reference;
  GArray          *indices;
  SsvFilePriority  priority;
  gboolean         flag;
} Call;

static void
call_free (gpointer data)
{
  Call *call = data;

  g_clear_pointer (&call->request, ssv_add_request_free);
  g_strfreev (call->references);
  g_free (call->reference);
  g_clear_pointer (&call->indices, g_array_unref);
  g_free (call);
}

static void
call_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvDownloadClient *self = source_object;
  Call *call = task_data;
  GError *error = NULL;
  gpointer result = NULL;
  gboolean ok = FALSE;

  g_assert (!SSV_IS_MAIN_THREAD ());

  switch (call->kind)
    {
    case CALL_TEST:
      result = ssv_download_client_test_connection (self, cancellable, &error);
      break;
    case CALL_ADD:
      result = ssv_download_client_add (self, call->request, cancellable, &error);
      break;
    case CALL_LIST:
      result = ssv_download_client_list (self, (const char * const *) call->references,
                                         cancellable, &error);
      break;
    case CALL_LIST_FILES:
      result = ssv_download_client_list_files (self, call->reference, cancellable, &error);
      break;
    case CALL_SET_PRIORITY:
      ok = ssv_download_client_set_file_priority (self, call->reference,
                                                  (const guint *) (gpointer) call->indices->data,
                                                  call->indices->len, call->priority,
                                                  cancellable, &error);
      break;
    case CALL_REMOVE:
      ok = ssv_download_client_remove (self, call->reference, call->flag, cancellable, &error);
      break;
    case CALL_SET_PAUSED:
    default:
      ok = ssv_download_client_set_paused (self, call->reference, call->flag, cancellable, &error);
      break;
    }

  if (error != NULL)
    g_task_return_error (task, error);
  else if (call->kind == CALL_TEST || call->kind == CALL_ADD)
    g_task_return_pointer (task, result, g_free);
  else if (call->kind == CALL_LIST || call->kind == CALL_LIST_FILES)
    g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_boolean (task, ok);
}

static void
run_call (SsvDownloadClient   *self,
          Call                *call,
          gpointer             source_tag,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, call, call_free);
  g_task_run_in_thread (task, call_thread);
}

static Call *
call_new (CallKind    kind,
          const char *reference)
{
  Call *call = g_new0 (Call, 1);

  call->kind = kind;
  call->reference = g_strdup (reference);
  return call;
}

void
ssv_download_client_test_connection_async (SsvDownloadClient   *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));

  run_call (self, call_new (CALL_TEST, NULL), ssv_download_client_test_connection_async,
            cancellable, callback, user_data);
}

char *
ssv_download_client_test_connection_finish (SsvDownloadClient  *self,
                                            GAsyncResult       *result,
                                            GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_download_client_add_async (SsvDownloadClient   *self,
                               const SsvAddRequest *request,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Call *call;

  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));
  g_return_if_fail (request != NULL);

  call = call_new (CALL_ADD, NULL);
  call->request = ssv_add_request_copy (request);
  run_call (self, call, ssv_download_client_add_async, cancellable, callback, user_data);
}

char *
ssv_download_client_add_finish (SsvDownloadClient  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_download_client_list_async (SsvDownloadClient   *self,
                                const char * const  *references,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Call *call;

  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));

  call = call_new (CALL_LIST, NULL);
  call->references = g_strdupv ((char **) references);
  run_call (self, call, ssv_download_client_list_async, cancellable, callback, user_data);
}

GPtrArray *
ssv_download_client_list_finish (SsvDownloadClient  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_download_client_list_files_async (SsvDownloadClient   *self,
                                      const char          *reference,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));

  run_call (self, call_new (CALL_LIST_FILES, reference), ssv_download_client_list_files_async,
            cancellable, callback, user_data);
}

GPtrArray *
ssv_download_client_list_files_finish (SsvDownloadClient  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
ssv_download_client_set_file_priority_async (SsvDownloadClient   *self,
                                             const char          *reference,
                                             const guint         *indices,
                                             guint                n_indices,
                                             SsvFilePriority      priority,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  Call *call;

  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));

  call = call_new (CALL_SET_PRIORITY, reference);
  call->indices = g_array_new (FALSE, FALSE, sizeof (guint));
  g_array_append_vals (call->indices, indices, n_indices);
  call->priority = priority;
  run_call (self, call, ssv_download_client_set_file_priority_async, cancellable, callback,
            user_data);
}

gboolean
ssv_download_client_set_file_priority_finish (SsvDownloadClient  *self,
                                              GAsyncResult       *result,
                                              GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ssv_download_client_remove_async (SsvDownloadClient   *self,
                                  const char          *reference,
                                  gboolean             delete_data,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Call *call;

  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));

  call = call_new (CALL_REMOVE, reference);
  call->flag = delete_data;
  run_call (self, call, ssv_download_client_remove_async, cancellable, callback, user_data);
}

gboolean
ssv_download_client_remove_finish (SsvDownloadClient  *self,
                                   GAsyncResult       *result,
                                   GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
ssv_download_client_set_paused_async (SsvDownloadClient   *self,
                                      const char          *reference,
                                      gboolean             paused,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  Call *call;

  g_return_if_fail (SSV_IS_DOWNLOAD_CLIENT (self));

  call = call_new (CALL_SET_PAUSED, reference);
  call->flag = paused;
  run_call (self, call, ssv_download_client_set_paused_async, cancellable, callback, user_data);
}

gboolean
ssv_download_client_set_paused_finish (SsvDownloadClient  *self,
                                       GAsyncResult       *result,
                                       GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- transfers ------------------------------------------------------------- */

SsvTransfer *
ssv_transfer_new (void)
{
  SsvTransfer *transfer = g_new0 (SsvTransfer, 1);

  transfer->size = -1;
  transfer->downloaded = -1;
  transfer->down_speed = -1;
  transfer->eta = -1;
  transfer->seeds = -1;
  transfer->peers = -1;
  transfer->availability = NAN;
  transfer->ratio = NAN;
  transfer->seeding_time = -1;
  return transfer;
}

SsvTransfer *
ssv_transfer_copy (const SsvTransfer *transfer)
{
  SsvTransfer *copy = g_memdup2 (transfer, sizeof *transfer);

  copy->reference = g_strdup (transfer->reference);
  copy->name = g_strdup (transfer->name);
  copy->client_state = g_strdup (transfer->client_state);
  copy->category = g_strdup (transfer->category);
  copy->save_path = g_strdup (transfer->save_path);
  copy->content_path = g_strdup (transfer->content_path);
  copy->error = g_strdup (transfer->error);
  return copy;
}

void
ssv_transfer_free (SsvTransfer *transfer)
{
  if (transfer == NULL)
    return;

  g_free (transfer->reference);
  g_free (transfer->name);
  g_free (transfer->client_state);
  g_free (transfer->category);
  g_free (transfer->save_path);
  g_free (transfer->content_path);
  g_free (transfer->error);
  g_free (transfer);
}

/* Seconds left at @down_speed, or -1 when nothing arrives (or sizes are unknown). */
gint64
ssv_transfer_compute_eta (gint64 size,
                          gint64 downloaded,
                          gint64 down_speed)
{
  if (size < 0 || downloaded < 0)
    return -1;
  if (downloaded >= size)
    return 0;
  if (down_speed <= 0)
    return -1;

  return (size - downloaded + down_speed - 1) / down_speed;
}

SsvTransferFile *
ssv_transfer_file_new (guint       index,
                       const char *path,
                       gint64      size)
{
  SsvTransferFile *file = g_new0 (SsvTransferFile, 1);

  file->index = index;
  file->path = g_strdup (path);
  file->size = size;
  file->progress = -1;
  file->priority = SSV_FILE_NORMAL;
  return file;
}

SsvTransferFile *
ssv_transfer_file_copy (const SsvTransferFile *file)
{
  SsvTransferFile *copy = g_memdup2 (file, sizeof *file);

  copy->id = g_strdup (file->id);
  copy->path = g_strdup (file->path);
  return copy;
}

void
ssv_transfer_file_free (SsvTransferFile *file)
{
  if (file == NULL)
    return;

  g_free (file->id);
  g_free (file->path);
  g_free (file);
}

/* ---- add requests ---------------------------------------------------------- */

static SsvAddRequest *
add_request_new (SsvAddKind kind)
{
  SsvAddRequest *request = g_new0 (SsvAddRequest, 1);

  request->kind = kind;
  return request;
}

SsvAddRequest *
ssv_add_request_new_magnet (const char *magnet)
{
  SsvAddRequest *request = add_request_new (SSV_ADD_MAGNET);

  request->uri = g_strdup (magnet);
  return request;
}

SsvAddRequest *
ssv_add_request_new_torrent (GBytes *torrent)
{
  SsvAddRequest *request = add_request_new (SSV_ADD_TORRENT);

  request->data = torrent ? g_bytes_ref (torrent) : NULL;
  return request;
}

SsvAddRequest *
ssv_add_request_new_nzb_url (const char *url,
                             const char *name)
{
  SsvAddRequest *request = add_request_new (SSV_ADD_NZB_URL);

  request->uri = g_strdup (url);
  request->name = g_strdup (name);
  return request;
}

SsvAddRequest *
ssv_add_request_new_nzb (GBytes     *nzb,
                         const char *name)
{
  SsvAddRequest *request = add_request_new (SSV_ADD_NZB);

  request->data = nzb ? g_bytes_ref (nzb) : NULL;
  request->name = g_strdup (name);
  return request;
}

static void
slskd_file_free (gpointer data)
{
  SsvSlskdFile *file = data;

  g_free (file->filename);
  g_free (file);
}

SsvAddRequest *
ssv_add_request_new_slskd (const char *user)
{
  SsvAddRequest *request = add_request_new (SSV_ADD_SLSKD);

  request->slskd_user = g_strdup (user);
  request->slskd_files = g_ptr_array_new_with_free_func (slskd_file_free);
  return request;
}

void
ssv_add_request_add_slskd_file (SsvAddRequest *request,
                                const char    *filename,
                                gint64         size)
{
  SsvSlskdFile *file;

  g_return_if_fail (request != NULL && request->slskd_files != NULL);

  file = g_new0 (SsvSlskdFile, 1);
  file->filename = g_strdup (filename);
  file->size = size;
  g_ptr_array_add (request->slskd_files, file);
}

void
ssv_add_request_set_category (SsvAddRequest *request,
                              const char    *category)
{
  g_free (request->category);
  request->category = g_strdup (category);
}

void
ssv_add_request_set_save_path (SsvAddRequest *request,
                               const char    *save_path)
{
  g_free (request->save_path);
  request->save_path = g_strdup (save_path);
}

SsvAddRequest *
ssv_add_request_copy (const SsvAddRequest *request)
{
  SsvAddRequest *copy = add_request_new (request->kind);

  copy->uri = g_strdup (request->uri);
  copy->data = request->data ? g_bytes_ref (request->data) : NULL;
  copy->name = g_strdup (request->name);
  copy->category = g_strdup (request->category);
  copy->save_path = g_strdup (request->save_path);
  copy->paused = request->paused;
  copy->slskd_user = g_strdup (request->slskd_user);
  if (request->slskd_files != NULL)
    {
      copy->slskd_files = g_ptr_array_new_with_free_func (slskd_file_free);
      for (guint i = 0; i < request->slskd_files->len; i++)
        {
          SsvSlskdFile *file = g_ptr_array_index (request->slskd_files, i);
          ssv_add_request_add_slskd_file (copy, file->filename, file->size);
        }
    }
  return copy;
}

void
ssv_add_request_free (SsvAddRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->uri);
  g_clear_pointer (&request->data, g_bytes_unref);
  g_free (request->name);
  g_free (request->category);
  g_free (request->save_path);
  g_free (request->slskd_user);
  g_clear_pointer (&request->slskd_files, g_ptr_array_unref);
  g_free (request);
}
