/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-image-cache.c: images are fetched once, shared by concurrent askers, kept under hashed
 * names, asked for scaled from media servers with their token, and bad answers are not kept. */

#include "config.h"

#include <string.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "ssv-error.h"
#include "ssv-fake-server.h"
#include "ssv-image-cache.h"
#include "ssv-test-utils.h"

/* A 1×1 PNG. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
  0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
  0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
  0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
  0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

typedef struct
{
  char          *dir;
  SsvFakeServer *server;
  SsvHttp       *http;
  SsvImageCache *cache;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autofree char *images = NULL;
  SsvFakeFault slow = { SSV_FAKE_FAULT_DELAY, 0, -1, 150, -1 };

  f->dir = ssv_test_make_temp_dir ();
  images = g_build_filename (f->dir, "images", NULL);
  f->server = ssv_fake_server_new ();
  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 0, 5);
  f->cache = ssv_image_cache_new (f->http, images);

  ssv_fake_server_add_bytes (f->server, "GET /t/p/w500/poster.png", 200, "image/png", png);
  ssv_fake_server_add_bytes (f->server, "GET /Items/abc/Images/Primary", 200, "image/png", png);
  ssv_fake_server_add_bytes (f->server, "GET /photo/:/transcode", 200, "image/png", png);
  ssv_fake_server_add_body (f->server, "GET /error-page", 200, "text/html", "<html>Sign in</html>");
  /* Slow enough that concurrent askers overlap. */
  ssv_fake_server_set_fault (f->server, "GET /t/p/w500/poster.png", &slow);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->cache);
  g_clear_object (&f->http);
  g_clear_pointer (&f->server, ssv_fake_server_free);
  ssv_test_remove_tree (f->dir);
  g_free (f->dir);
}

typedef struct
{
  Fixture *f;
  char    *uri;
  GFile   *file;
} Asker;

static gpointer
ask_thread (gpointer data)
{
  Asker *asker = data;
  g_autoptr(GError) error = NULL;

  asker->file = ssv_image_cache_fetch (asker->f->cache, asker->uri, 0, NULL, &error);
  g_assert_no_error (error);
  return NULL;
}

static void
test_fetch_once (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *uri = g_strconcat (ssv_fake_server_get_url (f->server), "/t/p/w500/poster.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) again = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *expected_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
  Asker askers[6];
  GThread *threads[6];
  char *contents = NULL;
  gsize length;

  /* Six cards ask for the same poster at once: one download. */
  for (guint i = 0; i < G_N_ELEMENTS (askers); i++)
    {
      askers[i] = (Asker) { f, uri, NULL };
      threads[i] = g_thread_new ("asker", ask_thread, &askers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (askers); i++)
    g_thread_join (threads[i]);

  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/t/p/w500/poster.png"), ==, 1);
  g_assert_cmpuint (ssv_image_cache_get_downloads (f->cache), ==, 1);
  for (guint i = 1; i < G_N_ELEMENTS (askers); i++)
    g_assert_true (g_file_equal (askers[0].file, askers[i].file));

  /* The file is under the cache folder, named by the address's hash. */
  path = g_file_get_path (askers[0].file);
  basename = g_path_get_basename (path);
  g_assert_true (g_str_has_prefix (path, f->dir));
  g_assert_cmpstr (basename, ==, expected_hash);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpmem (contents, length, tiny_png, sizeof tiny_png);
  g_free (contents);

  /* Later: from disk, no request. */
  again = ssv_image_cache_fetch (f->cache, uri, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/t/p/w500/poster.png"), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (askers); i++)
    g_object_unref (askers[i].file);
}

static void
test_media_server_scaled_with_token (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *jellyfin = g_strconcat (ssv_fake_server_get_url (f->server),
                                           "/Items/abc/Images/Primary?tag=0123", NULL);
  g_autofree char *plex = g_strconcat (ssv_fake_server_get_url (f->server),
                                       "/library/metadata/102969/thumb/1744674504", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) small = NULL;
  g_autoptr(GFile) large = NULL;
  g_autoptr(GFile) plex_file = NULL;
  g_autoptr(GPtrArray) requests = NULL;
  g_autofree char *plex_fetch = NULL;
  guint jellyfin_requests = 0;

  ssv_image_cache_add_server (f->cache, "jellyfin", ssv_fake_server_get_url (f->server), "jf-secret");
  small = ssv_image_cache_fetch (f->cache, jellyfin, 300, NULL, &error);
  g_assert_no_error (error);
  large = ssv_image_cache_fetch (f->cache, jellyfin, 900, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_equal (small, large));

  requests = ssv_fake_server_dup_requests (f->server);
  for (guint i = 0; i < requests->len; i++)
    {
      SsvFakeRequest *request = g_ptr_array_index (requests, i);

      if (!g_str_equal (request->path, "/Items/abc/Images/Primary"))
        continue;
      jellyfin_requests++;
      g_assert_cmpstr (g_hash_table_lookup (request->headers, "x-emby-token"), ==, "jf-secret");
      g_assert_nonnull (strstr (request->query, jellyfin_requests == 1 ? "maxHeight=320" : "maxHeight=1080"));
    }
  g_assert_cmpuint (jellyfin_requests, ==, 2);

  /* Plex posters go through its photo transcoder; the token stays in a header. */
  ssv_image_cache_add_server (f->cache, "plex", ssv_fake_server_get_url (f->server), "plex-secret");
  plex_fetch = ssv_image_cache_dup_fetch_uri (f->cache, plex, 450, NULL);
  g_assert_nonnull (strstr (plex_fetch, "/photo/:/transcode?width=320&height=480"));
  g_assert_nonnull (strstr (plex_fetch, "url=%2Flibrary%2Fmetadata%2F102969%2Fthumb%2F1744674504"));
  g_assert_null (strstr (plex_fetch, "plex-secret"));
  plex_file = ssv_image_cache_fetch (f->cache, plex, 450, NULL, &error);
  g_assert_no_error (error);
}

static void
test_bad_answers_not_kept (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *html = g_strconcat (ssv_fake_server_get_url (f->server), "/error-page", NULL);
  g_autofree char *missing = g_strconcat (ssv_fake_server_get_url (f->server), "/no/such.jpg", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) cached = NULL;
  GFile *file;

  file = ssv_image_cache_fetch (f->cache, html, 0, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_MALFORMED);
  cached = ssv_image_cache_dup_cached_file (f->cache, html, 0);
  g_assert_false (g_file_query_exists (cached, NULL));
  g_clear_error (&error);

  file = ssv_image_cache_fetch (f->cache, missing, 0, NULL, &error);
  g_assert_null (file);
  g_assert_error (error, SSV_ERROR, SSV_ERROR_NOT_FOUND);
}

static void
test_local_files (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "poster.jpg", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) by_uri = NULL;
  g_autoptr(GFile) by_path = NULL;
  g_autoptr(GFile) expected = g_file_new_for_path (path);

  by_uri = ssv_image_cache_fetch (f->cache, uri, 300, NULL, &error);
  g_assert_no_error (error);
  by_path = ssv_image_cache_fetch (f->cache, path, 300, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_equal (by_uri, expected));
  g_assert_true (g_file_equal (by_path, expected));
  g_assert_cmpuint (ssv_fake_server_get_total_hits (f->server), ==, 0);
}

/* A 10 kB "poster": a PNG signature and padding (the cache checks the signature only). */
static GBytes *
poster_bytes (guint8 fill)
{
  gsize size = 10000;
  guint8 *data = g_malloc (size);

  memset (data, fill, size);
  memcpy (data, tiny_png, 8);
  return g_bytes_new_take (data, size);
}

static char *
poster_uri (Fixture    *f,
            const char *name)
{
  return g_strdup_printf ("%s/art/%s.png", ssv_fake_server_get_url (f->server), name);
}

static GFile *
fetch_poster (Fixture       *f,
              SsvImageCache *cache,
              const char    *name)
{
  g_autofree char *uri = poster_uri (f, name);
  g_autoptr(GError) error = NULL;
  GFile *file = ssv_image_cache_fetch (cache, uri, 0, NULL, &error);

  g_assert_no_error (error);
  return file;
}

static gboolean
poster_cached (Fixture       *f,
               SsvImageCache *cache,
               const char    *name)
{
  g_autofree char *uri = poster_uri (f, name);
  g_autoptr(GFile) file = ssv_image_cache_dup_cached_file (cache, uri, 0);

  return g_file_query_exists (file, NULL);
}

/* As if the poster was last shown @hours ago, in an earlier session. */
static void
age_poster (Fixture    *f,
            const char *name,
            int         hours)
{
  g_autofree char *uri = poster_uri (f, name);
  g_autoptr(GFile) file = ssv_image_cache_dup_cached_file (f->cache, uri, 0);
  g_autofree char *path = g_file_get_path (file);
  struct utimbuf when;

  when.actime = when.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - hours * 3600);
  g_assert_cmpint (g_utime (path, &when), ==, 0);
}

/* The cache has a size limit: past it, the posters shown least recently go
 * (in the order earlier sessions left, kept in the files' times), and one
 * shown again moves to the back of the queue. */
static void
test_evicts_least_recently_used (Fixture       *f,
                                 gconstpointer  data)
{
  const char *names[] = { "a", "b", "c", "d", "e" };
  g_autoptr(SsvImageCache) later = NULL;
  g_autoptr(GFile) again = NULL;
  g_autoptr(GFile) fresh = NULL;
  g_autoptr(GFile) back = NULL;
  g_autofree char *a_path = NULL;
  GStatBuf info;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *route = g_strdup_printf ("GET /art/%s.png", names[i]);
      g_autoptr(GBytes) bytes = poster_bytes ((guint8) i);

      ssv_fake_server_add_bytes (f->server, route, 200, "image/png", bytes);
    }

  /* An earlier session showed a, b, c and d, a first. */
  g_assert_cmpuint (ssv_image_cache_get_max_bytes (f->cache), >=, 512 * 1024 * 1024);
  for (guint i = 0; i < 4; i++)
    g_object_unref (fetch_poster (f, f->cache, names[i]));
  for (guint i = 0; i < 4; i++)
    age_poster (f, names[i], 4 - (int) i);

  /* This session allows four and a half posters. */
  later = ssv_image_cache_new (f->http, ssv_image_cache_get_directory (f->cache));
  ssv_image_cache_set_max_bytes (later, 45000);
  g_assert_cmpuint (ssv_image_cache_trim (later), ==, 40000);
  g_assert_cmpuint (ssv_image_cache_get_evictions (later), ==, 0);

  /* a is shown again (from disk), then e arrives: b is the one least recently shown. */
  again = fetch_poster (f, later, "a");
  fresh = fetch_poster (f, later, "e");
  g_assert_cmpuint (ssv_image_cache_get_evictions (later), ==, 1);
  g_assert_true (poster_cached (f, later, "a"));
  g_assert_false (poster_cached (f, later, "b"));
  g_assert_true (poster_cached (f, later, "c"));
  g_assert_true (poster_cached (f, later, "d"));
  g_assert_true (poster_cached (f, later, "e"));
  g_assert_cmpuint (ssv_image_cache_trim (later), ==, 40000);

  /* a's file says it was just used, for the next session. */
  a_path = g_file_get_path (again);
  g_assert_cmpint (g_stat (a_path, &info), ==, 0);
  g_assert_cmpint (info.st_mtime, >=, g_get_real_time () / G_USEC_PER_SEC - 60);

  /* b is fetched again when it is shown again. */
  ssv_fake_server_reset_log (f->server);
  back = fetch_poster (f, later, "b");
  g_assert_cmpuint (ssv_fake_server_get_hits (f->server, "/art/b.png"), ==, 1);
}

/* Lowering the limit trims at once; what was just shown stays even then. */
static void
test_limit_lowered (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GBytes) one = poster_bytes (1);
  g_autoptr(GBytes) two = poster_bytes (2);

  ssv_fake_server_add_bytes (f->server, "GET /art/old.png", 200, "image/png", one);
  ssv_fake_server_add_bytes (f->server, "GET /art/new.png", 200, "image/png", two);
  first = fetch_poster (f, f->cache, "old");
  second = fetch_poster (f, f->cache, "new");
  age_poster (f, "old", 2);

  {
    g_autoptr(SsvImageCache) later = ssv_image_cache_new (f->http, ssv_image_cache_get_directory (f->cache));

    g_assert_cmpuint (ssv_image_cache_trim (later), ==, 20000);
    ssv_image_cache_set_max_bytes (later, 5000);
    g_assert_cmpuint (ssv_image_cache_trim (later), ==, 10000);
    g_assert_false (poster_cached (f, later, "old"));
    g_assert_true (poster_cached (f, later, "new"));
  }
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/image-cache/fetch-once", Fixture, NULL, fixture_setup, test_fetch_once, fixture_teardown);
  g_test_add ("/image-cache/media-server-scaled-with-token", Fixture, NULL, fixture_setup,
              test_media_server_scaled_with_token, fixture_teardown);
  g_test_add ("/image-cache/bad-answers-not-kept", Fixture, NULL, fixture_setup, test_bad_answers_not_kept,
              fixture_teardown);
  g_test_add ("/image-cache/local-files", Fixture, NULL, fixture_setup, test_local_files, fixture_teardown);
  g_test_add ("/image-cache/evicts-least-recently-used", Fixture, NULL, fixture_setup,
              test_evicts_least_recently_used, fixture_teardown);
  g_test_add ("/image-cache/limit-lowered", Fixture, NULL, fixture_setup, test_limit_lowered, fixture_teardown);

  return g_test_run ();
}
