/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-fault-matrix.c: every part that talks HTTP × every way an answer goes wrong, each from a
 * populated library: nothing is deleted or blanked, and the failure is said in plain words. */

#include "config.h"

#include <string.h>

#include "stores/ssv-activity-store.h"
#include "ssv-error.h"
#include "ssv-fake-jellyfin.h"
#include "ssv-fake-plex.h"
#include "ssv-fake-providers.h"
#include "ssv-image-cache.h"
#include "sources/ssv-jellyfin-source.h"
#include "sources/ssv-plex-source.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"
#include "workers/ssv-enrichment-engine.h"

#define JELLYFIN_KEY "jf-4f1d6c2b9a8e47d1b3c5a7e9f0d2b4c6"
#define PLEX_TOKEN   "plex-Zx8qT3vL9mN2pR5sW7yB"
/* Longer than the client waits (1 s): a timeout. */
#define SLOW_MS      2500

/* ---- the faults ----------------------------------------------------------------- */

typedef struct
{
  const char   *name;
  SsvFakeFault  fault;
  const char   *says[3];    /* the message names the failure with one of these */
} Fault;

static const Fault faults[] = {
  { "401", { SSV_FAKE_FAULT_STATUS, 401, -1, 0, -1 }, { "rejected" } },
  { "404", { SSV_FAKE_FAULT_STATUS, 404, -1, 0, -1 }, { "no such item" } },
  /* An hour: reported, not waited out. */
  { "429", { SSV_FAKE_FAULT_STATUS, 429, 3600, 0, -1 }, { "slow down" } },
  { "5xx", { SSV_FAKE_FAULT_STATUS, 503, -1, 0, -1 }, { "HTTP 503" } },
  { "timeout", { SSV_FAKE_FAULT_DELAY, 0, -1, SLOW_MS, -1 }, { "did not answer in time", "Could not reach" } },
  { "truncated-body", { SSV_FAKE_FAULT_TRUNCATE, 0, -1, 0, -1 }, { "cut off", "Could not reach" } },
  { "malformed-body", { SSV_FAKE_FAULT_MALFORMED, 0, -1, 0, -1 }, { "could not be read", "not an image" } },
  { "connection-reset", { SSV_FAKE_FAULT_RESET, 0, -1, 0, -1 }, { "cut off", "Could not reach" } },
  /* Not a fault: a compressing proxy. The answer is whole and must be read. */
  { "gzip-content-length", { SSV_FAKE_FAULT_GZIP, 0, -1, 0, -1 }, { NULL } },
};

static gboolean
fault_is_success (const Fault *fault)
{
  return fault->fault.kind == SSV_FAKE_FAULT_GZIP;
}

/* ---- the fixture ---------------------------------------------------------------- */

typedef struct
{
  char                *dir;
  SsvDatabase         *db;
  SsvLibraryStore     *store;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvScanner          *scanner;
  SsvFakeServer       *media;       /* Plex or Jellyfin */
  SsvFakeServer       *web;         /* the providers and the image host */
  SsvFakeJellyfin     *jellyfin;
  SsvFakePlex         *plex;
  SsvFakeProviders    *providers;
  SsvMediaSource      *source;
  SsvEnrichmentEngine *engine;
  SsvImageCache       *cache;
  gint64               row;
  gint64               unmatched;   /* titles the last good enrichment run could not match */
} Matrix;

static const char * const provider_names[] = { "tmdb", "tvdb", "omdb", "fanart", "opensubtitles" };

static void
matrix_set_up (Matrix        *m,
               gconstpointer  data)
{
  m->db = ssv_test_open_temp_database (&m->dir, NULL);
  m->store = ssv_library_store_new (m->db);
  m->http = ssv_http_new ();
  /* No retries, short waits: each case is one failure, said at once. */
  ssv_http_set_retry_policy (m->http, 0, 5);
  ssv_http_set_timeout (m->http, 1);
  ssv_http_set_max_inline_wait (m->http, 0);
  m->secrets = ssv_secrets_new ();
  m->scanner = ssv_scanner_new (m->db, m->store, m->http, m->secrets);
  m->media = ssv_fake_server_new ();
  m->web = ssv_fake_server_new ();
}

static void
matrix_tear_down (Matrix        *m,
                  gconstpointer  data)
{
  if (m->engine != NULL)
    {
      ssv_enrichment_engine_stop (m->engine);
      for (guint i = 0; i < G_N_ELEMENTS (provider_names); i++)
        ssv_test_store_api_key (m->secrets, provider_names[i], NULL);
    }

  g_clear_object (&m->engine);
  g_clear_object (&m->cache);
  g_clear_object (&m->source);
  g_clear_pointer (&m->providers, ssv_fake_providers_free);
  g_clear_pointer (&m->jellyfin, ssv_fake_jellyfin_free);
  g_clear_pointer (&m->plex, ssv_fake_plex_free);
  g_clear_pointer (&m->media, ssv_fake_server_free);
  g_clear_pointer (&m->web, ssv_fake_server_free);
  g_clear_object (&m->scanner);
  g_clear_object (&m->secrets);
  g_clear_object (&m->http);
  g_clear_object (&m->store);
  ssv_test_close_temp_database (&m->db, &m->dir);
}

static int
sort_strings (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Everything the library holds that a person would miss, row by row. */
static char *
dump_library (Matrix *m)
{
  static const char * const tables[] = {
    "movies", "shows", "seasons", "episodes", "media_files", "genres", "movie_genres", "show_genres",
    "people", "credits", "images", "server_libraries",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (m->db, sql, &error);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);

      g_assert_no_error (error);
      while (ssv_stmt_step (stmt, &error) == SQLITE_ROW)
        {
          GString *row = g_string_new (NULL);

          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (row, "%s%s", c ? "|" : "", text ? text : "∅");
            }
          g_ptr_array_add (rows, g_string_free (row, FALSE));
        }
      g_assert_no_error (error);

      /* In a fixed order, whatever the table's keys. */
      g_ptr_array_sort (rows, (GCompareFunc) sort_strings);
      g_string_append_printf (out, "-- %s (%u rows)\n", tables[i], rows->len);
      for (guint r = 0; r < rows->len; r++)
        g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (rows, r));
    }

  return g_string_free (out, FALSE);
}

/* ---- scans ------------------------------------------------------------------------ */

static void
add_server (Matrix             *m,
            const char         *kind,
            const char * const *keys_and_kinds)
{
  g_autoptr(GPtrArray) libraries = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_server_store_add (m->db, kind, "Home", ssv_fake_server_get_url (m->media), NULL,
                                       &m->row, NULL, &error));
  for (guint i = 0; keys_and_kinds[i] != NULL; i += 2)
    g_ptr_array_add (libraries, ssv_media_library_new (keys_and_kinds[i], keys_and_kinds[i],
                                                       ssv_library_kind_from_string (keys_and_kinds[i + 1])));
  g_assert_true (ssv_server_store_set_libraries (m->db, m->row, libraries, &error));
  g_assert_no_error (error);
}

/* A deep scan (the kind that may prune). Returns what it reported, or NULL when
 * it reported nothing. */
static char *
scan (Matrix     *m,
      gboolean   *failed)
{
  g_autoptr(SsvScanResult) result = ssv_scan_result_new (SSV_SCAN_DEEP);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) said = g_string_new (NULL);
  gboolean ok = ssv_scanner_scan_source_sync (m->scanner, m->source, m->row, SSV_SCAN_DEEP, result, NULL, &error);

  g_assert_cmpuint (result->removed, ==, 0);
  if (error != NULL)
    g_string_append_printf (said, "%s\n", error->message);
  for (guint i = 0; i < result->messages->len; i++)
    g_string_append_printf (said, "%s\n", (char *) g_ptr_array_index (result->messages, i));

  *failed = !ok || result->errors > 0;
  return said->len > 0 ? g_string_free (g_steal_pointer (&said), FALSE) : NULL;
}

static void
populate_jellyfin (Matrix *m)
{
  const char *mapping[] = { "lib-movies", "movies", "lib-shows", "shows", NULL };
  gboolean failed = TRUE;
  g_autofree char *said = NULL;
  JsonObject *movie;
  JsonObject *ids;

  m->jellyfin = ssv_fake_jellyfin_new (m->media, JELLYFIN_KEY);
  ssv_fake_jellyfin_add_library (m->jellyfin, "lib-movies", "Films", "movies");
  ssv_fake_jellyfin_add_library (m->jellyfin, "lib-shows", "TV", "tvshows");
  g_assert_cmpuint (ssv_fake_jellyfin_add_fixture_items (m->jellyfin, "lib-movies",
                                                         "jellyfin/mediux_list-movies.json"), ==, 3);
  movie = ssv_fake_jellyfin_add_movie (m->jellyfin, "lib-movies", "fight-club", "Fight Club", 1999);
  ids = json_object_get_object_member (movie, "ProviderIds");
  json_object_set_string_member (ids, "Tmdb", "550");
  json_object_set_string_member (ids, "Imdb", "tt0137523");
  ssv_fake_jellyfin_add_series (m->jellyfin, "lib-shows", "flcl", "FLCL", 2000);
  ssv_fake_jellyfin_add_episode (m->jellyfin, "flcl", "flcl-1", 1, 1, "Fooly Cooly");
  ssv_fake_jellyfin_add_episode (m->jellyfin, "flcl", "flcl-2", 1, 2, "Fire Starter");

  add_server (m, "jellyfin", mapping);
  m->source = SSV_MEDIA_SOURCE (ssv_jellyfin_source_new (m->http, ssv_fake_server_get_url (m->media),
                                                         JELLYFIN_KEY, NULL));
  said = scan (m, &failed);
  g_assert_null (said);
  g_assert_false (failed);
  g_assert_cmpint (ssv_test_query_int (m->db, "SELECT count(*) FROM movies"), ==, 4);
  g_assert_cmpint (ssv_test_query_int (m->db, "SELECT count(*) FROM episodes"), ==, 2);
}

static void
populate_plex (Matrix *m)
{
  const char *mapping[] = { "1", "movies", "2", "shows", NULL };
  gboolean failed = TRUE;
  g_autofree char *said = NULL;

  m->plex = ssv_fake_plex_new (m->media, PLEX_TOKEN);
  ssv_fake_plex_add_section (m->plex, "1", "Movies", "movie");
  ssv_fake_plex_add_section (m->plex, "2", "TV shows", "show");
  g_assert_cmpuint (ssv_fake_plex_add_fixture_items (m->plex, "1", "plex/mediux_list-movies.json"), ==, 3);
  g_assert_cmpuint (ssv_fake_plex_add_fixture_items (m->plex, "2", "plex/mediux_list-shows.json"), ==, 3);
  ssv_fake_plex_add_episode (m->plex, "109448", "9201", 1, 1, "Slumber Party Panic");
  ssv_fake_plex_add_episode (m->plex, "109448", "9202", 1, 2, "Trouble in Lumpy Space");

  add_server (m, "plex", mapping);
  m->source = SSV_MEDIA_SOURCE (ssv_plex_source_new (m->http, ssv_fake_server_get_url (m->media), PLEX_TOKEN));
  said = scan (m, &failed);
  g_assert_null (said);
  g_assert_false (failed);
  g_assert_cmpint (ssv_test_query_int (m->db, "SELECT count(*) FROM movies"), ==, 3);
  g_assert_cmpint (ssv_test_query_int (m->db, "SELECT count(*) FROM episodes"), ==, 2);
}

/* ---- enrichment ---------------------------------------------------------------- */

static gboolean
worker_settled (gpointer data)
{
  SsvWorkerState state = ssv_worker_get_state (data);

  return !ssv_worker_is_running (data) || state == SSV_WORKER_COOLDOWN || state == SSV_WORKER_NEEDS_KEY ||
         state == SSV_WORKER_QUOTA;
}

static gboolean
worker_stopped (gpointer data)
{
  return !ssv_worker_is_running (data);
}

/* One pass of @provider through what is due, to its end or to a wait. */
static SsvWorker *
enrich_once (Matrix     *m,
             const char *provider)
{
  SsvWorker *worker = ssv_enrichment_engine_lookup (m->engine, provider);

  g_assert_nonnull (worker);
  ssv_worker_start_once (worker);
  g_assert_true (ssv_test_wait_for (worker_settled, worker, 30000));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  return worker;
}

static void
stop_worker (SsvWorker *worker)
{
  ssv_worker_stop (worker);
  g_assert_true (ssv_test_wait_for (worker_stopped, worker, 15000));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gint64
count_unmatched (Matrix     *m,
                 const char *provider)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM enrichment_status WHERE provider = '%s' "
                                          "AND status IN ('error', 'not_found')", provider);

  return ssv_test_query_int (m->db, sql);
}

/* A library a Jellyfin scan filled, then the provider filled in; its titles
 * are then due again (as after an hour's rest), for the faulted run. */
static void
populate_for_provider (Matrix     *m,
                       const char *provider)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) error = NULL;

  populate_jellyfin (m);

  m->providers = ssv_fake_providers_new (m->web);
  ssv_fake_providers_point_http (m->providers, m->http);
  for (guint i = 0; i < G_N_ELEMENTS (provider_names); i++)
    {
      g_autofree char *key = g_strconcat ("good-", provider_names[i], NULL);

      ssv_http_set_rate_limit (m->http, provider_names[i], 0, 1);
      ssv_test_store_api_key (m->secrets, provider_names[i], key);
      ssv_fake_providers_set_key (m->providers, provider_names[i], key);
    }
  m->engine = ssv_enrichment_engine_new (m->db, m->http, m->secrets, NULL);

  stop_worker (enrich_once (m, provider));
  g_assert_cmpint (ssv_test_query_int (m->db, "SELECT count(*) FROM enrichment_status WHERE status = 'matched'"),
                   >, 0);
  m->unmatched = count_unmatched (m, provider);

  sql = g_strdup_printf ("UPDATE enrichment_status SET status = 'error', attempts = 0, last_attempt_at = 0 "
                         "WHERE provider = '%s'", provider);
  g_assert_true (ssv_database_exec (m->db, sql, &error));
  g_assert_no_error (error);
}

/* The worker's note and every error it recorded for its titles; it failed
 * when it waits, or when fewer titles matched than in the last good run. */
static char *
enrichment_said (Matrix     *m,
                 SsvWorker  *worker,
                 const char *provider,
                 gboolean   *failed)
{
  g_autofree char *note = ssv_worker_dup_note (worker);
  g_autofree char *sql = g_strdup_printf ("SELECT group_concat(last_error, char(10)) FROM enrichment_status "
                                          "WHERE provider = '%s' AND last_error IS NOT NULL", provider);
  g_autofree char *errors = ssv_test_query_text (m->db, sql);
  SsvWorkerState state = ssv_worker_get_state (worker);

  *failed = state == SSV_WORKER_COOLDOWN || state == SSV_WORKER_NEEDS_KEY ||
            count_unmatched (m, provider) > m->unmatched;

  if ((note == NULL || note[0] == '\0') && errors == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s", note ? note : "", errors ? errors : "");
}

/* ---- the parts ------------------------------------------------------------------- */

typedef struct _Part Part;

struct _Part
{
  const char *name;
  const char *display;    /* how messages name it */
  const char *provider;   /* an enrichment worker, or NULL */
  void      (*populate)   (Matrix *m, const Part *part);
  char     *(*snapshot)   (Matrix *m);
  char     *(*run)        (Matrix *m, const Part *part, const Fault *fault, gboolean *failed);
  SsvFakeServer *(*server) (Matrix *m);
  const char *route;      /* where the fault goes */
};

static SsvFakeServer *
media_server (Matrix *m)
{
  return m->media;
}

static SsvFakeServer *
web_server (Matrix *m)
{
  return m->web;
}

static void
populate_media (Matrix     *m,
                const Part *part)
{
  if (g_str_equal (part->name, "plex"))
    populate_plex (m);
  else
    populate_jellyfin (m);
}

static char *
run_scan (Matrix      *m,
          const Part  *part,
          const Fault *fault,
          gboolean    *failed)
{
  return scan (m, failed);
}

static void
populate_provider (Matrix     *m,
                   const Part *part)
{
  populate_for_provider (m, part->provider);
}

static char *
run_provider (Matrix      *m,
              const Part  *part,
              const Fault *fault,
              gboolean    *failed)
{
  SsvWorker *worker = enrich_once (m, part->provider);
  char *said = enrichment_said (m, worker, part->provider, failed);

  stop_worker (worker);
  return said;
}

/* ---- the image cache: a populated cache is the library here ------------------------- */

static const char * const posters[] = { "/t/p/w500/first.png", "/t/p/w500/second.png", "/t/p/w500/third.png" };

static GBytes *
poster_bytes (guint index)
{
  static const guint8 png_signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GRand) rand = g_rand_new_with_seed (index + 1);
  gsize size = 3000 + index;
  guint8 *data = g_malloc (size);

  /* Compressed already, as image data is: gzip makes it longer. */
  for (gsize i = 0; i < size; i++)
    data[i] = (guint8) g_rand_int_range (rand, 0, 256);
  memcpy (data, png_signature, sizeof png_signature);
  return g_bytes_new_take (data, size);
}

static char *
poster_uri (Matrix *m,
            guint   index)
{
  return g_strconcat (ssv_fake_server_get_url (m->web), posters[index], NULL);
}

static void
populate_image_cache (Matrix     *m,
                      const Part *part)
{
  g_autofree char *dir = g_build_filename (m->dir, "images", NULL);

  ssv_http_set_rate_limit (m->http, "images", 0, 1);
  m->cache = ssv_image_cache_new (m->http, dir);
  for (guint i = 0; i < G_N_ELEMENTS (posters); i++)
    {
      g_autofree char *route = g_strconcat ("GET ", posters[i], NULL);
      g_autoptr(GBytes) bytes = poster_bytes (i);

      ssv_fake_server_add_bytes (m->web, route, 200, "image/png", bytes);
    }

  /* Two posters were shown before. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *uri = poster_uri (m, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = ssv_image_cache_fetch (m->cache, uri, 0, NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (file);
    }
}

/* The cached posters, byte for byte. */
static char *
snapshot_image_cache (Matrix *m)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *uri = poster_uri (m, i);
      g_autoptr(GFile) file = ssv_image_cache_dup_cached_file (m->cache, uri, 0);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (g_file_get_contents (path, &contents, &length, NULL))
        {
          g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
          g_string_append_printf (out, "%s %s\n", posters[i], sum);
        }
      else
        g_string_append_printf (out, "%s missing\n", posters[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
run_image_cache (Matrix      *m,
                 const Part  *part,
                 const Fault *fault,
                 gboolean    *failed)
{
  g_autofree char *uri = poster_uri (m, 2);
  g_autoptr(GBytes) expected = poster_bytes (2);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) would_be = ssv_image_cache_dup_cached_file (m->cache, uri, 0);
  guint hits = ssv_fake_server_get_total_hits (m->web);

  /* What was shown before is still shown, from the disk, whatever the server does. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *cached = poster_uri (m, i);
      g_autoptr(GError) cached_error = NULL;
      g_autoptr(GFile) again = ssv_image_cache_fetch (m->cache, cached, 0, NULL, &cached_error);

      g_assert_no_error (cached_error);
      g_assert_nonnull (again);
    }
  g_assert_cmpuint (ssv_fake_server_get_total_hits (m->web), ==, hits);

  file = ssv_image_cache_fetch (m->cache, uri, 0, NULL, &error);
  *failed = file == NULL;
  if (file != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_load_contents (file, NULL, &contents, &length, NULL, NULL));
      g_assert_cmpmem (contents, length, g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
      return NULL;
    }

  /* Nothing half-written is kept for the next time. */
  g_assert_false (g_file_query_exists (would_be, NULL));
  g_assert_true (error->domain == SSV_ERROR);
  return g_strdup (error->message);
}

static const Part parts[] = {
  { "plex", "Plex", NULL, populate_media, dump_library, run_scan, media_server, "*" },
  { "jellyfin", "Jellyfin", NULL, populate_media, dump_library, run_scan, media_server, "*" },
  { "tmdb", "TMDB", "tmdb", populate_provider, dump_library, run_provider, web_server, "/tmdb/*" },
  { "tvdb", "TheTVDB", "tvdb", populate_provider, dump_library, run_provider, web_server, "/tvdb/*" },
  { "omdb", "OMDb", "omdb", populate_provider, dump_library, run_provider, web_server, "/omdb*" },
  { "fanart", "fanart.tv", "fanart", populate_provider, dump_library, run_provider, web_server, "/fanart/*" },
  { "opensubtitles", "OpenSubtitles", "opensubtitles", populate_provider, dump_library, run_provider,
    web_server, "/opensubtitles/*" },
  { "image-cache", "Image server", NULL, populate_image_cache, snapshot_image_cache, run_image_cache,
    web_server, "*" },
};

/* ---- one case ------------------------------------------------------------------------ */

typedef struct
{
  const Part  *part;
  const Fault *fault;
} Case;

static gboolean
says_any (const char         *message,
          const char * const *phrases)
{
  for (guint i = 0; i < 3 && phrases[i] != NULL; i++)
    if (strstr (message, phrases[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
test_case (Matrix        *m,
           gconstpointer  data)
{
  const Case *c = data;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *said = NULL;
  gboolean failed = FALSE;

  c->part->populate (m, c->part);
  before = c->part->snapshot (m);

  ssv_fake_server_set_fault (c->part->server (m), c->part->route, &c->fault->fault);
  said = c->part->run (m, c->part, c->fault, &failed);
  ssv_fake_server_clear_faults (c->part->server (m));
  if (said != NULL)
    g_test_message ("%s under %s said: %s", c->part->name, c->fault->name, said);

  /* Nothing deleted, nothing blanked: the library is as the last good run left it. */
  after = c->part->snapshot (m);
  g_assert_cmpstr (after, ==, before);

  if (fault_is_success (c->fault))
    {
      g_assert_false (failed);
      return;
    }

  /* The failure was seen, and said in plain words that name who failed and how. */
  g_assert_true (failed);
  g_assert_nonnull (said);
  g_assert_nonnull (strstr (said, c->part->display));
  g_assert_true (says_any (said, c->fault->says));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);
  int result;

  ssv_test_init (&argc, &argv);

  for (guint p = 0; p < G_N_ELEMENTS (parts); p++)
    for (guint f = 0; f < G_N_ELEMENTS (faults); f++)
      {
        Case *c = g_new0 (Case, 1);
        g_autofree char *path = g_strdup_printf ("/core/faults/%s/%s", parts[p].name, faults[f].name);

        c->part = &parts[p];
        c->fault = &faults[f];
        g_ptr_array_add (cases, c);
        g_test_add (path, Matrix, c, matrix_set_up, test_case, matrix_tear_down);
      }

  result = g_test_run ();
  return result;
}
