/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-sabnzbd.c: SABnzbd's API: add an NZB by URL or file, read the queue and the history by nzo_id. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"
#include "downloads/ssv-sabnzbd.h"

#define MIB (1024.0 * 1024.0)

struct _SsvSabnzbd
{
  GObject        parent_instance;

  SsvClientConn  conn;
};

static void download_client_iface_init (SsvDownloadClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SsvSabnzbd, ssv_sabnzbd, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (SSV_TYPE_DOWNLOAD_CLIENT,
                                                      download_client_iface_init))

static void
ssv_sabnzbd_finalize (GObject *object)
{
  SsvSabnzbd *self = (SsvSabnzbd *) object;

  ssv_client_conn_clear (&self->conn);

  G_OBJECT_CLASS (ssv_sabnzbd_parent_class)->finalize (object);
}

static void
ssv_sabnzbd_class_init (SsvSabnzbdClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_sabnzbd_finalize;
}

static void
ssv_sabnzbd_init (SsvSabnzbd *self)
{
}

SsvSabnzbd *
ssv_sabnzbd_new (SsvHttp               *http,
                 const SsvClientConfig *config)
{
  SsvSabnzbd *self = g_object_new (SSV_TYPE_SABNZBD, NULL);

  ssv_client_conn_init (&self->conn, SSV_CLIENT_SABNZBD, http, config);
  return self;
}

/* ---- parsing -------------------------------------------------------------------- */

/**
 * ssv_sabnzbd_parse_timeleft:
 * @text: "1:45:40", "0:00:05", or with days "2:03:04:05"
 *
 * Returns: seconds, or -1 when @text is not a duration
 */
gint64
ssv_sabnzbd_parse_timeleft (const char *text)
{
  g_auto(GStrv) parts = NULL;
  gint64 seconds = 0;
  guint n;

  if (text == NULL || text[0] == '\0')
    return -1;

  parts = g_strsplit (text, ":", -1);
  n = g_strv_length (parts);
  if (n < 2 || n > 4)
    return -1;

  for (guint i = 0; i < n; i++)
    {
      static const gint64 scale[] = { 24, 60, 60 };
      guint64 value;

      if (!g_ascii_string_to_unsigned (parts[i], 10, 0, G_MAXINT32, &value, NULL))
        return -1;
      /* The first part is days when there are four, else hours or minutes. */
      if (i > 0)
        seconds *= scale[3 - (n - i)];
      seconds += (gint64) value;
    }

  return seconds;
}

/* SABnzbd sends most numbers as strings ("267.44"). */
static double
get_number (JsonObject *object,
            const char *member)
{
  double value = NAN;

  ssv_json_get_double (object, member, &value);
  return value;
}

static SsvTransferState
map_queue_status (const char *status)
{
  if (g_strcmp0 (status, "Downloading") == 0)
    return SSV_TRANSFER_DOWNLOADING;
  if (g_strcmp0 (status, "Paused") == 0)
    return SSV_TRANSFER_PAUSED;
  if (g_strcmp0 (status, "Checking") == 0 || g_strcmp0 (status, "QuickCheck") == 0)
    return SSV_TRANSFER_CHECKING;

  return SSV_TRANSFER_QUEUED;   /* Queued, Grabbing, Fetching, Propagating, Idle */
}

static SsvTransferState
map_history_status (const char *status)
{
  if (g_strcmp0 (status, "Completed") == 0)
    return SSV_TRANSFER_COMPLETED;
  if (g_strcmp0 (status, "Failed") == 0)
    return SSV_TRANSFER_ERROR;

  /* Queued, QuickCheck, Verifying, Repairing, Fetching, Extracting, Moving, Running. */
  return SSV_TRANSFER_CHECKING;
}

/* The "slots" of {"queue": {…}} or {"history": {…}} (NULL for none: older
 * versions leave the member out when there are no jobs); a SABnzbd error as such. */
static gboolean
answer_slots (JsonNode    *root,
              const char  *section,
              JsonObject **section_out,
              JsonArray  **slots_out,
              GError     **error)
{
  JsonObject *object = ssv_json_node_object (root);
  JsonObject *inner = ssv_json_get_object (object, section);
  const char *message = ssv_json_get_string (object, "error");

  if (section_out != NULL)
    *section_out = inner;
  *slots_out = NULL;
  if (inner == NULL)
    {
      if (message != NULL)
        g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("SABnzbd refused: %s"), message);
      else
        g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                             _("SABnzbd sent an answer that could not be read."));
      return FALSE;
    }

  *slots_out = ssv_json_get_array (inner, "slots");
  return TRUE;
}

static GPtrArray *
parse_queue_node (JsonNode  *root,
                  GError   **error)
{
  JsonObject *queue = NULL;
  JsonArray *slots = NULL;
  g_autoptr(GPtrArray) transfers = NULL;
  double kbpersec;
  gboolean speed_given = FALSE;

  if (!answer_slots (root, "queue", &queue, &slots, error))
    return NULL;

  kbpersec = get_number (queue, "kbpersec");
  transfers = ssv_client_transfers_new ();
  for (guint i = 0; slots != NULL && i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = ssv_json_array_object (slots, i);
      const char *id = slot ? ssv_json_get_string (slot, "nzo_id") : NULL;
      double mb, mbleft, percentage;
      SsvTransfer *transfer;

      if (id == NULL || id[0] == '\0')
        continue;

      transfer = ssv_transfer_new ();
      transfer->reference = g_strdup (id);
      transfer->name = ssv_json_dup_string (slot, "filename");
      transfer->client_state = ssv_json_dup_string (slot, "status");
      transfer->state = map_queue_status (transfer->client_state);
      transfer->category = ssv_json_dup_string (slot, "cat");
      mb = get_number (slot, "mb");
      mbleft = get_number (slot, "mbleft");
      percentage = get_number (slot, "percentage");
      if (!isnan (mb) && mb >= 0)
        {
          transfer->size = (gint64) (mb * MIB);
          if (!isnan (mbleft) && mbleft >= 0 && mbleft <= mb)
            transfer->downloaded = (gint64) ((mb - mbleft) * MIB);
        }
      transfer->progress = ssv_client_fraction (percentage, 100.0);
      transfer->eta = ssv_sabnzbd_parse_timeleft (ssv_json_get_string (slot, "timeleft"));
      if (transfer->state == SSV_TRANSFER_DOWNLOADING)
        {
          /* SABnzbd works on one job at a time; the speed is that job's. */
          transfer->down_speed = !speed_given && !isnan (kbpersec) ? (gint64) (kbpersec * 1024) : 0;
          speed_given = TRUE;
        }
      if (transfer->eta == 0 && transfer->state != SSV_TRANSFER_DOWNLOADING)
        transfer->eta = -1;   /* "0:00:00" for a job that waits */
      ssv_client_finish_transfer (transfer);
      g_ptr_array_add (transfers, transfer);
    }

  return g_steal_pointer (&transfers);
}

static GPtrArray *
parse_history_node (JsonNode  *root,
                    GError   **error)
{
  JsonArray *slots = NULL;
  g_autoptr(GPtrArray) transfers = NULL;

  if (!answer_slots (root, "history", NULL, &slots, error))
    return NULL;

  transfers = ssv_client_transfers_new ();
  for (guint i = 0; slots != NULL && i < json_array_get_length (slots); i++)
    {
      JsonObject *slot = ssv_json_array_object (slots, i);
      const char *id = slot ? ssv_json_get_string (slot, "nzo_id") : NULL;
      const char *storage;
      SsvTransfer *transfer;

      if (id == NULL || id[0] == '\0')
        continue;

      transfer = ssv_transfer_new ();
      transfer->reference = g_strdup (id);
      transfer->name = ssv_json_dup_string (slot, "name");
      transfer->client_state = ssv_json_dup_string (slot, "status");
      transfer->state = map_history_status (transfer->client_state);
      transfer->category = ssv_json_dup_string (slot, "category");
      transfer->size = ssv_json_get_int_or (slot, "bytes", -1);
      transfer->down_speed = 0;
      if (transfer->state == SSV_TRANSFER_ERROR)
        {
          const char *message = ssv_json_get_string (slot, "fail_message");

          transfer->error = g_strdup_printf (_("SABnzbd reports a failure: %s"),
                                             message && message[0] ? message : _("no details"));
        }
      storage = ssv_json_get_string (slot, "storage");
      transfer->content_path = g_strdup (storage != NULL && storage[0] != '\0'
                                         ? storage : ssv_json_get_string (slot, "path"));
      if (transfer->content_path != NULL && transfer->content_path[0] == '\0')
        g_clear_pointer (&transfer->content_path, g_free);
      if (transfer->content_path != NULL)
        transfer->save_path = g_path_get_dirname (transfer->content_path);
      ssv_client_finish_transfer (transfer);
      g_ptr_array_add (transfers, transfer);
    }

  return g_steal_pointer (&transfers);
}

/**
 * ssv_sabnzbd_parse_queue:
 *
 * Reads an answer of api?mode=queue&output=json.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the queued jobs
 */
GPtrArray *
ssv_sabnzbd_parse_queue (const char  *json,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "SABnzbd", error);

  return root != NULL ? parse_queue_node (root, error) : NULL;
}

/**
 * ssv_sabnzbd_parse_history:
 *
 * Reads an answer of api?mode=history&output=json.
 *
 * Returns: (transfer full) (element-type SsvTransfer): the finished and failed jobs
 */
GPtrArray *
ssv_sabnzbd_parse_history (const char  *json,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "SABnzbd", error);

  return root != NULL ? parse_history_node (root, error) : NULL;
}

static GPtrArray *
parse_files_node (JsonNode  *root,
                  GError   **error)
{
  JsonArray *list = ssv_json_get_array (ssv_json_node_object (root), "files");
  g_autoptr(GPtrArray) files = NULL;

  if (list == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED,
                           _("SABnzbd sent a file list that could not be read."));
      return NULL;
    }

  files = ssv_client_files_new ();
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *object = ssv_json_array_object (list, i);
      const char *name = object ? ssv_json_get_string (object, "filename") : NULL;
      double bytes, mb, mbleft;
      SsvTransferFile *file;

      if (name == NULL)
        continue;

      bytes = get_number (object, "bytes");
      mb = get_number (object, "mb");
      mbleft = get_number (object, "mbleft");
      file = ssv_transfer_file_new (i, name, isnan (bytes) ? -1 : (gint64) bytes);
      file->id = ssv_json_dup_string (object, "nzf_id");
      if (!isnan (mb) && mb > 0 && !isnan (mbleft))
        file->progress = ssv_client_fraction (mb - mbleft, mb);
      g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}

/**
 * ssv_sabnzbd_parse_files:
 *
 * Reads an answer of api?mode=get_files.
 *
 * Returns: (transfer full) (element-type SsvTransferFile): the files
 */
GPtrArray *
ssv_sabnzbd_parse_files (const char  *json,
                         gssize       length,
                         GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, "SABnzbd", error);

  return root != NULL ? parse_files_node (root, error) : NULL;
}

/* ---- the API -------------------------------------------------------------------------- */

static SsvHttpRequest *
api_request (SsvSabnzbd *self,
             const char *method,
             const char *mode)
{
  SsvHttpRequest *request = ssv_client_conn_request (&self->conn, method, "api");

  ssv_http_request_add_query (request, "mode", mode);
  ssv_http_request_add_query (request, "output", "json");
  ssv_http_request_add_secret_query (request, "apikey", self->conn.secret ? self->conn.secret : "");
  return request;
}

/* Sends a prepared request; the JSON answer, with SABnzbd's refusals in plain words. */
static JsonNode *
api_send (SsvSabnzbd      *self,
          SsvHttpRequest  *request,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) body = ssv_http_send (self->conn.http, request, cancellable, &local_error);
  JsonNode *root;
  JsonObject *object;
  const char *message;

  if (body == NULL)
    {
      return ssv_client_fail_request (&self->conn, SSV_CLIENT_SECRET_API_KEY,
                                      g_steal_pointer (&local_error), error), NULL;
    }

  root = ssv_json_parse_bytes (body, "SABnzbd", NULL);
  object = root ? ssv_json_node_object (root) : NULL;
  if (object == NULL)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), MIN (g_bytes_get_size (body), 200));

      g_clear_pointer (&root, json_node_unref);
      /* SABnzbd before 3.x said "error: API Key Incorrect" as plain text. */
      if (strstr (text, "API Key") != NULL)
        return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_API_KEY, error), NULL;
      return ssv_client_set_not_that_server (&self->conn, error), NULL;
    }

  message = ssv_json_get_string (object, "error");
  if (message != NULL && strstr (message, "API Key") != NULL)
    {
      json_node_unref (root);
      return ssv_client_set_rejected (&self->conn, SSV_CLIENT_SECRET_API_KEY, error), NULL;
    }
  /* An add answers {"status": false, "nzo_ids": []} when it took nothing: the caller says so. */
  if (json_object_has_member (object, "status") && !ssv_json_get_bool_or (object, "status", TRUE) &&
      !json_object_has_member (object, "nzo_ids"))
    {
      ssv_client_set_refused (&self->conn, message, error);
      json_node_unref (root);
      return NULL;
    }

  return root;
}

static JsonNode *
simple_api (SsvSabnzbd    *self,
            const char    *mode,
            const char    *name,
            const char    *value,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (self, "GET", mode);

  ssv_http_request_add_query (request, "name", name);
  ssv_http_request_add_query (request, "value", value);
  return api_send (self, request, cancellable, error);
}

/* ---- the interface ---------------------------------------------------------------------- */

static SsvClientKind
sabnzbd_get_kind (SsvDownloadClient *client)
{
  return SSV_CLIENT_SABNZBD;
}

static SsvClientCaps
sabnzbd_get_capabilities (SsvDownloadClient *client)
{
  /* Where files go is SABnzbd's category setting, not the app's. */
  return SSV_CLIENT_CAN_NZB | SSV_CLIENT_CAN_CATEGORY | SSV_CLIENT_CAN_DELETE_DATA |
         SSV_CLIENT_CAN_PAUSE | SSV_CLIENT_CAN_FILE_PRIORITY;
}

static char *
sabnzbd_test_connection (SsvDownloadClient  *client,
                         GCancellable       *cancellable,
                         GError            **error)
{
  SsvSabnzbd *self = SSV_SABNZBD (client);
  g_autoptr(JsonNode) version = simple_api (self, "version", NULL, NULL, cancellable, error);
  g_autoptr(JsonNode) queue = NULL;
  g_autoptr(SsvHttpRequest) request = NULL;
  const char *text;

  if (version == NULL)
    return NULL;
  text = ssv_json_get_string (ssv_json_node_object (version), "version");
  if (text == NULL)
    return ssv_client_set_not_that_server (&self->conn, error), NULL;

  /* mode=version needs no key; the queue does. */
  request = api_request (self, "GET", "queue");
  ssv_http_request_add_query (request, "limit", "1");
  queue = api_send (self, request, cancellable, error);
  if (queue == NULL)
    return NULL;

  return g_strdup_printf ("SABnzbd %s", text);
}

static char *
first_nzo_id (SsvSabnzbd  *self,
              JsonNode    *answer,
              GError     **error)
{
  JsonArray *ids = ssv_json_get_array (ssv_json_node_object (answer), "nzo_ids");
  const char *id = ids ? ssv_json_array_string (ids, 0) : NULL;

  if (id == NULL || id[0] == '\0')
    return ssv_client_set_refused (&self->conn, _("it did not take the NZB file"), error), NULL;

  return g_strdup (id);
}

static char *
sabnzbd_add (SsvDownloadClient    *client,
             const SsvAddRequest  *add,
             GCancellable         *cancellable,
             GError              **error)
{
  SsvSabnzbd *self = SSV_SABNZBD (client);
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (add->kind == SSV_ADD_NZB_URL)
    {
      request = api_request (self, "GET", "addurl");
      ssv_http_request_add_query (request, "name", add->uri);
    }
  else
    {
      g_autoptr(SoupMultipart) multipart = soup_multipart_new (SOUP_FORM_MIME_TYPE_MULTIPART);
      g_autofree char *file_name = g_strconcat (add->name ? add->name : "download",
                                                add->name && g_str_has_suffix (add->name, ".nzb") ? "" : ".nzb",
                                                NULL);

      soup_multipart_append_form_file (multipart, "name", file_name, "application/x-nzb", add->data);
      request = api_request (self, "POST", "addfile");
      ssv_client_request_set_multipart (request, multipart);
    }

  ssv_http_request_add_query (request, "cat", ssv_client_conn_category (&self->conn, add));
  if (add->name != NULL && add->kind == SSV_ADD_NZB_URL)
    ssv_http_request_add_query (request, "nzbname", add->name);
  if (add->paused)
    ssv_http_request_add_query (request, "priority", "-2");   /* "paused" */

  answer = api_send (self, request, cancellable, error);
  return answer != NULL ? first_nzo_id (self, answer, error) : NULL;
}

static JsonNode *
list_section (SsvSabnzbd          *self,
              const char          *mode,
              const char * const  *references,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr(SsvHttpRequest) request = api_request (self, "GET", mode);

  if (references != NULL)
    {
      g_autofree char *ids = g_strjoinv (",", (char **) references);
      ssv_http_request_add_query (request, "nzo_ids", ids);
    }
  else
    ssv_http_request_add_query (request, "cat", self->conn.category);
  ssv_http_request_add_query (request, "limit", "500");

  return api_send (self, request, cancellable, error);
}

static GPtrArray *
sabnzbd_list (SsvDownloadClient   *client,
              const char * const  *references,
              GCancellable        *cancellable,
              GError             **error)
{
  SsvSabnzbd *self = SSV_SABNZBD (client);
  g_autoptr(JsonNode) queue = list_section (self, "queue", references, cancellable, error);
  g_autoptr(JsonNode) history = queue ? list_section (self, "history", references, cancellable, error) : NULL;
  g_autoptr(GPtrArray) queued = NULL;
  g_autoptr(GPtrArray) done = NULL;
  GPtrArray *transfers;

  if (history == NULL)
    return NULL;

  queued = parse_queue_node (queue, error);
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
sabnzbd_list_files (SsvDownloadClient  *client,
                    const char         *reference,
                    GCancellable       *cancellable,
                    GError            **error)
{
  SsvSabnzbd *self = SSV_SABNZBD (client);
  g_autoptr(SsvTransfer) transfer = ssv_download_client_get (client, reference, cancellable, error);
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) answer = NULL;

  /* get_files answers an empty list for a job it does not have, too. */
  if (transfer == NULL)
    return NULL;

  request = api_request (self, "GET", "get_files");
  ssv_http_request_add_query (request, "value", reference);
  answer = api_send (self, request, cancellable, error);

  return answer != NULL ? parse_files_node (answer, error) : NULL;
}

static gboolean
sabnzbd_set_file_priority (SsvDownloadClient  *client,
                           const char         *reference,
                           const guint        *indices,
                           guint               n_indices,
                           SsvFilePriority     priority,
                           GCancellable       *cancellable,
                           GError            **error)
{
  SsvSabnzbd *self = SSV_SABNZBD (client);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GString) ids = g_string_new (NULL);
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) answer = NULL;

  if (priority != SSV_FILE_SKIP)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("SABnzbd cannot take back a file it was told to skip."));
      return FALSE;
    }

  files = sabnzbd_list_files (client, reference, cancellable, error);
  if (files == NULL || !ssv_client_find_indices (files, indices, n_indices, error))
    return FALSE;

  for (guint i = 0; i < files->len; i++)
    {
      SsvTransferFile *file = g_ptr_array_index (files, i);

      for (guint j = 0; j < n_indices; j++)
        if (indices[j] == file->index && file->id != NULL)
          g_string_append_printf (ids, "%s%s", ids->len ? "," : "", file->id);
    }

  request = api_request (self, "GET", "queue");
  ssv_http_request_add_query (request, "name", "delete_nzf");
  ssv_http_request_add_query (request, "value", reference);
  ssv_http_request_add_query (request, "value2", ids->str);
  answer = api_send (self, request, cancellable, error);
  return answer != NULL;
}

static gboolean
sabnzbd_remove (SsvDownloadClient  *client,
                const char         *reference,
                gboolean            delete_data,
                GCancellable       *cancellable,
                GError            **error)
{
  SsvSabnzbd *self = SSV_SABNZBD (client);

  /* A job is in the queue or in the history; deleting from both is how to be sure. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(SsvHttpRequest) request = api_request (self, "GET", i == 0 ? "queue" : "history");
      g_autoptr(JsonNode) answer = NULL;
      g_autoptr(GError) local_error = NULL;

      ssv_http_request_add_query (request, "name", "delete");
      ssv_http_request_add_query (request, "value", reference);
      ssv_http_request_add_query (request, "del_files", delete_data ? "1" : "0");
      if (i == 1)
        ssv_http_request_add_query (request, "archive", "0");
      answer = api_send (self, request, cancellable, &local_error);

      /* {"status": false} from the queue only says the job was not there. */
      if (answer == NULL && !g_error_matches (local_error, SSV_ERROR, SSV_ERROR_FAILED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
sabnzbd_set_paused (SsvDownloadClient  *client,
                    const char         *reference,
                    gboolean            paused,
                    GCancellable       *cancellable,
                    GError            **error)
{
  g_autoptr(JsonNode) answer = simple_api (SSV_SABNZBD (client), "queue", paused ? "pause" : "resume",
                                           reference, cancellable, error);

  return answer != NULL;
}

static void
download_client_iface_init (SsvDownloadClientInterface *iface)
{
  iface->get_kind = sabnzbd_get_kind;
  iface->get_capabilities = sabnzbd_get_capabilities;
  iface->test_connection = sabnzbd_test_connection;
  iface->add = sabnzbd_add;
  iface->list = sabnzbd_list;
  iface->list_files = sabnzbd_list_files;
  iface->set_file_priority = sabnzbd_set_file_priority;
  iface->remove = sabnzbd_remove;
  iface->set_paused = sabnzbd_set_paused;
}
