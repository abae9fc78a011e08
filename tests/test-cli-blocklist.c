/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-cli-blocklist.c: `blocklist add|remove|list [--json]`, and `downloads --watch` running the
 * retry engine: a release that fails is followed by the next one, printed, to completion. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "ssv-secrets.h"
#include "stores/ssv-download-store.h"
#include "ssv-fake-server.h"
#include "ssv-test-daemon.h"
#include "ssv-test-torrent.h"
#include "ssv-test-utils.h"
#include "stores/ssv-blocklist-store.h"

#define HASH        "aaaabbbbccccddddeeeeffff0000111122223333"
#define VIDEO_NAME  "Heat.1995.720p.BluRay.x264-GRP.mkv"
#define VIDEO_SIZE  (128 * 1024)
#define VIDEO_SEED  1995u

typedef struct
{
  char *dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->dir = ssv_test_make_temp_dir ();
  f->db_path = g_build_filename (f->dir, "library.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db_path);
}

static char *
run_cli (Fixture            *f,
         const char * const *args,
         int                *exit_status)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
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
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
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

static gint64
record_download (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDatabase) db = ssv_database_open (f->db_path, &error);
  g_autoptr(SsvDownloadStore) store = NULL;
  SsvDownloadWanted wanted = { SSV_DOWNLOAD_KIND_MOVIE, 0, 949, 0, NULL, "Heat", 1995, -1, -1, NULL, 0, NULL };
  g_autoptr(SsvDownloadCandidate) chosen = ssv_download_candidate_new ("torrent", "Heat.1995.2160p.UHD-BAD");
  SsvGrabRecord rec = { 0 };
  gint64 id;

  g_assert_no_error (error);
  store = ssv_download_store_new (db);
  chosen->indexer = g_strdup ("Jackett");
  rec.wanted = &wanted;
  rec.chosen = chosen;
  rec.reference = "1111222233334444555566667777888899990000";
  rec.status = SSV_DOWNLOAD_FAILED;
  rec.error = "No seeds.";
  rec.event = "Grabbed.";
  id = ssv_download_store_record_grab (store, &rec, &error);
  g_assert_no_error (error);

  return id;
}

static void
test_blocklist (Fixture       *f,
                gconstpointer  data)
{
  const char *add[] = { "blocklist", "add", "--release", "Heat.1995.1080p.BluRay.x264-GRP", "--indexer", "Jackett",
                        "--infohash", "AAAABBBBCCCCDDDDEEEEFFFF0000111122223333", "--reason", "Wrong language.", NULL };
  const char *bad_hash[] = { "blocklist", "add", "--release", "X", "--infohash", "not-hex", NULL };
  const char *neither[] = { "blocklist", "add", NULL };
  const char *list_json[] = { "blocklist", "list", "--json", NULL };
  const char *list[] = { "blocklist", NULL };
  const char *remove[] = { "blocklist", "remove", "1", NULL };
  const char *gone[] = { "blocklist", "add", "999", NULL };
  g_autoptr(JsonArray) rows = NULL;
  g_autofree char *out = NULL;
  JsonObject *row;
  int status;

  out = run_cli (f, add, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Blocked “Heat.1995.1080p.BluRay.x264-GRP” as 1: Wrong language."));
  g_clear_pointer (&out, g_free);

  /* wrong input: said, nothing written */
  out = run_cli (f, bad_hash, &status);
  g_assert_cmpint (status, ==, 2);
  g_assert_nonnull (strstr (out, "40 hexadecimal digits"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, neither, &status);
  g_assert_cmpint (status, ==, 2);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, gone, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "no longer there"));
  g_clear_pointer (&out, g_free);

  /* by download id: its release, with the client's infohash */
  {
    g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, record_download (f));
    const char *by_id[] = { "blocklist", "add", id, NULL };

    out = run_cli (f, by_id, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "Blocked “Heat.1995.2160p.UHD-BAD” as 2: Blocked by hand."));
    g_clear_pointer (&out, g_free);
  }

  out = run_cli (f, list_json, &status);
  g_assert_cmpint (status, ==, 0);
  rows = parse_array (out);
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  row = json_array_get_object_element (rows, 1);
  g_assert_cmpstr (json_object_get_string_member (row, "infohash"), ==, HASH);
  g_assert_cmpstr (json_object_get_string_member (row, "reason"), ==, "Wrong language.");
  g_assert_true (json_object_get_boolean_member (row, "manual"));
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "infohash"), ==, "1111222233334444555566667777888899990000");
  g_clear_pointer (&out, g_free);

  out = run_cli (f, remove, &status);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&out, g_free);
  out = run_cli (f, remove, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (out, "no blocked release 1"));
  g_clear_pointer (&out, g_free);
  out = run_cli (f, list, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_null (strstr (out, "Heat.1995.1080p"));
  g_assert_nonnull (strstr (out, "Heat.1995.2160p.UHD-BAD @ Jackett — Blocked by hand. (by hand)"));
}

/* The watch runs the retry engine: the first release is gone from its client, the next is
 * sent, printed, and followed to the end. */
static void
test_watch_retries (Fixture       *f,
                    gconstpointer  data)
{
  static const SsvTestTorrentFile video = { NULL, VIDEO_SIZE };
  const char *watch[] = { "downloads", "--watch", "--interval", "200", NULL };
  g_autoptr(SsvTestClientDaemon) daemon = NULL;
  g_autoptr(SsvFakeServer) files = ssv_fake_server_new ();
  g_autoptr(GBytes) torrent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *save_dir = g_build_filename (f->dir, "downloads", NULL);
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  int status;

  if (!ssv_test_have_program ("transmission-daemon"))
    {
      g_test_skip ("transmission-daemon is not installed");
      return;
    }

  g_mkdir_with_parents (save_dir, 0700);
  daemon = ssv_test_client_daemon_start (SSV_CLIENT_TRANSMISSION, save_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_true (ssv_test_torrent_write_payload (save_dir, VIDEO_NAME, &video, 1, VIDEO_SEED, &error));
  torrent = ssv_test_torrent_new (VIDEO_NAME, &video, 1, 16384, VIDEO_SEED, NULL);
  ssv_fake_server_add_bytes (files, "/dl/good.torrent", 200, "application/x-bittorrent", torrent);

  {
    g_autoptr(SsvDatabase) db = ssv_database_open (f->db_path, &error);
    g_autoptr(SsvDownloadStore) store = ssv_download_store_new (db);
    g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();
    g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_download_candidate_free);
    g_autoptr(SsvDownloadCandidate) gone = ssv_download_candidate_new ("torrent", "Heat.1995.1080p.BluRay.x264-GRP");
    SsvDownloadWanted wanted = { SSV_DOWNLOAD_KIND_MOVIE, 0, 949, 0, NULL, "Heat", 1995, -1, -1, NULL, 0, NULL };
    SsvGrabRecord rec = { 0 };
    g_autofree char *key = NULL;
    g_autofree char *hash = ssv_test_random_infohash ();
    SsvDownloadCandidate *c;
    gint64 client_id;

    g_assert_no_error (error);
    client_id = ssv_download_store_add_client (store, SSV_CLIENT_TRANSMISSION, "Home", daemon->url, SSV_TEST_USER,
                                               &error);
    g_assert_no_error (error);
    key = ssv_secrets_client_key (client_id);
    ssv_secrets_store_sync (secrets, key, "test", SSV_TEST_PASSWORD, NULL, &error);
    g_assert_no_error (error);
    /* grabbed before, and gone from the client since: the first poll finds it failed */
    c = ssv_download_candidate_new ("torrent", "Heat.1995.720p.BluRay.x264-GRP");
    c->download_url = g_strconcat (ssv_fake_server_get_url (files), "/dl/good.torrent", NULL);
    c->score = 1200;
    g_ptr_array_add (others, c);
    rec.wanted = &wanted;
    rec.chosen = gone;
    rec.others = others;
    rec.client_id = client_id;
    rec.client_name = "Home";
    rec.reference = hash;
    rec.status = SSV_DOWNLOAD_QUEUED;
    rec.event = "Grabbed.";
    g_assert_cmpint (ssv_download_store_record_grab (store, &rec, &error), >, 0);
    g_assert_no_error (error);
  }

  out = run_cli (f, watch, &status);
  g_test_message ("%s", out);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "Heat (1995): retry: failed: "));
  g_assert_nonnull (strstr (out, "→ trying Heat.1995.720p.BluRay.x264-GRP (score 1200)"));
  expected = g_strdup_printf ("Heat (1995): downloaded to %s/%s\n", save_dir, VIDEO_NAME);
  g_assert_nonnull (strstr (out, expected));
  g_assert_nonnull (strstr (out, "Nothing is downloading."));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/blocklist/add-list-remove", test_blocklist);
  ADD ("/cli/blocklist/watch-retries", test_watch_retries);
#undef ADD

  return g_test_run ();
}
