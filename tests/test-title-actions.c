/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-title-actions.c: a title page's actions in core: watched and unwatched told to
 * Plex and Jellyfin (and kept locally for folders), a server that cannot be told, and
 * details edited with a lock per field. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-jellyfin.h"
#include "ssv-fake-plex.h"
#include "ssv-server-token.h"
#include "ssv-test-utils.h"
#include "ssv-title-actions.h"

#define JELLYFIN_KEY "jf-title-actions"
#define PLEX_TOKEN   "plex-title-actions"

typedef struct
{
  char                *dir;
  SsvDatabase         *db;
  SsvFakeServer       *jellyfin_server;
  SsvFakeServer       *plex_server;
  SsvFakeJellyfin     *jellyfin;
  SsvFakePlex         *plex;
  SsvHttp             *http;
  SsvSecrets          *secrets;
  SsvLibraryStore     *library;
  SsvScanner          *scanner;
  SsvEnrichmentEngine *engine;
  SsvClock            *clock;
  SsvRefresher        *refresher;
  SsvTitleActions     *actions;
} Fixture;

static void
exec (Fixture    *f,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  ssv_database_exec (f->db, sql, &error);
  g_assert_no_error (error);
}

static void
add_server (Fixture       *f,
            gint64         id,
            const char    *kind,
            const char    *name,
            SsvFakeServer *server,
            const char    *token)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO servers (id, kind, name, url) VALUES (%" G_GINT64_FORMAT
                                          ", '%s', '%s', '%s')", id, kind, name,
                                          ssv_fake_server_get_url (server));
  g_autoptr(GError) error = NULL;

  exec (f, sql);
  g_assert_true (ssv_server_token_store_sync (f->secrets, f->db, id, "test token", token, NULL, &error));
  g_assert_no_error (error);
}

/* A Jellyfin movie and show (server 1), a Plex movie (server 2), a folder movie (server 3). */
static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->jellyfin_server = ssv_fake_server_new ();
  f->plex_server = ssv_fake_server_new ();
  f->jellyfin = ssv_fake_jellyfin_new (f->jellyfin_server, JELLYFIN_KEY);
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-movies", "Films", "movies");
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-shows", "TV", "tvshows");
  ssv_fake_jellyfin_add_movie (f->jellyfin, "lib-movies", "jf-heat", "Heat", 1995);
  ssv_fake_jellyfin_add_series (f->jellyfin, "lib-shows", "jf-lost", "Lost", 2004);
  ssv_fake_jellyfin_add_episode (f->jellyfin, "jf-lost", "jf-lost-1-1", 1, 1, "Pilot");
  ssv_fake_jellyfin_add_episode (f->jellyfin, "jf-lost", "jf-lost-1-2", 1, 2, "Pilot 2");
  ssv_fake_jellyfin_add_episode (f->jellyfin, "jf-lost", "jf-lost-2-1", 2, 1, "Man of Science");
  f->plex = ssv_fake_plex_new (f->plex_server, PLEX_TOKEN);
  ssv_fake_plex_add_section (f->plex, "1", "Movies", "movie");
  g_assert_cmpuint (ssv_fake_plex_add_fixture_items (f->plex, "1", "plex/mediux_list-movies.json"), >, 0);

  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  f->secrets = ssv_secrets_new ();
  f->library = ssv_library_store_new (f->db);
  f->scanner = ssv_scanner_new (f->db, f->library, f->http, f->secrets);
  f->engine = ssv_enrichment_engine_new (f->db, f->http, f->secrets, SSV_STORE (f->library));
  f->clock = ssv_clock_new ();
  f->refresher = ssv_refresher_new (f->db, f->http, f->secrets, f->clock, NULL);
  f->actions = ssv_title_actions_new (f->db, f->http, f->secrets, f->library, f->scanner, f->engine,
                                      f->refresher);

  add_server (f, 1, "jellyfin", "Home", f->jellyfin_server, JELLYFIN_KEY);
  add_server (f, 2, "plex", "Living Room", f->plex_server, PLEX_TOKEN);
  exec (f,
    "INSERT INTO servers (id, kind, name, url) VALUES (3, 'folder', 'Disk', 'file:///media');"
    "INSERT INTO movies (id, title, year, server_source, server_id) VALUES"
    "  (1, 'Heat', 1995, 1, 'jf-heat'), (2, 'Plex Movie', 2000, 2, '102969'), (3, 'Home Video', 2001, 3, 'f-1');"
    "INSERT INTO shows (id, title, year, server_source, server_id) VALUES (1, 'Lost', 2004, 1, 'jf-lost');"
    "INSERT INTO episodes (id, show_id, season_number, episode_number, title, server_source, server_id) VALUES"
    "  (11, 1, 1, 1, 'Pilot', 1, 'jf-lost-1-1'), (12, 1, 1, 2, 'Pilot 2', 1, 'jf-lost-1-2'),"
    "  (21, 1, 2, 1, 'Man of Science', 1, 'jf-lost-2-1');");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->actions);
  g_clear_object (&f->refresher);
  g_clear_object (&f->clock);
  g_clear_object (&f->engine);
  g_clear_object (&f->scanner);
  g_clear_object (&f->library);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_pointer (&f->jellyfin, ssv_fake_jellyfin_free);
  g_clear_pointer (&f->plex, ssv_fake_plex_free);
  g_clear_pointer (&f->jellyfin_server, ssv_fake_server_free);
  g_clear_pointer (&f->plex_server, ssv_fake_server_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static void
set_watched (Fixture        *f,
             SsvWatchTarget  target,
             gint64          id,
             int             season,
             gboolean        watched)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_title_actions_set_watched_sync (f->actions, target, id, season, watched, NULL, &error));
  g_assert_no_error (error);
}

static gint64
query (Fixture    *f,
       const char *sql)
{
  return ssv_test_query_int (f->db, sql);
}

/* A movie on Jellyfin and one on Plex: each server hears it, the library keeps it. */
static void
test_movie_told_to_server (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *jellyfin_calls = NULL;
  g_autofree char *plex_calls = NULL;

  set_watched (f, SSV_WATCH_TARGET_MOVIE, 1, 0, TRUE);
  set_watched (f, SSV_WATCH_TARGET_MOVIE, 2, 0, TRUE);
  g_assert_cmpint (query (f, "SELECT sum (watched) FROM movies WHERE id IN (1, 2)"), ==, 2);
  g_assert_cmpint (query (f, "SELECT play_count FROM movies WHERE id = 1"), ==, 1);

  set_watched (f, SSV_WATCH_TARGET_MOVIE, 2, 0, FALSE);
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 2"), ==, 0);

  jellyfin_calls = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_cmpstr (jellyfin_calls, ==, "played jf-heat");
  plex_calls = ssv_fake_plex_dup_watched_calls (f->plex);
  g_assert_cmpstr (plex_calls, ==, "scrobble 102969;unscrobble 102969");
}

/* A season is told by the server's own id for it when known, else episode by episode;
 * only that season's episodes change here. */
static void
test_season_and_show (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *calls = NULL;
  g_autofree char *again = NULL;

  set_watched (f, SSV_WATCH_TARGET_SEASON, 1, 1, TRUE);
  g_assert_cmpint (query (f, "SELECT count(*) FROM episodes WHERE watched = 1 AND season_number = 1"), ==, 2);
  g_assert_cmpint (query (f, "SELECT count(*) FROM episodes WHERE watched = 1 AND season_number = 2"), ==, 0);
  calls = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_cmpstr (calls, ==, "played jf-lost-1-1;played jf-lost-1-2");

  /* The whole show: one call with the show's id covers its episodes. */
  set_watched (f, SSV_WATCH_TARGET_SHOW, 1, 0, FALSE);
  g_assert_cmpint (query (f, "SELECT count(*) FROM episodes WHERE watched = 1"), ==, 0);
  again = ssv_fake_jellyfin_dup_played_calls (f->jellyfin);
  g_assert_cmpstr (again, ==, "played jf-lost-1-1;played jf-lost-1-2;unplayed jf-lost");
}

/* A folder's movie has no server to tell: the library alone keeps it. */
static void
test_folder_local (Fixture       *f,
                   gconstpointer  data)
{
  set_watched (f, SSV_WATCH_TARGET_MOVIE, 3, 0, TRUE);
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 3"), ==, 1);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->jellyfin_server), ==, 0);
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->plex_server), ==, 0);
}

/* A server that refuses (a wrong token) or is gone: the error names it and the
 * library keeps what it had, so the next scan does not undo anything. */
static void
test_server_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) gone_error = NULL;

  g_assert_true (ssv_server_token_store_sync (f->secrets, f->db, 2, "test token", "wrong", NULL, &error));
  g_assert_false (ssv_title_actions_set_watched_sync (f->actions, SSV_WATCH_TARGET_MOVIE, 2, 0, TRUE, NULL,
                                                      &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "“Living Room” could not be told"));
  g_assert_cmpint (query (f, "SELECT watched FROM movies WHERE id = 2"), ==, 0);

  g_assert_false (ssv_title_actions_set_watched_sync (f->actions, SSV_WATCH_TARGET_MOVIE, 404, 0, TRUE, NULL,
                                                      &gone_error));
  g_assert_error (gone_error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
}

/* Details edited by hand are saved and locked where asked; unlocking lets go. */
static void
test_edit_locks (Fixture       *f,
                 gconstpointer  data)
{
  const char *fields[] = { "title", "Heat (Director's Cut)", "overview", "A heist.", NULL };
  const char *lock[] = { "title", NULL };
  const char *unlock[] = { "title", NULL };
  const char *bad[] = { "tmdb_id", "heat", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *unlocked = NULL;

  g_assert_true (ssv_title_actions_edit_sync (f->actions, SSV_MEDIA_KIND_MOVIE, 1, fields, lock, NULL, &error));
  g_assert_no_error (error);
  title = ssv_test_query_text (f->db, "SELECT title || '|' || overview FROM movies WHERE id = 1");
  g_assert_cmpstr (title, ==, "Heat (Director's Cut)|A heist.");
  locked = ssv_test_query_text (f->db, "SELECT locked_fields FROM movies WHERE id = 1");
  g_assert_cmpstr (locked, ==, "[\"title\"]");
  /* What the edit dialog reads to show its locks. */
  {
    g_auto(GStrv) names = ssv_library_store_dup_locked_fields (f->library, SSV_MEDIA_KIND_MOVIE, 1, &error);
    g_auto(GStrv) gone = NULL;

    g_assert_no_error (error);
    g_assert_cmpstrv (names, ((const char *[]) { "title", NULL }));
    gone = ssv_library_store_dup_locked_fields (f->library, SSV_MEDIA_KIND_MOVIE, 404, &error);
    g_assert_null (gone);
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_assert_true (ssv_title_actions_edit_sync (f->actions, SSV_MEDIA_KIND_MOVIE, 1, NULL, NULL, unlock, &error));
  g_assert_no_error (error);
  unlocked = ssv_test_query_text (f->db, "SELECT coalesce (locked_fields, '[]') FROM movies WHERE id = 1");
  g_assert_cmpstr (unlocked, ==, "[]");

  g_assert_false (ssv_title_actions_edit_sync (f->actions, SSV_MEDIA_KIND_MOVIE, 1, bad, NULL, NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/title-actions/movie-told-to-server", Fixture, NULL, fixture_set_up, test_movie_told_to_server,
              fixture_tear_down);
  g_test_add ("/title-actions/season-and-show", Fixture, NULL, fixture_set_up, test_season_and_show,
              fixture_tear_down);
  g_test_add ("/title-actions/folder-local", Fixture, NULL, fixture_set_up, test_folder_local, fixture_tear_down);
  g_test_add ("/title-actions/server-refuses", Fixture, NULL, fixture_set_up, test_server_refuses,
              fixture_tear_down);
  g_test_add ("/title-actions/edit-locks", Fixture, NULL, fixture_set_up, test_edit_locks, fixture_tear_down);

  return g_test_run ();
}
