/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-deluge.c: Deluge's web JSON-RPC: a cookie login, a daemon to connect to, core.* calls, labels. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-common.h"
#include "downloads/ssv-deluge.h"
#include "ssv-error.h"
#include "ssv-json.h"

/* Deluge 2's file priorities. */
#define PRIORITY_SKIP    0
#define PRIORITY_NORMAL  4
#define PRIORITY_HIGH    7

struct _SsvDeluge
{
  GObject        parent_instance;

  SsvClientConn  conn;
  char          *cookie;   /* "_session_id=…"; guarded by conn.lock */
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvDeluge, ssv_deluge, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static const char * const status_keys[] = {
  "name", "state", "progress", "total_wanted", "total_done", "total_size",
  "download_payload_rate", "eta", "num_seeds", "num_peers", "distributed_copies", "ratio",
  "seeding_time", "download_location", "message", "label", "has_metadata", NULL
};

static void
ssv_deluge_finalize (GObject *object)
{
  SsvDeluge *self = (SsvDeluge *) object;

  ssv_client_conn_clear (&self->conn);
  g_free (self->cookie);

  G_OBJECT_CLASS (ssv_deluge_parent_class)->finalize (object);
}

static void
ssv_deluge_class_init (SsvDelugeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_deluge_finalize;
}

static void
ssv_deluge_init (SsvDeluge *self)
{
}

SsvDeluge *
ssv_deluge_new (SsvHttp               *http,
                const SsvClientConfig *config)
{
  SsvDeluge *self = g_object_new (SSV_TYPE_DELUGE, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_DELUGE, http, config);
  return self;
}

/* ---- parsing -------------------------------------------------------------------- */

/**
 * ssv_deluge_clean_message:
 *
 * Deluge wraps a daemon's exception in a Twisted failure dump; this keeps the
 * exception's own words ("Torrent already in session (…).").
 *
 * Returns: (transfer full): the message
 */
char *
ssv_deluge_clean_message (const char *message)
{
  const char *start;
  const char *end;

  if (message == NULL)
    return g_strdup ("");

  start = g_strrstr (message, "'>: ");
  start = start != NULL ? start + 4 : message;
  end = start + strcspn (start, "\n");
  if (end > start && end[-1] == ']')
    end--;

  return g_strstrip (g_strndup (start, (gsize) (end - start)));
}

/**
 * ssv_deluge_map_state:
 * @progress: 0 … 100, as Deluge says it
 */
SsvTransferState
ssv_deluge_map_state (const char *state,
                      double      progress,
                      gboolean    has_metadata)
{
  gboolean done = progress >= 100.0;

  if (g_strcmp0 (state, "Error") == 0)
    return SSV_TRANSFER_ERROR;
  if (g_strcmp0 (state, "Seeding") == 0)
    return SSV_TRANSFER_SEEDING;
  if (g_strcmp0 (state, "Paused") == 0)
    return done ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_PAUSED;
  if (g_strcmp0 (state, "Queued") == 0)
    return done ? SSV_TRANSFER_SEEDING : SSV_TRANSFER_QUEUED;
  if (g_strcmp0 (state, "Checking") == 0 || g_strcmp0 (state, "Allocating") == 0 ||
      g_strcmp0 (state, "Moving") == 0)
    return SSV_TRANSFER_CHECKING;
  if (g_strcmp0 (state, "Downloading") == 0)
    return has_metadata ? SSV_TRANSFER_DOWNLOADING : SSV_TRANSFER_METADATA;

  return done ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_QUEUED;
}

static SsvTransfer *
parse_status (const char *hash,
              JsonObject *object)
{
  g_autoptr(SsvTransfer) transfer = ssv_transfer_new ();
  double progress = 0.0;
  double number;
  gint64 wanted = ssv_json_get_int_or (object, "total_wanted", -1);
  gint64 total = ssv_json_get_int_or (object, "total_size", -1);
  gboolean has_metadata;

  if (!ssv_infohash_is_valid (hash))
    return NULL;

  ssv_json_get_double (object, "progress", &progress);
  /* Deluge 2.0 has no has_metadata; a magnet without it knows no size yet. */
  has_metadata = ssv_json_get_bool_or (object, "has_metadata", wanted > 0 || total > 0);

  transfer->reference = g_ascii_strdown (hash, -1);
  transfer->name = ssv_json_dup_string (object, "name");
  transfer->client_state = ssv_json_dup_string (object, "state");
  transfer->state = ssv_deluge_map_state (transfer->client_state, progress, has_metadata);
  transfer->progress = ssv_client_fraction (progress, 100.0);
  if (transfer->state == SSV_TRANSFER_ERROR)
    {
      const char *message = ssv_json_get_string (object, "message");

      transfer->error = g_strdup_printf (_("Deluge reports an error: %s"),
                                         message && message[0] ? message : _("no details"));
    }

  if (has_metadata && wanted >= 0)
    {
      transfer->size = wanted;
      transfer->downloaded = ssv_json_get_int_or (object, "total_done", -1);
    }
  transfer->down_speed = ssv_json_get_int_or (object, "download_payload_rate", -1);
  transfer->eta = ssv_json_get_int_or (object, "eta", -1);
  if (transfer->eta <= 0)
    transfer->eta = -1;   /* Deluge says 0 when it does not know */
  transfer->seeds = (int) CLAMP (ssv_json_get_int_or (object, "num_seeds", -1), -1, G_MAXINT);
  transfer->peers = (int) CLAMP (ssv_json_get_int_or (object, "num_peers", -1), -1, G_MAXINT);
  if (ssv_json_get_double (object, "distributed_copies", &number) && number >= 0)
    transfer->availability = has_metadata && progress >= 100.0 ? MAX (number, 1.0) : number;
  if (ssv_json_get_double (object, "ratio", &number) && number >= 0)
    transfer->ratio = number;
  transfer->seeding_time = ssv_json_get_int_or (object, "seeding_time", -1);
  transfer->category = ssv_json_dup_string (object, "label");
  if (transfer->category != NULL && transfer->category[0] == '\0')
    g_clear_pointer (&transfer->category, g_free);
  transfer->save_path = ssv_json_dup_string (object, "download_location");
  if (transfer->save_path != NULL && transfer->name != NULL)
    transfer->content_path = ssv_client_join_path (transfer->save_path, transfer->name);

  ssv_client_finish_transfer (transfer);
  return g_steal_pointer (&transfer);
}

/* The "result" of a JSON-RPC answer, or NULL with @error set. */
static JsonNode *
answer_result (JsonNode  *root,
               GError   **error)
{
  JsonObject *object = ssv_json_node_object (root);

  if (object == NULL || !json_object_has_member (object, "result"))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("Deluge sent an answer that could not be read."));
      return NULL;
    }

  return json_object_get_member (object, "result");
}

static GPtrArray *
parse_torrents_node (JsonNode  *result,
                     GError   **error)
{
  g_autoptr(GPtrArray) transfers = ssv_client_transfers_new ();
  JsonObject *object = ssv_json_node_object (result);
  const char *single;

  if (object == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("Deluge sent a torrent list that could not be read."));
      return NULL;
    }

  /* core.get_torrent_status answers one torrent with its "hash";
   * core.get_torrents_status a dictionary keyed by hash. */
  single = ssv_json_get_string (object, "hash");
  if (single != NULL)
    {
      SsvTransfer *transfer = parse_status (single, object);

      if (transfer != NULL)
        g_ptr_array_add (transfers, transfer);
      return g_steal_pointer (&transfers);
    }

  {
    JsonObjectIter iter;
    const char *hash;
    JsonNode *member;

    json_object_iter_init (&iter, object);
    while (json_object_iter_next (&iter, &hash, &member))
      {
        JsonObject *status = ssv_json_node_object (member);
        SsvTransfer *transfer = status ? parse_status (hash, status) : NULL;

        if (transfer != NULL)
          g_ptr_array_add (transfers, transfer);
      }
  }

  return g_steal_pointer (&transfers);
}

/**
 * ssv_deluge_parse_torrents:
 *
 * Reads a whole JSON-RPC answer of core.get_torrents_status (or of
 * core.get_torrent_status, for one torrent).
 *
 * Returns: (transfer full) (element-type SsvTransfer): the torrents
 */
GPtrArray *
ssv_deluge_parse_torrents (const char  *json,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "Deluge", error);
  JsonNode *result;

  if (root == NULL || (result = answer_result (root, error)) == NULL)
    return NULL;

  return parse_torrents_node (result, error);
}

static GPtrArray *
parse_files_node (JsonNode  *result,
                  GError   **error)
{
  JsonObject *object = ssv_json_node_object (result);
  g_autoptr(GPtrArray) files = NULL;
  JsonArray *list, *done, *priorities;

  if (object == NULL || !json_object_has_member (object, "files"))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           _("Deluge no longer has this download."));
      return NULL;
    }

  files = ssv_client_files_new ();
  list = ssv_json_get_array (object, "files");
  done = ssv_json_get_array (object, "file_progress");
  priorities = ssv_json_get_array (object, "file_priorities");
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *entry = ssv_json_array_object (list, i);
      SsvTransferFile *file;
      const char *path;
      gint64 index;

      if (entry == NULL || (path = ssv_json_get_string (entry, "path")) == NULL)
        continue;

      index = ssv_json_get_int_or (entry, "index", i);
      file = ssv_transfer_file_new ((guint) CLAMP (index, 0, G_MAXUINT), path,
                                    ssv_json_get_int_or (entry, "size", -1));
      if (done != NULL && i < json_array_get_length (done))
        file->progress = json_array_get_double_element (done, i);
      if (priorities != NULL && i < json_array_get_length (priorities))
        {
          gint64 priority = json_array_get_int_element (priorities, i);

          file->priority = priority == PRIORITY_SKIP ? SSV_FILE_SKIP
                           : priority >= PRIORITY_HIGH ? SSV_FILE_HIGH : SSV_FILE_NORMAL;
        }
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

/**
 * ssv_deluge_parse_files:
 *
 * Reads a JSON-RPC answer of core.get_torrent_status with the keys files,
 * file_progress and file_priorities.
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files
 */
GPtrArray *
ssv_deluge_parse_files (const char  *json,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "Deluge", error);
  JsonNode *result;

  if (root == NULL || (result = answer_result (root, error)) == NULL)
    return NULL;

  return parse_files_node (result, error);
}

/* ---- the session ------------------------------------------------------------------ */

static SsvHttpRequest *
json_request (SsvDeluge *self)
{
  g_autofree char *url = ssv_client_conn_dup_url (&self->conn);
  gboolean has_path = url != NULL && (g_str_has_suffix (url, "/json") || g_str_has_suffix (url, "/json/"));
  SsvHttpRequest *request = ssv_client_conn_request (&self->conn, "POST", has_path ? "" : "/json");
  g_autofree char *cookie = NULL;

  g_mutex_lock (&self->conn.lock);
  cookie = g_strdup (self->cookie);
  g_mutex_unlock (&self->conn.lock);
  if (cookie != NULL)
    ssv_http_request_set_header (request, "Cookie", cookie);

  return request;
}

static JsonNode *
params_new (void)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, json_array_new ());
  return node;
}

static JsonArray *
params_array (JsonNode *params)
{
  return json_node_get_array (params);
}

/* One call with the cookie we have; errors in Deluge's own words. */
static JsonNode *
raw_call (SsvDeluge        *self,
          SsvHttpRequest   *request,
          const char       *method,
          JsonNode         *params,
          GCancellable     *cancellable,
          GError          **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *result;

  result = ssv_client_json_rpc (&self->conn, request, method, params, FALSE, cancellable,
                                &local_error);
  if (result != NULL)
    return result;

  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) &&
      ssv_http_request_get_status (request) == 200)
    {
      g_autofree char *message = ssv_deluge_clean_message (local_error->message);
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_FAILED, message);
      return NULL;
    }

  return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_PASSWORD,
                                  g_steal_pointer (&local_error), error), NULL;
}

static gboolean
login (SsvDeluge     *self,
       GCancellable  *cancellable,
       GError       **error)
{
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) params = params_new ();
  g_autoptr(JsonNode) result = NULL;
  const char *set_cookie;

  g_mutex_lock (&self->conn.lock);
  g_clear_pointer (&self->cookie, g_free);
  g_mutex_unlock (&self->conn.lock);
  request = json_request (self);

  json_array_add_string_element (params_array (params), self->conn.secret ? self->conn.secret : "");
  result = raw_call (self, request, "auth.login", g_steal_pointer (&params), cancellable, error);
  if (result == NULL)
    return FALSE;
  if (!JSON_NODE_HOLDS_VALUE (result) || json_node_get_value_type (result) != G_TYPE_BOOLEAN)
    return ssv_client_set_not_that_server (&self->conn, error);
  if (!json_node_get_boolean (result))
    return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_PASSWORD, error);

  set_cookie = ssv_http_request_get_response_header (request, "Set-Cookie");
  g_mutex_lock (&self->conn.lock);
  if (set_cookie != NULL)
    self->cookie = g_strndup (set_cookie, strcspn (set_cookie, ";"));
  else
    self->cookie = g_strdup ("");
  g_mutex_unlock (&self->conn.lock);

  return TRUE;
}

static JsonNode *
simple_call (SsvDeluge     *self,
             const char    *method,
             JsonNode      *params,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(SsvHttpRequest) request = json_request (self);

  return raw_call (self, request, method, params ? params : params_new (), cancellable, error);
}

static gboolean
result_is_true (JsonNode *result)
{
  return result != NULL && JSON_NODE_HOLDS_VALUE (result) &&
         json_node_get_value_type (result) == G_TYPE_BOOLEAN && json_node_get_boolean (result);
}

/* deluge-web talks to a daemon; connect it to the first one that is up. */
static gboolean
connect_daemon (SsvDeluge     *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(JsonNode) connected = simple_call (self, "web.connected", NULL, cancellable, error);
  g_autoptr(JsonNode) hosts = NULL;
  JsonArray *list;

  if (connected == NULL)
    return FALSE;
  if (result_is_true (connected))
    return TRUE;

  hosts = simple_call (self, "web.get_hosts", NULL, cancellable, error);
  if (hosts == NULL)
    return FALSE;

  list = ssv_json_node_array (hosts);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonNode *host = json_array_get_element (list, i);
      JsonArray *fields = ssv_json_node_array (host);
      const char *id = fields ? ssv_json_array_string (fields, 0) : NULL;
      g_autoptr(JsonNode) params = params_new ();
      g_autoptr(JsonNode) ignored = NULL;
      g_autoptr(JsonNode) now = NULL;

      if (id == NULL)
        continue;
      json_array_add_string_element (params_array (params), id);
      ignored = simple_call (self, "web.connect", g_steal_pointer (&params), cancellable, NULL);
      now = simple_call (self, "web.connected", NULL, cancellable, NULL);
      if (result_is_true (now))
        return TRUE;
    }

  g_set_error_literal (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                       _("Deluge's web interface answers, but cannot reach the Deluge daemon. "
                         "Check that deluged is running and listed in the web interface's "
                         "Connection Manager."));
  return FALSE;
}

static gboolean
is_not_authenticated (const GError *error)
{
  return g_error_matches (error, SSV_ERROR, SSV_ERROR_FAILED) &&
         g_strcmp0 (error->message, "Not authenticated") == 0;
}

static void
forget_session (SsvDeluge *self)
{
  g_mutex_lock (&self->conn.lock);
  g_clear_pointer (&self->cookie, g_free);
  g_mutex_unlock (&self->conn.lock);
}

/* Calls a method of the daemon; logs in and connects the web interface to
 * the daemon first when that is needed (after a restart of either). The
 * connection is checked every time: deluge-web never answers a call it
 * forwards to a daemon that has gone away. */
static JsonNode *
call (SsvDeluge     *self,
      const char    *method,
      JsonNode      *params,
      GCancellable  *cancellable,
      GError       **error)
{
  g_autoptr(JsonNode) owned = params ? params : params_new ();

  for (guint attempt = 0; attempt < 3; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      JsonNode *result;
      gboolean no_session;

      g_mutex_lock (&self->conn.lock);
      no_session = self->cookie == NULL;
      g_mutex_unlock (&self->conn.lock);
      if (no_session && !login (self, cancellable, error))
        return NULL;

      if (!connect_daemon (self, cancellable, &local_error))
        {
          if (attempt < 2 && is_not_authenticated (local_error))
            {
              forget_session (self);
              continue;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      result = simple_call (self, method, json_node_copy (owned), cancellable, &local_error);
      if (result != NULL)
        return result;

      if (attempt < 2 && (is_not_authenticated (local_error) ||
                          g_strcmp0 (local_error->message, "Unknown method") == 0))
        {
          if (is_not_authenticated (local_error))
            forget_session (self);
          continue;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return NULL;
}

/* ---- the interface ------------------------------------------------------------------- */

static SsvClientKind
deluge_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_DELUGE;
}

static SsvClientCaps
deluge_get_capabilities (SsvDownloadClient *client)
{
  return SSV_CLIENT_CAN_MAGNET | SSV_CLIENT_CAN_TORRENT | SSV_CLIENT_CAN_CATEGORY |
         SSV_CLIENT_CAN_SAVE_PATH | SSV_CLIENT_CAN_DELETE_DATA | SSV_CLIENT_CAN_PAUSE |
         SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
deluge_test_connection (SsvDownloadClient  *client,
                        GCancellable       *cancellable,
                        GError            **error)
{
  SsvDeluge *self = SSV_DELUGE (client);
  g_autoptr(JsonNode) version = NULL;

  if (!login (self, cancellable, error))
    return NULL;

  version = call (self, "daemon.get_version", NULL, cancellable, error);
  if (version == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (version) || json_node_get_value_type (version) != G_TYPE_STRING)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  return g_strdup_printf ("Deluge %s", json_node_get_string (version));
}

/* Deluge's Label plugin takes [a-z0-9_-] only. */
static char *
label_for (const char *category)
{
  char *label = g_ascii_strdown (category, -1);

  for (char *p = label; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-')
      *p = '-';
  return label;
}

static gboolean
has_label_plugin (SsvDeluge    *self,
                  GCancellable *cancellable)
{
  g_autoptr(JsonNode) plugins = call (self, "core.get_enabled_plugins", NULL, cancellable, NULL);
  JsonArray *list = plugins ? ssv_json_node_array (plugins) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    if (g_strcmp0 (ssv_json_array_string (list, i), "Label") == 0)
      return TRUE;

  return FALSE;
}

/* Puts the torrent under the app's label, when the Label plugin is on. */
static void
set_label (SsvDeluge    *self,
           const char   *hash,
           const char   *category,
           GCancellable *cancellable)
{
  g_autofree char *label = label_for (category);
  g_autoptr(JsonNode) add_params = params_new ();
  g_autoptr(JsonNode) set_params = params_new ();
  g_autoptr(JsonNode) added = NULL;
  g_autoptr(JsonNode) set = NULL;

  if (!has_label_plugin (self, cancellable))
    return;

  json_array_add_string_element (params_array (add_params), label);
  added = call (self, "label.add", g_steal_pointer (&add_params), cancellable, NULL);  /* may exist */
  json_array_add_string_element (params_array (set_params), hash);
  json_array_add_string_element (params_array (set_params), label);
  set = call (self, "label.set_torrent", g_steal_pointer (&set_params), cancellable, NULL);
}

static char *
deluge_add (SsvDownloadClient    *client,
            const SsvAddRequest  *add,
            GCancellable         *cancellable,
            GError              **error)
{
  SsvDeluge *self = SSV_DELUGE (client);
  g_autoptr(JsonNode) params = params_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  JsonObject *options = json_object_new ();
  const char *method;

  if (add->kind == SSV_ADD_MAGNET)
    {
      hash = ssv_magnet_parse_infohash (add->uri, NULL, error);
      if (hash == NULL)
        return json_object_unref (options), NULL;
      json_array_add_string_element (params_array (params), add->uri);
      method = "core.add_torrent_magnet";
    }
  else
    {
      g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse_bytes (add->data, error);
      g_autofree char *encoded = NULL;

      if (info == NULL)
        return json_object_unref (options), NULL;
      hash = g_strdup (info->infohash);
      encoded = ssv_client_base64 (add->data);
      json_array_add_string_element (params_array (params), "download.torrent");
      json_array_add_string_element (params_array (params), encoded);
      method = "core.add_torrent_file";
    }

  if (add->save_path != NULL)
    json_object_set_string_member (options, "download_location", add->save_path);
  json_object_set_boolean_member (options, "add_paused", add->paused);
  json_array_add_object_element (params_array (params), options);

  result = call (self, method, g_steal_pointer (&params), cancellable, &local_error);
  if (result == NULL)
    {
      /* Adding what Deluge has already is fine. */
      if (!g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) ||
          strstr (local_error->message, "already in session") == NULL)
        {
          if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED))
            ssv_client_set_refused (&self->conn, local_error->message, error);
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  set_label (self, hash, ssv_client_conn_category (&self->conn, add), cancellable);
  return g_steal_pointer (&hash);
}

static JsonNode *
string_list (const char * const *strings)
{
  JsonNode *node = params_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (params_array (node), strings[i]);
  return node;
}

static GPtrArray *
deluge_list (SsvDownloadClient   *client,
             const char * const  *references,
             GCancellable        *cancellable,
             GError             **error)
{
  SsvDeluge *self = SSV_DELUGE (client);
  g_autoptr(JsonNode) params = params_new ();
  g_autoptr(JsonNode) result = NULL;
  JsonObject *filter = json_object_new ();
  gboolean by_label = FALSE;
  g_autofree char *label = label_for (self->conn.category);
  GPtrArray *transfers;

  if (references != NULL)
    json_object_set_member (filter, "id", string_list (references));
  else if (has_label_plugin (self, cancellable))
    {
      json_object_set_string_member (filter, "label", label);
      by_label = TRUE;
    }
  json_array_add_object_element (params_array (params), filter);
  json_array_add_element (params_array (params), string_list (status_keys));

  result = call (self, "core.get_torrents_status", g_steal_pointer (&params), cancellable, error);
  if (result == NULL)
    return NULL;

  transfers = parse_torrents_node (result, error);
  for (guint i = transfers ? transfers->len : 0; i > 0; i--)
    {
      SsvTransfer *transfer = g_ptr_array_index (transfers, i - 1);
      gboolean keep = references != NULL ? ssv_client_wants (references, transfer->reference)
                      : !by_label || g_strcmp0 (transfer->category, label) == 0;

      if (!keep)
        g_ptr_array_remove_index (transfers, i - 1);
    }

  return transfers;
}

static JsonNode *
files_status (SsvDeluge     *self,
              const char    *reference,
              GCancellable  *cancellable,
              GError       **error)
{
  static const char * const keys[] = { "files", "file_progress", "file_priorities", NULL };
  g_autoptr(JsonNode) params = params_new ();

  json_array_add_string_element (params_array (params), reference);
  json_array_add_element (params_array (params), string_list (keys));
  return call (self, "core.get_torrent_status", g_steal_pointer (&params), cancellable, error);
}

static GPtrArray *
deluge_list_files (SsvDownloadClient  *client,
                   const char         *reference,
                   GCancellable       *cancellable,
                   GError            **error)
{
  g_autoptr(JsonNode) result = files_status (SSV_DELUGE (client), reference, cancellable, error);

  return result != NULL ? parse_files_node (result, error) : NULL;
}

static gboolean
deluge_set_file_priority (SsvDownloadClient  *client,
                          const char         *reference,
                          const guint        *indices,
                          guint               n_indices,
                          SsvFilePriority     priority,
                          GCancellable       *cancellable,
                          GError            **error)
{
  SsvDeluge *self = SSV_DELUGE (client);
  g_autoptr(JsonNode) status = files_status (self, reference, cancellable, error);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(JsonNode) params = params_new ();
  g_autoptr(JsonNode) result = NULL;
  JsonArray *priorities = json_array_new ();
  JsonObject *options = json_object_new ();
  const char *references[] = { reference, NULL };

  files = status ? parse_files_node (status, error) : NULL;
  if (files == NULL || !ssv_client_find_indices (files, indices, n_indices, error))
    {
      json_array_unref (priorities);
      json_object_unref (options);
      return FALSE;
    }

  /* Deluge takes the whole list: every file's priority, by position. */
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);
      SsvFilePriority value = file->priority;

      for (guint j = 0; j < n_indices; j++)
        if (indices[j] == file->index)
          value = priority;
      json_array_add_int_element (priorities, value == SSV_FILE_SKIP ? PRIORITY_SKIP
                                              : value == SSV_FILE_HIGH ? PRIORITY_HIGH
                                              : PRIORITY_NORMAL);
    }
  json_object_set_array_member (options, "file_priorities", priorities);
  json_array_add_element (params_array (params), string_list (references));
  json_array_add_object_element (params_array (params), options);

  result = call (self, "core.set_torrent_options", g_steal_pointer (&params), cancellable, error);
  return result != NULL;
}

static gboolean
deluge_remove (SsvDownloadClient  *client,
               const char         *reference,
               gboolean            delete_data,
               GCancellable       *cancellable,
               GError            **error)
{
  SsvDeluge *self = SSV_DELUGE (client);
  g_autoptr(JsonNode) params = params_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) local_error = NULL;

  json_array_add_string_element (params_array (params), reference);
  json_array_add_boolean_element (params_array (params), delete_data);
  result = call (self, "core.remove_torrent", g_steal_pointer (&params), cancellable, &local_error);
  if (result != NULL)
    return TRUE;

  /* Removing what is gone already is fine. */
  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) &&
      strstr (local_error->message, "not in session") != NULL)
    return TRUE;

  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED))
    return ssv_client_set_refused (&self->conn, local_error->message, error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
deluge_set_paused (SsvDownloadClient  *client,
                   const char         *reference,
                   gboolean            paused,
                   GCancellable       *cancellable,
                   GError            **error)
{
  const char *references[] = { reference, NULL };
  g_autoptr(JsonNode) params = params_new ();
  g_autoptr(JsonNode) result = NULL;

  json_array_add_element (params_array (params), string_list (references));
  result = call (SSV_DELUGE (client), paused ? "core.pause_torrents" : "core.resume_torrents",
                 g_steal_pointer (&params), cancellable, error);
  return result != NULL;
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = deluge_get_kind;
  iface->get_capabilities = deluge_get_capabilities;
  iface->test_connection = deluge_test_connection;
  iface->add = deluge_add;
  iface->list = deluge_list;
  iface->list_files = deluge_list_files;
  iface->set_file_priority = deluge_set_file_priority;
  iface->remove = deluge_remove;
  iface->set_paused = deluge_set_paused;
}
