/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-client-common.c: helpers the download clients share, so each file holds only its protocol. */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "downloads/ssv-client-common.h"
#include "ssv-error.h"
#include "ssv-json.h"

void
ssv_client_conn_init (SsvClientConn         *conn,
                      SsvClientKind          kind,
                      SsvHttp               *http,
                      const SsvClientConfig *config)
{
  conn->kind = kind;
  conn->http = g_object_ref (http);
  conn->url = config->url != NULL && config->url[0] != '\0' ? g_strdup (config->url) : NULL;
  conn->username = g_strdup (config->username);
  conn->secret = g_strdup (config->secret);
  conn->category = g_strdup (config->category != NULL && config->category[0] != '\0'
                             ? config->category : SSV_CLIENT_DEFAULT_CATEGORY);
  g_mutex_init (&conn->lock);
}

void
ssv_client_conn_clear (SsvClientConn *conn)
{
  g_clear_object (&conn->http);
  g_clear_pointer (&conn->url, g_free);
  g_clear_pointer (&conn->username, g_free);
  if (conn->secret != NULL)
    memset (conn->secret, 0, strlen (conn->secret));
  g_clear_pointer (&conn->secret, g_free);
  g_clear_pointer (&conn->category, g_free);
  g_mutex_clear (&conn->lock);
}

const char *
ssv_client_conn_name (SsvClientConn *conn)
{
  return ssv_client_kind_display_name (conn->kind);
}

/* A request to the client's own address (or SSV_<KIND>_URL when none is set). */
SsvHttpRequest *
ssv_client_conn_request (SsvClientConn *conn,
                         const char    *method,
                         const char    *path)
{
  SsvHttpRequest *request = ssv_http_request_new (ssv_client_kind_to_string (conn->kind),
                                                  method, path);

  if (conn->url != NULL)
    ssv_http_request_set_base_url (request, conn->url);
  return request;
}

char *
ssv_client_conn_dup_url (SsvClientConn *conn)
{
  if (conn->url != NULL)
    return g_strdup (conn->url);

  return ssv_http_dup_base_url (conn->http, ssv_client_kind_to_string (conn->kind));
}

/* The address as a person may see it: without any user name or password in it. */
static char *
dup_display_url (SsvClientConn *conn)
{
  g_autofree char *url = ssv_client_conn_dup_url (conn);
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return g_strdup (_("(no address)"));

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return g_strdup (_("(an address that is not valid)"));

  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri), g_uri_get_path (uri), NULL, NULL);
}

const char *
ssv_client_conn_category (SsvClientConn       *conn,
                          const SsvAddRequest *request)
{
  if (request != NULL && request->category != NULL && request->category[0] != '\0')
    return request->category;

  return conn->category;
}

/* HTTP basic authentication with the user name and secret, when there is a user name. */
void
ssv_client_conn_set_basic_auth (SsvClientConn  *conn,
                                SsvHttpRequest *request)
{
  g_autofree char *pair = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *header = NULL;

  if (conn->username == NULL || conn->username[0] == '\0')
    return;

  pair = g_strconcat (conn->username, ":", conn->secret ? conn->secret : "", NULL);
  encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  header = g_strconcat ("Basic ", encoded, NULL);
  ssv_http_request_set_header (request, "Authorization", header);
  memset (pair, 0, strlen (pair));
}

/* ---- errors in plain words --------------------------------------------------- */

gboolean
ssv_client_set_rejected (SsvClientConn        *conn,
                         SsvClientSecretKind   secret,
                         GError              **error)
{
  const char *name = ssv_client_conn_name (conn);

  switch (secret)
    {
    case SSV_CLIENT_SECRET_API_KEY:
      g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                   _("%s rejected the API key. Check it in Preferences."), name);
      break;
    case SSV_CLIENT_SECRET_RPC_SECRET:
      g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                   _("%s rejected the RPC secret. Check it in Preferences."), name);
      break;
    case SSV_CLIENT_SECRET_PASSWORD:
    default:
      g_set_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED,
                   _("%s rejected the user name or password. Check them in Preferences."), name);
      break;
    }

  return FALSE;
}

gboolean
ssv_client_set_not_that_server (SsvClientConn  *conn,
                                GError        **error)
{
  g_autofree char *url = dup_display_url (conn);

  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("The server at %s answers, but not as %s. Check the address and the port."),
               url, ssv_client_conn_name (conn));
  return FALSE;
}

/* A refusal, with the client's own words (which never hold our secret). */
gboolean
ssv_client_set_refused (SsvClientConn  *conn,
                        const char     *detail,
                        GError        **error)
{
  if (detail != NULL && detail[0] != '\0')
    g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("%s refused: %s"),
                 ssv_client_conn_name (conn), detail);
  else
    g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("%s refused the request."),
                 ssv_client_conn_name (conn));
  return FALSE;
}

gboolean
ssv_client_set_malformed (SsvClientConn  *conn,
                          GError        **error)
{
  g_set_error (error, SSV_ERROR, SSV_ERROR_MALFORMED,
               _("%s sent an answer that could not be read."), ssv_client_conn_name (conn));
  return FALSE;
}

/**
 * ssv_client_explain_error:
 *
 * Rewrites an error of SsvHttp in the words a person setting up a download
 * client needs: the password was wrong, the client is not reachable at its
 * address, it did not answer in time. Other errors stay as they are.
 */
void
ssv_client_explain_error (SsvClientConn        *conn,
                          SsvClientSecretKind   secret,
                          GError              **error)
{
  g_autofree char *url = NULL;
  GError *old;

  if (error == NULL || *error == NULL || (*error)->domain != SSV_ERROR)
    return;

  old = *error;
  switch (old->code)
    {
    case SSV_ERROR_KEY_REJECTED:
      *error = NULL;
      ssv_client_set_rejected (conn, secret, error);
      g_error_free (old);
      break;
    case SSV_ERROR_UNREACHABLE:
      *error = NULL;
      url = dup_display_url (conn);
      g_set_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE,
                   _("%s is not reachable at %s. Check that it is running and that the address is right."),
                   ssv_client_conn_name (conn), url);
      g_error_free (old);
      break;
    case SSV_ERROR_TIMEOUT:
      *error = NULL;
      url = dup_display_url (conn);
      g_set_error (error, SSV_ERROR, SSV_ERROR_TIMEOUT,
                   _("%s at %s did not answer in time. Check that it is running."),
                   ssv_client_conn_name (conn), url);
      g_error_free (old);
      break;
    default:
      break;
    }
}

/**
 * ssv_client_fail_request:
 * @cause: (transfer full): what SsvHttp (or the JSON-RPC helper) said
 *
 * Sets @error for a request that failed: a server that answered, but with
 * "no such page", another refusal or a body that could not be read, is not
 * that kind of server at all; the rest as ssv_client_explain_error() puts it.
 *
 * Returns: %FALSE, always
 */
gboolean
ssv_client_fail_request (SsvClientConn        *conn,
                         SsvClientSecretKind   secret,
                         GError               *cause,
                         GError              **error)
{
  if (g_error_matches (cause, SSV_ERROR, SSV_ERROR_NOT_FOUND) ||
      g_error_matches (cause, SSV_ERROR, SSV_ERROR_FAILED) ||
      g_error_matches (cause, SSV_ERROR, SSV_ERROR_MALFORMED))
    {
      g_error_free (cause);
      return ssv_client_set_not_that_server (conn, error);
    }

  g_propagate_error (error, cause);
  ssv_client_explain_error (conn, secret, error);
  return FALSE;
}

/* ---- request bodies ----------------------------------------------------------- */

/* An application/x-www-form-urlencoded body from key, value pairs (NULL values are left out). */
void
ssv_client_request_set_form (SsvHttpRequest *request,
                             const char     *first_key,
                             ...)
{
  GString *form = g_string_new (NULL);
  const char *key = first_key;
  va_list args;
  gsize length;

  va_start (args, first_key);
  while (key != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (value != NULL)
        {
          if (form->len > 0)
            g_string_append_c (form, '&');
          g_string_append_uri_escaped (form, key, NULL, FALSE);
          g_string_append_c (form, '=');
          g_string_append_uri_escaped (form, value, NULL, FALSE);
        }
      key = va_arg (args, const char *);
    }
  va_end (args);

  length = form->len;
  ssv_http_request_set_body (request, "application/x-www-form-urlencoded",
                             g_bytes_new_take (g_string_free (form, FALSE), length));
}

/* A multipart/form-data body (a SoupMultipart) with its boundary in the content type. */
void
ssv_client_request_set_multipart (SsvHttpRequest *request,
                                  gpointer        multipart)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_MULTIPART);
  g_autoptr(GBytes) body = NULL;

  soup_multipart_to_message (multipart, headers, &body);
  ssv_http_request_set_body (request, soup_message_headers_get_one (headers, "Content-Type"), body);
}

/* ---- JSON-RPC ------------------------------------------------------------------ */

JsonNode *
ssv_client_parse_json (const char  *data,
                       gssize       length,
                       const char  *what,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data ? data : "", length < 0 ? strlen (data ? data : "") : (gsize) length);

  return ssv_json_parse_bytes (bytes, what, error);
}

/**
 * ssv_client_parse_list:
 * @unreadable: the plain words for an answer that is JSON but not a list
 * @array: (out) (transfer none): the list, owned by the returned root
 *
 * Returns: (transfer full): the parsed answer, or %NULL with @error set
 */
JsonNode *
ssv_client_parse_list (const char  *json,
                       gssize       length,
                       const char  *what,
                       const char  *unreadable,
                       JsonArray  **array,
                       GError     **error)
{
  g_autoptr(JsonNode) root = ssv_client_parse_json (json, length, what, error);

  *array = root ? ssv_json_node_array (root) : NULL;
  if (root != NULL && *array == NULL)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_MALFORMED, unreadable);
      return NULL;
    }

  return g_steal_pointer (&root);
}

/* The message of a JSON-RPC error member: {"code":1,"message":"…"}, or a bare string. */
char *
ssv_client_rpc_error_message (JsonNode *error_node)
{
  JsonObject *object;
  const char *message = NULL;

  if (error_node == NULL || JSON_NODE_HOLDS_NULL (error_node))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (error_node) && json_node_get_value_type (error_node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (error_node));

  if (!JSON_NODE_HOLDS_OBJECT (error_node))
    return g_strdup ("error");

  object = json_node_get_object (error_node);
  if (json_object_has_member (object, "message") &&
      JSON_NODE_HOLDS_VALUE (json_object_get_member (object, "message")))
    message = json_object_get_string_member (object, "message");

  return g_strdup (message != NULL && message[0] != '\0' ? message : "error");
}

static JsonNode *
rpc_result (JsonNode  *answer,
            GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;
  g_autofree char *message = NULL;

  if (object == NULL)
    return NULL;

  if (json_object_has_member (object, "error"))
    message = ssv_client_rpc_error_message (json_object_get_member (object, "error"));
  if (message != NULL)
    {
      /* The server's own words, for the caller to put in context. */
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_FAILED, message);
      return NULL;
    }

  if (!json_object_has_member (object, "result"))
    return NULL;

  return json_node_copy (json_object_get_member (object, "result"));
}

/**
 * ssv_client_json_rpc:
 * @request: a POST request to the RPC endpoint, with any headers it needs
 * @params: (transfer full): a JSON array
 *
 * Sends one JSON-RPC call. A JSON-RPC error comes back as %SSV_ERROR_FAILED
 * with the server's own message (also when the server sent it with an HTTP
 * error status, as aria2 does); an answer that is not JSON-RPC as
 * %SSV_ERROR_MALFORMED; transport errors as SsvHttp reports them.
 *
 * Returns: (transfer full): the "result" member (possibly a JSON null)
 */
JsonNode *
ssv_client_json_rpc (SsvClientConn   *conn,
                     SsvHttpRequest  *request,
                     const char      *method,
                     JsonNode        *params,
                     gboolean         jsonrpc2,
                     GCancellable    *cancellable,
                     GError         **error)
{
  static gint next_id = 1;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GBytes) answer_bytes = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *result;

  json_builder_begin_object (builder);
  if (jsonrpc2)
    {
      json_builder_set_member_name (builder, "jsonrpc");
      json_builder_add_string_value (builder, "2.0");
    }
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, method);
  json_builder_set_member_name (builder, "params");
  json_builder_add_value (builder, params);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, g_atomic_int_add (&next_id, 1));
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);
  ssv_http_request_set_json_body (request, body);
  ssv_http_request_set_header (request, "Accept", "application/json");

  answer_bytes = ssv_http_send (conn->http, request, cancellable, &local_error);
  if (answer_bytes == NULL)
    {
      GBytes *error_body = ssv_http_request_get_response_body (request);
      guint status = ssv_http_request_get_status (request);

      /* Some servers send a JSON-RPC error with a 4xx/5xx status. */
      if (status >= 400 && status != 401 && status != 403 && error_body != NULL)
        {
          g_autoptr(JsonNode) error_answer = ssv_json_parse_bytes (error_body, "rpc", NULL);
          g_autoptr(GError) rpc_error = NULL;

          if (error_answer != NULL)
            {
              JsonNode *unused = rpc_result (error_answer, &rpc_error);

              g_clear_pointer (&unused, json_node_unref);
              if (rpc_error != NULL)
                {
                  g_propagate_error (error, g_steal_pointer (&rpc_error));
                  return NULL;
                }
            }
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  answer = ssv_json_parse_bytes (answer_bytes, ssv_client_conn_name (conn), error);
  if (answer == NULL)
    return NULL;

  result = rpc_result (answer, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (result == NULL)
    ssv_client_set_malformed (conn, error);

  return result;
}

/* ---- lists ---------------------------------------------------------------------- */

GPtrArray *
ssv_client_transfers_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_transfer_free);
}

GPtrArray *
ssv_client_files_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_transfer_file_free);
}

/* Whether a listing for @references (NULL: all) keeps @reference. */
gboolean
ssv_client_wants (const char * const *references,
                  const char         *reference)
{
  if (references == NULL)
    return TRUE;
  if (reference == NULL)
    return FALSE;

  for (guint i = 0; references[i] != NULL; i++)
    if (g_ascii_strcasecmp (references[i], reference) == 0)
      return TRUE;

  return FALSE;
}

/* Checks that every index is one of @files' (SsvTransferFile) indices. */
gboolean
ssv_client_find_indices (GPtrArray    *files,
                         const guint  *indices,
                         guint         n_indices,
                         GError      **error)
{
  for (guint i = 0; i < n_indices; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < files->len && !found; j++)
        found = ((SsvTransferFile *) g_ptr_array_index (files, j))->index == indices[i];

      if (!found)
        {
          g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID,
                       _("This download has no file number %u."), indices[i]);
          return FALSE;
        }
    }

  return TRUE;
}

char *
ssv_client_join_path (const char *folder,
                      const char *name)
{
  if (folder == NULL || folder[0] == '\0')
    return g_strdup (name);
  if (name == NULL || name[0] == '\0')
    return g_strdup (folder);

  return g_build_filename (folder, name, NULL);
}

char *
ssv_client_base64 (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return g_base64_encode (data, size);
}

/* @value / @scale, clamped to 0 … 1; 0 when @value is not a number. */
double
ssv_client_fraction (double value,
                     double scale)
{
  double fraction;

  if (isnan (value) || scale <= 0)
    return 0.0;

  fraction = value / scale;
  return CLAMP (fraction, 0.0, 1.0);
}

/* What every client does last: a finished transfer has no time left; an
 * unknown ETA is computed from the speed. */
void
ssv_client_finish_transfer (SsvTransfer *transfer)
{
  if (ssv_transfer_state_is_done (transfer->state))
    {
      transfer->eta = 0;
      transfer->progress = 1.0;
      if (transfer->size >= 0)
        transfer->downloaded = transfer->size;
      return;
    }

  if (transfer->downloaded < 0 && transfer->size >= 0)
    transfer->downloaded = (gint64) (transfer->progress * (double) transfer->size);

  if (transfer->eta < 0 && transfer->state == SSV_TRANSFER_DOWNLOADING)
    transfer->eta = ssv_transfer_compute_eta (transfer->size, transfer->downloaded,
                                              transfer->down_speed);
}
