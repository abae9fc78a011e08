/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-aria2.c: aria2's JSON-RPC: torrents by infohash over its GIDs, which a magnet or a restart changes. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-aria2.h"
#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"

struct _SsvAria2
{
  GObject        parent_instance;

  SsvClientConn  conn;
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvAria2, ssv_aria2, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static const char * const status_keys[] = {
  "gid", "status", "totalLength", "completedLength", "uploadLength", "downloadSpeed",
  "connections", "numSeeders", "seeder", "infoHash", "errorCode", "errorMessage", "dir",
  "bittorrent", "followedBy", "verifyIntegrityPending", "verifiedLength", NULL
};

static void
ssv_aria2_finalize (GObject *object)
{
  SsvAria2 *self = (SsvAria2 *) object;

  ssv_client_conn_clear (&self->conn);

  G_OBJECT_CLASS (ssv_aria2_parent_class)->finalize (object);
}

static void
ssv_aria2_class_init (SsvAria2Class *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_aria2_finalize;
}

static void
ssv_aria2_init (SsvAria2 *self)
{
}

SsvAria2 *
ssv_aria2_new (SsvHttp               *http,
               const SsvClientConfig *config)
{
  SsvAria2 *self = g_object_new (SSV_TYPE_ARIA2, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_ARIA2, http, config);
  return self;
}

/* ---- parsing -------------------------------------------------------------------- */

/* One GID of aria2. A magnet is two: the metadata download, then the torrent. */
typedef struct
{
  char        *gid;
  int          rank;        /* which of several GIDs of one torrent speaks for it */
  SsvTransfer *transfer;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->gid);
  ssv_transfer_free (entry->transfer);
  g_free (entry);
}

static int
status_rank (const char *status,
             gboolean    has_info)
{
  static const char * const order[] = { "removed", "complete", "error", "paused", "waiting", "active" };
  int rank = 0;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (status, order[i]) == 0)
      rank = (int) i;

  return rank + (has_info ? 10 : 0);
}

static char *
error_text (JsonObject *object)
{
  const char *message = ssv_json_get_string (object, "errorMessage");
  gint64 code = ssv_json_get_int_or (object, "errorCode", 0);

  if (message != NULL && message[0] != '\0')
    return g_strdup_printf (_("aria2 reports an error: %s"), message);

  return g_strdup_printf (_("aria2 reports error %" G_GINT64_FORMAT "."), code);
}

static SsvTransferState
map_state (const char *status,
           gboolean    has_info,
           gboolean    seeder,
           gboolean    verifying,
           gboolean    complete)
{
  if (g_strcmp0 (status, "active") == 0)
    {
      if (!has_info)
        return SSV_TRANSFER_METADATA;
      if (verifying)
        return SSV_TRANSFER_CHECKING;
      return seeder ? SSV_TRANSFER_SEEDING : SSV_TRANSFER_DOWNLOADING;
    }
  if (g_strcmp0 (status, "waiting") == 0)
    return SSV_TRANSFER_QUEUED;
  if (g_strcmp0 (status, "paused") == 0)
    return complete ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_PAUSED;
  if (g_strcmp0 (status, "error") == 0)
    return SSV_TRANSFER_ERROR;

  return SSV_TRANSFER_COMPLETED;   /* "complete" */
}

static Entry *
parse_status (JsonObject *object)
{
  g_autoptr(SsvTransfer) transfer = NULL;
  const char *hash = ssv_json_get_string (object, "infoHash");
  const char *gid = ssv_json_get_string (object, "gid");
  const char *status = ssv_json_get_string (object, "status");
  JsonObject *info = ssv_json_get_object (ssv_json_get_object (object, "bittorrent"), "info");
  gint64 total = ssv_json_get_int_or (object, "totalLength", -1);
  gint64 done = ssv_json_get_int_or (object, "completedLength", -1);
  gint64 uploaded = ssv_json_get_int_or (object, "uploadLength", -1);
  gint64 connections = ssv_json_get_int_or (object, "connections", -1);
  gint64 seeders = ssv_json_get_int_or (object, "numSeeders", -1);
  gboolean complete = total > 0 && done >= total;
  Entry *entry;

  /* Only torrents; a removed one, or a metadata download that was followed
   * by its torrent, speaks for nothing. */
  if (!ssv_infohash_is_valid (hash) || gid == NULL || g_strcmp0 (status, "removed") == 0 ||
      (info == NULL && ssv_json_get_array (object, "followedBy") != NULL))
    return NULL;

  transfer = ssv_transfer_new ();
  transfer->reference = g_ascii_strdown (hash, -1);
  transfer->name = info ? ssv_json_dup_string (info, "name") : NULL;
  transfer->client_state = g_strdup (status);
  transfer->state = map_state (status, info != NULL, ssv_json_get_bool_or (object, "seeder", FALSE),
                               ssv_json_get_bool_or (object, "verifyIntegrityPending", FALSE) ||
                               json_object_has_member (object, "verifiedLength"),
                               complete);
  if (transfer->state == SSV_TRANSFER_ERROR)
    transfer->error = error_text (object);

  if (info != NULL && total >= 0)
    {
      transfer->size = total;
      transfer->downloaded = done;
      transfer->progress = total > 0 ? ssv_client_fraction ((double) done, (double) total) : 0.0;
    }
  transfer->down_speed = ssv_json_get_int_or (object, "downloadSpeed", -1);
  transfer->seeds = (int) CLAMP (seeders, -1, G_MAXINT);
  if (connections >= 0)
    transfer->peers = (int) CLAMP (connections - MAX (seeders, 0), 0, G_MAXINT);
  if (done > 0 && uploaded >= 0)
    transfer->ratio = (double) uploaded / (double) done;
  transfer->save_path = ssv_json_dup_string (object, "dir");
  if (transfer->save_path != NULL && transfer->name != NULL)
    transfer->content_path = ssv_client_join_path (transfer->save_path, transfer->name);
  ssv_client_finish_transfer (transfer);

  entry = g_new0 (Entry, 1);
  entry->gid = g_strdup (gid);
  entry->rank = status_rank (status, info != NULL);
  entry->transfer = g_steal_pointer (&transfer);
  return entry;
}

/* Status objects from a tell… answer, or from a system.multicall of them
 * (whose results come wrapped in one more array). */
static void
collect_entries (JsonNode  *node,
                 GPtrArray *entries,
                 guint      depth)
{
  JsonArray *array = ssv_json_node_array (node);
  JsonObject *object = ssv_json_node_object (node);

  if (object != NULL)
    {
      Entry *entry = parse_status (object);

      if (entry != NULL)
        g_ptr_array_add (entries, entry);
      return;
    }

  for (guint i = 0; array != NULL && depth < 3 && i < json_array_get_length (array); i++)
    collect_entries (json_array_get_element (array, i), entries, depth + 1);
}

/* Every GID's entry, best first for each torrent. */
static GPtrArray *
parse_entries (JsonNode  *root,
               GError   **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonNode *result = object ? json_object_get_member (object, "result") : NULL;
  GPtrArray *entries;

  if (result == NULL || ssv_json_node_array (result) == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("aria2 sent a download list that could not be read."));
      return NULL;
    }

  entries = g_ptr_array_new_with_free_func (entry_free);
  collect_entries (result, entries, 0);
  return entries;
}

static GPtrArray *
entries_to_transfers (GPtrArray *entries)
{
  g_autoptr(GHashTable) best = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *transfers = ssv_client_transfers_new ();

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      Entry *other = g_hash_table_lookup (best, entry->transfer->reference);

      if (other == NULL || entry->rank > other->rank)
        g_hash_table_insert (best, entry->transfer->reference, entry);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_hash_table_lookup (best, entry->transfer->reference) == entry)
        g_ptr_array_add (transfers, ssv_transfer_copy (entry->transfer));
    }

  return transfers;
}

/**
 * ssv_aria2_parse_downloads:
 *
 * Reads a JSON-RPC answer of aria2.tellActive, tellWaiting, tellStopped or a
 * system.multicall of them. Only torrents are listed, one per infohash.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the torrents
 */
GPtrArray *
ssv_aria2_parse_downloads (const char  *json,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "aria2", error);
  g_autoptr(GPtrArray) entries = NULL;

  if (root == NULL || (entries = parse_entries (root, error)) == NULL)
    return NULL;

  return entries_to_transfers (entries);
}

static GPtrArray *
parse_files_node (JsonNode    *result,
                  const char  *dir,
                  GError     **error)
{
  JsonArray *array = ssv_json_node_array (result);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *prefix = dir ? g_strconcat (dir, G_DIR_SEPARATOR_S, NULL) : NULL;

  if (array == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("aria2 sent a file list that could not be read."));
      return NULL;
    }

  files = ssv_client_files_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);
      const char *path = object ? ssv_json_get_string (object, "path") : NULL;
      gint64 index = object ? ssv_json_get_int_or (object, "index", i + 1) : 0;
      gint64 size, done;
      SsvTransferFile *file;

      if (path == NULL || path[0] == '\0' || g_str_has_prefix (path, "[METADATA]"))
        continue;
      if (prefix != NULL && g_str_has_prefix (path, prefix))
        path += strlen (prefix);

      size = ssv_json_get_int_or (object, "length", -1);
      done = ssv_json_get_int_or (object, "completedLength", -1);
      /* aria2 counts files from 1. */
      file = ssv_transfer_file_new ((guint) CLAMP (index - 1, 0, G_MAXUINT), path, size);
      if (size > 0 && done >= 0)
        file->progress = ssv_client_fraction ((double) done, (double) size);
      if (!ssv_json_get_bool_or (object, "selected", TRUE))
        file->priority = SSV_FILE_SKIP;
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

/**
 * ssv_aria2_parse_files:
 * @dir: (nullable): the download's folder, cut from the front of each path
 *
 * Reads a JSON-RPC answer of aria2.getFiles.
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files
 */
GPtrArray *
ssv_aria2_parse_files (const char  *json,
                       gssize       length,
                       const char  *dir,
                       GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "aria2", error);
  JsonObject *object = root ? ssv_json_node_object (root) : NULL;

  if (root == NULL)
    return NULL;
  if (object == NULL || !json_object_has_member (object, "result"))
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("aria2 sent a file list that could not be read."));
      return NULL;
    }

  return parse_files_node (json_object_get_member (object, "result"), dir, error);
}

/* ---- the RPC ------------------------------------------------------------------------ */

static JsonNode *
params_new (SsvAria2 *self)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  if (self->conn.secret != NULL && self->conn.secret[0] != '\0')
    {
      g_autofree char *token = g_strconcat ("token:", self->conn.secret, NULL);
      json_array_add_string_element (array, token);
    }
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
string_list (const char * const *strings)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();

  for (guint i = 0; strings[i] != NULL; i++)
    json_array_add_string_element (array, strings[i]);
  json_node_take_array (node, array);
  return node;
}

static JsonNode *
call (SsvAria2      *self,
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

  result = ssv_client_json_rpc (&self->conn, request, method, params, TRUE, cancellable, &local_error);
  if (result != NULL)
    return result;

  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) &&
      g_strcmp0 (local_error->message, "Unauthorized") == 0)
    return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_RPC_SECRET, error), NULL;

  if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) &&
      ssv_http_request_get_response_body (request) != NULL &&
      ssv_http_request_get_status (request) != 404)
    {
      /* aria2's own words, e.g. "GID … is not found". */
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_RPC_SECRET,
                                  g_steal_pointer (&local_error), error), NULL;
}

/* One call of system.multicall: {"methodName": …, "params": [token, …]}. */
static void
add_multicall (SsvAria2   *self,
               JsonArray  *calls,
               const char *method,
               gboolean    paged)
{
  JsonObject *call_object = json_object_new ();
  JsonNode *params = params_new (self);

  if (paged)
    {
      json_array_add_int_element (json_node_get_array (params), 0);
      json_array_add_int_element (json_node_get_array (params), 1000);
    }
  json_array_add_element (json_node_get_array (params), string_list (status_keys));
  json_object_set_string_member (call_object, "methodName", method);
  json_object_set_member (call_object, "params", params);
  json_array_add_object_element (calls, call_object);
}

/* Every GID aria2 knows, active, waiting and stopped, in one request. */
static GPtrArray *
list_entries (SsvAria2      *self,
              GCancellable  *cancellable,
              GError       **error)
{
  JsonNode *params = json_node_new (JSON_NODE_ARRAY);
  JsonArray *outer = json_array_new ();
  JsonArray *calls = json_array_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(JsonNode) wrapped = NULL;
  JsonObject *root;

  add_multicall (self, calls, "aria2.tellActive", FALSE);
  add_multicall (self, calls, "aria2.tellWaiting", TRUE);
  add_multicall (self, calls, "aria2.tellStopped", TRUE);
  json_array_add_array_element (outer, calls);
  json_node_take_array (params, outer);

  result = call (self, "system.multicall", params, cancellable, error);
  if (result == NULL)
    return NULL;

  /* A failed call inside the multicall is an object with "code" and "message". */
  for (guint i = 0; ssv_json_node_array (result) && i < json_array_get_length (ssv_json_node_array (result)); i++)
    {
      JsonObject *failed = ssv_json_array_object (ssv_json_node_array (result), i);
      const char *message = failed ? ssv_json_get_string (failed, "message") : NULL;

      if (g_strcmp0 (message, "Unauthorized") == 0)
        return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_RPC_SECRET, error), NULL;
      if (message != NULL)
        return ssv_client_set_refused (&self->conn, message, error), NULL;
    }

  root = json_object_new ();
  json_object_set_member (root, "result", g_steal_pointer (&result));
  wrapped = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (wrapped, root);
  return parse_entries (wrapped, error);
}

/* The GIDs of the torrent @reference, best first. */
static GPtrArray *
gids_of (SsvAria2      *self,
         const char    *reference,
         char         **dir,
         GCancellable  *cancellable,
         GError       **error)
{
  g_autoptr(GPtrArray) entries = list_entries (self, cancellable, error);
  GPtrArray *gids;
  int best_rank = -1;

  if (entries == NULL)
    return NULL;

  gids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (g_ascii_strcasecmp (entry->transfer->reference, reference) != 0)
        continue;
      if (entry->rank > best_rank)
        {
          g_ptr_array_insert (gids, 0, g_strdup (entry->gid));
          best_rank = entry->rank;
          if (dir != NULL)
            {
              g_free (*dir);
              *dir = g_strdup (entry->transfer->save_path);
            }
        }
      else
        g_ptr_array_add (gids, g_strdup (entry->gid));
    }

  return gids;
}

static gboolean
set_gone (SsvAria2  *self,
          GError   **error)
{
  g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("aria2 no longer has this download."));
  return FALSE;
}

static JsonNode *
gid_call (SsvAria2      *self,
          const char    *method,
          const char    *gid,
          JsonNode      *extra,
          GCancellable  *cancellable,
          GError       **error)
{
  JsonNode *params = params_new (self);

  json_array_add_string_element (json_node_get_array (params), gid);
  if (extra != NULL)
    json_array_add_element (json_node_get_array (params), extra);
  return call (self, method, params, cancellable, error);
}

/* ---- the interface ---------------------------------------------------------------------- */

static SsvClientKind
aria2_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_ARIA2;
}

static SsvClientCaps
aria2_get_capabilities (SsvDownloadClient *client)
{
  /* No labels (the app lists its own by reference) and no deleting of data. */
  return SSV_CLIENT_CAN_MAGNET | SSV_CLIENT_CAN_TORRENT | SSV_CLIENT_CAN_SAVE_PATH |
         SSV_CLIENT_CAN_PAUSE | SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
aria2_test_connection (SsvDownloadClient  *client,
                       GCancellable       *cancellable,
                       GError            **error)
{
  SsvAria2 *self = SSV_ARIA2 (client);
  g_autoptr(JsonNode) result = call (self, "aria2.getVersion", params_new (self), cancellable, error);
  const char *version;

  if (result == NULL)
    return NULL;

  version = ssv_json_get_string (ssv_json_node_object (result), "version");
  if (version == NULL)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  return g_strdup_printf ("aria2 %s", version);
}

static char *
aria2_add (SsvDownloadClient    *client,
           const SsvAddRequest  *add,
           GCancellable         *cancellable,
           GError              **error)
{
  SsvAria2 *self = SSV_ARIA2 (client);
  JsonNode *params = params_new (self);
  JsonArray *array = json_node_get_array (params);
  JsonObject *options = json_object_new ();
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *hash = NULL;
  const char *method;

  if (add->kind == SSV_ADD_MAGNET)
    {
      const char *uris[] = { add->uri, NULL };

      hash = ssv_magnet_parse_infohash (add->uri, NULL, error);
      json_array_add_element (array, string_list (uris));
      method = "aria2.addUri";
    }
  else
    {
      g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse_bytes (add->data, error);
      g_autofree char *encoded = ssv_client_base64 (add->data);
      const char *none[] = { NULL };

      hash = info ? g_strdup (info->infohash) : NULL;
      json_array_add_string_element (array, encoded);
      json_array_add_element (array, string_list (none));
      method = "aria2.addTorrent";
    }

  if (hash == NULL)
    {
      json_node_unref (params);
      json_object_unref (options);
      return NULL;
    }

  if (add->save_path != NULL)
    json_object_set_string_member (options, "dir", add->save_path);
  if (add->paused)
    json_object_set_string_member (options, "pause", "true");
  json_array_add_object_element (array, options);

  result = call (self, method, params, cancellable, &local_error);
  if (result == NULL)
    {
      /* "InfoHash … is already registered.": aria2 has it; fine. */
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED) &&
          strstr (local_error->message, "already registered") != NULL)
        return g_steal_pointer (&hash);
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED))
        ssv_client_set_refused (&self->conn, local_error->message, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&hash);
}

static GPtrArray *
aria2_list (SsvDownloadClient   *client,
            const char * const  *references,
            GCancellable        *cancellable,
            GError             **error)
{
  g_autoptr(GPtrArray) entries = list_entries (SSV_ARIA2 (client), cancellable, error);
  GPtrArray *transfers;

  if (entries == NULL)
    return NULL;

  transfers = entries_to_transfers (entries);
  for (guint i = transfers->len; i > 0; i--)
    if (!ssv_client_wants (references, ((SsvTransfer *) g_ptr_array_index (transfers, i - 1))->reference))
      g_ptr_array_remove_index (transfers, i - 1);

  return transfers;
}

static GPtrArray *
aria2_list_files (SsvDownloadClient  *client,
                  const char         *reference,
                  GCancellable       *cancellable,
                  GError            **error)
{
  SsvAria2 *self = SSV_ARIA2 (client);
  g_autofree char *dir = NULL;
  g_autoptr(GPtrArray) gids = gids_of (self, reference, &dir, cancellable, error);
  g_autoptr(JsonNode) result = NULL;

  if (gids == NULL)
    return NULL;
  if (gids->len == 0)
    return set_gone (self, error), NULL;

  result = gid_call (self, "aria2.getFiles", g_ptr_array_index (gids, 0), NULL, cancellable, error);
  return result != NULL ? parse_files_node (result, dir, error) : NULL;
}

static gboolean
aria2_set_file_priority (SsvDownloadClient  *client,
                         const char         *reference,
                         const guint        *indices,
                         guint               n_indices,
                         SsvFilePriority     priority,
                         GCancellable       *cancellable,
                         GError            **error)
{
  SsvAria2 *self = SSV_ARIA2 (client);
  g_autoptr(GPtrArray) files = aria2_list_files (client, reference, cancellable, error);
  g_autoptr(GPtrArray) gids = NULL;
  g_autoptr(GString) selected = g_string_new (NULL);
  g_autoptr(JsonNode) paused = NULL;
  g_autoptr(JsonNode) changed = NULL;
  g_autoptr(JsonNode) resumed = NULL;
  JsonObject *options;
  JsonNode *options_node;
  const char *gid;

  if (files == NULL || !ssv_client_find_indices (files, indices, n_indices, error))
    return FALSE;
  gids = gids_of (self, reference, NULL, cancellable, error);
  if (gids == NULL || gids->len == 0)
    return gids != NULL ? set_gone (self, error) : FALSE;
  gid = g_ptr_array_index (gids, 0);

  /* aria2 takes the list of files it should fetch, counted from 1. */
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);
      gboolean wanted = file->priority != SSV_FILE_SKIP;

      for (guint j = 0; j < n_indices; j++)
        if (indices[j] == file->index)
          wanted = priority != SSV_FILE_SKIP;
      if (wanted)
        g_string_append_printf (selected, "%s%u", selected->len ? "," : "", file->index + 1);
    }

  options = json_object_new ();
  json_object_set_string_member (options, "select-file", selected->str);
  options_node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (options_node, options);

  /* Which files to fetch can only change while the download is paused. */
  paused = gid_call (self, "aria2.forcePause", gid, NULL, cancellable, NULL);
  changed = gid_call (self, "aria2.changeOption", gid, options_node, cancellable, error);
  if (paused != NULL)
    resumed = gid_call (self, "aria2.unpause", gid, NULL, cancellable, NULL);

  return changed != NULL;
}

static gboolean
aria2_remove (SsvDownloadClient  *client,
              const char         *reference,
              gboolean            delete_data,
              GCancellable       *cancellable,
              GError            **error)
{
  SsvAria2 *self = SSV_ARIA2 (client);
  g_autoptr(GPtrArray) gids = gids_of (self, reference, NULL, cancellable, error);

  if (gids == NULL)
    return FALSE;

  /* aria2 cannot delete what it downloaded; the transfer goes, its files stay. */
  for (guint i = 0; i < gids->len; i++)
    {
      const char *gid = g_ptr_array_index (gids, i);
      JsonNode *removed = gid_call (self, "aria2.forceRemove", gid, NULL, cancellable, NULL);
      JsonNode *forgotten = gid_call (self, "aria2.removeDownloadResult", gid, NULL, cancellable, NULL);

      /* Either may say "not found": a stopped GID cannot be removed, only forgotten. */
      g_clear_pointer (&removed, json_node_unref);
      g_clear_pointer (&forgotten, json_node_unref);
    }

  return TRUE;
}

static gboolean
aria2_set_paused (SsvDownloadClient  *client,
                  const char         *reference,
                  gboolean            paused,
                  GCancellable       *cancellable,
                  GError            **error)
{
  SsvAria2 *self = SSV_ARIA2 (client);
  g_autoptr(GPtrArray) gids = gids_of (self, reference, NULL, cancellable, error);
  g_autoptr(JsonNode) result = NULL;

  if (gids == NULL)
    return FALSE;
  if (gids->len == 0)
    return set_gone (self, error);

  result = gid_call (self, paused ? "aria2.forcePause" : "aria2.unpause",
                     g_ptr_array_index (gids, 0), NULL, cancellable, error);
  return result != NULL;
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = aria2_get_kind;
  iface->get_capabilities = aria2_get_capabilities;
  iface->test_connection = aria2_test_connection;
  iface->add = aria2_add;
  iface->list = aria2_list;
  iface->list_files = aria2_list_files;
  iface->set_file_priority = aria2_set_file_priority;
  iface->remove = aria2_remove;
  iface->set_paused = aria2_set_paused;
}
