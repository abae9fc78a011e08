/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-transmission.c: Transmission's RPC: session id on 409, torrent-add/get/set/remove, labels. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"
#include "downloads/ssv-transmission.h"

#define SESSION_HEADER "X-Transmission-Session-Id"

struct _SsvTransmission
{
  GObject        parent_instance;

  SsvClientConn  conn;
  char          *session_id;    /* guarded by conn.lock */
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvTransmission, ssv_transmission, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static const char * const list_fields[] = {
  "hashString", "name", "status", "error", "errorString", "percentDone",
  "metadataPercentComplete", "sizeWhenDone", "leftUntilDone", "rateDownload", "eta",
  "peersConnected", "peersSendingToUs", "desiredAvailable", "uploadRatio", "secondsSeeding",
  "downloadDir", "labels", "isStalled", "isFinished", NULL
};

static void
ssv_transmission_finalize (GObject *object)
{
  SsvTransmission *self = (SsvTransmission *) object;

  ssv_client_conn_clear (&self->conn);
  g_free (self->session_id);

  G_OBJECT_CLASS (ssv_transmission_parent_class)->finalize (object);
}

static void
ssv_transmission_class_init (SsvTransmissionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_transmission_finalize;
}

static void
ssv_transmission_init (SsvTransmission *self)
{
}

SsvTransmission *
ssv_transmission_new (SsvHttp               *http,
                      const SsvClientConfig *config)
{
  SsvTransmission *self = g_object_new (SSV_TYPE_TRANSMISSION, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_TRANSMISSION, http, config);
  return self;
}

/* ---- parsing ------------------------------------------------------------------- */

SsvTransferState
ssv_transmission_map_state (gint64   status,
                            gint64   error,
                            double   percent_done,
                            double   metadata_done,
                            gboolean stalled)
{
  /* 1: tracker warning (kept going); 2: tracker error; 3: local error. */
  if (error >= 2)
    return SSV_TRANSFER_ERROR;

  switch (status)
    {
    case 0:   /* stopped */
      return percent_done >= 1.0 ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_PAUSED;
    case 1:   /* queued to check */
    case 2:   /* checking */
      return SSV_TRANSFER_CHECKING;
    case 3:   /* queued to download */
      return SSV_TRANSFER_QUEUED;
    case 4:   /* downloading */
      if (metadata_done < 1.0)
        return SSV_TRANSFER_METADATA;
      return stalled ? SSV_TRANSFER_STALLED : SSV_TRANSFER_DOWNLOADING;
    case 5:   /* queued to seed */
    case 6:   /* seeding */
      return SSV_TRANSFER_SEEDING;
    default:
      return percent_done >= 1.0 ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_QUEUED;
    }
}

static const char *
status_word (gint64 status)
{
  static const char * const words[] = {
    "stopped", "check-wait", "checking", "download-wait", "downloading", "seed-wait", "seeding",
  };

  return status >= 0 && status < (gint64) G_N_ELEMENTS (words) ? words[status] : "unknown";
}

static void
read_error (SsvTransfer *transfer,
            JsonObject  *object)
{
  gint64 error = ssv_json_get_int_or (object, "error", 0);
  const char *text = ssv_json_get_string (object, "errorString");

  if (error == 0)
    return;
  if (text == NULL || text[0] == '\0')
    text = _("no details");

  switch (error)
    {
    case 1:
      transfer->error = g_strdup_printf (_("The tracker warns: %s"), text);
      break;
    case 2:
      transfer->error = g_strdup_printf (_("The tracker refuses this torrent: %s"), text);
      break;
    default:
      transfer->error = g_strdup_printf (_("Transmission reports an error: %s"), text);
      break;
    }
}

static SsvTransfer *
parse_torrent (JsonObject *object)
{
  g_autoptr(SsvTransfer) transfer = ssv_transfer_new ();
  const char *hash = ssv_json_get_string (object, "hashString");
  gint64 status = ssv_json_get_int_or (object, "status", -1);
  double percent_done = 0.0;
  double metadata_done = 1.0;
  double number;
  gint64 size, left, available, sending, connected;
  JsonArray *labels;

  if (!ssv_infohash_is_valid (hash))
    return NULL;

  ssv_json_get_double (object, "percentDone", &percent_done);
  ssv_json_get_double (object, "metadataPercentComplete", &metadata_done);
  transfer->reference = g_ascii_strdown (hash, -1);
  transfer->name = ssv_json_dup_string (object, "name");
  transfer->client_state = g_strdup (status_word (status));
  transfer->state = ssv_transmission_map_state (status, ssv_json_get_int_or (object, "error", 0),
                                                percent_done, metadata_done,
                                                ssv_json_get_bool_or (object, "isStalled", FALSE));
  transfer->progress = ssv_client_fraction (percent_done, 1.0);
  read_error (transfer, object);

  size = ssv_json_get_int_or (object, "sizeWhenDone", -1);
  left = ssv_json_get_int_or (object, "leftUntilDone", -1);
  if (transfer->state != SSV_TRANSFER_METADATA && size >= 0)
    {
      transfer->size = size;
      if (left >= 0 && left <= size)
        transfer->downloaded = size - left;
    }

  transfer->down_speed = ssv_json_get_int_or (object, "rateDownload", -1);
  transfer->eta = ssv_json_get_int_or (object, "eta", -1);   /* -1 and -2: not known */
  if (transfer->eta < 0)
    transfer->eta = -1;

  sending = ssv_json_get_int_or (object, "peersSendingToUs", -1);
  connected = ssv_json_get_int_or (object, "peersConnected", -1);
  transfer->seeds = (int) CLAMP (sending, -1, G_MAXINT);
  if (connected >= 0)
    transfer->peers = (int) CLAMP (connected - MAX (sending, 0), 0, G_MAXINT);

  available = ssv_json_get_int_or (object, "desiredAvailable", -1);
  if (size > 0 && left >= 0 && available >= 0)
    transfer->availability = (double) (size - left + available) / (double) size;

  if (ssv_json_get_double (object, "uploadRatio", &number) && number >= 0)
    transfer->ratio = number;
  transfer->seeding_time = ssv_json_get_int_or (object, "secondsSeeding", -1);

  labels = ssv_json_get_array (object, "labels");
  if (labels != NULL && json_array_get_length (labels) > 0)
    transfer->category = g_strdup (ssv_json_array_string (labels, 0));
  transfer->save_path = ssv_json_dup_string (object, "downloadDir");
  if (transfer->save_path != NULL && transfer->name != NULL)
    transfer->content_path = ssv_client_join_path (transfer->save_path, transfer->name);

  ssv_client_finish_transfer (transfer);
  return g_steal_pointer (&transfer);
}

/* The "torrents" array of an RPC answer, or NULL with @error set. */
static JsonArray *
answer_torrents (JsonNode  *root,
                 GError   **error)
{
  JsonObject *arguments = ssv_json_get_object (ssv_json_node_object (root), "arguments");
  JsonArray *torrents = ssv_json_get_array (arguments, "torrents");

  if (torrents == NULL)
    g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                         _("Transmission sent a torrent list that could not be read."));
  return torrents;
}

/**
 * ssv_transmission_parse_torrents:
 *
 * Reads a whole torrent-get answer ({"arguments":{"torrents":[…]},"result":…}).
 * Torrents without a hashString are left out.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the torrents
 */
static GPtrArray *
parse_torrents_node (JsonNode  *root,
                     GError   **error)
{
  g_autoptr(GPtrArray) transfers = NULL;
  JsonArray *torrents = answer_torrents (root, error);

  if (torrents == NULL)
    return NULL;

  transfers = ssv_client_transfers_new ();
  for (guint i = 0; i < json_array_get_length (torrents); i++)
    {
      JsonObject *object = ssv_json_array_object (torrents, i);
      SsvTransfer *transfer = object ? parse_torrent (object) : NULL;

      if (transfer != NULL)
        g_ptr_array_add (transfers, transfer);
    }

  return g_steal_pointer (&transfers);
}

GPtrArray *
ssv_transmission_parse_torrents (const char  *json,
                                 gssize       length,
                                 GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "Transmission", error);

  return root != NULL ? parse_torrents_node (root, error) : NULL;
}

/**
 * ssv_transmission_parse_files:
 *
 * Reads the files and fileStats of the first torrent of a torrent-get answer.
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files, or
 *   %NULL with %SSV_ERROR_NOT_FOUND when the answer holds no torrent
 */
static GPtrArray *
parse_files_node (JsonNode  *root,
                  GError   **error)
{
  g_autoptr(GPtrArray) files = NULL;
  JsonArray *torrents = answer_torrents (root, error);
  JsonObject *torrent;
  JsonArray *list, *stats;

  if (torrents == NULL)
    return NULL;

  torrent = ssv_json_array_object (torrents, 0);
  if (torrent == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           _("Transmission no longer has this download."));
      return NULL;
    }

  files = ssv_client_files_new ();
  list = ssv_json_get_array (torrent, "files");
  stats = ssv_json_get_array (torrent, "fileStats");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *object = ssv_json_array_object (list, i);
      JsonObject *stat = stats ? ssv_json_array_object (stats, i) : NULL;
      SsvTransferFile *file;
      const char *name;
      gint64 size, done;

      if (object == NULL || (name = ssv_json_get_string (object, "name")) == NULL)
        continue;

      size = ssv_json_get_int_or (object, "length", -1);
      done = ssv_json_get_int_or (object, "bytesCompleted", -1);
      file = ssv_transfer_file_new (i, name, size);
      if (size > 0 && done >= 0)
        file->progress = ssv_client_fraction ((double) done, (double) size);
      else if (size == 0)
        file->progress = 1.0;
      if (stat != NULL && !ssv_json_get_bool_or (stat, "wanted", TRUE))
        file->priority = SSV_FILE_SKIP;
      else if (stat != NULL && ssv_json_get_int_or (stat, "priority", 0) > 0)
        file->priority = SSV_FILE_HIGH;
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

GPtrArray *
ssv_transmission_parse_files (const char  *json,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "Transmission", error);

  return root != NULL ? parse_files_node (root, error) : NULL;
}

/* ---- the RPC ---------------------------------------------------------------------- */

static SsvHttpRequest *
rpc_request (SsvTransmission *self)
{
  g_autofree char *url = ssv_client_conn_dup_url (&self->conn);
  gboolean has_path = url != NULL && (g_str_has_suffix (url, "/rpc") || g_str_has_suffix (url, "/rpc/"));
  SsvHttpRequest *request = ssv_client_conn_request (&self->conn, "POST",
                                                     has_path ? "" : "/transmission/rpc");
  g_autofree char *session_id = NULL;

  ssv_client_conn_set_basic_auth (&self->conn, request);
  g_mutex_lock (&self->conn.lock);
  session_id = g_strdup (self->session_id);
  g_mutex_unlock (&self->conn.lock);
  if (session_id != NULL)
    ssv_http_request_set_header (request, SESSION_HEADER, session_id);

  return request;
}

/* One RPC call; the answer is the whole JSON document. Learns a new session
 * id from a 409 answer and sends again, as the protocol asks. */
static JsonNode *
rpc_call (SsvTransmission  *self,
          const char       *method,
          JsonNode         *arguments,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();

  json_object_set_string_member (object, "method", method);
  json_object_set_member (object, "arguments", arguments);
  json_node_take_object (body, object);

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(SsvHttpRequest) request = rpc_request (self);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) answer = NULL;
      const char *new_id;
      JsonNode *root;

      ssv_http_request_set_json_body (request, body);
      answer = ssv_http_send (self->conn.http, request, cancellable, &local_error);
      new_id = ssv_http_request_get_response_header (request, SESSION_HEADER);

      if (answer == NULL && ssv_http_request_get_status (request) == 409 && new_id != NULL)
        {
          g_mutex_lock (&self->conn.lock);
          g_free (self->session_id);
          self->session_id = g_strdup (new_id);
          g_mutex_unlock (&self->conn.lock);
          continue;
        }

      if (answer == NULL)
        {
          return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_PASSWORD,
                                          g_steal_pointer (&local_error), error), NULL;
        }

      root = ssv_json_parse_bytes (answer, "Transmission", NULL);
      if (root == NULL || ssv_json_get_string (ssv_json_node_object (root), "result") == NULL)
        {
          g_clear_pointer (&root, json_node_unref);
          return ssv_client_set_not_that_server (&self->conn, error), NULL;
        }

      if (g_strcmp0 (ssv_json_get_string (ssv_json_node_object (root), "result"), "success") != 0)
        {
          ssv_client_set_refused (&self->conn,
                                  ssv_json_get_string (ssv_json_node_object (root), "result"), error);
          json_node_unref (root);
          return NULL;
        }

      return root;
    }

  return ssv_client_set_not_that_server (&self->conn, error), NULL;
}

static JsonNode *
ids_node (const char * const *references)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; references[i] != NULL; i++)
    json_array_add_string_element (array, references[i]);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
fields_node (const char * const *fields)
{
  return ids_node (fields);
}

/* Arguments {"ids": [@reference]} for the torrent-… methods. */
static JsonNode *
one_torrent (const char *reference,
             JsonObject **object_out)
{
  const char *references[] = { reference, NULL };
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_object_set_member (object, "ids", ids_node (references));
  json_node_take_object (node, object);
  if (object_out != NULL)
    *object_out = object;
  return node;
}

/* ---- the interface -------------------------------------------------------------------- */

static SsvClientKind
transmission_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_TRANSMISSION;
}

static SsvClientCaps
transmission_get_capabilities (SsvDownloadClient *client)
{
  return SSV_CLIENT_CAN_MAGNET | SSV_CLIENT_CAN_TORRENT | SSV_CLIENT_CAN_CATEGORY |
         SSV_CLIENT_CAN_SAVE_PATH | SSV_CLIENT_CAN_DELETE_DATA | SSV_CLIENT_CAN_PAUSE |
         SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
transmission_test_connection (SsvDownloadClient  *client,
                              GCancellable       *cancellable,
                              GError            **error)
{
  SsvTransmission *self = SSV_TRANSMISSION (client);
  static const char * const fields[] = { "version", "rpc-version", NULL };
  JsonObject *arguments = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) root = NULL;
  const char *version;

  json_object_set_member (arguments, "fields", fields_node (fields));
  json_node_take_object (node, arguments);
  root = rpc_call (self, "session-get", node, cancellable, error);
  if (root == NULL)
    return NULL;

  version = ssv_json_get_string (ssv_json_get_object (ssv_json_node_object (root), "arguments"),
                                 "version");
  if (version == NULL)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  return g_strdup_printf ("Transmission %s", version);
}

static char *
transmission_add (SsvDownloadClient    *client,
                  const SsvAddRequest  *add,
                  GCancellable         *cancellable,
                  GError              **error)
{
  SsvTransmission *self = SSV_TRANSMISSION (client);
  JsonObject *arguments = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) labelled = NULL;
  const char *labels[] = { ssv_client_conn_category (&self->conn, add), NULL };
  JsonObject *answer, *added;
  JsonObject *set_arguments;
  JsonNode *set_node;
  g_autofree char *hash = NULL;

  json_node_take_object (node, arguments);
  if (add->kind == SSV_ADD_MAGNET)
    {
      g_autofree char *checked = ssv_magnet_parse_infohash (add->uri, NULL, error);

      if (checked == NULL)
        return json_node_unref (node), NULL;
      json_object_set_string_member (arguments, "filename", add->uri);
    }
  else
    {
      g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse_bytes (add->data, error);
      g_autofree char *metainfo = NULL;

      if (info == NULL)
        return json_node_unref (node), NULL;
      metainfo = ssv_client_base64 (add->data);
      json_object_set_string_member (arguments, "metainfo", metainfo);
    }
  if (add->save_path != NULL)
    json_object_set_string_member (arguments, "download-dir", add->save_path);
  json_object_set_boolean_member (arguments, "paused", add->paused);

  root = rpc_call (self, "torrent-add", node, cancellable, error);
  if (root == NULL)
    return NULL;

  answer = ssv_json_get_object (ssv_json_node_object (root), "arguments");
  added = ssv_json_get_object (answer, "torrent-added");
  if (added == NULL)
    added = ssv_json_get_object (answer, "torrent-duplicate");
  if (!ssv_infohash_is_valid (ssv_json_get_string (added, "hashString")))
    return ssv_client_set_malformed (&self->conn, error), NULL;
  hash = g_ascii_strdown (ssv_json_get_string (added, "hashString"), -1);

  /* Transmission 3 takes labels only through torrent-set. */
  set_node = one_torrent (hash, &set_arguments);
  json_object_set_member (set_arguments, "labels", ids_node (labels));
  labelled = rpc_call (self, "torrent-set", set_node, cancellable, NULL);

  return g_steal_pointer (&hash);
}

static GPtrArray *
transmission_list (SsvDownloadClient   *client,
                   const char * const  *references,
                   GCancellable        *cancellable,
                   GError             **error)
{
  SsvTransmission *self = SSV_TRANSMISSION (client);
  JsonObject *arguments = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) root = NULL;
  GPtrArray *transfers;

  json_object_set_member (arguments, "fields", fields_node (list_fields));
  if (references != NULL)
    json_object_set_member (arguments, "ids", ids_node (references));
  json_node_take_object (node, arguments);

  root = rpc_call (self, "torrent-get", node, cancellable, error);
  if (root == NULL)
    return NULL;

  transfers = parse_torrents_node (root, error);
  for (guint i = transfers ? transfers->len : 0; i > 0; i--)
    {
      SsvTransfer *transfer = g_ptr_array_index (transfers, i - 1);
      gboolean keep = references != NULL
                      ? ssv_client_wants (references, transfer->reference)
                      : g_strcmp0 (transfer->category, self->conn.category) == 0;

      if (!keep)
        g_ptr_array_remove_index (transfers, i - 1);
    }

  return transfers;
}

static GPtrArray *
transmission_list_files (SsvDownloadClient  *client,
                         const char         *reference,
                         GCancellable       *cancellable,
                         GError            **error)
{
  static const char * const fields[] = { "files", "fileStats", NULL };
  SsvTransmission *self = SSV_TRANSMISSION (client);
  JsonObject *arguments;
  JsonNode *node = one_torrent (reference, &arguments);
  g_autoptr(JsonNode) root = NULL;

  json_object_set_member (arguments, "fields", fields_node (fields));
  root = rpc_call (self, "torrent-get", node, cancellable, error);
  if (root == NULL)
    return NULL;

  return parse_files_node (root, error);
}

static gboolean
simple_call (SsvTransmission  *self,
             const char       *method,
             JsonNode         *arguments,
             GCancellable     *cancellable,
             GError          **error)
{
  g_autoptr(JsonNode) root = rpc_call (self, method, arguments, cancellable, error);

  return root != NULL;
}

static gboolean
transmission_set_file_priority (SsvDownloadClient  *client,
                                const char         *reference,
                                const guint        *indices,
                                guint               n_indices,
                                SsvFilePriority     priority,
                                GCancellable       *cancellable,
                                GError            **error)
{
  SsvTransmission *self = SSV_TRANSMISSION (client);
  JsonObject *arguments;
  JsonNode *node = one_torrent (reference, &arguments);
  JsonArray *files = json_array_new ();
  JsonNode *files_node = json_node_new (JSON_NODE_ARRAY);

  for (guint i = 0; i < n_indices; i++)
    json_array_add_int_element (files, indices[i]);
  json_node_take_array (files_node, files);

  if (priority == SSV_FILE_SKIP)
    json_object_set_member (arguments, "files-unwanted", files_node);
  else
    {
      json_object_set_member (arguments, "files-wanted", json_node_copy (files_node));
      json_object_set_member (arguments, priority == SSV_FILE_HIGH ? "priority-high" : "priority-normal",
                              files_node);
    }

  return simple_call (self, "torrent-set", node, cancellable, error);
}

static gboolean
transmission_remove (SsvDownloadClient  *client,
                     const char         *reference,
                     gboolean            delete_data,
                     GCancellable       *cancellable,
                     GError            **error)
{
  JsonObject *arguments;
  JsonNode *node = one_torrent (reference, &arguments);

  json_object_set_boolean_member (arguments, "delete-local-data", delete_data);
  return simple_call (SSV_TRANSMISSION (client), "torrent-remove", node, cancellable, error);
}

static gboolean
transmission_set_paused (SsvDownloadClient  *client,
                         const char         *reference,
                         gboolean            paused,
                         GCancellable       *cancellable,
                         GError            **error)
{
  return simple_call (SSV_TRANSMISSION (client), paused ? "torrent-stop" : "torrent-start",
                      one_torrent (reference, NULL), cancellable, error);
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = transmission_get_kind;
  iface->get_capabilities = transmission_get_capabilities;
  iface->test_connection = transmission_test_connection;
  iface->add = transmission_add;
  iface->list = transmission_list;
  iface->list_files = transmission_list_files;
  iface->set_file_priority = transmission_set_file_priority;
  iface->remove = transmission_remove;
  iface->set_paused = transmission_set_paused;
}
