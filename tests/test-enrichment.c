/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-enrichment.c: the workers against fake providers: outcome rules, gap-only writes,
 * locked fields, the episode cascade, keys, quotas, pauses and holds. Keys live in a
 * real keyring (the test runs in a private session). */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-providers.h"
#include "ssv-test-utils.h"
#include "model/ssv-cast-member.h"
#include "stores/ssv-library-store.h"
#include "stores/ssv-settings-store.h"
#include "workers/ssv-enrichment-engine.h"
#include "workers/ssv-tmdb-worker.h"

/* Stands in for SsvScanner: all the engine looks at is "writing". */
#define TEST_TYPE_SCANNER (test_scanner_get_type ())
G_DECLARE_FINAL_TYPE (TestScanner, test_scanner, TEST, SCANNER, GObject)

struct _TestScanner
{
  GObject  parent_instance;
  gboolean writing;
};

G_DEFINE_FINAL_TYPE (TestScanner, test_scanner, G_TYPE_OBJECT)

static void
test_scanner_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  g_value_set_boolean (value, TEST_SCANNER (object)->writing);
}

static void
test_scanner_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TEST_SCANNER (object)->writing = g_value_get_boolean (value);
}

static void
test_scanner_class_init (TestScannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_scanner_get_property;
  object_class->set_property = test_scanner_set_property;
  g_object_class_install_property (object_class, 1,
    g_param_spec_boolean ("writing", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
}

static void
test_scanner_init (TestScanner *self)
{
}

typedef struct
{
  char                *dir;
  SsvDatabase         *db;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvFakeServer       *server;
  SsvFakeProviders    *fake;
  SsvEnrichmentEngine *engine;
  guint                done[SSV_N_OUTCOMES];
} Fixture;

static const char * const providers[] = { "tmdb", "tvdb", "omdb", "fanart", "opensubtitles" };

static void
store_key (Fixture    *fixture,
           const char *provider,
           const char *key)
{
  g_autofree char *name = g_strconcat ("api-key:", provider, NULL);
  g_autoptr(GError) error = NULL;

  ssv_secrets_store_sync (fixture->secrets, name, "test key", key, NULL, &error);
  g_assert_no_error (error);
}

static void
on_item_done (SsvEnrichmentEngine *engine,
              SsvWorker           *worker,
              guint                kind,
              gint64               id,
              guint                outcome,
              const char          *label,
              Fixture             *fixture)
{
  g_assert_cmpuint (outcome, <, SSV_N_OUTCOMES);
  fixture->done[outcome]++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->db = ssv_test_open_temp_database (&fixture->dir, NULL);

  fixture->server = ssv_fake_server_new ();
  fixture->fake = ssv_fake_providers_new (fixture->server);
  fixture->http = ssv_http_new ();
  ssv_fake_providers_point_http (fixture->fake, fixture->http);
  ssv_http_set_retry_policy (fixture->http, 1, 10);
  ssv_http_set_timeout (fixture->http, 5);
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    ssv_http_set_rate_limit (fixture->http, providers[i], 0, 1);

  fixture->secrets = ssv_secrets_new ();
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autofree char *key = g_strconcat ("good-", providers[i], NULL);

      store_key (fixture, providers[i], key);
      ssv_fake_providers_set_key (fixture->fake, providers[i], key);
    }

  fixture->engine = ssv_enrichment_engine_new (fixture->db, fixture->http, fixture->secrets, NULL);
  g_signal_connect (fixture->engine, "item-done", G_CALLBACK (on_item_done), fixture);
}

static gboolean
all_stopped (gpointer data)
{
  GListModel *workers = ssv_enrichment_engine_get_workers (data);

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (workers, i);

      if (ssv_worker_is_running (worker))
        return FALSE;
    }

  return TRUE;
}

static void settle (guint ms);

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ssv_enrichment_engine_stop (fixture->engine);
  g_assert_true (ssv_test_wait_for (all_stopped, fixture->engine, 10000));
  /* Let the last signals arrive before the objects go. */
  settle (50);

  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    store_key (fixture, providers[i], NULL);

  g_clear_object (&fixture->engine);
  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->http);
  g_clear_pointer (&fixture->fake, ssv_fake_providers_free);
  g_clear_pointer (&fixture->server, ssv_fake_server_free);
  ssv_test_close_temp_database (&fixture->db, &fixture->dir);
}

static void
exec (Fixture    *fixture,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  ssv_database_exec (fixture->db, sql, &error);
  g_assert_no_error (error);
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  return ssv_test_query_int (fixture->db, sql);
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  return ssv_test_query_text (fixture->db, sql);
}

static SsvWorker *
worker (Fixture    *fixture,
        const char *name)
{
  SsvWorker *found = ssv_enrichment_engine_lookup (fixture->engine, name);

  g_assert_nonnull (found);
  return found;
}

static gboolean
worker_stopped (gpointer data)
{
  return !ssv_worker_is_running (data);
}

/* One pass of @name through its queue, to the end. */
static void
run_once (Fixture    *fixture,
          const char *name)
{
  SsvWorker *w = worker (fixture, name);

  ssv_worker_start_once (w);
  g_assert_true (ssv_test_wait_for (worker_stopped, w, 30000));
  /* Deliver the signals queued on the main context. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
wait_for_state (SsvWorker      *w,
                SsvWorkerState  state)
{
  ssv_test_wait_for_worker_state (w, state, 15000);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Lets the main loop and the workers run for @ms. */
static void
settle (guint ms)
{
  ssv_test_wait_for (never, NULL, ms);
}

static const char *
status_of (Fixture    *fixture,
           const char *provider,
           const char *column,
           gint64      id)
{
  static char buffer[64];
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce((SELECT status FROM enrichment_status "
                                          "WHERE provider = '%s' AND %s = %" G_GINT64_FORMAT "), 'none')",
                                          provider, column, id);
  g_autofree char *status = query_text (fixture, sql);

  g_strlcpy (buffer, status, sizeof buffer);
  return buffer;
}

/* ---- TMDB: matching and writing ---------------------------------------------- */

static void
test_movie_match (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *imdb = NULL;
  g_autofree char *logo = NULL;
  g_autofree char *first_cast = NULL;
  g_autofree char *filled = NULL;

  exec (fixture, "INSERT INTO movies (id, title, year) VALUES (1, 'Fight Club', 1999)");
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT synced_at > 0 FROM enrichment_status WHERE movie_id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT tmdb_id FROM movies WHERE id = 1"), ==, 550);
  imdb = query_text (fixture, "SELECT imdb_id FROM movies WHERE id = 1");
  g_assert_cmpstr (imdb, ==, "tt0137523");
  g_assert_cmpint (query_int (fixture, "SELECT runtime_minutes FROM movies WHERE id = 1"), ==, 139);
  logo = query_text (fixture, "SELECT logo_url FROM movies WHERE id = 1");
  g_assert_true (g_str_has_suffix (logo, "/images/w500/7Uqhv24pGJs4Ns31NoOPWFJGWNG.png"));

  /* Cast in billing order, the director, genres, artwork. */
  first_cast = query_text (fixture, "SELECT p.name FROM credits c JOIN people p ON p.id = c.person_id "
                                    "WHERE c.movie_id = 1 AND c.role = 'cast' ORDER BY c.sort_order LIMIT 1");
  g_assert_cmpstr (first_cast, ==, "Edward Norton");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM credits WHERE movie_id = 1 AND role = 'director'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM movie_genres WHERE movie_id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM images WHERE movie_id = 1 AND kind = 'logo'"), ==, 4);

  /* What was filled is remembered for a re-match. */
  filled = query_text (fixture, "SELECT filled FROM enrichment_status WHERE movie_id = 1");
  g_assert_nonnull (strstr (filled, "overview"));
  g_assert_nonnull (strstr (filled, "tmdb_id"));

  g_assert_cmpuint (fixture->done[SSV_OUTCOME_MATCHED], ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/search/movie"), ==, 1);
}

static void add_got (Fixture *fixture);

/* What a title's page reads: the library's row and every provider's facts, in one call. */
static void
test_title_read (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SsvLibraryStore) library = ssv_library_store_new (fixture->db);
  g_autoptr(SsvTitle) movie = NULL;
  g_autoptr(SsvTitle) show = NULL;
  g_autoptr(SsvCastMember) lead = NULL;
  g_autoptr(SsvEpisode) first = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *episodes;
  guint owned = 0;

  exec (fixture, "INSERT INTO movies (id, title, year) VALUES (1, 'Fight Club', 1999)");
  add_got (fixture);

  /* Before any provider: the library's own facts, not synced. */
  movie = ssv_library_store_load_title (library, SSV_MEDIA_KIND_MOVIE, 1, &error);
  g_assert_no_error (error);
  g_assert_false (ssv_title_get_synced (movie));
  g_assert_null (ssv_title_get_logo_url (movie));
  g_assert_cmpint (ssv_title_get_rt_score (movie), ==, -1);
  g_clear_object (&movie);

  run_once (fixture, "tmdb");
  run_once (fixture, "omdb");

  movie = ssv_library_store_load_title (library, SSV_MEDIA_KIND_MOVIE, 1, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_title_get_synced (movie));
  g_assert_cmpstr (ssv_title_get_tagline (movie), ==, "Mischief. Mayhem. Soap.");
  g_assert_true (g_str_has_suffix (ssv_title_get_logo_url (movie), ".png"));
  g_assert_nonnull (ssv_title_get_backdrop_url (movie));
  g_assert_cmpint (ssv_title_get_rt_score (movie), ==, 79);
  g_assert_cmpint (ssv_title_get_metascore (movie), ==, 67);
  g_assert_cmpfloat_with_epsilon (ssv_title_get_imdb_rating (movie), 8.8, 0.01);
  g_assert_cmpfloat (ssv_title_get_tmdb_rating (movie), >, 0);
  g_assert_cmpuint (g_strv_length ((GStrv) ssv_title_get_genres (movie)), ==, 1);
  g_assert_cmpuint (g_strv_length ((GStrv) ssv_title_get_directors (movie)), ==, 1);
  g_assert_cmpstr (ssv_title_get_directors (movie)[0], ==, "David Fincher");
  g_assert_cmpuint (g_list_model_get_n_items (ssv_title_get_cast (movie)), ==, 12);
  lead = g_list_model_get_item (ssv_title_get_cast (movie), 0);
  g_assert_cmpstr (ssv_cast_member_get_name (lead), ==, "Edward Norton");
  g_assert_cmpstr (ssv_cast_member_get_character (lead), ==, "Narrator");
  g_assert_nonnull (ssv_cast_member_get_profile_url (lead));

  show = ssv_library_store_load_title (library, SSV_MEDIA_KIND_SHOW, 1, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_title_get_synced (show));
  g_assert_cmpstr (ssv_title_get_network (show), ==, "HBO");
  g_assert_cmpuint (g_strv_length ((GStrv) ssv_title_get_creators (show)), ==, 2);
  episodes = ssv_title_get_episodes (show);
  g_assert_cmpuint (g_list_model_get_n_items (episodes), ==, 91);
  first = g_list_model_get_item (episodes, 0);
  /* Specials first, then by season and number. */
  g_assert_cmpint (ssv_episode_get_season_number (first), ==, 0);
  for (guint i = 0; i < g_list_model_get_n_items (episodes); i++)
    {
      g_autoptr(SsvEpisode) episode = g_list_model_get_item (episodes, i);

      if (ssv_episode_get_has_file (episode))
        {
          owned++;
          g_assert_cmpint (ssv_episode_get_season_number (episode), ==, 1);
          g_assert_cmpint (ssv_episode_get_episode_number (episode), ==, 1);
          g_assert_true (ssv_episode_get_watched (episode));
        }
    }
  g_assert_cmpuint (owned, ==, 1);

  g_assert_null (ssv_library_store_load_title (library, SSV_MEDIA_KIND_MOVIE, 42, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
}

static void
test_known_id_skips_search (Fixture       *fixture,
                            gconstpointer  data)
{
  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Whatever the file says', 550)");
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/search/*"), ==, 0);
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/movie/550"), ==, 1);
}

static void
test_gap_only_and_locked (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *overview = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *filled = NULL;

  /* The server knew some things; the person locked the tagline and the genres. */
  exec (fixture, "INSERT INTO movies (id, title, year, overview, poster_url, runtime_minutes, locked_fields) "
                 "VALUES (1, 'Fight Club', 1999, 'What the server said.', 'http://server/poster.jpg', 0, "
                 "'tagline, genres')");
  exec (fixture, "INSERT INTO people (id, name) VALUES (1, 'Someone from the server')");
  exec (fixture, "INSERT INTO credits (person_id, movie_id, role, character) VALUES (1, 1, 'cast', 'Narrator')");
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  overview = query_text (fixture, "SELECT overview FROM movies WHERE id = 1");
  g_assert_cmpstr (overview, ==, "What the server said.");
  poster = query_text (fixture, "SELECT poster_url FROM movies WHERE id = 1");
  g_assert_cmpstr (poster, ==, "http://server/poster.jpg");
  /* A zero is a gap. */
  g_assert_cmpint (query_int (fixture, "SELECT runtime_minutes FROM movies WHERE id = 1"), ==, 139);
  /* Locked fields stay as the person left them. */
  g_assert_cmpint (query_int (fixture, "SELECT tagline IS NULL FROM movies WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM movie_genres WHERE movie_id = 1"), ==, 0);
  /* The server's cast stays the cast; the director was a gap. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM credits WHERE movie_id = 1 AND role = 'cast'"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM credits WHERE movie_id = 1 AND role = 'director'"), ==, 1);

  filled = query_text (fixture, "SELECT filled FROM enrichment_status WHERE movie_id = 1");
  g_assert_null (strstr (filled, "overview"));
  g_assert_null (strstr (filled, "poster_url"));
  g_assert_null (strstr (filled, "tagline"));
  g_assert_nonnull (strstr (filled, "runtime_minutes"));
}

/* ---- the outcome rules --------------------------------------------------------- */

static void
test_empty_search_not_found (Fixture       *fixture,
                             gconstpointer  data)
{
  exec (fixture, "INSERT INTO movies (id, title, year) VALUES (1, 'A Film Nobody Made', 2003)");
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "not_found");
  g_assert_cmpint (query_int (fixture, "SELECT synced_at IS NULL FROM enrichment_status WHERE movie_id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT tmdb_id IS NULL FROM movies WHERE id = 1"), ==, 1);
  g_assert_cmpuint (fixture->done[SSV_OUTCOME_NOT_FOUND], ==, 1);

  /* Not asked again inside the retry window… */
  ssv_fake_server_reset_log (fixture->server);
  run_once (fixture, "tmdb");
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 0);

  /* …but after it. */
  exec (fixture, "UPDATE enrichment_status SET last_attempt_at = last_attempt_at - 31 * 86400");
  run_once (fixture, "tmdb");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/search/movie"), >=, 1);
  g_assert_cmpint (query_int (fixture, "SELECT attempts FROM enrichment_status WHERE movie_id = 1"), ==, 2);
}

static void
test_404_not_found (Fixture       *fixture,
                    gconstpointer  data)
{
  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Stale id', 99999999)");
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "not_found");
}

static void
test_server_error (Fixture       *fixture,
                   gconstpointer  data)
{
  SsvFakeFault fault = { SSV_FAKE_FAULT_STATUS, 503, -1, 0, -1 };
  g_autofree char *message = NULL;

  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Fight Club', 550)");
  ssv_fake_server_set_fault (fixture->server, "GET /tmdb/movie/550", &fault);
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "error");
  message = query_text (fixture, "SELECT last_error FROM enrichment_status WHERE movie_id = 1");
  g_assert_nonnull (strstr (message, "503"));
  g_assert_cmpint (query_int (fixture, "SELECT synced_at IS NULL FROM enrichment_status WHERE movie_id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT overview IS NULL FROM movies WHERE id = 1"), ==, 1);

  /* An error rests a while (not inside this run)… */
  ssv_fake_server_clear_faults (fixture->server);
  ssv_fake_server_reset_log (fixture->server);
  run_once (fixture, "tmdb");
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 0);

  /* …an hour for the first failure. */
  exec (fixture, "UPDATE enrichment_status SET last_attempt_at = last_attempt_at - 3601");
  run_once (fixture, "tmdb");
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT last_error IS NULL FROM enrichment_status WHERE movie_id = 1"), ==, 1);
}

static void
test_malformed_and_timeout (Fixture       *fixture,
                            gconstpointer  data)
{
  SsvFakeFault malformed = { SSV_FAKE_FAULT_MALFORMED, 0, -1, 0, -1 };
  SsvFakeFault slow = { SSV_FAKE_FAULT_DELAY, 0, -1, 3000, -1 };
  g_autofree char *why_malformed = NULL;
  g_autofree char *why_slow = NULL;

  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Fight Club', 550)");
  exec (fixture, "INSERT INTO shows (id, title, tmdb_id) VALUES (1, 'Clerks', 2)");
  ssv_http_set_timeout (fixture->http, 1);
  ssv_fake_server_set_fault (fixture->server, "GET /tmdb/movie/550", &malformed);
  ssv_fake_server_set_fault (fixture->server, "GET /tmdb/tv/2", &slow);
  run_once (fixture, "tmdb");

  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "error");
  g_assert_cmpstr (status_of (fixture, "tmdb", "show_id", 1), ==, "error");
  why_malformed = query_text (fixture, "SELECT last_error FROM enrichment_status WHERE movie_id = 1");
  why_slow = query_text (fixture, "SELECT last_error FROM enrichment_status WHERE show_id = 1");
  g_assert_nonnull (strstr (why_malformed, "could not be read"));
  g_assert_nonnull (strstr (why_slow, "did not answer in time"));
  g_assert_cmpuint (fixture->done[SSV_OUTCOME_ERROR], ==, 2);
}

static void
test_rate_limited_cooldown (Fixture       *fixture,
                            gconstpointer  data)
{
  SsvFakeFault too_many = { SSV_FAKE_FAULT_STATUS, 429, 2, 0, 1 };
  SsvWorker *tmdb = worker (fixture, "tmdb");
  g_autofree char *note = NULL;

  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Fight Club', 550)");
  ssv_http_set_max_inline_wait (fixture->http, 0);
  ssv_fake_server_set_fault (fixture->server, "GET /tmdb/movie/550", &too_many);

  ssv_worker_start (tmdb);
  wait_for_state (tmdb, SSV_WORKER_COOLDOWN);
  note = ssv_worker_dup_note (tmdb);
  g_assert_nonnull (strstr (note, "slow down"));

  /* The item is not marked while the provider cools down. */
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "none");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/movie/550"), ==, 1);

  /* After the Retry-After, the same item goes first and works. */
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/movie/550"), ==, 2);
  g_assert_cmpuint (fixture->done[SSV_OUTCOME_ERROR], ==, 0);
}

static void
test_missing_key (Fixture       *fixture,
                  gconstpointer  data)
{
  SsvWorker *tmdb = worker (fixture, "tmdb");
  g_autofree char *note = NULL;

  store_key (fixture, "tmdb", NULL);
  exec (fixture, "INSERT INTO movies (id, title) VALUES (1, 'Fight Club')");
  run_once (fixture, "tmdb");

  g_assert_cmpint (ssv_worker_get_state (tmdb), ==, SSV_WORKER_STOPPED);
  note = ssv_worker_dup_note (tmdb);
  g_assert_cmpstr (note, ==, "Add your TMDB API key in Preferences");
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 0);
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "none");
}

static void
test_key_rejected_mid_run (Fixture       *fixture,
                           gconstpointer  data)
{
  SsvWorker *tmdb = worker (fixture, "tmdb");
  g_autofree char *note = NULL;
  g_autofree char *logged = NULL;
  guint hits;

  ssv_fake_providers_add_synthetic (fixture->fake, 3, 0, 0);
  exec (fixture, "INSERT INTO movies (id, title) VALUES (1, 'Synthetic Movie 1'), "
                 "(2, 'Synthetic Movie 2'), (3, 'Synthetic Movie 3')");
  /* The person revokes the key on TMDB's site in the middle of the second movie. */
  ssv_fake_providers_revoke_key_after (fixture->fake, "tmdb", 3);

  ssv_worker_start (tmdb);
  wait_for_state (tmdb, SSV_WORKER_NEEDS_KEY);
  note = ssv_worker_dup_note (tmdb);
  g_assert_cmpstr (note, ==, "TMDB rejected the API key");
  logged = query_text (fixture, "SELECT message FROM activity WHERE kind = 'enrichment' ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (logged, ==, "TMDB rejected the API key");

  /* The first movie is done; the one in hand is not marked, nor the rest. */
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 2), ==, "none");
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 3), ==, "none");

  /* It waits: no more calls with a key that is known to be bad. */
  hits = ssv_fake_server_get_total_hits (fixture->server);
  settle (500);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, hits);
  g_assert_cmpint (ssv_worker_get_state (tmdb), ==, SSV_WORKER_NEEDS_KEY);

  /* A new key in Preferences: it carries on where it stopped. */
  ssv_fake_providers_set_key (fixture->fake, "tmdb", "new-tmdb-key");
  store_key (fixture, "tmdb", "new-tmdb-key");
  ssv_enrichment_engine_key_changed (fixture->engine, "tmdb");
  wait_for_state (tmdb, SSV_WORKER_IDLE);

  for (gint64 id = 1; id <= 3; id++)
    g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", id), ==, "matched");
  g_assert_cmpuint (fixture->done[SSV_OUTCOME_ERROR], ==, 0);
  g_assert_cmpuint (fixture->done[SSV_OUTCOME_MATCHED], ==, 3);
}

/* ---- the episode cascade -------------------------------------------------------- */

static void
add_got (Fixture *fixture)
{
  exec (fixture, "INSERT INTO servers (id, kind, name, url) VALUES (1, 'folder', 'Shows', '/srv/shows')");
  exec (fixture, "INSERT INTO shows (id, server_source, server_id, title, year) "
                 "VALUES (1, 1, 'got', 'Game of Thrones', 2011)");
  /* Two episodes the library has: one watched with a file, one whose title the person locked. */
  exec (fixture, "INSERT INTO episodes (id, show_id, season_number, episode_number, title, watched) "
                 "VALUES (1, 1, 1, 1, 'Winter Is Coming', 1)");
  exec (fixture, "INSERT INTO episodes (id, show_id, season_number, episode_number, title, locked_fields) "
                 "VALUES (2, 1, 1, 2, 'My Own Title', 'title')");
  exec (fixture, "INSERT INTO episodes (id, show_id, season_number, episode_number, title) "
                 "VALUES (3, 1, 42, 1, 'A file TMDB never heard of')");
  exec (fixture, "INSERT INTO media_files (episode_id, server_source, path) VALUES (1, 1, '/srv/shows/got/s01e01.mkv')");
}

static void
test_cascade (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *locked_title = NULL;
  SsvKindStats stats;

  add_got (fixture);
  run_once (fixture, "tmdb");

  {
    g_autofree char *why = query_text (fixture, "SELECT last_error FROM enrichment_status WHERE show_id = 1");
    g_test_message ("last error: %s", why);
  }
  g_assert_cmpstr (status_of (fixture, "tmdb", "show_id", 1), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT episodes_synced FROM enrichment_status WHERE show_id = 1"), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/tv/1399/season/*"), ==, 9);

  /* Nine seasons of ten recorded episodes, plus the one TMDB does not know. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE show_id = 1"), ==, 91);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE source = 'tmdb'"), ==, 88);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM seasons WHERE show_id = 1"), ==, 9);

  /* What the library had is kept: the watched flag, the file, the locked title. */
  g_assert_cmpint (query_int (fixture, "SELECT watched FROM episodes WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM media_files WHERE episode_id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT length(overview) > 0 FROM episodes WHERE id = 1"), ==, 1);
  locked_title = query_text (fixture, "SELECT title FROM episodes WHERE id = 2");
  g_assert_cmpstr (locked_title, ==, "My Own Title");
  g_assert_cmpint (query_int (fixture, "SELECT air_date IS NOT NULL FROM episodes WHERE id = 2"), ==, 1);

  /* The complete answer tells which of the library's episodes TMDB does not list. */
  g_assert_cmpstr (status_of (fixture, "tmdb", "episode_id", 3), ==, "not_found");
  g_assert_cmpstr (status_of (fixture, "tmdb", "episode_id", 1), ==, "matched");

  g_assert_true (ssv_worker_get_stats (worker (fixture, "tmdb"), SSV_ITEM_EPISODE, &stats));
  g_assert_cmpint (stats.matched, ==, 90);
  g_assert_cmpint (stats.not_found, ==, 1);
  g_assert_cmpint (stats.pending, ==, 0);
  g_assert_true (ssv_worker_get_stats (worker (fixture, "tmdb"), SSV_ITEM_SHOW, &stats));
  g_assert_cmpint (stats.matched, ==, 1);
}

static void
test_cascade_failing_season (Fixture       *fixture,
                             gconstpointer  data)
{
  SsvFakeFault broken = { SSV_FAKE_FAULT_STATUS, 500, -1, 0, -1 };
  g_autofree char *message = NULL;

  add_got (fixture);
  ssv_fake_server_set_fault (fixture->server, "GET /tmdb/tv/1399/season/3", &broken);
  run_once (fixture, "tmdb");

  /* Not synced: the show is an error, to be tried again. */
  g_assert_cmpstr (status_of (fixture, "tmdb", "show_id", 1), ==, "error");
  g_assert_cmpint (query_int (fixture, "SELECT episodes_synced FROM enrichment_status WHERE show_id = 1"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT synced_at IS NULL FROM enrichment_status WHERE show_id = 1"), ==, 1);
  message = query_text (fixture, "SELECT last_error FROM enrichment_status WHERE show_id = 1");
  g_assert_true (g_str_has_prefix (message, "Season 3:"));

  /* Nothing lost: the other seasons arrived, the library's own episodes stay, and
   * without a complete answer no episode is called unknown. */
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE show_id = 1 AND season_number = 3"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE show_id = 1"), ==, 81);
  g_assert_cmpint (query_int (fixture, "SELECT watched FROM episodes WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT tmdb_id FROM shows WHERE id = 1"), ==, 1399);
  g_assert_cmpstr (status_of (fixture, "tmdb", "episode_id", 3), ==, "none");

  /* Retried (with the known id: no search) once the season answers. */
  ssv_fake_server_clear_faults (fixture->server);
  ssv_fake_server_reset_log (fixture->server);
  exec (fixture, "UPDATE enrichment_status SET last_attempt_at = 0 WHERE show_id = 1");
  run_once (fixture, "tmdb");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/search/*"), ==, 0);
  g_assert_cmpstr (status_of (fixture, "tmdb", "show_id", 1), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT episodes_synced FROM enrichment_status WHERE show_id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE show_id = 1"), ==, 91);
}

static void
test_cascade_rate_limited_writes_nothing (Fixture       *fixture,
                                          gconstpointer  data)
{
  SsvFakeFault too_many = { SSV_FAKE_FAULT_STATUS, 429, 60, 0, 1 };

  add_got (fixture);
  ssv_http_set_max_inline_wait (fixture->http, 0);
  ssv_fake_server_set_fault (fixture->server, "GET /tmdb/tv/1399/season/5", &too_many);
  ssv_worker_start (worker (fixture, "tmdb"));
  wait_for_state (worker (fixture, "tmdb"), SSV_WORKER_COOLDOWN);

  /* A 429 halfway through the cascade leaves the show as it was, unmarked. */
  g_assert_cmpstr (status_of (fixture, "tmdb", "show_id", 1), ==, "none");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE show_id = 1"), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT tmdb_id IS NULL FROM shows WHERE id = 1"), ==, 1);
}

/* ---- the other providers ----------------------------------------------------------- */

static void
test_tvdb (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *zone = NULL;
  g_autofree char *air_time = NULL;

  exec (fixture, "INSERT INTO shows (id, title) VALUES (1, 'FLCL')");
  run_once (fixture, "tvdb");

  g_assert_cmpstr (status_of (fixture, "tvdb", "show_id", 1), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT tvdb_id FROM shows WHERE id = 1"), ==, 78878);
  air_time = query_text (fixture, "SELECT air_time FROM shows WHERE id = 1");
  zone = query_text (fixture, "SELECT air_time_zone FROM shows WHERE id = 1");
  g_assert_cmpstr (air_time, ==, "13:00");
  g_assert_cmpstr (zone, ==, "America/New_York");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM episodes WHERE show_id = 1 AND source = 'tvdb'"), >, 0);
  g_assert_cmpuint (ssv_fake_providers_get_tvdb_logins (fixture->fake), ==, 1);

  /* The token expires: one fresh login, and the work goes on. */
  ssv_fake_providers_expire_tvdb_token (fixture->fake);
  exec (fixture, "INSERT INTO shows (id, title, year) VALUES (2, 'Saint Seiya', 1986)");
  run_once (fixture, "tvdb");
  g_assert_cmpstr (status_of (fixture, "tvdb", "show_id", 2), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT tvdb_id FROM shows WHERE id = 2"), ==, 72775);
  /* The token outlives a run; the expired one costs exactly one more login. */
  g_assert_cmpuint (ssv_fake_providers_get_tvdb_logins (fixture->fake), ==, 2);
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tvdb/login"), ==, 2);
}

static void
test_tvdb_key_rejected (Fixture       *fixture,
                        gconstpointer  data)
{
  SsvWorker *tvdb = worker (fixture, "tvdb");
  g_autofree char *note = NULL;

  exec (fixture, "INSERT INTO shows (id, title) VALUES (1, 'FLCL')");
  ssv_fake_providers_set_key (fixture->fake, "tvdb", "another-key");
  run_once (fixture, "tvdb");

  note = ssv_worker_dup_note (tvdb);
  g_assert_cmpstr (note, ==, "TheTVDB rejected the API key");
  g_assert_cmpstr (status_of (fixture, "tvdb", "show_id", 1), ==, "none");
  /* The login failed: nothing else was asked. */
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 1);
}

static void
test_omdb_ratings (Fixture       *fixture,
                   gconstpointer  data)
{
  exec (fixture, "INSERT INTO movies (id, title, imdb_id) VALUES (1, 'Fight Club', 'tt0137523')");
  exec (fixture, "INSERT INTO movies (id, title) VALUES (2, 'No IMDb id yet')");
  exec (fixture, "INSERT INTO movies (id, title, imdb_id) VALUES (3, 'Unknown', 'tt0000001')");
  run_once (fixture, "omdb");

  g_assert_cmpstr (status_of (fixture, "omdb", "movie_id", 1), ==, "matched");
  g_assert_cmpint (query_int (fixture, "SELECT imdb_rating * 10 FROM movies WHERE id = 1"), ==, 88);
  g_assert_cmpint (query_int (fixture, "SELECT rt_score FROM movies WHERE id = 1"), ==, 79);
  g_assert_cmpint (query_int (fixture, "SELECT metascore FROM movies WHERE id = 1"), ==, 67);
  g_assert_cmpint (query_int (fixture, "SELECT imdb_votes FROM movies WHERE id = 1"), ==, 2412375);
  /* Without an IMDb id a title waits; an id OMDb does not know is not found. */
  g_assert_cmpstr (status_of (fixture, "omdb", "movie_id", 2), ==, "none");
  g_assert_cmpstr (status_of (fixture, "omdb", "movie_id", 3), ==, "not_found");
}

static void
test_omdb_daily_limit (Fixture       *fixture,
                       gconstpointer  data)
{
  SsvWorker *omdb = worker (fixture, "omdb");
  g_autofree char *note = NULL;
  gint64 until;
  gint64 expected = (g_get_real_time () / G_USEC_PER_SEC / 86400 + 1) * 86400;
  guint hits;

  exec (fixture, "INSERT INTO movies (id, title, imdb_id) VALUES (1, 'Fight Club', 'tt0137523')");
  ssv_fake_providers_set_omdb_limit (fixture->fake, TRUE);
  ssv_worker_start (omdb);
  wait_for_state (omdb, SSV_WORKER_QUOTA);

  note = ssv_worker_dup_note (omdb);
  g_assert_true (g_str_has_prefix (note, "OMDb daily limit reached, resuming at "));
  g_assert_cmpstr (status_of (fixture, "omdb", "movie_id", 1), ==, "none");
  /* Not a rejected key: the key is not forgotten, and nothing more is asked today. */
  until = ssv_settings_store_get_int (fixture->db, "worker.omdb.quota-until", 0);
  g_assert_cmpint (until, ==, expected);
  hits = ssv_fake_server_get_total_hits (fixture->server);
  settle (300);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, hits);

  /* The limit is remembered across a restart… */
  ssv_worker_stop (omdb);
  g_assert_true (ssv_test_wait_for (worker_stopped, omdb, 10000));
  ssv_worker_start (omdb);
  wait_for_state (omdb, SSV_WORKER_QUOTA);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, hits);
  ssv_worker_stop (omdb);
  g_assert_true (ssv_test_wait_for (worker_stopped, omdb, 10000));

  /* …and once the day is over, the work resumes by itself. */
  ssv_fake_providers_set_omdb_limit (fixture->fake, FALSE);
  exec (fixture, "UPDATE settings SET value = '1' WHERE key = 'worker.omdb.quota-until'");
  run_once (fixture, "omdb");
  g_assert_cmpstr (status_of (fixture, "omdb", "movie_id", 1), ==, "matched");
}

static void
test_fanart_and_subtitles (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *logo = NULL;
  g_autofree char *languages = NULL;

  exec (fixture, "INSERT INTO movies (id, title, tmdb_id, imdb_id) VALUES (1, 'Fight Club', 550, 'tt0137523')");
  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (2, 'No art anywhere', 12)");
  run_once (fixture, "fanart");
  run_once (fixture, "opensubtitles");

  logo = query_text (fixture, "SELECT logo_url FROM movies WHERE id = 1");
  g_assert_cmpstr (logo, ==, "https://assets.fanart.tv/fanart/movies/550/hdmovielogo/fight-club-00.png");
  g_assert_cmpint (query_int (fixture, "SELECT clearart_url IS NOT NULL AND banner_url IS NOT NULL "
                                      "FROM movies WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM images WHERE movie_id = 1 AND provider = 'fanart'"), ==, 9);
  g_assert_cmpstr (status_of (fixture, "fanart", "movie_id", 2), ==, "not_found");

  languages = query_text (fixture, "SELECT subtitle_languages FROM movies WHERE id = 1");
  g_assert_cmpstr (languages, ==, "en,fr,pt-br");
  g_assert_cmpstr (status_of (fixture, "opensubtitles", "movie_id", 2), ==, "not_found");
}

/* ---- the engine: chains, re-match, pause, hold -------------------------------------- */

static gboolean
omdb_matched (gpointer data)
{
  Fixture *fixture = data;

  return g_strcmp0 (status_of (fixture, "omdb", "movie_id", 1), "matched") == 0;
}

static void
test_engine_chain (Fixture       *fixture,
                   gconstpointer  data)
{
  /* No IMDb id: OMDb can only rate the movie once TMDB found it. */
  exec (fixture, "INSERT INTO movies (id, title, year) VALUES (1, 'Fight Club', 1999)");
  ssv_enrichment_engine_start (fixture->engine);

  g_assert_true (ssv_test_wait_for (omdb_matched, fixture, 15000));
  g_assert_cmpint (query_int (fixture, "SELECT rt_score FROM movies WHERE id = 1"), ==, 79);
}

static void
test_rematch (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *rating = NULL;
  g_autofree char *imdb = NULL;
  g_autofree char *overview = NULL;

  ssv_fake_providers_add_synthetic (fixture->fake, 1, 0, 0);
  exec (fixture, "INSERT INTO movies (id, title, year, content_rating) VALUES (1, 'Fight Club', 1999, 'R')");
  run_once (fixture, "tmdb");
  run_once (fixture, "omdb");
  g_assert_cmpint (query_int (fixture, "SELECT rt_score FROM movies WHERE id = 1"), ==, 79);

  /* The person says it was another title. */
  g_assert_true (ssv_enrichment_store_rematch (ssv_enrichment_engine_get_store (fixture->engine),
                                               SSV_ITEM_MOVIE, 1, 1000001, &error));
  g_assert_no_error (error);

  g_assert_cmpint (query_int (fixture, "SELECT tmdb_id FROM movies WHERE id = 1"), ==, 1000001);
  g_assert_cmpint (query_int (fixture, "SELECT overview IS NULL AND imdb_id IS NULL AND rt_score IS NULL "
                                      "AND logo_url IS NULL FROM movies WHERE id = 1"), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM credits WHERE movie_id = 1"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM images WHERE movie_id = 1"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM enrichment_status WHERE movie_id = 1"), ==, 0);
  /* What the server gave stays. */
  rating = query_text (fixture, "SELECT content_rating FROM movies WHERE id = 1");
  g_assert_cmpstr (rating, ==, "R");

  run_once (fixture, "tmdb");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/movie/1000001"), ==, 1);
  imdb = query_text (fixture, "SELECT imdb_id FROM movies WHERE id = 1");
  g_assert_cmpstr (imdb, ==, "tt9000001");
  overview = query_text (fixture, "SELECT overview FROM movies WHERE id = 1");
  g_assert_nonnull (overview);
}

static void
test_pause_remembered (Fixture       *fixture,
                       gconstpointer  data)
{
  SsvWorker *tmdb = worker (fixture, "tmdb");
  g_autoptr(SsvEnrichmentEngine) again = NULL;
  SsvWorker *tmdb_again;

  ssv_worker_start (tmdb);
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  ssv_worker_pause (tmdb);
  wait_for_state (tmdb, SSV_WORKER_PAUSED);
  settle (200);
  g_assert_cmpint (ssv_settings_store_get_int (fixture->db, "worker.tmdb.paused", 0), ==, 1);
  ssv_worker_stop (tmdb);
  g_assert_true (ssv_test_wait_for (worker_stopped, tmdb, 10000));

  /* The next start (another engine on the same library) stays paused. */
  exec (fixture, "INSERT INTO movies (id, title) VALUES (1, 'Fight Club')");
  again = ssv_enrichment_engine_new (fixture->db, fixture->http, fixture->secrets, NULL);
  tmdb_again = ssv_enrichment_engine_lookup (again, "tmdb");
  g_assert_true (tmdb_again != tmdb);
  ssv_worker_start (tmdb_again);
  wait_for_state (tmdb_again, SSV_WORKER_PAUSED);
  settle (300);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 0);

  ssv_worker_resume (tmdb_again);
  wait_for_state (tmdb_again, SSV_WORKER_IDLE);
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  settle (200);
  g_assert_cmpint (ssv_settings_store_get_int (fixture->db, "worker.tmdb.paused", 1), ==, 0);

  ssv_enrichment_engine_stop (again);
  g_assert_true (ssv_test_wait_for (all_stopped, again, 10000));
}

static void
test_hold_during_scan (Fixture       *fixture,
                       gconstpointer  data)
{
  SsvWorker *tmdb = worker (fixture, "tmdb");
  SsvWorker *omdb = worker (fixture, "omdb");

  SsvWorker *fanart = worker (fixture, "fanart");
  g_autofree char *note = NULL;

  exec (fixture, "INSERT INTO movies (id, title, imdb_id) VALUES (1, 'Fight Club', 'tt0137523')");
  store_key (fixture, "fanart", NULL);

  /* A scan writes: nobody calls out or writes. */
  ssv_enrichment_engine_hold (fixture->engine);
  ssv_enrichment_engine_start (fixture->engine);
  wait_for_state (tmdb, SSV_WORKER_HELD);
  wait_for_state (omdb, SSV_WORKER_HELD);
  settle (300);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 0);

  /* The person pauses OMDb meanwhile; the scan's end must not undo that. */
  ssv_worker_pause (omdb);
  ssv_enrichment_engine_release (fixture->engine);
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  wait_for_state (omdb, SSV_WORKER_PAUSED);
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");
  g_assert_cmpstr (status_of (fixture, "omdb", "movie_id", 1), ==, "none");
  g_assert_true (ssv_worker_get_user_paused (omdb));

  /* A worker without a key says so after the hold, not what the hold said. */
  wait_for_state (fanart, SSV_WORKER_NEEDS_KEY);
  note = ssv_worker_dup_note (fanart);
  g_assert_cmpstr (note, ==, "Add your fanart.tv API key in Preferences");
  ssv_enrichment_engine_hold (fixture->engine);
  wait_for_state (fanart, SSV_WORKER_HELD);
  ssv_enrichment_engine_release (fixture->engine);
  wait_for_state (fanart, SSV_WORKER_NEEDS_KEY);
  g_clear_pointer (&note, g_free);
  note = ssv_worker_dup_note (fanart);
  g_assert_cmpstr (note, ==, "Add your fanart.tv API key in Preferences");
}

static void
test_lazy_request (Fixture       *fixture,
                   gconstpointer  data)
{
  SsvWorker *tmdb = worker (fixture, "tmdb");

  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Fight Club', 550)");
  run_once (fixture, "tmdb");
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/movie/550"), ==, 1);

  /* A matched title is not in the queue, but a person opening it may ask again. */
  ssv_worker_start (tmdb);
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  ssv_enrichment_engine_request (fixture->engine, SSV_ITEM_MOVIE, 1);
  settle (500);
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/movie/550"), ==, 2);
  g_assert_cmpint (query_int (fixture, "SELECT attempts FROM enrichment_status WHERE movie_id = 1"), ==, 2);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} KeyResult;

static void
test_key_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  KeyResult *key_result = user_data;

  key_result->ok = ssv_worker_test_key_finish (SSV_WORKER (source), result, &key_result->error);
  key_result->done = TRUE;
}

static void
test_test_key (Fixture       *fixture,
               gconstpointer  data)
{
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      SsvWorker *w = worker (fixture, providers[i]);
      g_autofree char *good = g_strconcat ("good-", providers[i], NULL);
      KeyResult right = { FALSE, }, wrong = { FALSE, }, empty = { FALSE, };

      ssv_worker_test_key_async (w, good, NULL, test_key_cb, &right);
      ssv_worker_test_key_async (w, "wrong", NULL, test_key_cb, &wrong);
      ssv_worker_test_key_async (w, "", NULL, test_key_cb, &empty);
      ssv_test_wait_for_flag (&right.done, 10000);
      ssv_test_wait_for_flag (&wrong.done, 10000);
      ssv_test_wait_for_flag (&empty.done, 10000);

      g_test_message ("%s: %s", providers[i], wrong.error ? wrong.error->message : "accepted");
      g_assert_no_error (right.error);
      g_assert_true (right.ok);
      g_assert_false (wrong.ok);
      g_assert_error (wrong.error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
      g_assert_false (empty.ok);
      g_assert_error (empty.error, SSV_ERROR, SSV_ERROR_INVALID);
      g_clear_error (&wrong.error);
      g_clear_error (&empty.error);
    }

  /* Testing never touches the stored key or the queue. */
  g_assert_cmpuint (ssv_fake_server_get_hits (fixture->server, "/tmdb/search/*"), ==, 0);
}

static void
test_follow_scanner (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TestScanner) scanner = g_object_new (TEST_TYPE_SCANNER, NULL);
  SsvWorker *tmdb = worker (fixture, "tmdb");

  exec (fixture, "INSERT INTO movies (id, title, tmdb_id) VALUES (1, 'Fight Club', 550)");
  ssv_enrichment_engine_follow_scanner (fixture->engine, G_OBJECT (scanner));
  g_object_set (scanner, "writing", TRUE, NULL);
  g_assert_true (ssv_enrichment_engine_is_held (fixture->engine));

  ssv_enrichment_engine_start (fixture->engine);
  wait_for_state (tmdb, SSV_WORKER_HELD);
  settle (200);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (fixture->server), ==, 0);

  g_object_set (scanner, "writing", FALSE, NULL);
  g_assert_false (ssv_enrichment_engine_is_held (fixture->engine));
  wait_for_state (tmdb, SSV_WORKER_IDLE);
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");

  /* Letting go of a scanner that is writing releases its hold. */
  g_object_set (scanner, "writing", TRUE, NULL);
  g_assert_true (ssv_enrichment_engine_is_held (fixture->engine));
  ssv_enrichment_engine_follow_scanner (fixture->engine, NULL);
  g_assert_false (ssv_enrichment_engine_is_held (fixture->engine));
}

typedef struct
{
  gboolean   done;
  GPtrArray *results;
  GError    *error;
} SearchResult;

static void
search_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SearchResult *search = user_data;

  search->results = ssv_tmdb_worker_search_finish (SSV_TMDB_WORKER (source), result, &search->error);
  search->done = TRUE;
}

static void
language_saved_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_enrichment_engine_save_language_finish (SSV_ENRICHMENT_ENGINE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_manual_search_and_language (Fixture       *fixture,
                                 gconstpointer  data)
{
  SsvTmdbWorker *tmdb = SSV_TMDB_WORKER (worker (fixture, "tmdb"));
  SearchResult search = { FALSE, };
  SearchResult empty = { FALSE, };
  g_autoptr(GPtrArray) requests = NULL;
  gboolean saved = FALSE;
  gboolean german = FALSE;
  KeyResult stored = { FALSE, };

  ssv_enrichment_engine_save_language_async (fixture->engine, "de-DE", "DE", NULL, language_saved_cb, &saved);
  ssv_test_wait_for_flag (&saved, 10000);

  /* The re-match dialog's search: TMDB's order, with the metadata language. */
  ssv_tmdb_worker_search_async (tmdb, SSV_ITEM_SHOW, "  Game of Thrones ", 0, NULL, search_cb, &search);
  ssv_tmdb_worker_search_async (tmdb, SSV_ITEM_SHOW, "   ", 0, NULL, search_cb, &empty);
  ssv_test_wait_for_flag (&search.done, 10000);
  ssv_test_wait_for_flag (&empty.done, 10000);
  g_assert_no_error (search.error);
  g_assert_cmpuint (search.results->len, >=, 2);
  g_assert_cmpint (((SsvSearchResult *) g_ptr_array_index (search.results, 0))->id, ==, 1399);
  g_assert_null (empty.results);
  g_assert_error (empty.error, SSV_ERROR, SSV_ERROR_INVALID);
  g_clear_pointer (&search.results, g_ptr_array_unref);
  g_clear_error (&empty.error);

  requests = ssv_fake_server_dup_requests (fixture->server);
  for (guint i = 0; i < requests->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (requests, i);

      if (request->query != NULL && strstr (request->query, "language=de-DE") != NULL)
        german = TRUE;
    }
  g_assert_true (german);

  /* "Test key" in Manage workers tries the stored key. */
  ssv_worker_test_key_async (worker (fixture, "tmdb"), NULL, NULL, test_key_cb, &stored);
  ssv_test_wait_for_flag (&stored.done, 10000);
  g_assert_no_error (stored.error);
  g_assert_true (stored.ok);
}

static char *
run_cli (Fixture             *fixture,
         const char * const  *args,
         int                 *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *db_path = g_build_filename (fixture->dir, "library.db", NULL);
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "SSV_DATABASE_PATH", db_path, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (providers); i++)
    {
      g_autofree char *name = g_ascii_strup (providers[i], -1);
      g_autofree char *variable = g_strdup_printf ("SSV_%s_URL", name);
      g_autofree char *url = ssv_fake_providers_dup_url (fixture->fake, providers[i]);

      envp = g_environ_setenv (envp, variable, url, TRUE);
    }

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("stdout:\n%s\nstderr:\n%s", out, err);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return out;
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  const char *enrich[] = { "enrich", "--once", "--provider", "tmdb", "--provider", "omdb", NULL };
  const char *status_args[] = { "status", NULL };
  const char *unknown[] = { "enrich", "--provider", "imdb", NULL };
  g_autofree char *out = NULL;
  g_autofree char *status_out = NULL;
  g_autofree char *unknown_out = NULL;
  int status;

  exec (fixture, "INSERT INTO movies (id, title, year) VALUES (1, 'Fight Club', 1999), "
                 "(2, 'A Film Nobody Made', 2003)");
  store_key (fixture, "fanart", NULL);

  /* One pass: TMDB matches, and OMDb rates what TMDB gave an IMDb id. */
  out = run_cli (fixture, enrich, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "tmdb: matched movie Fight Club (1999)"));
  g_assert_nonnull (strstr (out, "tmdb: not_found movie A Film Nobody Made (2003)"));
  g_assert_nonnull (strstr (out, "tmdb.movie: matched=1 not_found=1 errors=0 pending=0\n"));
  g_assert_cmpstr (status_of (fixture, "tmdb", "movie_id", 1), ==, "matched");

  status_out = run_cli (fixture, status_args, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (status_out, "tmdb: name=\"TMDB\" key=set paused=no\n"));
  g_assert_nonnull (strstr (status_out, "fanart: name=\"fanart.tv\" key=missing paused=no\n"));
  g_assert_nonnull (strstr (status_out, "tmdb.movie: matched=1 not_found=1 errors=0 pending=0\n"));

  unknown_out = run_cli (fixture, unknown, &status);
  g_assert_cmpint (status, ==, 2);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/enrichment/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tmdb/movie-match", test_movie_match);
  ADD ("tmdb/known-id-skips-search", test_known_id_skips_search);
  ADD ("tmdb/gap-only-and-locked", test_gap_only_and_locked);
  ADD ("rules/empty-search-not-found", test_empty_search_not_found);
  ADD ("rules/404-not-found", test_404_not_found);
  ADD ("rules/server-error", test_server_error);
  ADD ("rules/malformed-and-timeout", test_malformed_and_timeout);
  ADD ("rules/429-cooldown", test_rate_limited_cooldown);
  ADD ("rules/missing-key", test_missing_key);
  ADD ("rules/key-rejected-mid-run", test_key_rejected_mid_run);
  ADD ("cascade/complete", test_cascade);
  ADD ("cascade/failing-season", test_cascade_failing_season);
  ADD ("cascade/rate-limited", test_cascade_rate_limited_writes_nothing);
  ADD ("tvdb/login-and-relogin", test_tvdb);
  ADD ("tvdb/key-rejected", test_tvdb_key_rejected);
  ADD ("omdb/ratings", test_omdb_ratings);
  ADD ("omdb/daily-limit", test_omdb_daily_limit);
  ADD ("fanart-and-subtitles", test_fanart_and_subtitles);
  ADD ("engine/chain", test_engine_chain);
  ADD ("engine/rematch", test_rematch);
  ADD ("engine/pause-remembered", test_pause_remembered);
  ADD ("engine/hold-during-scan", test_hold_during_scan);
  ADD ("engine/lazy-request", test_lazy_request);
  ADD ("test-key", test_test_key);
  ADD ("cli", test_cli);
  ADD ("title-read", test_title_read);
  ADD ("engine/follow-scanner", test_follow_scanner);
  ADD ("tmdb/manual-search-and-language", test_manual_search_and_language);
#undef ADD

  return g_test_run ();
}
