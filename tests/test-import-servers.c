/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-servers.c: after an import, Plex is asked to rescan the right section and Jellyfin its
 * libraries (fake servers record it); a server that refuses is named and stops nothing. */

#include "config.h"

#include "ssv-fake-jellyfin.h"
#include "ssv-fake-plex.h"
#include "ssv-server-token.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-importer.h"
#include "sources/ssv-folder-source.h"
#include "stores/ssv-server-store.h"

#define PLEX_TOKEN     "plex-import"
#define JELLYFIN_KEY   "jellyfin-import"

typedef struct
{
  char             *dir;
  char             *library;
  SsvDatabase      *db;
  SsvFakeServer    *plex_server;
  SsvFakeServer    *jellyfin_server;
  SsvFakePlex      *plex;
  SsvFakeJellyfin  *jellyfin;
  SsvHttp          *http;
  SsvSecrets       *secrets;
  SsvLibraryStore  *library_store;
  SsvScanner       *scanner;
  SsvDownloadStore *downloads;
  SsvProfileStore  *profiles;
  SsvImporter      *importer;
} Fixture;

static void
add_server (Fixture          *f,
            const char       *kind,
            const char       *name,
            const char       *url,
            const char       *token,
            SsvMediaLibrary **libraries,
            guint             n_libraries)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_media_library_free);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (ssv_server_store_add (f->db, kind, name, url, NULL, &id, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < n_libraries; i++)
    g_ptr_array_add (list, libraries[i]);
  g_assert_true (ssv_server_store_set_libraries (f->db, id, list, &error));
  g_assert_no_error (error);
  if (token != NULL)
    g_assert_true (ssv_server_token_store_sync (f->secrets, f->db, id, "test token", token, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  SsvImportSettings settings = { .min_video_bytes = -1 };
  g_autoptr(SsvFolderSource) folder = NULL;
  g_autoptr(GPtrArray) folder_libraries = NULL;
  g_autoptr(GError) error = NULL;
  const char *jellyfin_key = data != NULL ? data : JELLYFIN_KEY;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->library = g_build_filename (f->dir, "Library", NULL);
  g_mkdir_with_parents (f->library, 0755);

  f->plex_server = ssv_fake_server_new ();
  f->plex = ssv_fake_plex_new (f->plex_server, PLEX_TOKEN);
  ssv_fake_plex_add_section (f->plex, "1", "Movies", "movie");
  ssv_fake_plex_add_section (f->plex, "2", "TV Shows", "show");
  f->jellyfin_server = ssv_fake_server_new ();
  f->jellyfin = ssv_fake_jellyfin_new (f->jellyfin_server, JELLYFIN_KEY);
  ssv_fake_jellyfin_add_library (f->jellyfin, "lib-movies", "Films", "movies");

  f->http = ssv_http_new ();
  ssv_http_set_retry_policy (f->http, 1, 10);
  f->secrets = ssv_secrets_new ();
  f->library_store = ssv_library_store_new (f->db);
  f->scanner = ssv_scanner_new (f->db, f->library_store, f->http, f->secrets);
  f->downloads = ssv_download_store_new (f->db);
  f->profiles = ssv_profile_store_new (f->db);

  add_server (f, "plex", "Living Room", ssv_fake_server_get_url (f->plex_server), PLEX_TOKEN,
              (SsvMediaLibrary *[]) { ssv_media_library_new ("1", "Movies", SSV_LIBRARY_KIND_MOVIES),
                                      ssv_media_library_new ("2", "TV Shows", SSV_LIBRARY_KIND_SHOWS) }, 2);
  add_server (f, "jellyfin", "Home", ssv_fake_server_get_url (f->jellyfin_server), jellyfin_key,
              (SsvMediaLibrary *[]) { ssv_media_library_new ("lib-movies", "Films", SSV_LIBRARY_KIND_MOVIES) }, 1);
  folder = ssv_folder_source_new (f->library);
  folder_libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (folder), NULL, &error);
  add_server (f, "folder", "Disk", f->library, NULL, (SsvMediaLibrary **) folder_libraries->pdata, 0);

  f->importer = ssv_importer_new (f->db, f->downloads, f->profiles, f->scanner);
  ssv_importer_set_settings (f->importer, &settings);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->importer);
  g_clear_object (&f->profiles);
  g_clear_object (&f->downloads);
  g_clear_object (&f->scanner);
  g_clear_object (&f->library_store);
  g_clear_object (&f->secrets);
  g_clear_object (&f->http);
  g_clear_pointer (&f->plex_server, ssv_fake_server_free);
  g_clear_pointer (&f->jellyfin_server, ssv_fake_server_free);
  g_clear_pointer (&f->plex, ssv_fake_plex_free);
  g_clear_pointer (&f->jellyfin, ssv_fake_jellyfin_free);
  ssv_test_close_temp_database (&f->db, &f->dir);
  g_free (f->library);
}

static SsvImportOutcome *
import_heat (Fixture *f)
{
  SsvDownloadWanted heat = { .kind = SSV_DOWNLOAD_KIND_MOVIE, .title = (char *) "Heat", .year = 1995,
                             .season = -1, .episode = -1 };
  g_autofree char *download = g_build_filename (f->dir, "Heat.1995.1080p.BluRay.x264-GRP.mkv", NULL);
  g_autoptr(GError) error = NULL;
  SsvImportOutcome *outcome;

  g_assert_true (g_file_set_contents (download, "not really a film", -1, NULL));
  outcome = ssv_importer_import_sync (f->importer, NULL, &heat, download, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (outcome->library_path);
  for (guint i = 0; i < outcome->notes->len; i++)
    g_test_message ("note: %s", (char *) g_ptr_array_index (outcome->notes, i));
  return outcome;
}

static void
test_servers_rescan (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvImportOutcome) outcome = import_heat (f);
  g_autofree char *plex_calls = ssv_fake_plex_dup_refresh_calls (f->plex);

  /* the movies section only: the shows section has nothing new */
  g_assert_cmpstr (plex_calls, ==, "refresh 1");
  g_assert_cmpuint (ssv_fake_jellyfin_get_refreshes (f->jellyfin), ==, 1);
  g_assert_cmpuint (outcome->notes->len, ==, 0);
}

static void
test_server_refuses (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvImportOutcome) outcome = import_heat (f);
  g_autofree char *plex_calls = ssv_fake_plex_dup_refresh_calls (f->plex);

  /* Jellyfin refuses the key: it is named, Plex is still asked, the film is in */
  g_assert_cmpuint (ssv_fake_jellyfin_get_refreshes (f->jellyfin), ==, 0);
  g_assert_cmpstr (plex_calls, ==, "refresh 1");
  g_assert_cmpuint (outcome->notes->len, ==, 1);
  g_assert_true (g_str_has_prefix (g_ptr_array_index (outcome->notes, 0), "“Home” could not be told"));
  g_assert_true (g_file_test (outcome->library_path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  ssv_test_init (&argc, &argv);

  g_test_add ("/core/import-servers/rescan", Fixture, NULL, fixture_set_up, test_servers_rescan, fixture_tear_down);
  g_test_add ("/core/import-servers/refuses", Fixture, "wrong-key", fixture_set_up, test_server_refuses,
              fixture_tear_down);

  return g_test_run ();
}
