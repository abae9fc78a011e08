/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-qbittorrent.c: qBittorrent's WebAPI v2: a cookie login, then torrents/add, info, files, delete. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "downloads/ssv-bencode.h"
#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"
#include "downloads/ssv-qbittorrent.h"
#include "net/ssv-rate-limiter.h"

/* How long an add waits for qBittorrent to list the torrent: 5 s at most. */
#define ADD_SETTLE_TRIES  50
#define ADD_SETTLE_US     (100 * 1000)

struct _SsvQbittorrent
{
  GObject        parent_instance;

  SsvClientConn  conn;
  char          *cookie;   /* "SID=…", "" when the WebUI needs no login; guarded by conn.lock */
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvQbittorrent, ssv_qbittorrent, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static void
ssv_qbittorrent_finalize (GObject *object)
{
  SsvQbittorrent *self = (SsvQbittorrent *) object;

  ssv_client_conn_clear (&self->conn);
  g_free (self->cookie);

  G_OBJECT_CLASS (ssv_qbittorrent_parent_class)->finalize (object);
}

static void
ssv_qbittorrent_class_init (SsvQbittorrentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_qbittorrent_finalize;
}

static void
ssv_qbittorrent_init (SsvQbittorrent *self)
{
}

SsvQbittorrent *
ssv_qbittorrent_new (SsvHttp               *http,
                     const SsvClientConfig *config)
{
  SsvQbittorrent *self = g_object_new (SSV_TYPE_QBITTORRENT, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_QBITTORRENT, http, config);
  return self;
}

/* ---- parsing -------------------------------------------------------------------- */

/**
 * ssv_qbittorrent_map_state:
 * @state: qBittorrent's state word ("stalledDL", "pausedUP", "stoppedDL" in 5.x, …)
 */
SsvTransferState
ssv_qbittorrent_map_state (const char *state,
                           double      progress)
{
  static const struct
  {
    const char       *word;
    SsvTransferState  state;
  } map[] = {
    { "error", SSV_TRANSFER_ERROR },
    { "missingFiles", SSV_TRANSFER_ERROR },
    { "uploading", SSV_TRANSFER_SEEDING },
    { "stalledUP", SSV_TRANSFER_SEEDING },
    { "forcedUP", SSV_TRANSFER_SEEDING },
    { "queuedUP", SSV_TRANSFER_SEEDING },
    { "pausedUP", SSV_TRANSFER_COMPLETED },
    { "stoppedUP", SSV_TRANSFER_COMPLETED },
    { "checkingUP", SSV_TRANSFER_CHECKING },
    { "downloading", SSV_TRANSFER_DOWNLOADING },
    { "forcedDL", SSV_TRANSFER_DOWNLOADING },
    { "metaDL", SSV_TRANSFER_METADATA },
    { "forcedMetaDL", SSV_TRANSFER_METADATA },
    { "stalledDL", SSV_TRANSFER_STALLED },
    { "queuedDL", SSV_TRANSFER_QUEUED },
    { "pausedDL", SSV_TRANSFER_PAUSED },
    { "stoppedDL", SSV_TRANSFER_PAUSED },
    { "checkingDL", SSV_TRANSFER_CHECKING },
    { "checkingResumeData", SSV_TRANSFER_CHECKING },
    { "allocating", SSV_TRANSFER_CHECKING },
    { "moving", SSV_TRANSFER_CHECKING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_strcmp0 (state, map[i].word) == 0)
      return map[i].state;

  /* "unknown" or a word of a newer version: judge by the progress. */
  return progress >= 1.0 ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_QUEUED;
}

static char *
error_text (const char *state)
{
  if (g_strcmp0 (state, "missingFiles") == 0)
    return g_strdup (_("qBittorrent cannot find this torrent's files on disk."));
  if (g_strcmp0 (state, "error") == 0)
    return g_strdup (_("qBittorrent reports an error on this torrent (its log says which)."));

  return NULL;
}

static SsvTransfer *
parse_torrent (JsonObject *object)
{
  g_autoptr(SsvTransfer) transfer = ssv_transfer_new ();
  const char *hash = ssv_json_get_string (object, "hash");
  double progress = 0.0;
  double number;
  gint64 total_size = ssv_json_get_int_or (object, "total_size", -1);

  if (hash == NULL || hash[0] == '\0')
    return NULL;

  ssv_json_get_double (object, "progress", &progress);
  transfer->reference = g_ascii_strdown (hash, -1);
  transfer->name = ssv_json_dup_string (object, "name");
  transfer->client_state = ssv_json_dup_string (object, "state");
  transfer->state = ssv_qbittorrent_map_state (transfer->client_state, progress);
  transfer->progress = ssv_client_fraction (progress, 1.0);
  transfer->error = error_text (transfer->client_state);

  /* Before the metadata arrives, qBittorrent says 0 bytes of -1. */
  if (transfer->state != SSV_TRANSFER_METADATA && total_size >= 0)
    {
      gint64 left = ssv_json_get_int_or (object, "amount_left", -1);

      transfer->size = ssv_json_get_int_or (object, "size", total_size);
      transfer->downloaded = ssv_json_get_int_or (object, "completed", -1);
      if (transfer->downloaded < 0 && left >= 0 && transfer->size >= left)
        transfer->downloaded = transfer->size - left;
    }

  transfer->down_speed = ssv_json_get_int_or (object, "dlspeed", -1);
  transfer->eta = ssv_json_get_int_or (object, "eta", -1);
  if (transfer->eta >= SSV_QBITTORRENT_ETA_UNKNOWN)
    transfer->eta = -1;
  transfer->seeds = (int) CLAMP (ssv_json_get_int_or (object, "num_seeds", -1), -1, G_MAXINT);
  transfer->peers = (int) CLAMP (ssv_json_get_int_or (object, "num_leechs", -1), -1, G_MAXINT);
  if (ssv_json_get_double (object, "availability", &number) && number >= 0)
    transfer->availability = number;
  if (ssv_json_get_double (object, "ratio", &number) && number >= 0)
    transfer->ratio = number;
  transfer->seeding_time = ssv_json_get_int_or (object, "seeding_time", -1);
  transfer->category = ssv_json_dup_string (object, "category");
  transfer->save_path = ssv_json_dup_string (object, "save_path");
  transfer->content_path = ssv_json_dup_string (object, "content_path");
  if (transfer->content_path != NULL && transfer->content_path[0] == '\0')
    g_clear_pointer (&transfer->content_path, g_free);

  ssv_client_finish_transfer (transfer);
  return g_steal_pointer (&transfer);
}

/**
 * ssv_qbittorrent_parse_torrents:
 *
 * Reads an answer of /api/v2/torrents/info.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the torrents, or %NULL
 *   with @error set when the answer is not a list
 */
GPtrArray *
ssv_qbittorrent_parse_torrents (const char  *json,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(GPtrArray) transfers = NULL;
  JsonArray *array;
  g_autoptr(JsonNode) root = ssv_client_parse_list (json, length, "qBittorrent",
                                                    _("qBittorrent sent a torrent list that could not be read."),
                                                    &array, error);

  if (root == NULL)
    return NULL;

  transfers = ssv_client_transfers_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);
      SsvTransfer *transfer = object ? parse_torrent (object) : NULL;

      if (transfer != NULL)
        g_ptr_array_add (transfers, transfer);
    }

  return g_steal_pointer (&transfers);
}

/**
 * ssv_qbittorrent_parse_files:
 *
 * Reads an answer of /api/v2/torrents/files.
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files
 */
GPtrArray *
ssv_qbittorrent_parse_files (const char  *json,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(GPtrArray) files = NULL;
  JsonArray *array;
  g_autoptr(JsonNode) root = ssv_client_parse_list (json, length, "qBittorrent",
                                                    _("qBittorrent sent a file list that could not be read."),
                                                    &array, error);

  if (root == NULL)
    return NULL;

  files = ssv_client_files_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = ssv_json_array_object (array, i);
      SsvTransferFile *file;
      gint64 priority;
      const char *name;

      if (object == NULL || (name = ssv_json_get_string (object, "name")) == NULL)
        continue;

      /* "index" came with WebAPI 2.8.2; before it, the position was the index. */
      file = ssv_transfer_file_new ((guint) CLAMP (ssv_json_get_int_or (object, "index", i), 0, G_MAXUINT),
                                    name, ssv_json_get_int_or (object, "size", -1));
      ssv_json_get_double (object, "progress", &file->progress);
      priority = ssv_json_get_int_or (object, "priority", 1);
      file->priority = priority == 0 ? SSV_FILE_SKIP : priority >= 6 ? SSV_FILE_HIGH : SSV_FILE_NORMAL;
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

/* ---- the session ------------------------------------------------------------------ */

/* "SID=abc; HttpOnly; path=/" → "SID=abc" (5.x names it "QBT_SID_<port>"). */
static char *
cookie_from_header (const char *set_cookie)
{
  const char *end;

  if (set_cookie == NULL)
    return NULL;

  end = strchr (set_cookie, ';');
  return g_strstrip (g_strndup (set_cookie, end ? (gsize) (end - set_cookie) : strlen (set_cookie)));
}

static gboolean
login (SsvQbittorrent  *self,
       GCancellable    *cancellable,
       GError         **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_client_conn_request (&self->conn, "POST", "/api/v2/auth/login");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  ssv_client_request_set_form (request,
                               "username", self->conn.username ? self->conn.username : "",
                               "password", self->conn.secret ? self->conn.secret : "",
                               NULL);
  ssv_http_request_set_max_retries (request, 1);
  body = ssv_http_send (self->conn.http, request, cancellable, &local_error);

  if (body == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_KEY_REJECTED))
        {
          /* 403 at the login: too many wrong passwords, the address is banned. */
          g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                       _("qBittorrent refuses logins from this computer for a while after too "
                         "many wrong passwords. Check the password in Preferences, then wait "
                         "or restart qBittorrent."));
          return FALSE;
        }
      return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_PASSWORD,
                                      g_steal_pointer (&local_error), error);
    }

  text = g_strstrip (g_strndup (g_bytes_get_data (body, NULL), MIN (g_bytes_get_size (body), 64)));
  if (g_strcmp0 (text, "Fails.") == 0)
    return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_PASSWORD, error);
  if (g_strcmp0 (text, "Ok.") != 0)
    return ssv_client_set_not_that_server (&self->conn, error);

  g_mutex_lock (&self->conn.lock);
  g_free (self->cookie);
  self->cookie = cookie_from_header (ssv_http_request_get_response_header (request, "Set-Cookie"));
  if (self->cookie == NULL)
    self->cookie = g_strdup ("");
  g_mutex_unlock (&self->conn.lock);

  return TRUE;
}

static char *
dup_cookie (SsvQbittorrent *self)
{
  char *cookie;

  g_mutex_lock (&self->conn.lock);
  cookie = g_strdup (self->cookie);
  g_mutex_unlock (&self->conn.lock);

  return cookie;
}

static void
forget_cookie (SsvQbittorrent *self,
               const char     *cookie)
{
  g_mutex_lock (&self->conn.lock);
  if (g_strcmp0 (self->cookie, cookie) == 0)
    g_clear_pointer (&self->cookie, g_free);
  g_mutex_unlock (&self->conn.lock);
}

/* Sends @request with the session cookie, logging in first or again when the
 * session is gone (qBittorrent answers 403 then, e.g. after a restart). */
static GBytes *
send (SsvQbittorrent  *self,
      SsvHttpRequest  *request,
      GCancellable    *cancellable,
      GError         **error)
{
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *cookie = dup_cookie (self);
      g_autoptr(GError) local_error = NULL;
      GBytes *body;

      if (cookie == NULL)
        {
          if (!login (self, cancellable, error))
            return NULL;
          cookie = dup_cookie (self);
        }

      if (cookie != NULL && cookie[0] != '\0')
        ssv_http_request_set_header (request, "Cookie", cookie);

      body = ssv_http_send (self->conn.http, request, cancellable, &local_error);
      if (body != NULL)
        return body;

      if (attempt == 0 && g_error_matches (local_error, SSV_ERROR, SSV_ERROR_KEY_REJECTED))
        {
          forget_cookie (self, cookie);
          continue;
        }

      g_propagate_error (error, g_steal_pointer (&local_error));
      ssv_client_explain_error (&self->conn, SSV_CLIENT_SECRET_PASSWORD, error);
      return NULL;
    }

  return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_PASSWORD, error), NULL;
}

static char *
send_text (SsvQbittorrent  *self,
           SsvHttpRequest  *request,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GBytes) body = send (self, request, cancellable, error);
  gsize size;
  const char *data;

  if (body == NULL)
    return NULL;

  data = g_bytes_get_data (body, &size);
  return g_strstrip (g_strndup (data ? data : "", size));
}

/* ---- the interface ------------------------------------------------------------------ */

static SsvClientKind
qbittorrent_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_QBITTORRENT;
}

static SsvClientCaps
qbittorrent_get_capabilities (SsvDownloadClient *client)
{
  return SSV_CLIENT_CAN_MAGNET | SSV_CLIENT_CAN_TORRENT | SSV_CLIENT_CAN_CATEGORY |
         SSV_CLIENT_CAN_SAVE_PATH | SSV_CLIENT_CAN_DELETE_DATA | SSV_CLIENT_CAN_PAUSE |
         SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
qbittorrent_test_connection (SsvDownloadClient  *client,
                             GCancellable       *cancellable,
                             GError            **error)
{
  SsvQbittorrent *self = SSV_QBITTORRENT (client);
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *version = NULL;

  /* Always a fresh login: the point is to check the password. */
  g_mutex_lock (&self->conn.lock);
  g_clear_pointer (&self->cookie, g_free);
  g_mutex_unlock (&self->conn.lock);
  if (!login (self, cancellable, error))
    return NULL;

  request = ssv_client_conn_request (&self->conn, "GET", "/api/v2/app/version");
  version = send_text (self, request, cancellable, &local_error);
  if (version == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        ssv_client_set_not_that_server (&self->conn, error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (version[0] == '\0' || strlen (version) > 40 || strchr (version, '<') != NULL)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  return g_strdup_printf ("qBittorrent %s", version);
}

/* Whether qBittorrent has the torrent @hash (after an add it said "Fails." to). */
static gboolean
has_torrent (SsvQbittorrent *self,
             const char     *hash,
             GCancellable   *cancellable)
{
  g_autoptr(SsvHttpRequest) request = ssv_client_conn_request (&self->conn, "GET", "/api/v2/torrents/info");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) transfers = NULL;

  ssv_http_request_add_query (request, "hashes", hash);
  body = send (self, request, cancellable, NULL);
  if (body == NULL)
    return FALSE;

  transfers = ssv_qbittorrent_parse_torrents (g_bytes_get_data (body, NULL),
                                              (gssize) g_bytes_get_size (body), NULL);
  return transfers != NULL && transfers->len > 0;
}

static char *
qbittorrent_add (SsvDownloadClient    *client,
                 const SsvAddRequest  *add,
                 GCancellable         *cancellable,
                 GError              **error)
{
  SsvQbittorrent *self = SSV_QBITTORRENT (client);
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
  g_autofree char *hash = NULL;
  g_autofree char *answer = NULL;

  if (add->kind == SSV_ADD_MAGNET)
    {
      hash = ssv_magnet_parse_infohash (add->uri, NULL, error);
      if (hash == NULL)
        return NULL;
      soup_multipart_append_form_string (multipart, "urls", add->uri);
    }
  else
    {
      g_autoptr(SsvTorrentInfo) info = ssv_torrent_info_parse_bytes (add->data, error);

      if (info == NULL)
        return NULL;
      hash = g_strdup (info->infohash);
      soup_multipart_append_form_file (multipart, "torrents", "download.torrent",
                                       "application/x-bittorrent", add->data);
    }

  soup_multipart_append_form_string (multipart, "category", ssv_client_conn_category (&self->conn, add));
  if (add->save_path != NULL)
    soup_multipart_append_form_string (multipart, "savepath", add->save_path);
  soup_multipart_append_form_string (multipart, "paused", add->paused ? "true" : "false");

  request = ssv_client_conn_request (&self->conn, "POST", "/api/v2/torrents/add");
  ssv_client_request_set_multipart (request, multipart);
  answer = send_text (self, request, cancellable, error);
  if (answer == NULL)
    return NULL;

  /* "Fails." also means "I have it already", which is fine. */
  if (g_strcmp0 (answer, "Ok.") != 0 && !has_torrent (self, hash, cancellable))
    return ssv_client_set_refused (&self->conn, _("it did not take the torrent"), error), NULL;

  /* qBittorrent says "Ok." before it lists the torrent; wait a moment, so
   * that a listing right after the add finds it. */
  for (guint i = 0; i < ADD_SETTLE_TRIES && !has_torrent (self, hash, cancellable); i++)
    if (!ssv_sleep_cancellable (ADD_SETTLE_US, cancellable))
      break;

  return g_steal_pointer (&hash);
}

static char *
join_references (const char * const *references)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; references[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (joined, '|');
      g_string_append (joined, references[i]);
    }

  return g_string_free (g_steal_pointer (&joined), FALSE);
}

static GPtrArray *
qbittorrent_list (SsvDownloadClient   *client,
                  const char * const  *references,
                  GCancellable        *cancellable,
                  GError             **error)
{
  SsvQbittorrent *self = SSV_QBITTORRENT (client);
  g_autoptr(SsvHttpRequest) request = ssv_client_conn_request (&self->conn, "GET", "/api/v2/torrents/info");
  g_autoptr(GBytes) body = NULL;
  GPtrArray *transfers;

  if (references != NULL)
    {
      g_autofree char *hashes = join_references (references);
      ssv_http_request_add_query (request, "hashes", hashes);
    }
  else
    ssv_http_request_add_query (request, "category", self->conn.category);

  body = send (self, request, cancellable, error);
  if (body == NULL)
    return NULL;

  transfers = ssv_qbittorrent_parse_torrents (g_bytes_get_data (body, NULL),
                                              (gssize) g_bytes_get_size (body), error);
  for (guint i = transfers ? transfers->len : 0; i > 0; i--)
    if (!ssv_client_wants (references, ((SsvTransfer *) g_ptr_array_index (transfers, i - 1))->reference))
      g_ptr_array_remove_index (transfers, i - 1);

  return transfers;
}

static GPtrArray *
qbittorrent_list_files (SsvDownloadClient  *client,
                        const char         *reference,
                        GCancellable       *cancellable,
                        GError            **error)
{
  SsvQbittorrent *self = SSV_QBITTORRENT (client);
  g_autoptr(SsvHttpRequest) request = ssv_client_conn_request (&self->conn, "GET", "/api/v2/torrents/files");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;

  ssv_http_request_add_query (request, "hash", reference);
  body = send (self, request, cancellable, &local_error);
  if (body == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                             _("qBittorrent no longer has this download."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return ssv_qbittorrent_parse_files (g_bytes_get_data (body, NULL),
                                      (gssize) g_bytes_get_size (body), error);
}

static gboolean
post_form (SsvQbittorrent  *self,
           const char      *path,
           const char      *key1,
           const char      *value1,
           const char      *key2,
           const char      *value2,
           const char      *key3,
           const char      *value3,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_client_conn_request (&self->conn, "POST", path);
  g_autoptr(GBytes) body = NULL;

  ssv_client_request_set_form (request, key1, value1, key2, value2, key3, value3, NULL);
  body = send (self, request, cancellable, error);
  return body != NULL;
}

static gboolean
qbittorrent_set_file_priority (SsvDownloadClient  *client,
                               const char         *reference,
                               const guint        *indices,
                               guint               n_indices,
                               SsvFilePriority     priority,
                               GCancellable       *cancellable,
                               GError            **error)
{
  SsvQbittorrent *self = SSV_QBITTORRENT (client);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < n_indices; i++)
    g_string_append_printf (ids, "%s%u", i > 0 ? "|" : "", indices[i]);

  return post_form (self, "/api/v2/torrents/filePrio", "hash", reference, "id", ids->str,
                    "priority", priority == SSV_FILE_SKIP ? "0" : priority == SSV_FILE_HIGH ? "7" : "1",
                    cancellable, error);
}

static gboolean
qbittorrent_remove (SsvDownloadClient  *client,
                    const char         *reference,
                    gboolean            delete_data,
                    GCancellable       *cancellable,
                    GError            **error)
{
  return post_form (SSV_QBITTORRENT (client), "/api/v2/torrents/delete", "hashes", reference,
                    "deleteFiles", delete_data ? "true" : "false", NULL, NULL, cancellable, error);
}

static gboolean
qbittorrent_set_paused (SsvDownloadClient  *client,
                        const char         *reference,
                        gboolean            paused,
                        GCancellable       *cancellable,
                        GError            **error)
{
  SsvQbittorrent *self = SSV_QBITTORRENT (client);
  g_autoptr(GError) local_error = NULL;

  if (post_form (self, paused ? "/api/v2/torrents/pause" : "/api/v2/torrents/resume",
                 "hashes", reference, NULL, NULL, NULL, NULL, cancellable, &local_error))
    return TRUE;

  /* qBittorrent 5 calls them stop and start. */
  if (!g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return post_form (self, paused ? "/api/v2/torrents/stop" : "/api/v2/torrents/start",
                    "hashes", reference, NULL, NULL, NULL, NULL, cancellable, error);
}

/**
 * ssv_qbittorrent_add_peers:
 * @peers: "host:port" strings
 *
 * Hands qBittorrent peers to connect to, for a torrent with no tracker.
 */
gboolean
ssv_qbittorrent_add_peers (SsvQbittorrent      *self,
                           const char          *reference,
                           const char * const  *peers,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autofree char *joined = NULL;

  g_return_val_if_fail (SSV_IS_QBITTORRENT (self), FALSE);
  g_return_val_if_fail (peers != NULL, FALSE);

  joined = join_references (peers);
  return post_form (self, "/api/v2/torrents/addPeers", "hashes", reference, "peers", joined,
                    NULL, NULL, cancellable, error);
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = qbittorrent_get_kind;
  iface->get_capabilities = qbittorrent_get_capabilities;
  iface->test_connection = qbittorrent_test_connection;
  iface->add = qbittorrent_add;
  iface->list = qbittorrent_list;
  iface->list_files = qbittorrent_list_files;
  iface->set_file_priority = qbittorrent_set_file_priority;
  iface->remove = qbittorrent_remove;
  iface->set_paused = qbittorrent_set_paused;
}
