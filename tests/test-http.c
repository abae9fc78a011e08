/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-http.c: SsvHttp against a fake server: retries, 401/404/429, timeouts, faults. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-server.h"
#include "net/ssv-http.h"
#include "net/ssv-rate-limiter.h"
#include "ssv-test-utils.h"

typedef struct
{
  SsvFakeServer *server;
  SsvHttp       *http;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->server = ssv_fake_server_new ();
  fixture->http = ssv_http_new ();
  ssv_http_set_base_url (fixture->http, "tmdb", ssv_fake_server_get_url (fixture->server));
  /* Short waits keep the suite quick; the logic is the same. */
  ssv_http_set_retry_policy (fixture->http, 2, 20);
  ssv_http_set_rate_limit (fixture->http, "tmdb", 0, 1);

  ssv_fake_server_add_fixture (fixture->server, "GET /movie/550", "tmdb/movie-details.json", NULL);
  ssv_fake_server_add_fixture (fixture->server, "GET /search/movie", "tmdb/search-movie.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->http);
  g_clear_pointer (&fixture->server, ssv_fake_server_free);
}

static JsonNode *
get_json (Fixture     *fixture,
          const char  *path,
          SsvHttpRequest **request_out,
          GError     **error)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", path);
  JsonNode *node = ssv_http_send_json (fixture->http, request, NULL, error);

  if (request_out != NULL)
    *request_out = ssv_http_request_ref (request);

  return node;
}

/* Fetches /movie/550 while the server answers it with @fault. */
static JsonNode *
get_movie_with_fault (Fixture          *fixture,
                      SsvFakeFault      fault,
                      SsvHttpRequest  **request_out,
                      GError          **error)
{
  ssv_fake_server_set_fault (fixture->server, "/movie/550", &fault);
  return get_json (fixture, "/movie/550", request_out, error);
}

static guint
movie_hits (Fixture *fixture)
{
  return ssv_fake_server_get_hits (fixture->server, "/movie/550");
}

static void
test_json_ok (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_json (fixture, "/movie/550", NULL, &error);
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *user_agent = g_strdup_printf ("SoulSyncVideo/%s", PACKAGE_VERSION);
  SsvFakeRequest *request;

  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), ==, "Fight Club");

  requests = ssv_fake_server_dup_requests (fixture->server);
  g_assert_cmpuint (requests->len, ==, 1);
  request = g_ptr_array_index (requests, 0);
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "user-agent"), ==, user_agent);
  g_assert_cmpstr (g_hash_table_lookup (request->headers, "accept"), ==, "application/json");
}

static void
test_query_and_secret_redaction (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/search/movie");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *shown = NULL;
  SsvFakeRequest *seen;

  ssv_http_request_add_query (request, "query", "Fight Club & friends");
  ssv_http_request_add_query_int (request, "year", 1999);
  ssv_http_request_add_secret_query (request, "api_key", "s3cr3t-key");

  node = ssv_http_send_json (fixture->http, request, NULL, &error);
  g_assert_no_error (error);

  requests = ssv_fake_server_dup_requests (fixture->server);
  seen = g_ptr_array_index (requests, 0);
  g_assert_nonnull (strstr (seen->query, "query=Fight%20Club%20%26%20friends"));
  g_assert_nonnull (strstr (seen->query, "year=1999"));
  g_assert_nonnull (strstr (seen->query, "api_key=s3cr3t-key"));

  /* What may reach a log or a message never carries the key. */
  shown = ssv_http_request_dup_uri (request, fixture->http, TRUE);
  g_assert_null (strstr (shown, "s3cr3t-key"));
  g_assert_nonnull (strstr (shown, "api_key=REDACTED"));
}

static void
test_retries_5xx_then_succeeds (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_STATUS, 503, -1, 0, 2 },
                                                  NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpuint (movie_hits (fixture), ==, 3);
}

static void
test_5xx_gives_up (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_STATUS, 500, -1, 0, -1 },
                                                  NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_SERVER);
  g_assert_true (ssv_error_is_transient (error));
  g_assert_nonnull (strstr (error->message, "TMDB"));
  /* One try and two retries. */
  g_assert_cmpuint (movie_hits (fixture), ==, 3);
}

static void
check_key_rejected (Fixture *fixture,
                    guint    status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  ssv_fake_server_clear_faults (fixture->server);
  ssv_fake_server_reset_log (fixture->server);
  node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_STATUS, status, -1, 0, -1 }, NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_assert_false (ssv_error_is_transient (error));
  g_assert_nonnull (strstr (error->message, "rejected"));
  /* A wrong key is never retried. */
  g_assert_cmpuint (movie_hits (fixture), ==, 1);
}

static void
test_401_403_key_rejected (Fixture       *fixture,
                           gconstpointer  user_data)
{
  check_key_rejected (fixture, 401);
  check_key_rejected (fixture, 403);
}

static void
test_404_not_found (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_json (fixture, "/movie/999999999", NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 1);
}

static void
test_429_long_cooldown_reported (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(JsonNode) second = NULL;
  gint64 cooldown;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_STATUS, 429, 30, 0, -1 },
                                                  &request, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
  g_assert_cmpint (ssv_http_request_get_status (request), ==, 429);
  g_assert_cmpint (ssv_http_request_get_retry_after (request), ==, 30);
  cooldown = ssv_http_get_cooldown_remaining (fixture->http, "tmdb");
  g_assert_cmpint (cooldown, >, 25);
  g_assert_cmpint (cooldown, <=, 30);

  /* While cooling down, nothing more is sent to the host. */
  second = get_json (fixture, "/search/movie", NULL, &second_error);
  g_assert_error (second_error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 1);
}

/* Giving another service its rate (each indexer gets its own) keeps this one's cooldown. */
static void
test_429_cooldown_survives_other_rates (Fixture       *fixture,
                                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_STATUS, 429, 30, 0, -1 },
                                                  NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
  ssv_http_set_rate_limit (fixture->http, "indexer:NZBgeek", 2, 2);
  g_assert_cmpint (ssv_http_get_cooldown_remaining (fixture->http, "tmdb"), >, 25);

  second = get_json (fixture, "/search/movie", NULL, &second_error);
  g_assert_error (second_error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 1);
}

static void
test_429_short_wait_honoured (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  SsvFakeRequest *first, *second;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_STATUS, 429, 1, 0, 1 },
                                                  NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  requests = ssv_fake_server_dup_requests (fixture->server);
  g_assert_cmpuint (requests->len, ==, 2);
  first = g_ptr_array_index (requests, 0);
  second = g_ptr_array_index (requests, 1);
  /* The retry waited for the server's Retry-After. */
  g_assert_cmpint (second->at_us - first->at_us, >=, 900 * 1000);
}

static void
test_timeout (Fixture       *fixture,
              gconstpointer  user_data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_DELAY, 0, -1, 3000, -1 };
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/movie/550");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  ssv_http_set_timeout (fixture->http, 1);
  ssv_http_request_set_max_retries (request, 1);
  ssv_fake_server_set_fault (fixture->server, "/movie/550", &fault);

  body = ssv_http_send (fixture->http, request, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_TIMEOUT);
  g_assert_true (ssv_error_is_transient (error));
  /* Timeouts are retried like server errors. */
  g_assert_cmpuint (movie_hits (fixture), ==, 2);
}

static void
test_truncated_body (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_TRUNCATE, 0, -1, 0, -1 },
                                                  NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE);
  g_test_message ("%s", error->message);
  g_assert_cmpuint (movie_hits (fixture), ==, 3);
}

static void
test_truncated_then_ok (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_TRUNCATE, 0, -1, 0, 1 },
                                                  NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "id"), ==, 550);
}

static void
test_malformed_body (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_MALFORMED, 0, -1, 0, -1 },
                                                  NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "could not be read"));
  /* A body that arrived whole is not fetched again: retrying is the caller's call. */
  g_assert_cmpuint (movie_hits (fixture), ==, 1);
}

static void
test_connection_reset (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = get_movie_with_fault (fixture, (SsvFakeFault) { SSV_FAKE_FAULT_RESET, 0, -1, 0, 2 },
                                                  NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_cmpuint (movie_hits (fixture), ==, 3);
}

static void
test_dead_server (void)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("jellyfin", "GET", "/System/Info");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *url = NULL;
  SsvFakeServer *server = ssv_fake_server_new ();

  /* A port that was just listening and now is not. */
  url = g_strdup (ssv_fake_server_get_url (server));
  ssv_fake_server_free (server);

  ssv_http_set_retry_policy (http, 1, 10);
  ssv_http_request_set_base_url (request, url);
  body = ssv_http_send (http, request, NULL, &error);

  g_assert_null (body);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "Jellyfin"));
}

static void
test_bad_address (void)
{
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("plex", "GET", "/library/sections");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  ssv_http_request_set_base_url (request, "not a url at all");
  body = ssv_http_send (http, request, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_error (&error);

  /* No address at all for a per-server service. */
  g_clear_pointer (&request, ssv_http_request_unref);
  request = ssv_http_request_new ("plex", "GET", "/library/sections");
  body = ssv_http_send (http, request, NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
}

static void
test_rate_limit_spacing (Fixture       *fixture,
                         gconstpointer  user_data)
{
  ssv_http_set_rate_limit (fixture->http, "tmdb", 20, 1);

  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = get_json (fixture, "/movie/550", NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (node);
    }

  /* Never more than the limit (plus the one-token burst) in any second. */
  g_assert_cmpuint (ssv_fake_server_max_in_window (fixture->server, G_USEC_PER_SEC), <=, 21);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 30);
}

static void
test_rate_limiter_reservations (void)
{
  g_autoptr(SsvRateLimiter) limiter = ssv_rate_limiter_new (10, 2);
  gint64 t0 = g_get_monotonic_time ();

  /* The burst is free, then each caller queues 100 ms behind the one before. */
  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0), ==, 0);
  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0), ==, 0);
  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0), ==, 100000);
  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0), ==, 200000);
  /* Tokens come back with time. */
  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0 + 2 * G_USEC_PER_SEC), ==, 0);
}

/* A rate near zero asks for a wait past any gint64: an hour, not an overflow. */
static void
test_rate_limiter_tiny_rate (void)
{
  g_autoptr(SsvRateLimiter) limiter = ssv_rate_limiter_new (1e-300, 1);
  gint64 t0 = g_get_monotonic_time ();

  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0), ==, 0);
  g_assert_cmpint (ssv_rate_limiter_reserve (limiter, t0), ==, (gint64) 3600 * G_USEC_PER_SEC);
}

static void
got_async_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JsonNode **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ssv_http_send_json_finish (SSV_HTTP (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
count_tick (gpointer data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
node_arrived (gpointer data)
{
  return *(JsonNode **) data != NULL;
}

static void
test_async_never_blocks (Fixture       *fixture,
                         gconstpointer  user_data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_DELAY, 0, -1, 400, -1 };
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/movie/550");
  g_autoptr(JsonNode) node = NULL;
  guint ticks = 0;
  guint tick_source;

  ssv_fake_server_set_fault (fixture->server, "/movie/550", &fault);
  tick_source = g_timeout_add (20, count_tick, &ticks);

  ssv_http_send_json_async (fixture->http, request, NULL, got_async_cb, &node);
  g_assert_true (ssv_test_wait_for (node_arrived, &node, 5000));
  g_source_remove (tick_source);

  /* The main loop kept turning while the answer was on its way. */
  g_assert_cmpuint (ticks, >=, 5);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), ==, "Fight Club");
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (100 * 1000);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_cancel_during_backoff (Fixture       *fixture,
                            gconstpointer  user_data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 503, -1, 0, -1 };
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/movie/550");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  GThread *canceller;

  /* Backoff long enough that only a cancel can end it early. */
  ssv_http_set_retry_policy (fixture->http, 5, 20000);
  ssv_fake_server_set_fault (fixture->server, "/movie/550", &fault);

  canceller = g_thread_new ("cancel", cancel_soon, cancellable);
  body = ssv_http_send (fixture->http, request, cancellable, &error);
  g_thread_join (canceller);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (movie_hits (fixture), ==, 1);
}

static void
test_env_override (void)
{
  g_autoptr(SsvHttp) http = NULL;
  g_autofree char *url = NULL;

  g_setenv ("SSV_OMDB_URL", "http://127.0.0.1:9/omdb", TRUE);
  http = ssv_http_new ();
  url = ssv_http_dup_base_url (http, "omdb");
  g_assert_cmpstr (url, ==, "http://127.0.0.1:9/omdb");

  /* The environment wins over settings, so tests can aim the whole app. */
  ssv_http_set_base_url (http, "omdb", "https://example.invalid");
  g_free (url);
  url = ssv_http_dup_base_url (http, "omdb");
  g_assert_cmpstr (url, ==, "http://127.0.0.1:9/omdb");
  g_unsetenv ("SSV_OMDB_URL");
}

static void
test_xml (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("torznab", "GET", "/api");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvXmlNode) root = NULL;
  g_autoptr(GPtrArray) items = NULL;
  SsvXmlNode *channel;

  ssv_fake_server_add_fixture (fixture->server, "GET /api", "torznab/torznab_hdaccess_net.xml", NULL);
  ssv_http_request_set_base_url (request, ssv_fake_server_get_url (fixture->server));
  root = ssv_http_send_xml (fixture->http, request, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (root->name, ==, "rss");
  channel = ssv_xml_node_child (root, "channel");
  g_assert_nonnull (channel);
  items = ssv_xml_node_children (channel, "item");
  g_assert_cmpuint (items->len, >, 0);
  g_assert_nonnull (ssv_xml_node_child_text (g_ptr_array_index (items, 0), "title"));
}

static void
test_xml_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvXmlNode) root = ssv_xml_parse ("<rss><channel><item></rss>", -1, &error);
  /* A NUL in the text, then a tag closed out of turn: one error, no warning
   * (a warning is fatal here) of GMarkup setting a second over the first. */
  static const char nul[] = "<r><d><![CDATA[a\0b]]></d></x>";
  g_autoptr(GError) nul_error = NULL;
  g_autoptr(SsvXmlNode) nul_root = ssv_xml_parse (nul, sizeof nul - 1, &nul_error);

  g_assert_null (root);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_null (nul_root);
  g_assert_error (nul_error, SSV_ERROR, SSV_ERROR_MALFORMED);
}

/* A server that sends one fixed answer (headers and body as given) to every
 * connection, for what the fake server cannot say, such as Content-Encoding. */
typedef struct
{
  GSocketListener *listener;
  GCancellable    *cancellable;
  GThread         *thread;
  GBytes          *answer;
  guint16          port;
} RawServer;

static gpointer
raw_serve (gpointer data)
{
  RawServer *raw = data;

  for (;;)
    {
      g_autoptr(GSocketConnection) connection = g_socket_listener_accept (raw->listener, NULL,
                                                                               raw->cancellable, NULL);
      GInputStream *in;
      char buffer[4096];
      gsize size;
      const char *bytes;

      if (connection == NULL)
        return NULL;
      in = g_io_stream_get_input_stream (G_IO_STREAM (connection));
      /* The request is small; one read holds it. */
      if (g_input_stream_read (in, buffer, sizeof buffer, NULL, NULL) <= 0)
        continue;
      bytes = g_bytes_get_data (raw->answer, &size);
      g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)),
                                 bytes, size, NULL, NULL, NULL);
      g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
    }
}

static RawServer *
raw_server_new (GBytes *answer)
{
  RawServer *raw = g_new0 (RawServer, 1);
  g_autoptr(GError) error = NULL;

  raw->listener = g_socket_listener_new ();
  raw->cancellable = g_cancellable_new ();
  raw->port = g_socket_listener_add_any_inet_port (raw->listener, NULL, &error);
  g_assert_no_error (error);
  raw->answer = g_bytes_ref (answer);
  raw->thread = g_thread_new ("raw-server", raw_serve, raw);
  return raw;
}

static void
raw_server_free (RawServer *raw)
{
  g_cancellable_cancel (raw->cancellable);
  g_thread_join (raw->thread);
  g_socket_listener_close (raw->listener);
  g_object_unref (raw->listener);
  g_object_unref (raw->cancellable);
  g_bytes_unref (raw->answer);
  g_free (raw);
}

static GBytes *
gzip_bytes (const char *text)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, -1);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) gzip = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autoptr(GError) error = NULL;

  g_output_stream_write_all (gzip, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (gzip, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
}

/* Transmission gzips even tiny answers, and says the compressed length: a
 * body that decodes shorter than Content-Length is whole, not cut off. */
static void
test_gzip_small_body (void)
{
  const char *json = "{\"id\":550}";
  g_autoptr(GBytes) compressed = gzip_bytes (json);
  g_autofree char *head = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                           "Content-Encoding: gzip\r\nContent-Length: %" G_GSIZE_FORMAT "\r\n"
                                           "Connection: close\r\n\r\n", g_bytes_get_size (compressed));
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  g_autoptr(GBytes) answer_bytes = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvHttpRequest) request = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  RawServer *raw;

  g_assert_cmpuint (g_bytes_get_size (compressed), >, strlen (json));
  g_byte_array_append (answer, (const guint8 *) head, (guint) strlen (head));
  g_byte_array_append (answer, g_bytes_get_data (compressed, NULL), (guint) g_bytes_get_size (compressed));
  answer_bytes = g_byte_array_free_to_bytes (g_steal_pointer (&answer));
  raw = raw_server_new (answer_bytes);

  url = g_strdup_printf ("http://127.0.0.1:%u", raw->port);
  ssv_http_set_retry_policy (http, 1, 10);
  request = ssv_http_request_new ("transmission", "GET", "/rpc");
  ssv_http_request_set_base_url (request, url);
  node = ssv_http_send_json (http, request, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (node), "id"), ==, 550);
  raw_server_free (raw);
}

/* A compressing proxy (Apache's mod_deflate) sends Content-Length of the gzip,
 * which for small or incompressible answers is more than they inflate to: the
 * answer is whole and must be read once, not retried as cut off. */
static void
test_gzip_content_length (Fixture       *fixture,
                          gconstpointer  user_data)
{
  SsvFakeFault gzip = { SSV_FAKE_FAULT_GZIP, 0, -1, 0, -1 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (4242);
  g_autoptr(GByteArray) noise = g_byte_array_new ();
  g_autoptr(GBytes) noise_bytes = NULL;
  const char *paths[] = { "/small", "/noise", "/movie/550" };

  for (guint i = 0; i < 4096; i++)
    {
      guint8 byte = (guint8) g_rand_int_range (rand, 0, 256);
      g_byte_array_append (noise, &byte, 1);
    }
  noise_bytes = g_bytes_new (noise->data, noise->len);
  ssv_fake_server_add_body (fixture->server, "GET /small", 200, "application/json", "{\"ok\":true}");
  ssv_fake_server_add_bytes (fixture->server, "GET /noise", 200, "application/octet-stream", noise_bytes);
  ssv_fake_server_set_fault (fixture->server, "*", &gzip);

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", paths[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GPtrArray) requests = NULL;
      SsvFakeRequest *seen;

      ssv_fake_server_reset_log (fixture->server);
      body = ssv_http_send (fixture->http, request, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (ssv_http_request_get_response_header (request, "Content-Encoding"), ==, "gzip");

      requests = ssv_fake_server_dup_requests (fixture->server);
      g_assert_cmpuint (requests->len, ==, 1);
      seen = g_ptr_array_index (requests, 0);
      g_assert_nonnull (strstr (g_hash_table_lookup (seen->headers, "accept-encoding"), "gzip"));

      if (i == 0)
        g_assert_cmpmem (g_bytes_get_data (body, NULL), g_bytes_get_size (body), "{\"ok\":true}", 11);
      else if (i == 1)
        g_assert_true (g_bytes_equal (body, noise_bytes));
      else
        g_assert_nonnull (strstr (g_bytes_get_data (body, NULL), "Fight Club"));
    }
}

/* Past the service's cap an answer is an error, said plainly, and not retried. */
static void
test_body_cap (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpuint (ssv_http_get_max_body_size (fixture->http, "tmdb"), >=, 1024 * 1024);
  ssv_http_set_max_body_size (fixture->http, "tmdb", 1024);
  node = get_json (fixture, "/movie/550", NULL, &error);

  g_assert_null (node);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "TMDB sent an answer larger than"));
  g_assert_false (ssv_error_is_transient (error));
  g_assert_cmpuint (movie_hits (fixture), ==, 1);
}

/* 64 MiB of zeros gzip to a few kilobytes: the cap counts what they inflate to. */
static void
test_gzip_bomb (Fixture       *fixture,
                gconstpointer  user_data)
{
  SsvFakeFault gzip = { SSV_FAKE_FAULT_GZIP, 0, -1, 0, -1 };
  gsize size = 64 * 1024 * 1024;
  g_autoptr(GBytes) zeros = g_bytes_new_take (g_malloc0 (size), size);
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/bomb");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  ssv_fake_server_add_bytes (fixture->server, "GET /bomb", 200, "application/json", zeros);
  ssv_fake_server_set_fault (fixture->server, "GET /bomb", &gzip);
  ssv_http_set_max_body_size (fixture->http, "tmdb", 1024 * 1024);

  body = ssv_http_send (fixture->http, request, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_TOO_LARGE);
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/bomb"), ==, 1);
}

/* A Retry-After of absurd size (digits past G_MAXINT64, a date in 9999) is
 * a day at most, and the cooldown it starts is that day, not an overflow. */
static void
test_retry_after_overflow (Fixture       *fixture,
                           gconstpointer  user_data)
{
  const char *values[] = { "99999999999999999999999999", "9223372036854775807", "Fri, 31 Dec 9999 23:59:59 GMT" };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 429, -1, 0, -1, values[i] };
      g_autoptr(SsvHttp) http = ssv_http_new ();
      g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/movie/550");
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) body = NULL;
      gint64 cooldown;

      ssv_http_set_base_url (http, "tmdb", ssv_fake_server_get_url (fixture->server));
      ssv_http_set_rate_limit (http, "tmdb", 0, 1);
      ssv_fake_server_clear_faults (fixture->server);
      ssv_fake_server_set_fault (fixture->server, "/movie/550", &fault);

      body = ssv_http_send (http, request, NULL, &error);
      g_assert_error (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED);
      g_assert_cmpint (ssv_http_request_get_retry_after (request), ==, 24 * 3600);
      cooldown = ssv_http_get_cooldown_remaining (http, "tmdb");
      g_assert_cmpint (cooldown, >, 24 * 3600 - 60);
      g_assert_cmpint (cooldown, <=, 24 * 3600);
    }
}

static const char * const token_headers[] = { "x-plex-token", "x-emby-token", "api-key", "authorization" };

static SsvHttpRequest *
request_with_tokens (const char *path)
{
  SsvHttpRequest *request = ssv_http_request_new ("tmdb", "GET", path);

  ssv_http_request_set_header (request, "X-Plex-Token", "plex-secret");
  ssv_http_request_set_header (request, "X-Emby-Token", "emby-secret");
  ssv_http_request_set_header (request, "Api-Key", "os-secret");
  ssv_http_request_set_header (request, "Authorization", "Bearer tmdb-secret");
  ssv_http_request_set_header (request, "X-Harmless", "kept");
  return request;
}

static void
assert_no_tokens (SsvFakeRequest *seen)
{
  for (guint i = 0; i < G_N_ELEMENTS (token_headers); i++)
    g_assert_null (g_hash_table_lookup (seen->headers, token_headers[i]));
}

/* Tokens go to the host that was configured, never where a redirect points. */
static void
test_redirect_keeps_tokens (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(SsvFakeServer) other = ssv_fake_server_new ();
  SsvFakeFault away = { SSV_FAKE_FAULT_REDIRECT, 302, -1, 0, 1, NULL, ssv_fake_server_get_url (other) };
  g_autoptr(SsvHttpRequest) request = request_with_tokens ("/movie/550");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) here = NULL;
  g_autoptr(GPtrArray) there = NULL;
  SsvFakeRequest *seen;

  ssv_fake_server_add_fixture (other, "GET /movie/550", "tmdb/movie-details.json", NULL);
  ssv_fake_server_set_fault (fixture->server, "/movie/550", &away);

  node = ssv_http_send_json (fixture->http, request, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (node), "title"), ==, "Fight Club");

  /* The configured host had them… */
  here = ssv_fake_server_dup_requests (fixture->server);
  g_assert_cmpuint (here->len, ==, 1);
  seen = g_ptr_array_index (here, 0);
  g_assert_cmpstr (g_hash_table_lookup (seen->headers, "x-plex-token"), ==, "plex-secret");
  g_assert_cmpstr (g_hash_table_lookup (seen->headers, "authorization"), ==, "Bearer tmdb-secret");

  /* …the other one, on another port, got the request without them. */
  there = ssv_fake_server_dup_requests (other);
  g_assert_cmpuint (there->len, ==, 1);
  seen = g_ptr_array_index (there, 0);
  assert_no_tokens (seen);
  g_assert_cmpstr (g_hash_table_lookup (seen->headers, "x-harmless"), ==, "kept");
}

/* "localhost" is another host than "127.0.0.1", even on the same port; a
 * redirect within the configured host keeps the tokens. */
static void
test_redirect_host_names (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *localhost = g_strdup_printf ("http://localhost:%u/moved", ssv_fake_server_get_port (fixture->server));
  g_autofree char *same = g_strdup_printf ("%s/moved", ssv_fake_server_get_url (fixture->server));
  const char *targets[] = { localhost, same };

  ssv_fake_server_add_fixture (fixture->server, "GET /moved/movie/550", "tmdb/movie-details.json", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      SsvFakeFault away = { SSV_FAKE_FAULT_REDIRECT, 301, -1, 0, 1, NULL, targets[i] };
      g_autoptr(SsvHttpRequest) request = request_with_tokens ("/movie/550");
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) body = NULL;
      g_autoptr(GPtrArray) requests = NULL;
      SsvFakeRequest *seen;

      ssv_fake_server_clear_faults (fixture->server);
      ssv_fake_server_reset_log (fixture->server);
      ssv_fake_server_set_fault (fixture->server, "/movie/550", &away);
      body = ssv_http_send (fixture->http, request, NULL, &error);
      g_assert_no_error (error);

      requests = ssv_fake_server_dup_requests (fixture->server);
      g_assert_cmpuint (requests->len, ==, 2);
      seen = g_ptr_array_index (requests, 1);
      g_assert_cmpstr (seen->path, ==, "/moved/movie/550");
      if (i == 0)
        assert_no_tokens (seen);
      else
        g_assert_cmpstr (g_hash_table_lookup (seen->headers, "x-emby-token"), ==, "emby-secret");
    }
}

/* A key in the query cannot be taken off an address the server chose: a
 * redirect to another host that carries it is not followed. */
static void
test_redirect_with_key_in_address (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(SsvFakeServer) other = ssv_fake_server_new ();
  SsvFakeFault away = { SSV_FAKE_FAULT_REDIRECT, 307, -1, 0, -1, NULL, ssv_fake_server_get_url (other) };
  g_autoptr(SsvHttpRequest) request = ssv_http_request_new ("tmdb", "GET", "/movie/550");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  ssv_fake_server_add_fixture (other, "GET /movie/550", "tmdb/movie-details.json", NULL);
  ssv_fake_server_set_fault (fixture->server, "/movie/550", &away);
  ssv_http_request_add_secret_query (request, "api_key", "query-secret");

  body = ssv_http_send (fixture->http, request, NULL, &error);
  g_assert_null (body);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_REFUSED);
  g_assert_null (strstr (error->message, "query-secret"));
  g_assert_cmpuint (ssv_fake_server_get_total_hits (other), ==, 0);
}

/* Nesting past the limit is refused in plain words; a long answer of deep
 * but allowed nesting, and a refused one, free without recursion. */
static void
test_xml_depth (void)
{
  g_autoptr(GString) hostile = g_string_new (NULL);
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) wide = g_string_new ("<r>");
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvXmlNode) refused = NULL;
  g_autoptr(SsvXmlNode) allowed = NULL;
  g_autoptr(SsvXmlNode) many = NULL;
  SsvXmlNode *node;
  guint depth = 0;

  for (guint i = 0; i < 200000; i++)
    g_string_append (hostile, "<a>");
  for (guint i = 0; i < 200000; i++)
    g_string_append (hostile, "</a>");
  refused = ssv_xml_parse (hostile->str, (gssize) hostile->len, &error);
  g_assert_null (refused);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  g_assert_nonnull (strstr (error->message, "nested deeper"));

  for (guint i = 0; i < SSV_XML_MAX_DEPTH; i++)
    g_string_append (deep, "<a x=\"1\">");
  for (guint i = 0; i < SSV_XML_MAX_DEPTH; i++)
    g_string_append (deep, "</a>");
  allowed = ssv_xml_parse (deep->str, (gssize) deep->len, NULL);
  g_assert_nonnull (allowed);
  for (node = allowed; node != NULL; node = ssv_xml_node_child (node, "a"))
    depth++;
  g_assert_cmpuint (depth, ==, SSV_XML_MAX_DEPTH);

  /* Wide is fine: a library of a hundred thousand items is one level. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (wide, "<Video ratingKey=\"1\"/>");
  g_string_append (wide, "</r>");
  many = ssv_xml_parse (wide->str, (gssize) wide->len, NULL);
  g_assert_nonnull (many);
  g_assert_cmpuint (many->children->len, ==, 100000);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  ADD ("/core/http/json-ok", test_json_ok);
  ADD ("/core/http/query-and-secret-redaction", test_query_and_secret_redaction);
  ADD ("/core/http/retries-5xx-then-succeeds", test_retries_5xx_then_succeeds);
  ADD ("/core/http/5xx-gives-up", test_5xx_gives_up);
  ADD ("/core/http/401-403-key-rejected", test_401_403_key_rejected);
  ADD ("/core/http/404-not-found", test_404_not_found);
  ADD ("/core/http/429-long-cooldown-reported", test_429_long_cooldown_reported);
  ADD ("/core/http/429-cooldown-survives-other-rates", test_429_cooldown_survives_other_rates);
  ADD ("/core/http/429-short-wait-honoured", test_429_short_wait_honoured);
  ADD ("/core/http/timeout", test_timeout);
  ADD ("/core/http/truncated-body", test_truncated_body);
  ADD ("/core/http/truncated-then-ok", test_truncated_then_ok);
  ADD ("/core/http/malformed-body", test_malformed_body);
  ADD ("/core/http/connection-reset", test_connection_reset);
  ADD ("/core/http/rate-limit-spacing", test_rate_limit_spacing);
  ADD ("/core/http/async-never-blocks", test_async_never_blocks);
  ADD ("/core/http/cancel-during-backoff", test_cancel_during_backoff);
  ADD ("/core/http/xml", test_xml);
  ADD ("/core/http/gzip-content-length", test_gzip_content_length);
  ADD ("/core/http/body-cap", test_body_cap);
  ADD ("/core/http/gzip-bomb", test_gzip_bomb);
  ADD ("/core/http/retry-after-overflow", test_retry_after_overflow);
  ADD ("/core/http/redirect-keeps-tokens", test_redirect_keeps_tokens);
  ADD ("/core/http/redirect-host-names", test_redirect_host_names);
  ADD ("/core/http/redirect-with-key-in-address", test_redirect_with_key_in_address);
  g_test_add_func ("/core/http/dead-server", test_dead_server);
  g_test_add_func ("/core/http/bad-address", test_bad_address);
  g_test_add_func ("/core/http/rate-limiter-reservations", test_rate_limiter_reservations);
  g_test_add_func ("/core/http/rate-limiter-tiny-rate", test_rate_limiter_tiny_rate);
  g_test_add_func ("/core/http/env-override", test_env_override);
  g_test_add_func ("/core/http/xml-malformed", test_xml_malformed);
  g_test_add_func ("/core/http/gzip-small-body", test_gzip_small_body);
  g_test_add_func ("/core/http/xml-depth", test_xml_depth);

  return g_test_run ();
}
