/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-slskd.c: slskd's transfers API: enqueue a peer's files, follow them by user and file, cancel them. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"
#include "downloads/ssv-slskd.h"

struct _SsvSlskd
{
  GObject        parent_instance;

  SsvClientConn  conn;
  char          *downloads_dir;   /* from /api/v0/options; guarded by conn.lock */
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvSlskd, ssv_slskd, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static void
ssv_slskd_finalize (GObject *object)
{
  SsvSlskd *self = (SsvSlskd *) object;

  ssv_client_conn_clear (&self->conn);
  g_free (self->downloads_dir);

  G_OBJECT_CLASS (ssv_slskd_parent_class)->finalize (object);
}

static void
ssv_slskd_class_init (SsvSlskdClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_slskd_finalize;
}

static void
ssv_slskd_init (SsvSlskd *self)
{
}

SsvSlskd *
ssv_slskd_new (SsvHttp               *http,
               const SsvClientConfig *config)
{
  SsvSlskd *self = g_object_new (SSV_TYPE_SLSKD, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_SLSKD, http, config);
  return self;
}

/* ---- references ------------------------------------------------------------------ */

/**
 * ssv_slskd_reference_new:
 *
 * Returns: (transfer full): "user/filename", the user escaped so that the
 *   first '/' separates them (Soulseek names may hold anything)
 */
char *
ssv_slskd_reference_new (const char *user,
                         const char *filename)
{
  g_autofree char *escaped = g_uri_escape_string (user, NULL, FALSE);

  return g_strconcat (escaped, "/", filename, NULL);
}

gboolean
ssv_slskd_reference_parse (const char  *reference,
                           char       **user,
                           char       **filename)
{
  const char *slash = reference ? strchr (reference, '/') : NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *name = NULL;

  if (slash == NULL || slash == reference || slash[1] == '\0')
    return FALSE;

  escaped = g_strndup (reference, (gsize) (slash - reference));
  name = g_uri_unescape_string (escaped, NULL);
  if (name == NULL || name[0] == '\0')
    return FALSE;

  *user = g_steal_pointer (&name);
  *filename = g_strdup (slash + 1);
  return TRUE;
}

/* ---- parsing ---------------------------------------------------------------------- */

/**
 * ssv_slskd_map_state:
 * @state: Soulseek.NET's transfer states as slskd writes them ("Completed, Succeeded")
 */
SsvTransferState
ssv_slskd_map_state (const char *state)
{
  if (state == NULL)
    return SSV_TRANSFER_QUEUED;
  if (strstr (state, "InProgress") != NULL)
    return SSV_TRANSFER_DOWNLOADING;
  if (strstr (state, "Completed") != NULL)
    return strstr (state, "Succeeded") != NULL ? SSV_TRANSFER_COMPLETED : SSV_TRANSFER_ERROR;

  return SSV_TRANSFER_QUEUED;   /* None, Requested, Queued (Locally/Remotely), Initializing */
}

static char *
error_text (const char *state,
            const char *exception)
{
  gboolean has_reason = exception != NULL && exception[0] != '\0';

  if (strstr (state, "Rejected") != NULL)
    return has_reason ? g_strdup_printf (_("The peer refused the download: %s"), exception)
                      : g_strdup (_("The peer refused the download."));
  if (strstr (state, "Cancelled") != NULL)
    return g_strdup (_("The download was cancelled."));
  if (strstr (state, "TimedOut") != NULL)
    return g_strdup (_("The peer stopped answering; the download timed out."));
  if (strstr (state, "Aborted") != NULL)
    return g_strdup (_("The download was aborted."));

  return has_reason ? g_strdup_printf (_("The download failed: %s"), exception)
                    : g_strdup (_("The download failed."));
}

/**
 * ssv_slskd_parse_timespan:
 * @text: a .NET TimeSpan: "00:01:05", "00:00:00.3452176", "1.02:03:04"
 *
 * Returns: whole seconds, or -1
 */
gint64
ssv_slskd_parse_timespan (const char *text)
{
  guint64 days = 0, hours, minutes;
  double seconds;
  const char *rest = text;
  char *end = NULL;

  if (text == NULL || text[0] == '\0')
    return -1;

  /* "d.hh:mm:ss": a dot before the first colon separates days. */
  if (strchr (text, '.') != NULL && strchr (text, ':') != NULL && strchr (text, '.') < strchr (text, ':'))
    {
      days = g_ascii_strtoull (text, &end, 10);
      if (end == text || *end != '.')
        return -1;
      rest = end + 1;
    }

  hours = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end != ':')
    return -1;
  rest = end + 1;
  minutes = g_ascii_strtoull (rest, &end, 10);
  if (end == rest || *end != ':')
    return -1;
  rest = end + 1;
  seconds = g_ascii_strtod (rest, &end);
  if (end == rest || *end != '\0' || isnan (seconds) || seconds < 0 || days > 100000 ||
      hours > 100000 || minutes > 100000 || seconds > 1e9)
    return -1;

  return (gint64) (days * 86400 + hours * 3600 + minutes * 60) + (gint64) seconds;
}

/* The last part of a peer's folder path ("@@share\\Films\\Movie (2020)" → "Movie (2020)"). */
static const char *
last_component (const char *path)
{
  const char *slash = strrchr (path, '\\');

  if (slash == NULL)
    slash = strrchr (path, '/');
  return slash != NULL ? slash + 1 : path;
}

/* Newer first, so the latest try of a file speaks for it. */
static gboolean
is_newer (JsonObject *a,
          JsonObject *b)
{
  return g_strcmp0 (ssv_json_get_string (a, "requestedAt"), ssv_json_get_string (b, "requestedAt")) > 0;
}

static SsvTransfer *
parse_file (const char *user,
            const char *directory,
            JsonObject *file,
            const char *downloads_dir)
{
  g_autoptr(SsvTransfer) transfer = ssv_transfer_new ();
  const char *filename = ssv_json_get_string (file, "filename");
  const char *state = ssv_json_get_string (file, "state");
  double percent = NAN, speed = NAN;

  if (filename == NULL || filename[0] == '\0')
    return NULL;

  transfer->reference = ssv_slskd_reference_new (user, filename);
  transfer->name = g_strdup (last_component (filename));
  transfer->client_state = g_strdup (state ? state : "None");
  transfer->state = ssv_slskd_map_state (state);
  if (transfer->state == SSV_TRANSFER_ERROR)
    transfer->error = error_text (transfer->client_state, ssv_json_get_string (file, "exception"));

  transfer->size = ssv_json_get_int_or (file, "size", -1);
  transfer->downloaded = ssv_json_get_int_or (file, "bytesTransferred", -1);
  if (ssv_json_get_double (file, "percentComplete", &percent))
    transfer->progress = ssv_client_fraction (percent, 100.0);
  else if (transfer->size > 0 && transfer->downloaded >= 0)
    transfer->progress = ssv_client_fraction ((double) transfer->downloaded, (double) transfer->size);
  if (transfer->state == SSV_TRANSFER_DOWNLOADING && ssv_json_get_double (file, "averageSpeed", &speed))
    transfer->down_speed = speed >= 0 ? (gint64) speed : -1;
  else
    transfer->down_speed = 0;
  if (transfer->state == SSV_TRANSFER_DOWNLOADING)
    transfer->eta = ssv_slskd_parse_timespan (ssv_json_get_string (file, "remainingTime"));
  /* One peer, one file: that peer is the seed. */
  transfer->seeds = transfer->state == SSV_TRANSFER_DOWNLOADING ? 1 : 0;
  transfer->peers = 0;

  if (downloads_dir != NULL)
    {
      transfer->save_path = g_build_filename (downloads_dir, last_component (directory), NULL);
      transfer->content_path = g_build_filename (transfer->save_path, transfer->name, NULL);
    }

  ssv_client_finish_transfer (transfer);
  return g_steal_pointer (&transfer);
}

/* Calls @func for every file of every directory of every user. */
typedef void (*FileFunc) (const char *user,
                          const char *directory,
                          JsonObject *file,
                          gpointer    data);

static gboolean
for_each_file (JsonNode  *root,
               FileFunc   func,
               gpointer   data,
               GError   **error)
{
  JsonArray *users = ssv_json_node_array (root);

  if (users == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("slskd sent a download list that could not be read."));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = ssv_json_array_object (users, i);
      const char *name = user ? ssv_json_get_string (user, "username") : NULL;
      JsonArray *directories = user ? ssv_json_get_array (user, "directories") : NULL;

      for (guint j = 0; name != NULL && directories != NULL && j < json_array_get_length (directories); j++)
        {
          JsonObject *directory = ssv_json_array_object (directories, j);
          const char *path = directory ? ssv_json_get_string (directory, "directory") : NULL;
          JsonArray *files = directory ? ssv_json_get_array (directory, "files") : NULL;

          for (guint k = 0; files != NULL && k < json_array_get_length (files); k++)
            {
              JsonObject *file = ssv_json_array_object (files, k);

              if (file != NULL)
                func (name, path ? path : "", file, data);
            }
        }
    }

  return TRUE;
}

typedef struct
{
  const char  *downloads_dir;
  GHashTable  *latest;    /* reference → JsonObject of its newest try */
  GPtrArray   *order;     /* references, first seen first */
  GHashTable  *dirs;      /* reference → directory */
} Collect;

static void
collect_file (const char *user,
              const char *directory,
              JsonObject *file,
              gpointer    data)
{
  Collect *collect = data;
  const char *filename = ssv_json_get_string (file, "filename");
  g_autofree char *reference = NULL;
  JsonObject *other;

  if (filename == NULL || ssv_json_get_bool_or (file, "removed", FALSE))
    return;

  reference = ssv_slskd_reference_new (user, filename);
  other = g_hash_table_lookup (collect->latest, reference);
  if (other == NULL)
    g_ptr_array_add (collect->order, g_strdup (reference));
  if (other == NULL || is_newer (file, other))
    {
      g_hash_table_replace (collect->dirs, g_strdup (reference), (gpointer) directory);
      g_hash_table_replace (collect->latest, g_steal_pointer (&reference), file);
    }
}

static GPtrArray *
parse_downloads_node (JsonNode    *root,
                      const char  *downloads_dir,
                      GError     **error)
{
  g_autoptr(GHashTable) latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) dirs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  Collect collect = { downloads_dir, latest, order, dirs };
  GPtrArray *transfers;

  if (!for_each_file (root, collect_file, &collect, error))
    return NULL;

  transfers = ssv_client_transfers_new ();
  for (guint i = 0; i < order->len; i++)
    {
      const char *reference = g_ptr_array_index (order, i);
      g_autofree char *user = NULL;
      g_autofree char *filename = NULL;
      SsvTransfer *transfer;

      if (!ssv_slskd_reference_parse (reference, &user, &filename))
        continue;
      transfer = parse_file (user, g_hash_table_lookup (dirs, reference),
                             g_hash_table_lookup (latest, reference), downloads_dir);
      if (transfer != NULL)
        g_ptr_array_add (transfers, transfer);
    }

  return transfers;
}

/**
 * ssv_slskd_parse_downloads:
 * @downloads_dir: (nullable): slskd's downloads folder, for the files' paths
 *
 * Reads an answer of GET /api/v0/transfers/downloads: one transfer per user
 * and file (the newest try of each).
 *
 * Returns: (transfer full) (element-type SsvTransfer): the transfers
 */
GPtrArray *
ssv_slskd_parse_downloads (const char  *json,
                           gssize       length,
                           const char  *downloads_dir,
                           GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "slskd", error);

  return root != NULL ? parse_downloads_node (root, downloads_dir, error) : NULL;
}

/* ---- the API ------------------------------------------------------------------------- */

static SsvHttpRequest *
api_request (SsvSlskd   *self,
             const char *method,
             const char *path)
{
  SsvHttpRequest *request = ssv_client_conn_request (&self->conn, method, path);

  if (self->conn.secret != NULL && self->conn.secret[0] != '\0')
    ssv_http_request_set_header (request, "X-API-Key", self->conn.secret);
  return request;
}

static GBytes *
api_send (SsvSlskd        *self,
          SsvHttpRequest  *request,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GBytes *body = ssv_http_send (self->conn.http, request, cancellable, &local_error);

  if (body != NULL)
    return body;

  /* slskd explains a refusal in the body ("User x appears to be offline"). */
  if ((g_error_matches (local_error, SSV_ERROR, SSV_ERROR_SERVER) ||
       g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED)) &&
      ssv_http_request_get_response_body (request) != NULL)
    {
      GBytes *reason = ssv_http_request_get_response_body (request);
      g_autofree char *text = g_strstrip (g_strndup (g_bytes_get_data (reason, NULL),
                                                     MIN (g_bytes_get_size (reason), 300)));

      if (text[0] != '\0' && text[0] != '<')
        return ssv_client_set_refused (&self->conn, text, error), NULL;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  ssv_client_explain_error (&self->conn, SSV_CLIENT_SECRET_API_KEY, error);
  return NULL;
}

/* slskd's downloads folder, asked once; NULL when slskd does not say. */
static char *
dup_downloads_dir (SsvSlskd     *self,
                   GCancellable *cancellable)
{
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  char *dir;

  g_mutex_lock (&self->conn.lock);
  dir = g_strdup (self->downloads_dir);
  g_mutex_unlock (&self->conn.lock);
  if (dir != NULL)
    return dir;

  request = api_request (self, "GET", "/api/v0/options");
  ssv_http_request_set_max_retries (request, 0);
  body = ssv_http_send (self->conn.http, request, cancellable, NULL);
  root = body ? ssv_json_parse_bytes (body, "slskd", NULL) : NULL;
  dir = g_strdup (ssv_json_get_string (ssv_json_get_object (ssv_json_node_object (root), "directories"),
                                       "downloads"));
  if (dir != NULL)
    {
      g_mutex_lock (&self->conn.lock);
      g_free (self->downloads_dir);
      self->downloads_dir = g_strdup (dir);
      g_mutex_unlock (&self->conn.lock);
    }

  return dir;
}

static JsonNode *
get_downloads (SsvSlskd      *self,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (self, "GET", "/api/v0/transfers/downloads");
  g_autoptr(GBytes) body = api_send (self, request, cancellable, error);

  return body != NULL ? ssv_json_parse_bytes (body, "slskd", error) : NULL;
}

static char *
user_path (const char *prefix,
           const char *user,
           const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (user, NULL, FALSE);

  return g_strconcat (prefix, escaped, suffix, NULL);
}

/* ---- the interface ---------------------------------------------------------------------- */

static SsvClientKind
slskd_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_SLSKD;
}

static SsvClientCaps
slskd_get_capabilities (SsvDownloadClient *client)
{
  return SSV_CLIENT_CAN_SLSKD | SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
slskd_test_connection (SsvDownloadClient  *client,
                       GCancellable       *cancellable,
                       GError            **error)
{
  SsvSlskd *self = SSV_SLSKD (client);
  g_autoptr(SsvHttpRequest) request = api_request (self, "GET", "/api/v0/application/version");
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  body = ssv_http_send (self->conn.http, request, cancellable, &local_error);
  if (body == NULL)
    {
      return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_API_KEY,
                                      g_steal_pointer (&local_error), error), NULL;
    }

  /* A JSON string ("0.22.2"). */
  root = ssv_json_parse_bytes (body, "slskd", NULL);
  if (root == NULL || !JSON_NODE_HOLDS_VALUE (root) || json_node_get_value_type (root) != G_TYPE_STRING)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  text = g_strdup (json_node_get_string (root));
  if (text[0] == '\0' || strlen (text) > 64)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  return g_strdup_printf ("slskd %s", text);
}

static char *
slskd_add (SsvDownloadClient    *client,
           const SsvAddRequest  *add,
           GCancellable         *cancellable,
           GError              **error)
{
  SsvSlskd *self = SSV_SLSKD (client);
  g_autofree char *path = user_path ("/api/v0/transfers/downloads/", add->slskd_user, "");
  g_autoptr(SsvHttpRequest) request = api_request (self, "POST", path);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  JsonNode *files = json_node_new (JSON_NODE_ARRAY);
  JsonArray *array = json_array_new ();
  JsonArray *failed;
  SsvSlskdFile *main_file = g_ptr_array_index (add->slskd_files, 0);

  for (guint i = 0; i < add->slskd_files->len; i++)
    {
      SsvSlskdFile *file = g_ptr_array_index (add->slskd_files, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "filename", file->filename);
      if (file->size >= 0)
        json_object_set_int_member (object, "size", file->size);
      json_array_add_object_element (array, object);
    }
  json_node_take_array (files, array);
  ssv_http_request_set_json_body (request, files);
  json_node_unref (files);
  /* A refusal (the peer is offline) is an answer, not a hiccup to retry. */
  ssv_http_request_set_max_retries (request, 0);

  body = api_send (self, request, cancellable, error);
  if (body == NULL)
    return NULL;

  /* slskd 0.18 and later say what was enqueued and what failed; older ones say nothing. */
  answer = g_bytes_get_size (body) > 0 ? ssv_json_parse_bytes (body, "slskd", NULL) : NULL;
  failed = ssv_json_get_array (ssv_json_node_object (answer), "failed");
  for (guint i = 0; failed != NULL && i < json_array_get_length (failed); i++)
    {
      JsonObject *failure = ssv_json_array_object (failed, i);
      const char *name = failure ? ssv_json_get_string (failure, "filename") : NULL;

      const char *reason = failure ? ssv_json_get_string (failure, "message") : NULL;

      if (g_strcmp0 (name, main_file->filename) == 0)
        return ssv_client_set_refused (&self->conn,
                                       reason ? reason : _("the peer did not take the request"),
                                       error), NULL;
    }

  return ssv_slskd_reference_new (add->slskd_user, main_file->filename);
}

/* The transfers of the reference's user in the reference's folder: the
 * release it belongs to. */
typedef struct
{
  const char *user;
  const char *filename;
  const char *directory;     /* found */
  GPtrArray  *siblings;      /* JsonObject, borrowed */
} Siblings;

static void
find_directory (const char *user,
                const char *directory,
                JsonObject *file,
                gpointer    data)
{
  Siblings *siblings = data;

  if (g_strcmp0 (user, siblings->user) == 0 &&
      g_strcmp0 (ssv_json_get_string (file, "filename"), siblings->filename) == 0)
    siblings->directory = directory;
}

static void
collect_siblings (const char *user,
                  const char *directory,
                  JsonObject *file,
                  gpointer    data)
{
  Siblings *siblings = data;

  if (g_strcmp0 (user, siblings->user) == 0 && g_strcmp0 (directory, siblings->directory) == 0 &&
      !ssv_json_get_bool_or (file, "removed", FALSE))
    g_ptr_array_add (siblings->siblings, file);
}

static GPtrArray *
find_siblings (SsvSlskd      *self,
               const char    *reference,
               JsonNode      *root,
               char         **user_out,
               GError       **error)
{
  g_autofree char *user = NULL;
  g_autofree char *filename = NULL;
  Siblings siblings = { NULL, NULL, NULL, NULL };

  if (!ssv_slskd_reference_parse (reference, &user, &filename))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” is not a Soulseek download."), reference);
      return NULL;
    }

  siblings.user = user;
  siblings.filename = filename;
  if (!for_each_file (root, find_directory, &siblings, error))
    return NULL;
  if (siblings.directory == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("slskd no longer has this download."));
      return NULL;
    }

  siblings.siblings = g_ptr_array_new ();
  for_each_file (root, collect_siblings, &siblings, NULL);
  *user_out = g_steal_pointer (&user);
  return siblings.siblings;
}

/* A release is its folder: it is done when every file the app still wants
 * arrived, and failed when one of them failed; sizes and speed are summed. */
static void
merge_release (SsvTransfer *main,
               const char  *user,
               GPtrArray   *siblings,
               const char  *downloads_dir)
{
  SsvTransferState state = main->state;
  gint64 size = 0, downloaded = 0, speed = 0;
  guint counted = 0;

  for (guint i = 0; i < siblings->len; i++)
    {
      g_autoptr(SsvTransfer) file = parse_file (user, "", g_ptr_array_index (siblings, i), NULL);
      gboolean is_main;

      if (file == NULL)
        continue;
      is_main = g_strcmp0 (file->reference, main->reference) == 0;
      /* a file the app skipped (cancelled) is not part of the release any more */
      if (!is_main && strstr (file->client_state, "Cancelled") != NULL)
        continue;
      counted++;
      size += MAX (file->size, 0);
      downloaded += MAX (file->downloaded, 0);
      speed += MAX (file->down_speed, 0);
      if (is_main)
        continue;
      if (file->state == SSV_TRANSFER_ERROR && state != SSV_TRANSFER_ERROR)
        {
          state = SSV_TRANSFER_ERROR;
          g_free (main->error);
          /* Translators: "Movie.srt: The peer refused the download: File not shared." */
          main->error = g_strdup_printf (_("%s: %s"), file->name, file->error);
        }
      else if (file->state != SSV_TRANSFER_COMPLETED && state == SSV_TRANSFER_COMPLETED)
        state = file->state;
      else if (file->state == SSV_TRANSFER_DOWNLOADING && state == SSV_TRANSFER_QUEUED)
        state = SSV_TRANSFER_DOWNLOADING;
    }

  if (counted <= 1)
    return;
  main->state = state;
  main->size = size;
  main->downloaded = downloaded;
  main->progress = size > 0 ? ssv_client_fraction ((double) downloaded, (double) size) : main->progress;
  main->down_speed = state == SSV_TRANSFER_DOWNLOADING ? speed : 0;
  main->eta = -1;
  /* the release's folder is what arrived */
  if (main->save_path != NULL && downloads_dir != NULL)
    {
      g_free (main->content_path);
      main->content_path = g_strdup (main->save_path);
    }
  ssv_client_finish_transfer (main);
}

static GPtrArray *
slskd_list (SsvDownloadClient   *client,
            const char * const  *references,
            GCancellable        *cancellable,
            GError             **error)
{
  SsvSlskd *self = SSV_SLSKD (client);
  g_autoptr(JsonNode) root = get_downloads (self, cancellable, error);
  g_autofree char *dir = NULL;
  GPtrArray *transfers;

  if (root == NULL)
    return NULL;

  dir = dup_downloads_dir (self, cancellable);
  transfers = parse_downloads_node (root, dir, error);
  for (guint i = transfers ? transfers->len : 0; i > 0; i--)
    {
      SsvTransfer *transfer = g_ptr_array_index (transfers, i - 1);
      g_autoptr(GPtrArray) siblings = NULL;
      g_autofree char *user = NULL;

      if (!ssv_client_wants (references, transfer->reference))
        {
          g_ptr_array_remove_index (transfers, i - 1);
          continue;
        }
      /* asked for by reference: the app follows the release, not only its main file */
      if (references != NULL && (siblings = find_siblings (self, transfer->reference, root, &user, NULL)) != NULL)
        merge_release (transfer, user, siblings, dir);
    }

  return transfers;
}

static GPtrArray *
slskd_list_files (SsvDownloadClient  *client,
                  const char         *reference,
                  GCancellable       *cancellable,
                  GError            **error)
{
  SsvSlskd *self = SSV_SLSKD (client);
  g_autoptr(JsonNode) root = get_downloads (self, cancellable, error);
  g_autoptr(GPtrArray) siblings = NULL;
  g_autofree char *user = NULL;
  GPtrArray *files;

  if (root == NULL || (siblings = find_siblings (self, reference, root, &user, error)) == NULL)
    return NULL;

  files = ssv_client_files_new ();
  for (guint i = 0; i < siblings->len; i++)
    {
      JsonObject *object = g_ptr_array_index (siblings, i);
      const char *filename = ssv_json_get_string (object, "filename");
      const char *state = ssv_json_get_string (object, "state");
      SsvTransferFile *file = ssv_transfer_file_new (i, last_component (filename ? filename : ""),
                                                     ssv_json_get_int_or (object, "size", -1));
      double percent;

      file->id = ssv_json_dup_string (object, "id");
      if (ssv_json_get_double (object, "percentComplete", &percent))
        file->progress = ssv_client_fraction (percent, 100.0);
      if (state != NULL && strstr (state, "Cancelled") != NULL)
        file->priority = SSV_FILE_SKIP;
      g_ptr_array_add (files, file);
    }

  return files;
}

static gboolean
cancel_transfer (SsvSlskd      *self,
                 const char    *user,
                 const char    *id,
                 gboolean       remove,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *escaped_id = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *suffix = g_strconcat ("/", escaped_id, NULL);
  g_autofree char *path = user_path ("/api/v0/transfers/downloads/", user, suffix);
  g_autoptr(SsvHttpRequest) request = api_request (self, "DELETE", path);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) local_error = NULL;

  if (remove)
    ssv_http_request_add_query (request, "remove", "true");
  body = api_send (self, request, cancellable, &local_error);
  if (body != NULL || g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    return TRUE;   /* gone already is fine */

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

static gboolean
slskd_set_file_priority (SsvDownloadClient  *client,
                         const char         *reference,
                         const guint        *indices,
                         guint               n_indices,
                         SsvFilePriority     priority,
                         GCancellable       *cancellable,
                         GError            **error)
{
  SsvSlskd *self = SSV_SLSKD (client);
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *user = NULL;
  g_autofree char *filename = NULL;

  if (priority != SSV_FILE_SKIP)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("slskd cannot take back a file it was told to skip."));
      return FALSE;
    }

  files = slskd_list_files (client, reference, cancellable, error);
  if (files == NULL || !ssv_client_find_indices (files, indices, n_indices, error) ||
      !ssv_slskd_reference_parse (reference, &user, &filename))
    return FALSE;

  /* Skipping a file of a peer is cancelling its transfer. */
  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);

      for (guint j = 0; j < n_indices; j++)
        if (indices[j] == file->index && file->id != NULL &&
            !cancel_transfer (self, user, file->id, FALSE, cancellable, error))
          return FALSE;
    }

  return TRUE;
}

static gboolean
slskd_remove (SsvDownloadClient  *client,
              const char         *reference,
              gboolean            delete_data,
              GCancellable       *cancellable,
              GError            **error)
{
  SsvSlskd *self = SSV_SLSKD (client);
  g_autoptr(JsonNode) root = get_downloads (self, cancellable, error);
  g_autoptr(GPtrArray) siblings = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *user = NULL;

  if (root == NULL)
    return FALSE;

  siblings = find_siblings (self, reference, root, &user, &local_error);
  if (siblings == NULL)
    {
      if (g_error_matches (local_error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* The whole release goes: the file and the others from its folder. slskd
   * cannot delete what arrived; the files stay. */
  for (guint i = 0; i < siblings->len; i++)
    {
      const char *id = ssv_json_get_string (g_ptr_array_index (siblings, i), "id");

      if (id != NULL && !cancel_transfer (self, user, id, TRUE, cancellable, error))
        return FALSE;
    }

  return TRUE;
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = slskd_get_kind;
  iface->get_capabilities = slskd_get_capabilities;
  iface->test_connection = slskd_test_connection;
  iface->add = slskd_add;
  iface->list = slskd_list;
  iface->list_files = slskd_list_files;
  iface->set_file_priority = slskd_set_file_priority;
  iface->remove = slskd_remove;
}
