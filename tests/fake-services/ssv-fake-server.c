/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-server.c: a SoupServer on 127.0.0.1 replaying fixtures, with faults. */

#include "config.h"

#include <string.h>
#include <libsoup/soup.h>

#include "ssv-fake-server.h"

typedef struct
{
  char           *method;       /* NULL = any */
  char           *path;         /* exact, or a prefix when it ends in '*' */
  GHashTable     *query;        /* required query parameters, or NULL */
  guint           status;
  char           *content_type;
  GBytes         *body;
  SsvFakeHandler  handler;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Route;

typedef struct
{
  char         *route;
  SsvFakeFault  fault;
} FaultEntry;

struct _SsvFakeServer
{
  GThread      *thread;
  GMainContext *context;
  GMainLoop    *loop;
  SoupServer   *server;
  char         *url;
  guint16       port;

  GMutex        lock;
  GCond         ready_cond;
  gboolean      ready;
  GPtrArray    *routes;
  GPtrArray    *faults;
  GPtrArray    *log;
  double        rate_limit;
  guint         over_limit;
};

char *
ssv_fixture_path (const char *relative)
{
  const char *dir = g_getenv ("SSV_FIXTURES_DIR");

  return g_build_filename (dir ? dir : SSV_FIXTURES_DIR, relative, NULL);
}

GBytes *
ssv_fixture_load (const char *relative)
{
  g_autofree char *path = ssv_fixture_path (relative);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (g_str_has_suffix (relative, ".gz"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GInputStream) raw = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      g_autoptr(GZlibDecompressor) gunzip = NULL;
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GOutputStream) out = NULL;

      g_assert_no_error (error);
      gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
      stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
      out = g_memory_output_stream_new_resizable ();
      g_output_stream_splice (out, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
      g_assert_no_error (error);
      return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("Missing fixture %s: %s", path, error->message);

  return g_bytes_new_take (contents, length);
}

void
ssv_fake_request_free (SsvFakeRequest *request)
{
  if (request == NULL)
    return;

  g_free (request->method);
  g_free (request->path);
  g_free (request->query);
  g_clear_pointer (&request->headers, g_hash_table_unref);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request);
}

static SsvFakeRequest *
fake_request_copy (const SsvFakeRequest *request)
{
  SsvFakeRequest *copy = g_new0 (SsvFakeRequest, 1);

  copy->method = g_strdup (request->method);
  copy->path = g_strdup (request->path);
  copy->query = g_strdup (request->query);
  copy->headers = g_hash_table_ref (request->headers);
  copy->body = request->body ? g_bytes_ref (request->body) : NULL;
  copy->at_us = request->at_us;

  return copy;
}

static void
route_free (gpointer data)
{
  Route *route = data;

  g_free (route->method);
  g_free (route->path);
  g_clear_pointer (&route->query, g_hash_table_unref);
  g_free (route->content_type);
  g_clear_pointer (&route->body, g_bytes_unref);
  if (route->destroy != NULL)
    route->destroy (route->user_data);
  g_free (route);
}

static void
fault_entry_free (gpointer data)
{
  FaultEntry *entry = data;

  g_free (entry->route);
  g_free (entry);
}

/* "GET /path?a=1" → method, path and required query. */
static Route *
route_new (const char *spec)
{
  Route *route = g_new0 (Route, 1);
  const char *space = strchr (spec, ' ');
  const char *path = spec;
  const char *question;

  if (space != NULL)
    {
      route->method = g_strndup (spec, space - spec);
      path = space + 1;
    }

  question = strchr (path, '?');
  if (question != NULL)
    {
      route->path = g_strndup (path, question - path);
      route->query = g_uri_parse_params (question + 1, -1, "&", G_URI_PARAMS_NONE, NULL);
    }
  else
    route->path = g_strdup (path);

  route->status = 200;
  return route;
}

static gboolean
path_matches (const char *pattern,
              const char *path)
{
  gsize len = strlen (pattern);

  if (len > 0 && pattern[len - 1] == '*')
    return strncmp (pattern, path, len - 1) == 0;

  return strcmp (pattern, path) == 0;
}

static gboolean
query_matches (GHashTable *required,
               GHashTable *actual)
{
  GHashTableIter iter;
  gpointer key, value;

  if (required == NULL)
    return TRUE;
  if (actual == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, required);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (actual, key), value) != 0)
      return FALSE;

  return TRUE;
}

static gboolean
route_matches (const Route *route,
               const char  *method,
               const char  *path,
               GHashTable  *query)
{
  return (route->method == NULL || strcmp (route->method, method) == 0) &&
         path_matches (route->path, path) &&
         query_matches (route->query, query);
}

static int
route_specificity (const Route *route)
{
  int score = 0;

  if (route->method != NULL)
    score += 1;
  if (route->query != NULL)
    score += 2 * (int) g_hash_table_size (route->query);
  if (!g_str_has_suffix (route->path, "*"))
    score += 100;

  return score;
}

/* Called with the lock held. Returns a borrowed route, the most specific match. */
static Route *
find_route_locked (SsvFakeServer *self,
                   const char    *method,
                   const char    *path,
                   GHashTable    *query)
{
  Route *best = NULL;

  /* Later routes override earlier ones of the same specificity. */
  for (guint i = 0; i < self->routes->len; i++)
    {
      Route *route = g_ptr_array_index (self->routes, i);

      if (route_matches (route, method, path, query) &&
          (best == NULL || route_specificity (route) >= route_specificity (best)))
        best = route;
    }

  return best;
}

static gboolean
take_fault_locked (SsvFakeServer *self,
                   const char    *method,
                   const char    *path,
                   GHashTable    *query,
                   SsvFakeFault  *out)
{
  for (guint i = 0; i < self->faults->len; i++)
    {
      FaultEntry *entry = g_ptr_array_index (self->faults, i);
      Route *spec;
      gboolean matches;

      if (entry->fault.times == 0)
        continue;

      spec = route_new (entry->route);
      matches = route_matches (spec, method, path, query);
      route_free (spec);

      if (!matches)
        continue;

      *out = entry->fault;
      if (entry->fault.times > 0)
        entry->fault.times--;
      return TRUE;
    }

  return FALSE;
}

static void
set_response (SoupServerMessage *msg,
              guint              status,
              const char        *content_type,
              GBytes            *body)
{
  soup_server_message_set_status (msg, status, NULL);
  if (body != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (body, &size);

      soup_server_message_set_response (msg, content_type ? content_type : "application/json",
                                        SOUP_MEMORY_COPY, data, size);
    }
}

static void
set_response_text (SoupServerMessage *msg,
                   guint              status,
                   const char        *content_type,
                   const char        *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY, text, strlen (text));
}

typedef struct
{
  SoupServerMessage *msg;
  guint              status;
  char              *content_type;
  GBytes            *body;
} Delayed;

static gboolean
delayed_answer_cb (gpointer user_data)
{
  Delayed *delayed = user_data;

  set_response (delayed->msg, delayed->status, delayed->content_type, delayed->body);
  soup_server_message_unpause (delayed->msg);

  g_object_unref (delayed->msg);
  g_free (delayed->content_type);
  g_clear_pointer (&delayed->body, g_bytes_unref);
  g_free (delayed);

  return G_SOURCE_REMOVE;
}

/* Writes a raw answer that promises more than it sends, then hangs up. */
static void
answer_truncated (SoupServerMessage *msg,
                  const char        *content_type,
                  GBytes            *body)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
  g_autofree char *head = NULL;
  gsize size = 0;
  const char *data = body ? g_bytes_get_data (body, &size) : "";
  GOutputStream *out;

  if (stream == NULL)
    return;

  head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %" G_GSIZE_FORMAT
                          "\r\nConnection: close\r\n\r\n",
                          content_type ? content_type : "application/json", size + 64);
  out = g_io_stream_get_output_stream (stream);
  g_output_stream_write_all (out, head, strlen (head), NULL, NULL, NULL);
  g_output_stream_write_all (out, data, size / 2, NULL, NULL, NULL);
  g_io_stream_close (stream, NULL, NULL);
}

/* @bytes as a gzip stream (what Apache's mod_deflate sends). */
GBytes *
ssv_fake_gzip (GBytes *bytes)
{
  g_autoptr(GZlibCompressor) gzip = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 6);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (memory, G_CONVERTER (gzip));
  g_autoptr(GError) error = NULL;
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : "";

  if (!g_output_stream_write_all (out, data, size, NULL, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    g_error ("Could not gzip an answer: %s", error->message);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* The answer gzipped when the client accepts it; SoupServer then sends the
 * compressed length as Content-Length, as a compressing proxy does. */
static void
answer_gzipped (SoupServerMessage    *msg,
                const SsvFakeRequest *request,
                guint                 status,
                const char           *content_type,
                GBytes               *body)
{
  const char *accepted = g_hash_table_lookup (request->headers, "accept-encoding");
  g_autoptr(GBytes) gzipped = NULL;

  if (body == NULL || accepted == NULL || strstr (accepted, "gzip") == NULL)
    {
      set_response (msg, status, content_type, body);
      return;
    }

  gzipped = ssv_fake_gzip (body);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Content-Encoding", "gzip");
  set_response (msg, status, content_type, gzipped);
}

/* A redirect of the asked path and query to another server. */
static void
answer_redirect (SoupServerMessage    *msg,
                 const SsvFakeRequest *request,
                 const SsvFakeFault   *fault)
{
  g_autofree char *location = g_strdup_printf ("%s%s%s%s", fault->redirect_to, request->path,
                                               request->query ? "?" : "", request->query ? request->query : "");

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location", location);
  set_response_text (msg, fault->status ? fault->status : 302, "text/plain", "moved");
}

static void
record_arrival_locked (SsvFakeServer  *self,
                       SsvFakeRequest *request,
                       gboolean       *over_limit)
{
  *over_limit = FALSE;

  if (self->rate_limit > 0)
    {
      guint in_window = 0;

      for (guint i = self->log->len; i > 0; i--)
        {
          SsvFakeRequest *earlier = g_ptr_array_index (self->log, i - 1);

          if (request->at_us - earlier->at_us >= G_USEC_PER_SEC)
            break;
          in_window++;
        }

      if (in_window >= (guint) self->rate_limit)
        {
          self->over_limit++;
          *over_limit = TRUE;
        }
    }

  g_ptr_array_add (self->log, request);
}

/* Answers @msg as @fault says; FALSE when it answers normally. */
static gboolean
answer_with_fault (SsvFakeServer        *self,
                   SoupServerMessage    *msg,
                   const SsvFakeRequest *request,
                   const SsvFakeFault   *fault,
                   guint                 status,
                   char                **content_type,
                   GBytes              **body)
{
  switch (fault->kind)
    {
    case SSV_FAKE_FAULT_STATUS:
      if (fault->retry_after_text != NULL)
        soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                      "Retry-After", fault->retry_after_text);
      else if (fault->retry_after >= 0)
        {
          char buf[16];
          g_snprintf (buf, sizeof buf, "%d", fault->retry_after);
          soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                        "Retry-After", buf);
        }
      set_response_text (msg, fault->status, "application/json", "{\"error\":\"injected\"}");
      return TRUE;

    case SSV_FAKE_FAULT_DELAY:
      {
        Delayed *delayed = g_new0 (Delayed, 1);
        GSource *source = g_timeout_source_new (fault->delay_ms);

        delayed->msg = g_object_ref (msg);
        delayed->status = status;
        delayed->content_type = g_steal_pointer (content_type);
        delayed->body = g_steal_pointer (body);
        soup_server_message_pause (msg);
        g_source_set_callback (source, delayed_answer_cb, delayed, NULL);
        g_source_attach (source, self->context);
        g_source_unref (source);
      }
      return TRUE;

    case SSV_FAKE_FAULT_TRUNCATE:
      answer_truncated (msg, *content_type, *body);
      return TRUE;

    case SSV_FAKE_FAULT_MALFORMED:
      set_response_text (msg, 200, *content_type ? *content_type : "application/json",
                         "{\"results\": [ {\"id\": 1, <<< not json");
      return TRUE;

    case SSV_FAKE_FAULT_RESET:
      {
        g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);
        if (stream != NULL)
          g_io_stream_close (stream, NULL, NULL);
      }
      return TRUE;

    case SSV_FAKE_FAULT_GZIP:
      answer_gzipped (msg, request, status, *content_type, *body);
      return TRUE;

    case SSV_FAKE_FAULT_REDIRECT:
      answer_redirect (msg, request, fault);
      return TRUE;

    case SSV_FAKE_FAULT_NONE:
    default:
      break;
    }

  return FALSE;
}

static void
handle_request (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  SsvFakeServer *self = user_data;
  SsvFakeRequest *request = g_new0 (SsvFakeRequest, 1);
  SoupMessageBody *request_body = soup_server_message_get_request_body (msg);
  GUri *uri = soup_server_message_get_uri (msg);
  g_autofree char *content_type = NULL;
  g_autoptr(GBytes) body = NULL;
  SsvFakeFault fault = { SSV_FAKE_FAULT_NONE };
  SsvFakeHandler handler = NULL;
  gpointer handler_data = NULL;
  gboolean over_limit;
  gboolean have_fault;
  guint status = 404;
  SoupMessageHeadersIter iter;
  const char *name, *value;
  Route *route;

  request->method = g_strdup (soup_server_message_get_method (msg));
  request->path = g_strdup (path);
  request->query = g_strdup (g_uri_get_query (uri));
  request->headers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  request->at_us = g_get_monotonic_time ();
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    g_hash_table_insert (request->headers, g_ascii_strdown (name, -1), g_strdup (value));
  if (request_body != NULL && request_body->length > 0)
    request->body = g_bytes_new (request_body->data, request_body->length);

  g_mutex_lock (&self->lock);
  record_arrival_locked (self, request, &over_limit);
  have_fault = take_fault_locked (self, request->method, path, query, &fault);
  route = find_route_locked (self, request->method, path, query);
  if (route != NULL)
    {
      status = route->status;
      content_type = g_strdup (route->content_type);
      body = route->body ? g_bytes_ref (route->body) : NULL;
      handler = route->handler;
      handler_data = route->user_data;
    }
  g_mutex_unlock (&self->lock);

  if (over_limit)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After", "1");
      set_response_text (msg, 429, "application/json",
                         "{\"status_code\":25,\"status_message\":\"Too many requests\"}");
      return;
    }

  if (handler != NULL)
    {
      g_autoptr(GBytes) dynamic_body = NULL;
      g_autofree char *dynamic_type = NULL;
      guint dynamic_status = 200;

      if (handler (self, request, &dynamic_status, &dynamic_type, &dynamic_body, handler_data))
        {
          status = dynamic_status;
          g_clear_pointer (&body, g_bytes_unref);
          body = g_steal_pointer (&dynamic_body);
          g_free (content_type);
          content_type = g_steal_pointer (&dynamic_type);
        }
      else
        {
          status = 404;
          g_clear_pointer (&body, g_bytes_unref);
        }
    }

  if (route == NULL && body == NULL)
    body = g_bytes_new_static ("{\"error\":\"no such route in the fake server\"}", 44);

  if (have_fault && answer_with_fault (self, msg, request, &fault, status, &content_type, &body))
    return;

  set_response (msg, status, content_type, body);
}

static gpointer
server_thread (gpointer data)
{
  SsvFakeServer *self = data;
  g_autoptr(GError) error = NULL;
  GSList *uris;

  g_main_context_push_thread_default (self->context);

  self->server = soup_server_new ("server-header", "SsvFakeServer", NULL);
  soup_server_add_handler (self->server, NULL, handle_request, self, NULL);
  if (!soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    g_error ("The fake server could not listen: %s", error->message);

  uris = soup_server_get_uris (self->server);
  self->port = (guint16) g_uri_get_port (uris->data);
  self->url = g_strdup_printf ("http://127.0.0.1:%u", self->port);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  g_mutex_lock (&self->lock);
  self->ready = TRUE;
  g_cond_signal (&self->ready_cond);
  g_mutex_unlock (&self->lock);

  g_main_loop_run (self->loop);

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  /* Let pending sources (delayed answers) drop their references. */
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);

  return NULL;
}

SsvFakeServer *
ssv_fake_server_new (void)
{
  SsvFakeServer *self = g_new0 (SsvFakeServer, 1);

  g_mutex_init (&self->lock);
  g_cond_init (&self->ready_cond);
  self->routes = g_ptr_array_new_with_free_func (route_free);
  self->faults = g_ptr_array_new_with_free_func (fault_entry_free);
  self->log = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_fake_request_free);
  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->thread = g_thread_new ("fake-server", server_thread, self);

  g_mutex_lock (&self->lock);
  while (!self->ready)
    g_cond_wait (&self->ready_cond, &self->lock);
  g_mutex_unlock (&self->lock);

  return self;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

void
ssv_fake_server_free (SsvFakeServer *self)
{
  if (self == NULL)
    return;

  g_main_context_invoke (self->context, quit_cb, self->loop);
  g_thread_join (self->thread);

  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_ptr_array_unref (self->routes);
  g_ptr_array_unref (self->faults);
  g_ptr_array_unref (self->log);
  g_free (self->url);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->ready_cond);
  g_free (self);
}

const char *
ssv_fake_server_get_url (SsvFakeServer *self)
{
  return self->url;
}

guint16
ssv_fake_server_get_port (SsvFakeServer *self)
{
  return self->port;
}

static void
add_route (SsvFakeServer *self,
           Route         *route)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->routes, route);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_fake_server_add_fixture:
 * @route: "METHOD /path?required=query", method and query optional; a path
 *   ending in '*' matches every path with that prefix
 * @fixture: a file under tests/fixtures, e.g. "tmdb/movie-details.json"
 */
void
ssv_fake_server_add_fixture (SsvFakeServer *self,
                             const char    *route_spec,
                             const char    *fixture,
                             const char    *content_type)
{
  g_autoptr(GBytes) body = ssv_fixture_load (fixture);

  ssv_fake_server_add_bytes (self, route_spec, 200,
                             content_type ? content_type :
                             g_str_has_suffix (fixture, ".xml") ? "application/xml" : "application/json",
                             body);
}

void
ssv_fake_server_add_bytes (SsvFakeServer *self,
                           const char    *route_spec,
                           guint          status,
                           const char    *content_type,
                           GBytes        *body)
{
  Route *route = route_new (route_spec);

  route->status = status;
  route->content_type = g_strdup (content_type);
  route->body = body ? g_bytes_ref (body) : NULL;
  add_route (self, route);
}

void
ssv_fake_server_add_body (SsvFakeServer *self,
                          const char    *route_spec,
                          guint          status,
                          const char    *content_type,
                          const char    *body)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

  ssv_fake_server_add_bytes (self, route_spec, status, content_type, bytes);
}

void
ssv_fake_server_add_handler (SsvFakeServer  *self,
                             const char     *route_spec,
                             SsvFakeHandler  handler,
                             gpointer        user_data,
                             GDestroyNotify  destroy)
{
  Route *route = route_new (route_spec);

  route->handler = handler;
  route->user_data = user_data;
  route->destroy = destroy;
  add_route (self, route);
}

/* Faults are checked in the order they were set; .times counts down. */
void
ssv_fake_server_set_fault (SsvFakeServer      *self,
                           const char         *route_spec,
                           const SsvFakeFault *fault)
{
  FaultEntry *entry = g_new0 (FaultEntry, 1);

  entry->route = g_strdup (route_spec);
  entry->fault = *fault;
  if (entry->fault.times == 0)
    entry->fault.times = -1;

  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->faults, entry);
  g_mutex_unlock (&self->lock);
}

void
ssv_fake_server_clear_faults (SsvFakeServer *self)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->faults, 0);
  g_mutex_unlock (&self->lock);
}

/* Like a real API's limit: over @per_second requests in any second get a 429. */
void
ssv_fake_server_set_rate_limit (SsvFakeServer *self,
                                double         per_second)
{
  g_mutex_lock (&self->lock);
  self->rate_limit = per_second;
  g_mutex_unlock (&self->lock);
}

guint
ssv_fake_server_get_over_limit (SsvFakeServer *self)
{
  guint count;

  g_mutex_lock (&self->lock);
  count = self->over_limit;
  g_mutex_unlock (&self->lock);

  return count;
}

guint
ssv_fake_server_get_hits (SsvFakeServer *self,
                          const char    *path)
{
  guint hits = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->log->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (self->log, i);
      if (path_matches (path, request->path))
        hits++;
    }
  g_mutex_unlock (&self->lock);

  return hits;
}

guint
ssv_fake_server_get_total_hits (SsvFakeServer *self)
{
  guint hits;

  g_mutex_lock (&self->lock);
  hits = self->log->len;
  g_mutex_unlock (&self->lock);

  return hits;
}

/**
 * ssv_fake_server_dup_requests:
 *
 * Returns: (transfer full) (element-type SsvFakeRequest): every request so far
 */
GPtrArray *
ssv_fake_server_dup_requests (SsvFakeServer *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_fake_request_free);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->log->len; i++)
    g_ptr_array_add (copy, fake_request_copy (g_ptr_array_index (self->log, i)));
  g_mutex_unlock (&self->lock);

  return copy;
}

void
ssv_fake_server_reset_log (SsvFakeServer *self)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_set_size (self->log, 0);
  self->over_limit = 0;
  g_mutex_unlock (&self->lock);
}

/* The most requests that arrived within any @window_us. */
guint
ssv_fake_server_max_in_window (SsvFakeServer *self,
                               gint64         window_us)
{
  guint best = 0;

  g_mutex_lock (&self->lock);
  for (guint i = 0, j = 0; i < self->log->len; i++)
    {
      SsvFakeRequest *end = g_ptr_array_index (self->log, i);

      while (j < i && end->at_us - ((SsvFakeRequest *) g_ptr_array_index (self->log, j))->at_us >= window_us)
        j++;
      best = MAX (best, i - j + 1);
    }
  g_mutex_unlock (&self->lock);

  return best;
}
