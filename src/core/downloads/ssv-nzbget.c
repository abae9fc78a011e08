/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-nzbget.c: NZBGet's JSON-RPC: append an NZB, read the queue and the history, edit the queue. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"
#include "downloads/ssv-nzbget.h"

struct _SsvNzbget
{
  GObject        parent_instance;

  SsvClientConn  conn;
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvNzbget, ssv_nzbget, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static void
ssv_nzbget_finalize (GObject *object)
{
  SsvNzbget *self = (SsvNzbget *) object;

  ssv_client_conn_clear (&self->conn);

  G_OBJECT_CLASS (ssv_nzbget_parent_class)->finalize (object);
}

static void
ssv_nzbget_class_init (SsvNzbgetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_nzbget_finalize;
}

static void
ssv_nzbget_init (SsvNzbget *self)
{
}

SsvNzbget *
ssv_nzbget_new (SsvHttp               *http,
                const SsvClientConfig *config)
{
  SsvNzbget *self = g_object_new (SSV_TYPE_NZBGET, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_NZBGET, http, config);
  return self;
}

/* ---- parsing -------------------------------------------------------------------- */

/* NZBGet sends 64-bit sizes as two 32-bit halves. */
static gint64
get_size (JsonObject *object,
          const char *name)
{
  g_autofree char *lo_name = g_strconcat (name, "Lo", NULL);
  g_autofree char *hi_name = g_strconcat (name, "Hi", NULL);
  gint64 lo = ssv_json_get_int_or (object, lo_name, -1);
  gint64 hi = ssv_json_get_int_or (object, hi_name, 0);

  if (lo < 0 || hi < 0 || hi > G_MAXINT32)
    return -1;

  return (hi << 32) | (lo & 0xffffffff);
}

static SsvTransferState
map_group_status (const char *status)
{
  /* PP_FINISHED too: only the history says whether it worked (a download whose
   * articles are all gone passes through it on its way to FAILURE/HEALTH) */
  static const char * const processing[] = {
    "PP_QUEUED", "LOADING_PARS", "VERIFYING_SOURCES", "REPAIRING", "VERIFYING_REPAIRED",
    "RENAMING", "UNPACKING", "MOVING", "EXECUTING_SCRIPT", "PP_FINISHED",
  };

  if (g_strcmp0 (status, "PAUSED") == 0)
    return SSV_TRANSFER_PAUSED;
  if (g_strcmp0 (status, "DOWNLOADING") == 0)
    return SSV_TRANSFER_DOWNLOADING;
  for (guint i = 0; i < G_N_ELEMENTS (processing); i++)
    if (g_strcmp0 (status, processing[i]) == 0)
      return SSV_TRANSFER_CHECKING;

  return SSV_TRANSFER_QUEUED;   /* QUEUED, FETCHING (an NZB URL) */
}

static gboolean
strip_prefix (const char  *status,
              const char  *prefix,
              const char **detail)
{
  if (!g_str_has_prefix (status, prefix))
    return FALSE;

  *detail = status + strlen (prefix);
  return TRUE;
}

/* A history status ("FAILURE/HEALTH") as a state and plain words. */
static SsvTransferState
map_history_status (const char  *status,
                    gint64       health,
                    char       **text)
{
  const char *detail = "";

  *text = NULL;
  if (status == NULL || g_str_has_prefix (status, "SUCCESS"))
    return SSV_TRANSFER_COMPLETED;

  if (strip_prefix (status, "WARNING/", &detail))
    {
      if (g_strcmp0 (detail, "SCRIPT") == 0)
        {
          *text = g_strdup (_("NZBGet's post-processing script reported a problem."));
          return SSV_TRANSFER_COMPLETED;
        }
      if (g_strcmp0 (detail, "PASSWORD") == 0)
        *text = g_strdup (_("The download is an archive that needs a password."));
      else if (g_strcmp0 (detail, "SPACE") == 0)
        *text = g_strdup (_("NZBGet ran out of disk space."));
      else
        *text = g_strdup_printf (_("The download is damaged and could not be repaired (%s)."), detail);
      return SSV_TRANSFER_ERROR;
    }

  if (strip_prefix (status, "FAILURE/", &detail))
    {
      if (g_strcmp0 (detail, "HEALTH") == 0)
        *text = g_strdup_printf (_("Too many articles are missing from the news server "
                                   "(health %.1f %%)."), CLAMP (health, 0, 1000) / 10.0);
      else if (g_strcmp0 (detail, "PAR") == 0)
        *text = g_strdup (_("Repairing the download with its par2 files failed."));
      else if (g_strcmp0 (detail, "UNPACK") == 0)
        *text = g_strdup (_("Unpacking the download failed."));
      else if (g_strcmp0 (detail, "MOVE") == 0)
        *text = g_strdup (_("Moving the finished files failed."));
      else if (g_strcmp0 (detail, "FETCH") == 0)
        *text = g_strdup (_("NZBGet could not fetch the NZB file."));
      else if (g_strcmp0 (detail, "SCAN") == 0)
        *text = g_strdup (_("NZBGet could not read the NZB file."));
      else
        *text = g_strdup_printf (_("NZBGet reports a failure (%s)."), detail);
      return SSV_TRANSFER_ERROR;
    }

  if (strip_prefix (status, "DELETED/", &detail))
    {
      if (g_strcmp0 (detail, "HEALTH") == 0)
        *text = g_strdup (_("NZBGet gave up: too many articles are missing from the news server."));
      else if (g_strcmp0 (detail, "MANUAL") == 0)
        *text = g_strdup (_("The download was deleted in NZBGet."));
      else
        *text = g_strdup_printf (_("NZBGet deleted the download (%s)."), detail);
      return SSV_TRANSFER_ERROR;
    }

  *text = g_strdup_printf (_("NZBGet reports “%s”."), status);
  return SSV_TRANSFER_ERROR;
}

static SsvTransfer *
transfer_new (JsonObject *object,
              const char *name_member)
{
  gint64 id = ssv_json_get_int_or (object, "NZBID", ssv_json_get_int_or (object, "ID", 0));
  SsvTransfer *transfer;
  gint64 health;

  if (id <= 0)
    return NULL;

  transfer = ssv_transfer_new ();
  transfer->reference = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  transfer->name = ssv_json_dup_string (object, name_member);
  transfer->category = ssv_json_dup_string (object, "Category");
  transfer->size = get_size (object, "FileSize");
  health = ssv_json_get_int_or (object, "Health", -1);
  if (health >= 0)
    transfer->availability = health / 1000.0;
  return transfer;
}

static GPtrArray *
parse_groups_node (JsonNode  *result,
                   gint64     download_rate,
                   GError   **error)
{
  JsonArray *array = ssv_json_node_array (result);
  g_autoptr(GPtrArray) transfers = NULL;

  if (array == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("NZBGet sent a queue that could not be read."));
      return NULL;
    }

  transfers = ssv_client_transfers_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);
      SsvTransfer *transfer = object ? transfer_new (object, "NZBName") : NULL;
      gint64 remaining;

      if (transfer == NULL)
        continue;

      transfer->client_state = ssv_json_dup_string (object, "Status");
      transfer->state = map_group_status (transfer->client_state);
      /* NZBGet before 13 had no Status; active connections mean it downloads. */
      if (transfer->client_state == NULL && ssv_json_get_int_or (object, "ActiveDownloads", 0) > 0)
        transfer->state = SSV_TRANSFER_DOWNLOADING;
      remaining = get_size (object, "RemainingSize");
      if (transfer->size >= 0 && remaining >= 0 && remaining <= transfer->size)
        {
          transfer->downloaded = transfer->size - remaining;
          transfer->progress = transfer->size > 0
                               ? ssv_client_fraction ((double) transfer->downloaded, (double) transfer->size)
                               : 0.0;
        }
      /* NZBGet says how fast it is, not how fast each download is: the one
       * with active connections has it all. */
      if (transfer->state == SSV_TRANSFER_DOWNLOADING)
        transfer->down_speed = ssv_json_get_int_or (object, "ActiveDownloads", 0) > 0
                               ? MAX (download_rate, 0) : 0;
      transfer->save_path = ssv_json_dup_string (object, "DestDir");
      transfer->content_path = g_strdup (transfer->save_path);
      ssv_client_finish_transfer (transfer);
      g_ptr_array_add (transfers, transfer);
    }

  return g_steal_pointer (&transfers);
}

static GPtrArray *
parse_history_node (JsonNode  *result,
                    GError   **error)
{
  JsonArray *array = ssv_json_node_array (result);
  g_autoptr(GPtrArray) transfers = NULL;

  if (array == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("NZBGet sent a history that could not be read."));
      return NULL;
    }

  transfers = ssv_client_transfers_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);
      SsvTransfer *transfer;
      const char *final_dir;

      /* Hidden duplicates are not downloads of ours. */
      if (object == NULL || g_strcmp0 (ssv_json_get_string (object, "Kind"), "DUP") == 0)
        continue;
      transfer = transfer_new (object, "Name");
      if (transfer == NULL)
        continue;

      transfer->client_state = ssv_json_dup_string (object, "Status");
      transfer->state = map_history_status (transfer->client_state,
                                            ssv_json_get_int_or (object, "Health", 1000),
                                            &transfer->error);
      transfer->downloaded = get_size (object, "DownloadedSize");
      transfer->progress = transfer->state == SSV_TRANSFER_COMPLETED ? 1.0
                           : transfer->size > 0 && transfer->downloaded >= 0
                           ? ssv_client_fraction ((double) transfer->downloaded, (double) transfer->size)
                           : 0.0;
      transfer->down_speed = 0;
      final_dir = ssv_json_get_string (object, "FinalDir");
      transfer->save_path = ssv_json_dup_string (object, "DestDir");
      transfer->content_path = g_strdup (final_dir != NULL && final_dir[0] != '\0'
                                         ? final_dir : transfer->save_path);
      ssv_client_finish_transfer (transfer);
      g_ptr_array_add (transfers, transfer);
    }

  return g_steal_pointer (&transfers);
}

static JsonNode *
answer_result (const char  *json,
               gssize       length,
               JsonNode   **root_out,
               GError     **error)
{
  JsonNode *root = ssv_client_parse_json (json, length, "NZBGet", error);
  JsonObject *object = root ? ssv_json_node_object (root) : NULL;

  *root_out = root;
  if (root == NULL)
    return NULL;
  if (object == NULL || !json_object_has_member (object, "result"))
    {
      g_autofree char *message = object ? ssv_client_rpc_error_message (json_object_get_member (object, "error")) : NULL;

      if (message != NULL)
        g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("NZBGet refused: %s"), message);
      else
        g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                             _("NZBGet sent an answer that could not be read."));
      return NULL;
    }

  return json_object_get_member (object, "result");
}

/**
 * ssv_nzbget_parse_groups:
 * @download_rate: NZBGet's DownloadRate (from status), bytes per second
 *
 * Reads a JSON-RPC answer of listgroups: the queue.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the queued downloads
 */
GPtrArray *
ssv_nzbget_parse_groups (const char  *json,
                         gssize       length,
                         gint64       download_rate,
                         GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *result = answer_result (json, length, &root, error);

  return result != NULL ? parse_groups_node (result, download_rate, error) : NULL;
}

/**
 * ssv_nzbget_parse_history:
 *
 * Reads a JSON-RPC answer of history: finished, failed and deleted downloads.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the downloads
 */
GPtrArray *
ssv_nzbget_parse_history (const char  *json,
                          gssize       length,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *result = answer_result (json, length, &root, error);

  return result != NULL ? parse_history_node (result, error) : NULL;
}

static GPtrArray *
parse_files_node (JsonNode  *result,
                  GError   **error)
{
  JsonArray *array = ssv_json_node_array (result);
  g_autoptr(GPtrArray) files = NULL;

  if (array == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("NZBGet sent a file list that could not be read."));
      return NULL;
    }

  files = ssv_client_files_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);
      const char *name = object ? ssv_json_get_string (object, "Filename") : NULL;
      gint64 size, remaining;
      SsvTransferFile *file;

      if (name == NULL)
        continue;

      size = get_size (object, "FileSize");
      remaining = get_size (object, "RemainingSize");
      file = ssv_transfer_file_new (i, name, size);
      file->id = g_strdup_printf ("%" G_GINT64_FORMAT, ssv_json_get_int_or (object, "ID", 0));
      if (size > 0 && remaining >= 0 && remaining <= size)
        file->progress = ssv_client_fraction ((double) (size - remaining), (double) size);
      /* A skipped file is deleted from the queue; "Paused" only says the
       * download is, as pausing a download pauses each file. */
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

/**
 * ssv_nzbget_parse_files:
 *
 * Reads a JSON-RPC answer of listfiles.
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files
 */
GPtrArray *
ssv_nzbget_parse_files (const char  *json,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *result = answer_result (json, length, &root, error);

  return result != NULL ? parse_files_node (result, error) : NULL;
}

/* ---- the RPC -------------------------------------------------------------------------- */

static JsonNode *
params_new (void)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, json_array_new ());
  return node;
}

static JsonNode *
call (SsvNzbget     *self,
      const char    *method,
      JsonNode      *params,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autofree char *url = ssv_client_conn_dup_url (&self->conn);
  gboolean has_path = url != NULL && (g_str_has_suffix (url, "/jsonrpc") || g_str_has_suffix (url, "/jsonrpc/"));
  g_autoptr(SsvHttpRequest) request = ssv_client_conn_request (&self->conn, "POST",
                                                               has_path ? "" : "/jsonrpc");
  g_autoptr(GError) local_error = NULL;
  JsonNode *result;

  ssv_client_conn_set_basic_auth (&self->conn, request);
  result = ssv_client_json_rpc (&self->conn, request, method, params ? params : params_new (),
                                FALSE, cancellable, &local_error);
  if (result != NULL)
    return result;

  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) &&
      ssv_http_request_get_status (request) == 200)
    return ssv_client_set_refused (&self->conn, local_error->message, error), NULL;

  return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_PASSWORD,
                                  g_steal_pointer (&local_error), error), NULL;
}

/* editqueue(Command, Param, IDs), NZBGet 18 and later. */
static gboolean
edit_queue (SsvNzbget     *self,
            const char    *command,
            gint64         id,
            GCancellable  *cancellable,
            GError       **error)
{
  JsonNode *params = params_new ();
  JsonArray *array = json_node_get_array (params);
  JsonArray *ids = json_array_new ();
  g_autoptr(JsonNode) result = NULL;

  json_array_add_int_element (ids, id);
  json_array_add_string_element (array, command);
  json_array_add_string_element (array, "");
  json_array_add_array_element (array, ids);

  result = call (self, "editqueue", params, cancellable, error);
  if (result == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (result) && json_node_get_value_type (result) == G_TYPE_BOOLEAN &&
      !json_node_get_boolean (result))
    return ssv_client_set_refused (&self->conn, command, error);

  return TRUE;
}

static gboolean
parse_reference (SsvNzbget   *self,
                 const char  *reference,
                 gint64      *id,
                 GError     **error)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (reference, 10, 1, G_MAXINT32, &value, NULL))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                   _("“%s” is not an NZBGet download number."), reference);
      return FALSE;
    }

  *id = (gint64) value;
  return TRUE;
}

/* ---- the interface ----------------------------------------------------------------------- */

static SsvClientKind
nzbget_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_NZBGET;
}

static SsvClientCaps
nzbget_get_capabilities (SsvDownloadClient *client)
{
  /* Where files go is NZBGet's category setting, not the app's. */
  return SSV_CLIENT_CAN_NZB | SSV_CLIENT_CAN_CATEGORY | SSV_CLIENT_CAN_DELETE_DATA |
         SSV_CLIENT_CAN_PAUSE | SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
nzbget_test_connection (SsvDownloadClient  *client,
                        GCancellable       *cancellable,
                        GError            **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  g_autoptr(JsonNode) version = call (self, "version", NULL, cancellable, error);

  if (version == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_STRING)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  return g_strdup_printf ("NZBGet %s", json_node_get_string (version));
}

static char *
nzb_file_name (const SsvAddRequest *add)
{
  if (add->name != NULL && add->name[0] != '\0')
    return g_str_has_suffix (add->name, ".nzb") ? g_strdup (add->name)
                                                 : g_strconcat (add->name, ".nzb", NULL);

  return g_strdup ("download.nzb");
}

static char *
nzbget_add (SsvDownloadClient    *client,
            const SsvAddRequest  *add,
            GCancellable         *cancellable,
            GError              **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  JsonNode *params = params_new ();
  JsonArray *array = json_node_get_array (params);
  g_autofree char *file_name = nzb_file_name (add);
  g_autofree char *content = NULL;
  g_autoptr(JsonNode) result = NULL;
  gint64 id;

  /* NZBGet fetches a URL itself; a file goes as base64. */
  content = add->kind == SSV_ADD_NZB_URL ? g_strdup (add->uri) : ssv_client_base64 (add->data);
  json_array_add_string_element (array, file_name);
  json_array_add_string_element (array, content);
  json_array_add_string_element (array, ssv_client_conn_category (&self->conn, add));
  json_array_add_int_element (array, 0);                /* priority */
  json_array_add_boolean_element (array, FALSE);        /* add to top */
  json_array_add_boolean_element (array, add->paused);
  json_array_add_string_element (array, "");            /* dupe key */
  json_array_add_int_element (array, 0);                /* dupe score */
  json_array_add_string_element (array, "FORCE");       /* the app decides about duplicates */
  json_array_add_array_element (array, json_array_new ());

  result = call (self, "append", params, cancellable, error);
  if (result == NULL)
    return NULL;

  id = JSON_NODE_HOLDS_VALUE (result) && json_node_get_value_type (result) == G_TYPE_INT64
       ? json_node_get_int (result) : 0;
  if (id <= 0)
    return ssv_client_set_refused (&self->conn, _("it did not take the NZB file"), error), NULL;

  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

static GPtrArray *
nzbget_list (SsvDownloadClient   *client,
             const char * const  *references,
             GCancellable        *cancellable,
             GError             **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  JsonNode *group_params = params_new ();
  JsonNode *history_params = params_new ();
  g_autoptr(JsonNode) status = NULL;
  g_autoptr(JsonNode) groups = NULL;
  g_autoptr(JsonNode) history = NULL;
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GPtrArray) done = NULL;
  GPtrArray *transfers;

  json_array_add_int_element (json_node_get_array (group_params), 0);
  json_array_add_boolean_element (json_node_get_array (history_params), FALSE);

  status = call (self, "status", NULL, cancellable, error);
  groups = status ? call (self, "listgroups", group_params, cancellable, error)
                  : (json_node_unref (group_params), NULL);
  history = groups ? call (self, "history", history_params, cancellable, error)
                   : (json_node_unref (history_params), NULL);
  if (history == NULL)
    return NULL;

  queued = parse_groups_node (groups, ssv_json_get_int_or (ssv_json_node_object (status), "DownloadRate", 0),
                              error);
  done = queued ? parse_history_node (history, error) : NULL;
  if (done == NULL)
    return NULL;

  transfers = ssv_client_transfers_new ();
  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *from = pass == 0 ? queued : done;

      for (guint i = 0; i < from->len; i++)
        {
          SsvTransfer *transfer = g_ptr_array_index (from, i);
          gboolean keep = references != NULL ? ssv_client_wants (references, transfer->reference)
                          : g_strcmp0 (transfer->category, self->conn.category) == 0;

          if (keep)
            g_ptr_array_add (transfers, ssv_transfer_copy (transfer));
        }
    }

  return transfers;
}

static GPtrArray *
nzbget_list_files (SsvDownloadClient  *client,
                   const char         *reference,
                   GCancellable       *cancellable,
                   GError            **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  g_autoptr(SsvTransfer) transfer = NULL;
  JsonNode *params;
  g_autoptr(JsonNode) result = NULL;
  gint64 id;

  if (!parse_reference (self, reference, &id, error))
    return NULL;
  /* listfiles answers [] for a download it does not have, too. */
  transfer = ssv_download_client_get (client, reference, cancellable, error);
  if (transfer == NULL)
    return NULL;

  params = params_new ();
  json_array_add_int_element (json_node_get_array (params), 0);
  json_array_add_int_element (json_node_get_array (params), 0);
  json_array_add_int_element (json_node_get_array (params), id);
  result = call (self, "listfiles", params, cancellable, error);

  return result != NULL ? parse_files_node (result, error) : NULL;
}

static gboolean
nzbget_set_file_priority (SsvDownloadClient  *client,
                          const char         *reference,
                          const guint        *indices,
                          guint               n_indices,
                          SsvFilePriority     priority,
                          GCancellable       *cancellable,
                          GError            **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  g_autoptr(GPtrArray) files = NULL;

  if (priority != SSV_FILE_SKIP)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("NZBGet cannot take back a file it was told to skip."));
      return FALSE;
    }

  files = nzbget_list_files (client, reference, cancellable, error);
  if (files == NULL || !ssv_client_find_indices (files, indices, n_indices, error))
    return FALSE;

  /* Skipping a file of an NZB is deleting it from the queue. */
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);
      gint64 file_id = g_ascii_strtoll (file->id ? file->id : "0", NULL, 10);

      for (guint j = 0; j < n_indices; j++)
        if (indices[j] == file->index && !edit_queue (self, "FileDelete", file_id, cancellable, error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
nzbget_remove (SsvDownloadClient  *client,
               const char         *reference,
               gboolean            delete_data,
               GCancellable       *cancellable,
               GError            **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  g_autoptr(SsvTransfer) transfer = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean in_history;
  gint64 id;

  if (!parse_reference (self, reference, &id, error))
    return FALSE;

  transfer = ssv_download_client_get (client, reference, cancellable, &local_error);
  if (transfer == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        return TRUE;   /* gone already */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  in_history = transfer->state == SSV_TRANSFER_ERROR || transfer->state == SSV_TRANSFER_COMPLETED;
  if (in_history)
    return edit_queue (self, delete_data ? "HistoryFinalDelete" : "HistoryDelete", id,
                       cancellable, error);

  return edit_queue (self, delete_data ? "GroupFinalDelete" : "GroupParkDelete", id,
                     cancellable, error);
}

static gboolean
nzbget_set_paused (SsvDownloadClient  *client,
                   const char         *reference,
                   gboolean            paused,
                   GCancellable       *cancellable,
                   GError            **error)
{
  SsvNzbget *self = SSV_NZBGET (client);
  gint64 id;

  if (!parse_reference (self, reference, &id, error))
    return FALSE;

  return edit_queue (self, paused ? "GroupPause" : "GroupResume", id, cancellable, error);
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = nzbget_get_kind;
  iface->get_capabilities = nzbget_get_capabilities;
  iface->test_connection = nzbget_test_connection;
  iface->add = nzbget_add;
  iface->list = nzbget_list;
  iface->list_files = nzbget_list_files;
  iface->set_file_priority = nzbget_set_file_priority;
  iface->remove = nzbget_remove;
  iface->set_paused = nzbget_set_paused;
}
