/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-slskd-search.c: Soulseek answers grouped into releases, and searches run against a fake slskd. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "ssv-fake-slskd.h"
#include "downloads/ssv-slskd-search.h"
#include "ssv-test-utils.h"

/* One peer's answer in the shape slskd sends (see slskd/get_search_responses.listenarr-anon.json). */
static void
add_response (GString    *json,
              const char *user,
              gboolean    free_slot,
              int         queue,
              gint64      speed,
              const char *files)
{
  g_string_append_printf (json, "%s{\"fileCount\":1,\"files\":[%s],\"hasFreeUploadSlot\":%s,\"lockedFileCount\":0,"
                          "\"lockedFiles\":[],\"queueLength\":%d,\"token\":153821,\"uploadSpeed\":%" G_GINT64_FORMAT
                          ",\"username\":\"%s\"}",
                          json->len > 1 ? "," : "", files, free_slot ? "true" : "false", queue, speed, user);
}

static char *
file_json (const char *path,
           gint64      size)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), path);
  g_autofree char *quoted = json_to_string (node, FALSE);

  return g_strdup_printf ("{\"code\":1,\"extension\":\"\",\"filename\":%s,\"size\":%" G_GINT64_FORMAT
                          ",\"isLocked\":false}", quoted, size);
}

static char *
files_json (const char * const *paths,
            const gint64       *sizes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autofree char *file = file_json (paths[i], sizes[i]);

      g_string_append_printf (out, "%s%s", i ? "," : "", file);
    }
  return g_string_free (out, FALSE);
}

#define FILM_DIR "@@abcde\\Films\\Fight Club (1999) 1080p BluRay x264-GRP\\"
#define SHOW_DIR "@@qqq\\TV\\The Fix\\Season 01\\"

/* Two peers with the same film, a season folder, a two-disc film, a folder of loose films. */
static char *
video_responses (void)
{
  static const char * const a_files[] = {
    FILM_DIR "Fight.Club.1999.1080p.BluRay.x264-GRP.mkv", FILM_DIR "Sample\\fight.club.sample.mkv",
    FILM_DIR "Fight.Club.nfo", NULL,
  };
  static const gint64 a_sizes[] = { 9000000000, 50000000, 4000 };
  static const char * const b_files[] = {
    FILM_DIR "Fight.Club.1999.1080p.BluRay.x264-GRP.mkv", FILM_DIR "Fight.Club.nfo",
    SHOW_DIR "The.Fix.S01E01.720p.WEB.h264.mkv", SHOW_DIR "The.Fix.S01E02.720p.WEB.h264.mkv",
    SHOW_DIR "Subs\\The.Fix.S01E01.en.srt", NULL,
  };
  static const gint64 b_sizes[] = { 9000000000, 4000, 700000000, 710000000, 30000 };
  static const char * const c_files[] = {
    "@@c\\DVD\\Amelie (2001)\\Disc 1\\VTS_01_1.VOB", "@@c\\DVD\\Amelie (2001)\\Disc 2\\VTS_01_1.VOB",
    "@@c\\Films\\Heat.1995.720p.BluRay.x264.mkv", "@@c\\Films\\Alien.1979.1080p.WEB-DL.mkv",
    "@@c\\Films\\readme.txt", "@@c\\Ronin.1998.DVDRip.avi", NULL,
  };
  static const gint64 c_sizes[] = { 1000000000, 900000000, 4400000000, 6000000000, 10, 700000000 };
  g_autofree char *a = files_json (a_files, a_sizes);
  g_autofree char *b = files_json (b_files, b_sizes);
  g_autofree char *c = files_json (c_files, c_sizes);
  GString *json = g_string_new ("[");

  add_response (json, "slowpoke", FALSE, 40, 50000, a);
  add_response (json, "freebird", TRUE, 12, 900000, b);
  add_response (json, "collector", FALSE, 0, 100000, c);
  g_string_append_c (json, ']');
  return g_string_free (json, FALSE);
}

static GPtrArray *
group (const char *json)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *hits = ssv_slskd_parse_responses (json, -1, "Soulseek", &error);

  g_assert_no_error (error);
  return hits;
}

static SsvReleaseHit *
find_hit (GPtrArray  *hits,
          const char *title)
{
  for (guint i = 0; i < hits->len; i++)
    {
      SsvReleaseHit *hit = g_ptr_array_index (hits, i);

      if (g_strcmp0 (hit->title, title) == 0)
        return hit;
    }
  g_error ("no release “%s”", title);
  return NULL;
}

static guint
n_wanted (SsvReleaseHit *hit)
{
  guint n = 0;

  for (guint i = 0; i < hit->files->len; i++)
    n += ((SsvHitFile *) g_ptr_array_index (hit->files, i))->wanted;
  return n;
}

static void
test_group_folders (void)
{
  g_autofree char *json = video_responses ();
  g_autoptr(GPtrArray) hits = group (json);
  SsvReleaseHit *film, *season, *amelie;

  for (guint i = 0; i < hits->len; i++)
    g_test_message ("%s (%s)", ((SsvReleaseHit *) g_ptr_array_index (hits, i))->title,
                    ((SsvReleaseHit *) g_ptr_array_index (hits, i))->slskd_user);
  g_assert_cmpuint (hits->len, ==, 6);

  /* one release from two peers: the one with a free slot, though its queue is longer */
  film = find_hit (hits, "Fight Club (1999) 1080p BluRay x264-GRP");
  g_assert_cmpstr (film->slskd_user, ==, "freebird");
  g_assert_cmpint (film->peers, ==, 2);
  g_assert_cmpint (film->seeders, ==, 1);
  g_assert_true (film->free_slot);
  g_assert_cmpint (film->queue_length, ==, 12);
  g_assert_cmpint (film->size, ==, 9000000000);
  g_assert_cmpint (film->protocol, ==, SSV_PROTOCOL_SLSKD);
  g_assert_cmpuint (n_wanted (film), ==, 1);
  g_assert_true (ssv_release_hit_can_download (film));

  /* "Season 01" takes its show's name; the subtitles belong to it, not downloaded */
  season = find_hit (hits, "The Fix Season 01");
  g_assert_cmpuint (season->files->len, ==, 3);
  g_assert_cmpuint (n_wanted (season), ==, 2);
  g_assert_cmpint (season->size, ==, 1410000000);

  /* "Disc 1" and "Disc 2" are one film */
  amelie = find_hit (hits, "Amelie (2001)");
  g_assert_cmpuint (n_wanted (amelie), ==, 2);

  /* a folder named "Films" is no release: each film in it is */
  find_hit (hits, "Heat.1995.720p.BluRay.x264");
  find_hit (hits, "Alien.1979.1080p.WEB-DL");
  g_assert_cmpuint (find_hit (hits, "Alien.1979.1080p.WEB-DL")->files->len, ==, 2);
  /* a film at the root of a share */
  find_hit (hits, "Ronin.1998.DVDRip");
}

static void
test_group_samples_and_peers (void)
{
  g_autofree char *one = NULL;
  g_autofree char *two = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  GString *json = g_string_new ("[");
  g_autofree char *text = NULL;
  SsvReleaseHit *hit;

  one = file_json ("@@x\\Heat (1995)\\Heat.1995.1080p.BluRay.mkv", 8000000000);
  two = file_json ("@@y\\Heat (1995)\\Heat.1995.1080p.BluRay.mkv", 8000000000);
  /* no free slot for either: the shorter queue, then the faster peer */
  add_response (json, "long-queue", FALSE, 9, 9000000, one);
  add_response (json, "short-slow", FALSE, 2, 1000, two);
  add_response (json, "short-fast", FALSE, 2, 5000, two);
  add_response (json, "only-sample", TRUE, 0, 9000000,
                "{\"filename\":\"@@z\\\\Heat (1995)\\\\heat-sample.mkv\",\"size\":1000}");
  add_response (json, "locked", TRUE, 0, 9000000,
                "{\"filename\":\"@@l\\\\Heat (1995)\\\\Heat.mkv\",\"size\":1000,\"isLocked\":true}");
  g_string_append_c (json, ']');
  text = g_string_free (json, FALSE);

  hits = group (text);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = g_ptr_array_index (hits, 0);
  g_assert_cmpstr (hit->slskd_user, ==, "short-fast");
  g_assert_cmpint (hit->peers, ==, 3);
  g_assert_cmpint (hit->seeders, ==, 0);
}

static void
test_group_recorded_music (void)
{
  static const char * const fixtures[] = {
    "slskd/get_search_responses.listenarr-anon.json",
    "slskd/get_search_includeResponses_daft-punk.naviseerr.json",
    "slskd/search_album-discovery.naviseerr.json",
  };

  /* real answers, all music: nothing to download for a video app */
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autoptr(GBytes) bytes = ssv_fixture_load (fixtures[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ssv_slskd_parse_responses (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                                             "Soulseek", &error);

      g_assert_no_error (error);
      g_assert_cmpuint (hits->len, ==, 0);
    }
}

static void
test_group_hostile (void)
{
  static const char * const odd[] = {
    "[1, \"x\", null, {}, {\"username\": 5}, {\"username\": \"u\", \"files\": {}},"
    " {\"username\": \"u\", \"files\": [null, 3, {\"filename\": 4}, {\"filename\": \"\"},"
    " {\"filename\": \"\\\\\\\\\"}, {\"filename\": \"@@a\\\\\"}]}]",
    "{\"responses\": \"none\"}",
    "{}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autoptr(GPtrArray) hits = group (odd[i]);

      g_assert_cmpuint (hits->len, ==, 0);
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) hits = ssv_slskd_parse_responses ("<html><body>slskd</body></html>", -1, "Soulseek", &error);

    g_assert_null (hits);
    g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  }
}

/* ---- against the fake slskd ---------------------------------------------------- */

typedef struct
{
  SsvFakeServer *server;
  SsvFakeSlskd  *fake;
  SsvHttp       *http;
  SsvIndexer    *indexer;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *json = video_responses ();

  f->server = ssv_fake_server_new ();
  f->fake = ssv_fake_slskd_new (f->server, "slsk-key");
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  f->indexer = ssv_indexer_new (SSV_INDEXER_SLSKD, "Soulseek", ssv_fake_server_get_url (f->server), "slsk-key");
  ssv_indexer_set_slskd_timing (f->indexer, 0, 20, 5000);
  ssv_fake_slskd_set_responses (f->fake, json);
  ssv_fake_slskd_set_polls (f->fake, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->indexer);
  g_clear_object (&f->http);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  g_clear_pointer (&f->fake, ssv_fake_slskd_free);
}

static void
test_search_flow (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = ssv_slskd_search (f->indexer, f->http, "Fight Club 1999", NULL, &error);
  g_autoptr(GPtrArray) texts = ssv_fake_slskd_dup_texts (f->fake);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 6);
  g_assert_cmpuint (texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (texts, 0), ==, "Fight Club 1999");
  /* polled until complete, then deleted */
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/api/v0/searches/*"), >=, 4);
  g_assert_cmpuint (ssv_fake_slskd_get_n_live (f->fake), ==, 0);
  g_assert_cmpuint (ssv_fake_slskd_get_n_deleted (f->fake), ==, 1);
  g_assert_cmpuint (ssv_fake_slskd_get_n_stopped (f->fake), ==, 0);
}

static void
test_search_deadline (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  /* slskd keeps searching longer than the app waits: stop it, take what came */
  ssv_fake_slskd_set_polls (f->fake, G_MAXUINT);
  ssv_indexer_set_slskd_timing (f->indexer, 0, 20, 200);
  hits = ssv_slskd_search (f->indexer, f->http, "Heat 1995", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 6);
  g_assert_cmpuint (ssv_fake_slskd_get_n_stopped (f->fake), ==, 1);
  g_assert_cmpuint (ssv_fake_slskd_get_n_live (f->fake), ==, 0);
}

static void
test_search_no_videos (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  ssv_fake_slskd_set_responses_fixture (f->fake, "slskd/get_search_responses.listenarr-anon.json");
  hits = ssv_slskd_search (f->indexer, f->http, "TEST", NULL, &error);
  g_assert_null (hits);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "2 peers"));
  g_assert_nonnull (strstr (error->message, "video files"));
  g_assert_cmpuint (ssv_fake_slskd_get_n_live (f->fake), ==, 0);

  g_clear_error (&error);
  ssv_fake_slskd_set_responses (f->fake, "[]");
  hits = ssv_slskd_search (f->indexer, f->http, "Nothing At All", NULL, &error);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody"));
}

static void
test_search_wrong_key (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvIndexer) wrong = ssv_indexer_new (SSV_INDEXER_SLSKD, "Soulseek", ssv_fake_server_get_url (f->server),
                                                 "nope");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;

  ssv_indexer_set_slskd_timing (wrong, 0, 20, 1000);
  hits = ssv_slskd_search (wrong, f->http, "Heat", NULL, &error);
  g_assert_null (hits);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED);
  g_assert_nonnull (strstr (error->message, "Soulseek"));
  g_assert_cmpuint (ssv_fake_slskd_get_n_live (f->fake), ==, 0);
}

static void
test_search_gap (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) starts = NULL;

  ssv_indexer_set_slskd_timing (f->indexer, 400, 10, 5000);
  ssv_fake_slskd_set_polls (f->fake, 0);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = ssv_slskd_search (f->indexer, f->http, "Heat", NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (hits);
    }

  starts = ssv_fake_slskd_dup_start_times (f->fake);
  g_assert_cmpuint (starts->len, ==, 3);
  for (guint i = 1; i < starts->len; i++)
    g_assert_cmpint (g_array_index (starts, gint64, i) - g_array_index (starts, gint64, i - 1), >=, 400000);
}

static gpointer
search_thread (gpointer data)
{
  Fixture *f = ((gpointer *) data)[0];
  GCancellable *cancellable = ((gpointer *) data)[1];
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = ssv_slskd_search (f->indexer, f->http, "Heat", cancellable, &error);

  return GINT_TO_POINTER (hits == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));
}

static void
test_search_cancel_deletes (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gpointer args[] = { f, cancellable };
  GThread *thread;

  ssv_fake_slskd_set_polls (f->fake, G_MAXUINT);
  thread = g_thread_new ("search", search_thread, args);
  g_assert_true (ssv_fake_slskd_wait_live (f->fake, 1, 10000));
  g_cancellable_cancel (cancellable);
  g_assert_true (GPOINTER_TO_INT (g_thread_join (thread)));
  /* the search does not stay behind in slskd */
  g_assert_cmpuint (ssv_fake_slskd_get_n_live (f->fake), ==, 0);
  g_assert_cmpuint (ssv_fake_slskd_get_n_deleted (f->fake), ==, 1);
}

static void
test_search_test_connection (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *said = ssv_indexer_test (f->indexer, f->http, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (said, "0.22.2"));
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/slskd-search/group/folders", test_group_folders);
  g_test_add_func ("/core/slskd-search/group/samples-and-peers", test_group_samples_and_peers);
  g_test_add_func ("/core/slskd-search/group/recorded-music", test_group_recorded_music);
  g_test_add_func ("/core/slskd-search/group/hostile", test_group_hostile);
  ADD ("/core/slskd-search/flow", test_search_flow);
  ADD ("/core/slskd-search/deadline", test_search_deadline);
  ADD ("/core/slskd-search/no-videos", test_search_no_videos);
  ADD ("/core/slskd-search/wrong-key", test_search_wrong_key);
  ADD ("/core/slskd-search/gap", test_search_gap);
  ADD ("/core/slskd-search/cancel-deletes", test_search_cancel_deletes);
  ADD ("/core/slskd-search/test-connection", test_search_test_connection);

  return g_test_run ();
}
