/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-acquire.c: `indexer`, `client` and `downloads` of the headless tool as a person runs
 * them, against a real transmission-daemon, with the keyring of a private session. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-client-pool.h"
#include "downloads/ssv-grabber.h"
#include "ssv-fake-indexer.h"
#include "ssv-fake-server.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"

#define INDEXER_KEY "cli-indexer-key-8812"
#define VIDEO_NAME  "Ronin.1998.720p.BluRay.x264-GRP.mkv"
#define VIDEO_SIZE  (128 * 1024)
#define VIDEO_SEED  1998u

typedef struct
{
  char                *dir;
  char                *db_path;
  char                *save_dir;
  SsvTestClientDaemon *daemon;
} Fixture;

static char *
run_cli (Fixture            *f,
         const char * const *args,
         const char         *input,
         int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_ptr_array_add (argv, (gpointer) SSV_BUILD_ROOT "/src/cli/soulsync-video-cli");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_setenv (launcher, "SSV_DATABASE_PATH", f->db_path, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("%s:\n%s", args[0], out);

  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return out;
}

static JsonArray *
parse_array (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *data = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &data, &length, NULL))
    return FALSE;
  for (gsize i = 0, n = strlen (needle); i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = ssv_test_make_temp_dir ();
  f->db_path = g_build_filename (f->dir, "library.db", NULL);
  f->save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_mkdir_with_parents (f->save_dir, 0700);
  if (!ssv_test_have_program ("transmission-daemon"))
    return;
  f->daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, f->save_dir, 0, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->daemon, ssv_test_client_daemon_free);
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
  g_free (f->save_dir);
}

/* Seeding goals given at "client add" are kept and listed; a bad one adds nothing. */
static void
test_seeding_goal (Fixture       *f,
                   gconstpointer  data)
{
  const char *bad[] = { "client", "add", "qbittorrent", "Seedbox", "http://127.0.0.1:1", "--seed-ratio", "-2", NULL };
  const char *good[] = { "client", "add", "qbittorrent", "Seedbox", "http://127.0.0.1:1", "--seed-ratio", "1.5",
                         "--seed-minutes", "90", NULL };
  const char *plain[] = { "client", "add", "transmission", "Plain", "http://127.0.0.1:2", NULL };
  const char *list_json[] = { "client", "list", "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) list = NULL;
  JsonObject *plain_row, *seedbox;
  int status;

  out = run_cli (f, bad, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "seeding goal"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, list_json, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  list = parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 0);
  g_clear_pointer (&list, json_array_unref);
  g_clear_pointer (&out, g_free);

  out = run_cli (f, good, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, plain, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, list_json, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  list = parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  /* By name: Plain, Seedbox. */
  plain_row = json_array_get_object_element (list, 0);
  seedbox = json_array_get_object_element (list, 1);
  g_assert_cmpstr (json_object_get_string_member (seedbox, "name"), ==, "Seedbox");
  g_assert_cmpfloat (json_object_get_double_member (seedbox, "seed_ratio"), ==, 1.5);
  g_assert_cmpint (json_object_get_int_member (seedbox, "seed_minutes"), ==, 90);
  g_assert_false (json_object_has_member (plain_row, "seed_ratio"));
  g_assert_false (json_object_has_member (plain_row, "seed_minutes"));
}

static void
test_clients (Fixture       *f,
              gconstpointer  data)
{
  const char *bad_kind[] = { "client", "add", "utorrent", "X", "http://127.0.0.1:1", NULL };
  const char *bad_url[] = { "client", "add", "qbittorrent", "X", "not a url", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) list = NULL;
  JsonObject *home;
  int status;

  if (f->daemon == NULL)
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  out = run_cli (f, bad_kind, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "not a download client"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, bad_url, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "not a web address"));
  g_clear_pointer (&out, g_free);

  {
    const char *add[] = { "client", "add", "transmission", "Home", f->daemon->url, "--user", SSV_TEST_USER,
                          "--password-stdin", NULL };
    const char *add_wrong[] = { "client", "add", "transmission", "Wrong", f->daemon->url, "--user", SSV_TEST_USER,
                                "--password-stdin", NULL };
    const char *test_home[] = { "client", "test", "Home", NULL };
    const char *test_wrong[] = { "client", "test", "Wrong", NULL };
    const char *test_none[] = { "client", "test", "Nowhere", NULL };
    const char *list_json[] = { "client", "list", "--json", NULL };

    out = run_cli (f, add, SSV_TEST_PASSWORD "\n", &status);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);
    out = run_cli (f, add_wrong, "not-the-password\n", &status);
    g_assert_cmpint (status, ==, 0);
    g_clear_pointer (&out, g_free);

    out = run_cli (f, test_home, NULL, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "Home answers"));
    g_clear_pointer (&out, g_free);
    out = run_cli (f, test_wrong, NULL, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (out, "rejected"));
    g_assert_null (strstr (out, "not-the-password"));
    g_clear_pointer (&out, g_free);
    out = run_cli (f, test_none, NULL, &status);
    g_assert_cmpint (status, ==, 1);
    g_assert_nonnull (strstr (out, "no download client called “Nowhere”"));
    g_clear_pointer (&out, g_free);

    out = run_cli (f, list_json, NULL, &status);
    g_assert_cmpint (status, ==, 0);
    list = parse_array (out);
    g_assert_cmpuint (json_array_get_length (list), ==, 2);
    home = json_array_get_object_element (list, 0);
    g_assert_cmpstr (json_object_get_string_member (home, "name"), ==, "Home");
    g_assert_true (json_object_get_boolean_member (home, "default"));
    g_assert_false (json_object_get_boolean_member (json_array_get_object_element (list, 1), "default"));
  }

  /* The password went to the keyring, nowhere near the library file. */
  g_assert_false (file_contains (f->db_path, SSV_TEST_PASSWORD));
  g_assert_false (file_contains (f->db_path, "not-the-password"));
}

static void
test_indexers (Fixture       *f,
               gconstpointer  data)
{
  const char *add[] = { "indexer", "add", "torznab", "Jackett", "http://127.0.0.1:9117/api/v2.0/indexers/all/results/torznab",
                        "--key-stdin", NULL };
  const char *again[] = { "indexer", "add", "newznab", "Jackett", "http://127.0.0.1:5076/api", NULL };
  const char *bad_kind[] = { "indexer", "add", "rss", "Feed", "http://127.0.0.1:1/rss", NULL };
  const char *no_key[] = { "indexer", "add", "prowlarr", "Prowlarr", "http://127.0.0.1:9696", "--key-stdin", NULL };
  const char *list_json[] = { "indexer", "list", "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) list = NULL;
  int status;

  out = run_cli (f, add, INDEXER_KEY "\n", &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, again, NULL, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "exists already"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, bad_kind, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, no_key, "", &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "No API key came on standard input"));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, list_json, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  list = parse_array (out);
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "kind"), ==, "torznab");
  g_assert_false (file_contains (f->db_path, INDEXER_KEY));
}

/* A grab made in-process (the data is on disk already), then the tool lists it and watches it finish. */
static void
test_downloads_watch (Fixture       *f,
                      gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  const char *list_json[] = { "downloads", "--json", NULL };
  const char *watch[] = { "downloads", "--watch", "--interval", "200", NULL };
  const char *list[] = { "downloads", NULL };
  const char *blocklist[] = { "blocklist", "list", NULL };
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(SsvDownloadStore) store = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
  g_autoptr(SsvClientPool) pool = NULL;
  g_autoptr(SsvGrabber) grabber = NULL;
  g_autoptr(SsvGrabRequest) request = ssv_grab_request_new ();
  g_autoptr(SsvFakeServer) indexer = ssv_fake_server_new ();
  g_autoptr(GBytes) torrent = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *out = NULL;
  g_autofree char *client_key = NULL;
  g_autofree char *expected = NULL;
  SsvDownloadCandidate *chosen;
  JsonObject *row;
  gint64 client_id;
  int status;

  if (f->daemon == NULL)
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  db = ssv_database_open (f->db_path, &error);
  g_assert_no_error (error);
  store = ssv_download_store_new (db);
  client_id = ssv_download_store_add_client (store, SSV_CLIENT_TRANSMISSION, "Home", f->daemon->url, SSV_TEST_USER,
                                             &error);
  client_key = ssv_secrets_client_key (client_id);
  ssv_secrets_store_sync (secrets, client_key, "test", SSV_TEST_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  pool = ssv_client_pool_new (store, http, secrets);
  grabber = ssv_grabber_new (pool);

  g_assert_true (ssv_test_torrent_write_payload (f->save_dir, VIDEO_NAME, &video, 1, VIDEO_SEED, &error));
  torrent = ssv_test_torrent_new (VIDEO_NAME, &video, 1, 16384, VIDEO_SEED, NULL);
  ssv_fake_server_add_bytes (indexer, "/dl/ronin.torrent", 200, "application/x-bittorrent", torrent);
  request->wanted.kind = SSV_DOWNLOAD_KIND_MOVIE;
  request->wanted.title = g_strdup ("Ronin");
  request->wanted.year = 1998;
  chosen = ssv_download_candidate_new ("torrent", "Ronin.1998.720p.BluRay.x264-GRP");
  chosen->download_url = g_strconcat (ssv_fake_server_get_url (indexer), "/dl/ronin.torrent", NULL);
  g_ptr_array_add (request->candidates, chosen);
  g_assert_cmpint (ssv_grabber_grab (grabber, request, NULL, NULL, &error), >, 0);
  g_assert_no_error (error);

  out = run_cli (f, list_json, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  rows = parse_array (out);
  g_assert_cmpuint (json_array_get_length (rows), ==, 1);
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "status"), ==, "queued");
  g_assert_cmpint (json_object_get_int_member (row, "attempts"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "title"), ==, "Ronin");
  g_clear_pointer (&out, g_free);

  /* The watch follows it to the end, hands it to the import, and then leaves by
   * itself. A "film" of a few hundred kilobytes is a sample: nothing is imported,
   * the release goes on the blocklist, and with no indexer there is nothing else
   * to try, which the download says. */
  out = run_cli (f, watch, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  expected = g_strdup_printf ("Ronin (1998): downloaded to %s/%s\n", f->save_dir, VIDEO_NAME);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "too small for a whole film"));
  g_assert_nonnull (strstr (out, "Nothing is downloading."));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, list, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "failed"));
  g_assert_nonnull (strstr (out, "100.0 %"));
  g_assert_nonnull (strstr (out, "No indexer is set up to search again."));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, blocklist, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Ronin.1998.720p.BluRay.x264-GRP"));
  g_assert_nonnull (strstr (out, "too small for a whole film"));
}

static char *
heat_feed (const char *url)
{
  return g_strdup_printf (
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<rss version=\"2.0\" xmlns:torznab=\"http://torznab.com/schemas/2015/feed\"><channel><title>Jackett</title>"
    "<item><title>Heat.1995.CAM.x264-BAD</title><guid>cam</guid>"
    "<link>%s/dl/cam.torrent</link><size>1400000000</size>"
    "<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>"
    "<torznab:attr name=\"seeders\" value=\"900\"/><torznab:attr name=\"peers\" value=\"950\"/>"
    "<torznab:attr name=\"category\" value=\"2000\"/></item>"
    "<item><title>Heat.1995.1080p.BluRay.x264-GRP</title><guid>good</guid>"
    "<link>%s/dl/heat.torrent</link><size>9000000000</size>"
    "<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>"
    "<torznab:attr name=\"seeders\" value=\"40\"/><torznab:attr name=\"peers\" value=\"45\"/>"
    "<torznab:attr name=\"category\" value=\"2040\"/></item>"
    "</channel></rss>", url, url);
}

/* A fake Jackett with Heat (a CAM and a 1080p BluRay whose .torrent it serves), added with
 * the transmission-daemon through the CLI as a person would. */
static SsvFakeIndexer *
serve_heat (Fixture *f)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  SsvFakeIndexer *indexer = NULL;
  g_autoptr(GBytes) torrent = NULL;
  g_autofree char *feed = NULL;
  g_autofree char *api = NULL;
  g_autofree char *out = NULL;
  int status;

  indexer = ssv_fake_indexer_new (INDEXER_KEY, "torznab/newznab_caps.xml");
  feed = heat_feed (ssv_fake_server_get_url (ssv_fake_indexer_get_server (indexer)));
  ssv_fake_indexer_set_body (indexer, NULL, 200, "application/rss+xml", feed);
  torrent = ssv_test_torrent_new ("Heat.1995.1080p.BluRay.x264-GRP.mkv", &video, 1, 16384, VIDEO_SEED, NULL);
  ssv_fake_server_add_bytes (ssv_fake_indexer_get_server (indexer), "/dl/heat.torrent", 200,
                             "application/x-bittorrent", torrent);
  api = g_strdup (ssv_fake_indexer_get_url (indexer));
  {
    const char *add_indexer[] = { "indexer", "add", "torznab", "Jackett", api, "--key-stdin", NULL };
    const char *test_indexer[] = { "indexer", "test", "Jackett", NULL };
    const char *add_client[] = { "client", "add", "transmission", "Home", f->daemon->url, "--user", SSV_TEST_USER,
                                 "--password-stdin", NULL };

    g_free (run_cli (f, add_indexer, INDEXER_KEY "\n", &status));
    g_assert_cmpint (status, ==, 0);
    g_free (run_cli (f, add_client, SSV_TEST_PASSWORD "\n", &status));
    g_assert_cmpint (status, ==, 0);
    out = run_cli (f, test_indexer, NULL, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "Jackett: "));
    g_clear_pointer (&out, g_free);
  }

  return indexer;
}

/* search judges every hit and says why; grab sends the best accepted one through the app. */
static void
test_search_and_grab (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvFakeIndexer) indexer = NULL;
  g_autoptr(JsonArray) hits = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *out = NULL;
  const char *no_selector[] = { "search", "--year", "1995", NULL };
  const char *search[] = { "search", "--movie", "Heat", "--year", "1995", NULL };
  const char *search_json[] = { "search", "--movie", "Heat", "--year", "1995", "--json", NULL };
  const char *grab[] = { "grab", "--movie", "Heat", "--year", "1995", NULL };
  const char *list_json[] = { "downloads", "--json", NULL };
  gboolean fetched = FALSE;
  int status;

  if (f->daemon == NULL)
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  indexer = serve_heat (f);

  out = run_cli (f, no_selector, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "--movie TITLE"));
  g_clear_pointer (&out, g_free);

  /* Both hits, the accepted one first, the CAM rejected with its reason. */
  out = run_cli (f, search, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "  1. accepted Heat.1995.1080p.BluRay.x264-GRP"));
  g_assert_nonnull (strstr (out, "  2. rejected Heat.1995.CAM.x264-BAD"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, search_json, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  hits = parse_array (out);
  g_assert_cmpuint (json_array_get_length (hits), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0), "title"), ==,
                   "Heat.1995.1080p.BluRay.x264-GRP");
  g_clear_pointer (&out, g_free);

  out = run_cli (f, grab, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Grabbed “Heat.1995.1080p.BluRay.x264-GRP” as download 1"));
  g_clear_pointer (&out, g_free);

  /* The .torrent came through the app, with the indexer's key. */
  requests = ssv_fake_server_dup_requests (ssv_fake_indexer_get_server (indexer));
  for (guint i = 0; i < requests->len; i++)
    {
      const SsvFakeRequest *r = g_ptr_array_index (requests, i);
      if (g_str_equal (r->path, "/dl/heat.torrent"))
        fetched = r->query != NULL && strstr (r->query, "apikey=" INDEXER_KEY) != NULL;
    }
  g_assert_true (fetched);

  out = run_cli (f, list_json, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&hits, json_array_unref);
  hits = parse_array (out);
  g_assert_cmpuint (json_array_get_length (hits), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0), "status"), ==, "queued");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (hits, 0), "release-title"), ==,
                   "Heat.1995.1080p.BluRay.x264-GRP");
}

/* wishlist search runs the drain now: the wanted film that is out is searched and its best
 * release grabbed; the one not out and the episode not aired say why not and when next; a
 * second run grabs nothing twice. */
static void
test_wishlist_search (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvFakeIndexer) indexer = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  JsonObject *item;
  const char *usage[] = { "wishlist", "search", NULL };
  const char *unknown[] = { "wishlist", "search", "--movie", "Nope", NULL };
  const char *all[] = { "wishlist", "search", "--all", NULL };
  const char *heat[] = { "wishlist", "search", "--movie", "heat", "--json", NULL };
  const char *show[] = { "wishlist", "search", "--show", "Severance", "--season", "2", "--json", NULL };
  int status;

  if (f->daemon == NULL)
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  indexer = serve_heat (f);
  db = ssv_database_open (f->db_path, &error);
  g_assert_no_error (error);
  ssv_database_exec (db,
    "INSERT INTO wishlist (id, kind, source, source_id, title, year) VALUES"
    "  (1, 'movie', 'tmdb', '949', 'Heat', 1995), (2, 'movie', 'tmdb', '900001', 'Future Film', 2099);"
    "INSERT INTO wishlist_shows (id, source, source_id, title, year, wanted) VALUES (1, 'tmdb', '95396', 'Severance', 2022, 1);"
    "INSERT INTO wishlist (id, kind, wishlist_show_id, season_number, episode_number, title, air_date)"
    "  VALUES (3, 'episode', 1, 2, 4, 'Woe''s Hollow', '2099-03-07');", &error);
  g_assert_no_error (error);
  g_clear_object (&db);

  out = run_cli (f, usage, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "--all | --movie TITLE | --show TITLE [--season S]"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, unknown, NULL, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "nothing on the wishlist is called “Nope”"));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, all, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Heat (1995)\n  searched: 2 found, 1 accepted\n"
                                 "  Grabbed “Heat.1995.1080p.BluRay.x264-GRP” (score "));
  g_assert_nonnull (strstr (out, "Future Film (2099)\n  Not searched: not out yet\n  next search: 2100-01-01 00:00\n"));
  g_assert_nonnull (strstr (out, "Severance · S02E04\n  Not searched: it has not aired yet\n"));
  g_assert_nonnull (strstr (out, "1 item searched, 1 grabbed"));
  g_clear_pointer (&out, g_free);

  /* The download under way owns it now: searched again, nothing is grabbed twice. */
  out = run_cli (f, heat, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  items = parse_array (out);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "downloading");
  g_assert_false (json_object_get_boolean_member (item, "searched"));
  g_assert_true (json_object_get_null_member (item, "grabbed"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&items, json_array_unref);

  out = run_cli (f, show, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  items = parse_array (out);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  item = json_array_get_object_element (items, 0);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, "Severance · S02E04");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "not-aired");
  g_assert_cmpint (json_object_get_int_member (item, "next_search"), >, 0);
}

/* The accepted count `wishlist search --movie heat --json` reports for Heat. */
static gint64
heat_accepted (Fixture *f)
{
  const char *heat[] = { "wishlist", "search", "--movie", "heat", "--json", NULL };
  g_autofree char *out = NULL;
  g_autoptr(JsonArray) items = NULL;
  JsonObject *item;
  int status;

  out = run_cli (f, heat, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  items = parse_array (out);
  g_assert_cmpuint (json_array_get_length (items), ==, 1);
  item = json_array_get_object_element (items, 0);
  g_assert_true (json_object_get_boolean_member (item, "searched"));
  g_assert_cmpint (json_object_get_int_member (item, "found"), ==, 2);

  return json_object_get_int_member (item, "accepted");
}

/* wishlist profile sets a wanted movie's or show's own quality profile, by title or id and by the
 * profile's name or id: Heat's 1080p BluRay is refused under "Ultra-HD" and taken once Heat is
 * back on the default profile; unknown items and profiles are said so and change nothing. */
static void
test_wishlist_profile (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvFakeIndexer) indexer = NULL;
  g_autoptr(SsvDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *usage[] = { "wishlist", "profile", "Heat", NULL };
  const char *to_uhd[] = { "wishlist", "profile", "heat", "Ultra-HD", NULL };
  const char *show[] = { "wishlist", "profile", "Severance", "3", NULL };
  const char *back[] = { "wishlist", "profile", "1", "default", NULL };
  const char *no_item[] = { "wishlist", "profile", "Nope", "default", NULL };
  const char *no_profile[] = { "wishlist", "profile", "Heat", "Nope", NULL };
  gint64 uhd;
  int status;

  if (f->daemon == NULL)
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  indexer = serve_heat (f);
  db = ssv_database_open (f->db_path, &error);
  g_assert_no_error (error);
  ssv_database_exec (db,
    "INSERT INTO wishlist (id, kind, source, source_id, title, year) VALUES (1, 'movie', 'tmdb', '949', 'Heat', 1995);"
    "INSERT INTO wishlist_shows (id, source, source_id, title, year, wanted) VALUES (1, 'tmdb', '95396', 'Severance', 2022, 0);",
    &error);
  g_assert_no_error (error);

  out = run_cli (f, usage, NULL, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "wishlist profile ITEM PROFILE"));
  g_clear_pointer (&out, g_free);

  out = run_cli (f, to_uhd, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "“heat” is now judged under “Ultra-HD”."));
  g_clear_pointer (&out, g_free);
  uhd = ssv_test_query_int (db, "SELECT id FROM quality_profiles WHERE name = 'Ultra-HD'");
  g_assert_cmpint (ssv_test_query_int (db, "SELECT profile_id FROM wishlist WHERE id = 1"), ==, uhd);
  g_assert_cmpint (heat_accepted (f), ==, 0);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM downloads"), ==, 0);

  out = run_cli (f, show, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT profile_id FROM wishlist_shows WHERE id = 1"), ==, 3);

  out = run_cli (f, no_item, NULL, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "Nothing on the wishlist is called “Nope”."));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, no_profile, NULL, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "There is no quality profile called “Nope”"));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (ssv_test_query_int (db, "SELECT profile_id FROM wishlist WHERE id = 1"), ==, uhd);

  out = run_cli (f, back, NULL, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "“1” is now judged under the default quality profile."));
  g_assert_cmpint (ssv_test_query_int (db, "SELECT count(*) FROM wishlist WHERE profile_id IS NOT NULL"), ==, 0);
  g_assert_cmpint (heat_accepted (f), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/acquire/clients", test_clients);
  ADD ("/cli/acquire/seeding-goal", test_seeding_goal);
  ADD ("/cli/acquire/indexers", test_indexers);
  ADD ("/cli/acquire/downloads-watch", test_downloads_watch);
  ADD ("/cli/acquire/search-and-grab", test_search_and_grab);
  ADD ("/cli/acquire/wishlist-search", test_wishlist_search);
  ADD ("/cli/acquire/wishlist-profile", test_wishlist_profile);
#undef ADD

  return g_test_run ();
}
