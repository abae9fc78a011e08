/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-watchlist.c: follows, mutes and the effective watchlist computed at read time. */

#include "config.h"

#include "ssv-error.h"
#include "ssv-test-utils.h"
#include "stores/ssv-watchlist-store.h"

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvWatchlistStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->store = ssv_watchlist_store_new (f->db);

  /* Four shows on one server: one airs, one ended, one of unknown status, one canceled. */
  ssv_database_exec (f->db,
                     "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'Home', 'http://nas');"
                     "INSERT INTO shows (id, server_source, server_id, title, sort_title, status, tmdb_id) VALUES"
                     " (1, 1, 's1', 'Severance', 'severance', 'Returning Series', 95396),"
                     " (2, 1, 's2', 'Breaking Bad', 'breaking bad', 'Ended', 1396),"
                     " (3, 1, 's3', 'Andor', 'andor', NULL, NULL),"
                     " (4, 1, 's4', 'Firefly', 'firefly', 'Canceled', 1437);",
                     &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

/* "Andor,Severance": the titles of the effective show watchlist, in order. */
static char *
list_titles (Fixture      *f,
             SsvWatchKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = ssv_watchlist_store_list (f->store, kind, &error);
  g_autoptr(GString) titles = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (titles, "%s%s", i ? "," : "",
                            ssv_watch_item_get_title (g_ptr_array_index (items, i)));

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static gboolean
is_followed (Fixture      *f,
             SsvWatchKind  kind,
             const char   *source,
             const char   *source_id)
{
  g_autoptr(GError) error = NULL;
  gboolean followed = 2;

  g_assert_true (ssv_watchlist_store_is_followed (f->store, kind, source, source_id, &followed, &error));
  g_assert_no_error (error);
  return followed;
}

static void
set_followed (Fixture      *f,
              SsvWatchKind  kind,
              const char   *source,
              const char   *source_id,
              gboolean      followed)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_watchlist_store_set_followed (f->store, kind, source, source_id, followed,
                                                   NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_airing_followed_by_default (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *titles = list_titles (f, SSV_WATCH_KIND_SHOW);

  /* Nothing was seeded: the list comes from the shows' status alone. */
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 0);
  g_assert_cmpstr (titles, ==, "Andor,Severance");
  g_assert_true (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "1"));
  g_assert_true (is_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "95396"));
  g_assert_true (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "3"));
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "2"));
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "4"));

  /* When a show ends, it leaves the list by itself; when it comes back, it returns. */
  ssv_database_exec (f->db, "UPDATE shows SET status = 'Ended' WHERE id = 1", NULL);
  g_clear_pointer (&titles, g_free);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor");
  ssv_database_exec (f->db, "UPDATE shows SET status = 'returning series' WHERE id = 1", NULL);
  g_clear_pointer (&titles, g_free);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor,Severance");
}

static void
test_mute_and_follow_again (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *titles = NULL;

  /* Unfollowing an airing show writes a tombstone under its best key (TMDB). */
  set_followed (f, SSV_WATCH_KIND_SHOW, "library", "1", FALSE);
  g_assert_cmpint (ssv_test_query_int (f->db,
                                       "SELECT count(*) FROM watchlist WHERE kind = 'show' AND muted = 1"
                                       " AND source = 'tmdb' AND source_id = '95396'"), ==, 1);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor");
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "1"));

  /* Unfollowing twice changes nothing more. */
  set_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "95396", FALSE);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 1);

  /* Following again clears the tombstone: no row is left behind. */
  set_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "95396", TRUE);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 0);
  g_clear_pointer (&titles, g_free);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor,Severance");

  /* A show without external ids is muted under its server's UUID and its id
   * there, never its library row id, which a prune frees for another title. */
  set_followed (f, SSV_WATCH_KIND_SHOW, "library", "3", FALSE);
  g_assert_cmpint (ssv_test_query_int (f->db,
                                       "SELECT count(*) FROM watchlist WHERE source = 'server'"
                                       " AND source_id = (SELECT uuid FROM servers WHERE id = 1) || ':s3'"
                                       " AND muted = 1"), ==, 1);
  /* It stays muted when enrichment later finds its TMDB id. */
  ssv_database_exec (f->db, "UPDATE shows SET tmdb_id = 83867 WHERE id = 3", NULL);
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "83867"));
  g_clear_pointer (&titles, g_free);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Severance");
  /* And following it by the new key clears the old tombstone. */
  set_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "83867", TRUE);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 0);
  g_assert_true (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "3"));
}

static void
test_follow_ended_show (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *titles = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  set_followed (f, SSV_WATCH_KIND_SHOW, "library", "2", TRUE);
  g_assert_cmpint (ssv_test_query_int (f->db,
                                       "SELECT count(*) FROM watchlist WHERE muted = 0"
                                       " AND source = 'tmdb' AND source_id = '1396'"), ==, 1);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor,Breaking Bad,Severance");

  items = ssv_watchlist_store_list (f->store, SSV_WATCH_KIND_SHOW, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_watch_item_get_explicit (g_ptr_array_index (items, 1)));
  g_assert_false (ssv_watch_item_get_explicit (g_ptr_array_index (items, 0)));
  g_assert_cmpint (ssv_watch_item_get_show_id (g_ptr_array_index (items, 1)), ==, 2);
  g_assert_cmpstr (ssv_watch_item_get_source (g_ptr_array_index (items, 2)), ==, "tmdb");
  g_assert_cmpstr (ssv_watch_item_get_source_id (g_ptr_array_index (items, 2)), ==, "95396");
  g_assert_cmpstr (ssv_watch_item_get_source (g_ptr_array_index (items, 0)), ==, "library");

  /* Unfollowing an ended show removes its row; no tombstone is needed. */
  set_followed (f, SSV_WATCH_KIND_SHOW, "library", "2", FALSE);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 0);
  g_clear_pointer (&titles, g_free);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor,Severance");
}

static void
test_show_outside_library (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;
  g_autoptr(GPtrArray) items = NULL;

  /* A show only TMDB knows keeps its title and art in the row. */
  g_assert_true (ssv_watchlist_store_set_followed (f->store, SSV_WATCH_KIND_SHOW, "tmdb", "1399", TRUE,
                                                   "Game of Thrones", NULL, &error));
  g_assert_no_error (error);
  /* A re-follow fills in missing art and keeps the title. */
  g_assert_true (ssv_watchlist_store_set_followed (f->store, SSV_WATCH_KIND_SHOW, "tmdb", "1399", TRUE,
                                                   "Other", "https://img/got.jpg", &error));
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor,Game of Thrones,Severance");
  items = ssv_watchlist_store_list (f->store, SSV_WATCH_KIND_SHOW, &error);
  g_assert_cmpint (ssv_watch_item_get_show_id (g_ptr_array_index (items, 1)), ==, 0);
  g_assert_cmpstr (ssv_watch_item_get_image_url (g_ptr_array_index (items, 1)), ==, "https://img/got.jpg");

  /* When the show arrives in the library, the row now names it. */
  ssv_database_exec (f->db,
                     "INSERT INTO shows (id, server_source, server_id, title, sort_title, status, tmdb_id)"
                     " VALUES (5, 1, 's5', 'Game of Thrones', 'game of thrones', 'Ended', 1399)", NULL);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = ssv_watchlist_store_list (f->store, SSV_WATCH_KIND_SHOW, &error);
  g_assert_cmpint (items->len, ==, 3);
  g_assert_cmpint (ssv_watch_item_get_show_id (g_ptr_array_index (items, 1)), ==, 5);
  g_assert_true (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "5"));
}

static void
test_same_show_on_two_servers (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *titles = NULL;

  ssv_database_exec (f->db,
                     "INSERT INTO servers (id, kind, name, url) VALUES (2, 'plex', 'Plex', 'http://plex');"
                     "INSERT INTO shows (id, server_source, server_id, title, sort_title, status, tmdb_id)"
                     " VALUES (6, 2, 'p1', 'Severance', 'severance', 'Returning Series', 95396)", NULL);

  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor,Severance");

  /* One unfollow mutes it on both servers. */
  set_followed (f, SSV_WATCH_KIND_SHOW, "library", "6", FALSE);
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "1"));
  g_clear_pointer (&titles, g_free);
  titles = list_titles (f, SSV_WATCH_KIND_SHOW);
  g_assert_cmpstr (titles, ==, "Andor");
}

static void
test_people_and_channels (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *people = NULL;
  g_autofree char *channels = NULL;

  g_assert_true (ssv_watchlist_store_set_followed (f->store, SSV_WATCH_KIND_PERSON, "tmdb", "819", TRUE,
                                                   "Edward Norton", NULL, &error));
  g_assert_true (ssv_watchlist_store_set_followed (f->store, SSV_WATCH_KIND_CHANNEL, "youtube",
                                                   "UCsXVk37bltHxD1rDPwtNM8Q", TRUE,
                                                   "Kurzgesagt", "https://yt/k.jpg", &error));
  g_assert_no_error (error);
  /* The same id as a person and as a show are different things. */
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "819"));
  g_assert_true (is_followed (f, SSV_WATCH_KIND_PERSON, "tmdb", "819"));

  people = list_titles (f, SSV_WATCH_KIND_PERSON);
  channels = list_titles (f, SSV_WATCH_KIND_CHANNEL);
  g_assert_cmpstr (people, ==, "Edward Norton");
  g_assert_cmpstr (channels, ==, "Kurzgesagt");

  /* A second follow adds the missing picture and keeps one row. */
  g_assert_true (ssv_watchlist_store_set_followed (f->store, SSV_WATCH_KIND_PERSON, "tmdb", "819", TRUE,
                                                   NULL, "https://img/norton.jpg", &error));
  items = ssv_watchlist_store_list (f->store, SSV_WATCH_KIND_PERSON, &error);
  g_assert_cmpint (items->len, ==, 1);
  g_assert_cmpstr (ssv_watch_item_get_title (g_ptr_array_index (items, 0)), ==, "Edward Norton");
  g_assert_cmpstr (ssv_watch_item_get_image_url (g_ptr_array_index (items, 0)), ==, "https://img/norton.jpg");

  set_followed (f, SSV_WATCH_KIND_CHANNEL, "youtube", "UCsXVk37bltHxD1rDPwtNM8Q", FALSE);
  g_clear_pointer (&channels, g_free);
  channels = list_titles (f, SSV_WATCH_KIND_CHANNEL);
  g_assert_cmpstr (channels, ==, "");
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 1);
}

static void
test_followed_keys (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) keys = NULL;

  set_followed (f, SSV_WATCH_KIND_SHOW, "tmdb", "1399", TRUE);
  keys = ssv_watchlist_store_dup_followed_keys (f->store, SSV_WATCH_KIND_SHOW, &error);
  g_assert_no_error (error);

  /* Every key a followed show answers to, so any card finds its state. */
  g_assert_true (g_hash_table_contains (keys, "library:1"));
  g_assert_true (g_hash_table_contains (keys, "tmdb:95396"));
  g_assert_true (g_hash_table_contains (keys, "library:3"));
  g_assert_true (g_hash_table_contains (keys, "tmdb:1399"));
  g_assert_false (g_hash_table_contains (keys, "library:2"));
  g_assert_false (g_hash_table_contains (keys, "tmdb:1396"));
  g_assert_cmpuint (g_hash_table_size (keys), ==, 4);
}

static GThread *main_thread;

static void
on_follow_changed (SsvWatchlistStore *store,
                   int                kind,
                   const char        *source,
                   const char        *source_id,
                   gboolean           followed,
                   GPtrArray         *seen)
{
  g_assert_true (g_thread_self () == main_thread);
  g_ptr_array_add (seen, g_strdup_printf ("%s %s:%s %s", ssv_watch_kind_to_string (kind),
                                          source, source_id, followed ? "on" : "off"));
}

static gboolean
has_two_items (gpointer data)
{
  return ((GPtrArray *) data)->len >= 2;
}

static void
set_followed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_watchlist_store_set_followed_finish (SSV_WATCHLIST_STORE (source), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_signal_every_key (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gboolean done = FALSE;

  main_thread = g_thread_self ();
  g_signal_connect (f->store, "follow-changed", G_CALLBACK (on_follow_changed), seen);

  /* Written on a worker thread, announced on the main context, for every key. */
  ssv_watchlist_store_set_followed_async (f->store, SSV_WATCH_KIND_SHOW, "tmdb", "95396", FALSE,
                                          NULL, NULL, NULL, set_followed_cb, &done);
  ssv_test_wait_for_flag (&done, 5000);
  g_assert_true (ssv_test_wait_for (has_two_items, seen, 2000));
  ssv_test_wait_for (has_two_items, seen, 50);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "show tmdb:95396 off");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "show library:1 off");
  g_assert_false (is_followed (f, SSV_WATCH_KIND_SHOW, "library", "1"));
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ssv_watchlist_store_set_followed (f->store, SSV_WATCH_KIND_PERSON, "tmdb", "", TRUE,
                                                    "Nobody", NULL, &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_cmpint (ssv_test_query_int (f->db, "SELECT count(*) FROM watchlist"), ==, 0);
}

static void
test_query_plans (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  g_assert_true (ssv_database_explain_uses_index (f->db, ssv_watchlist_store_shows_sql, &plan, &error));
  g_test_message ("%s", plan);
  g_assert_no_error (error);
  /* The airing half walks the partial index, not every show. */
  g_assert_nonnull (strstr (plan, "shows_airing_title"));
  g_assert_nonnull (strstr (plan, "watchlist_key"));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/core/watchlist/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("airing-followed-by-default", test_airing_followed_by_default);
  ADD ("mute-and-follow-again", test_mute_and_follow_again);
  ADD ("follow-ended-show", test_follow_ended_show);
  ADD ("show-outside-library", test_show_outside_library);
  ADD ("same-show-on-two-servers", test_same_show_on_two_servers);
  ADD ("people-and-channels", test_people_and_channels);
  ADD ("followed-keys", test_followed_keys);
  ADD ("signal-every-key", test_signal_every_key);
  ADD ("bad-input", test_bad_input);
  ADD ("query-plans", test_query_plans);

  return g_test_run ();
}
