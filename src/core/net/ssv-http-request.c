/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-http-request.c: one request for SsvHttp: its address, query, headers (secret or not) and
 * body, and what the last answer to it was. */

#include "config.h"

#include <string.h>

#include "net/ssv-http.h"
#include "net/ssv-http-private.h"

G_DEFINE_BOXED_TYPE (SsvHttpRequest, ssv_http_request, ssv_http_request_ref, ssv_http_request_unref)

static void
header_free (gpointer data)
{
  SsvHttpHeader *header = data;

  g_free (header->name);
  g_free (header->value);
  g_free (header);
}

/* Headers that carry a key or a token whoever sets them. */
static gboolean
is_secret_header_name (const char *name)
{
  static const char * const names[] = {
    "Authorization", "X-Plex-Token", "X-Emby-Token", "X-Emby-Authorization",
    "X-MediaBrowser-Token", "Api-Key", "X-Api-Key", "Cookie",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i]) == 0)
      return TRUE;

  return FALSE;
}

SsvHttpRequest *
ssv_http_request_new (const char *service,
                      const char *method,
                      const char *path)
{
  SsvHttpRequest *self = g_new0 (SsvHttpRequest, 1);

  g_atomic_ref_count_init (&self->ref);
  self->service = g_strdup (service);
  self->method = g_strdup (method ? method : "GET");
  self->path = g_strdup (path ? path : "");
  self->query = g_string_new (NULL);
  self->secret_values = g_ptr_array_new_with_free_func (g_free);
  self->headers = g_ptr_array_new_with_free_func (header_free);
  self->max_retries = -1;
  self->retry_after_s = -1;

  return self;
}

SsvHttpRequest *
ssv_http_request_ref (SsvHttpRequest *self)
{
  g_atomic_ref_count_inc (&self->ref);
  return self;
}

void
ssv_http_request_unref (SsvHttpRequest *self)
{
  if (!g_atomic_ref_count_dec (&self->ref))
    return;

  g_free (self->service);
  g_free (self->method);
  g_free (self->path);
  g_free (self->base_url);
  g_string_free (self->query, TRUE);
  g_ptr_array_unref (self->secret_values);
  g_ptr_array_unref (self->headers);
  g_free (self->content_type);
  g_clear_pointer (&self->body, g_bytes_unref);
  g_clear_pointer (&self->response_headers, soup_message_headers_unref);
  g_clear_pointer (&self->response_body, g_bytes_unref);
  g_free (self);
}

void
ssv_http_request_set_base_url (SsvHttpRequest *self,
                               const char     *base_url)
{
  g_free (self->base_url);
  self->base_url = g_strdup (base_url);
}

void
ssv_http_request_add_query (SsvHttpRequest *self,
                            const char     *key,
                            const char     *value)
{
  if (value == NULL)
    return;

  if (self->query->len > 0)
    g_string_append_c (self->query, '&');
  g_string_append_uri_escaped (self->query, key, NULL, FALSE);
  g_string_append_c (self->query, '=');
  g_string_append_uri_escaped (self->query, value, NULL, FALSE);
}

void
ssv_http_request_add_query_int (SsvHttpRequest *self,
                                const char     *key,
                                gint64          value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  ssv_http_request_add_query (self, key, buf);
}

/* Like add_query, but the value never appears in logs or error messages. */
void
ssv_http_request_add_secret_query (SsvHttpRequest *self,
                                   const char     *key,
                                   const char     *value)
{
  g_autofree char *escaped = NULL;

  if (value == NULL)
    return;

  ssv_http_request_add_query (self, key, value);
  escaped = g_uri_escape_string (value, NULL, FALSE);
  g_ptr_array_add (self->secret_values, g_steal_pointer (&escaped));
}

static void
add_header (SsvHttpRequest *self,
            const char     *name,
            const char     *value,
            gboolean        secret)
{
  SsvHttpHeader *header = g_new0 (SsvHttpHeader, 1);

  header->name = g_strdup (name);
  header->value = g_strdup (value);
  header->secret = secret || is_secret_header_name (name);
  g_ptr_array_add (self->headers, header);
}

/* Authorization, X-Plex-Token, X-Emby-Token, Api-Key… are secret whoever sets
 * them: see ssv_http_request_set_secret_header(). */
void
ssv_http_request_set_header (SsvHttpRequest *self,
                             const char     *name,
                             const char     *value)
{
  add_header (self, name, value, FALSE);
}

/**
 * ssv_http_request_set_secret_header:
 *
 * A header that carries a key or a token: it goes to the configured host
 * only, never to another host a redirect points at.
 */
void
ssv_http_request_set_secret_header (SsvHttpRequest *self,
                                    const char     *name,
                                    const char     *value)
{
  add_header (self, name, value, TRUE);
}

void
ssv_http_request_set_body (SsvHttpRequest *self,
                           const char     *content_type,
                           GBytes         *body)
{
  g_free (self->content_type);
  self->content_type = g_strdup (content_type);
  g_clear_pointer (&self->body, g_bytes_unref);
  self->body = body ? g_bytes_ref (body) : NULL;
}

void
ssv_http_request_set_json_body (SsvHttpRequest *self,
                                JsonNode       *body)
{
  gsize length = 0;
  char *text = json_to_string (body, FALSE);

  length = strlen (text);
  ssv_http_request_set_body (self, "application/json",
                             g_bytes_new_take (text, length));
}

void
ssv_http_request_set_max_retries (SsvHttpRequest *self,
                                  int             max_retries)
{
  self->max_retries = max_retries;
}

/* The largest answer to read for this request (decoded), or 0 for the service's cap. */
void
ssv_http_request_set_max_body_size (SsvHttpRequest *self,
                                    gsize           bytes)
{
  self->max_body = bytes;
}

guint
ssv_http_request_get_status (SsvHttpRequest *self)
{
  return self->status;
}

/* Seconds the server asked us to wait (Retry-After), or -1. */
gint64
ssv_http_request_get_retry_after (SsvHttpRequest *self)
{
  return self->retry_after_s;
}

/* The body of the last answer, whatever its status (some APIs explain a 401 there), or NULL. */
GBytes *
ssv_http_request_get_response_body (SsvHttpRequest *self)
{
  return self->response_body;
}

const char *
ssv_http_request_get_response_header (SsvHttpRequest *self,
                                      const char     *name)
{
  if (self->response_headers == NULL)
    return NULL;

  return soup_message_headers_get_one (self->response_headers, name);
}

/* @text with the request's secret values replaced: what may reach a log or a message. */
char *
ssv_http_request_redact (SsvHttpRequest *self,
                         const char     *text)
{
  g_autoptr(GString) out = g_string_new (text);

  for (guint i = 0; i < self->secret_values->len; i++)
    {
      const char *secret = g_ptr_array_index (self->secret_values, i);
      if (secret[0] != '\0')
        g_string_replace (out, secret, "REDACTED", 0);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ssv_http_request_dup_uri (SsvHttpRequest *self,
                          SsvHttp        *http,
                          gboolean        redacted)
{
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  const char *path = self->path;

  base = self->base_url ? g_strdup (self->base_url) : ssv_http_dup_base_url (http, self->service);
  if (base == NULL)
    return NULL;

  /* An absolute path (an image URL, a paging link) wins over the base. */
  if (g_str_has_prefix (path, "http://") || g_str_has_prefix (path, "https://"))
    uri = g_strdup (path);
  else
    {
      gsize len = strlen (base);

      while (len > 0 && base[len - 1] == '/')
        base[--len] = '\0';
      uri = g_strconcat (base, path[0] == '/' || path[0] == '\0' ? "" : "/", path, NULL);
    }

  if (self->query->len > 0)
    {
      char *with_query = g_strconcat (uri, strchr (uri, '?') ? "&" : "?", self->query->str, NULL);
      g_free (uri);
      uri = with_query;
    }

  return redacted ? ssv_http_request_redact (self, uri) : g_steal_pointer (&uri);
}
