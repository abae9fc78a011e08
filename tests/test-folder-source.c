/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-folder-source.c: names in the common layouts, and scans of generated trees of real
 * (tiny) files: movies, shows, multi-episode files, artwork, extras, removals, real titles
 * with numbers and punctuation (folder-titles.tsv), daily shows, symlinks. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sources/ssv-folder-source.h"
#include "sources/ssv-folder-watcher.h"
#include "sources/ssv-media-name.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"
#include "ssv-test-utils.h"

typedef struct
{
  const char   *path;
  SsvMediaKind  kind;
  const char   *title;
  int           year;
  int           season;
  int           episode;
  int           episode_end;
  const char   *episode_title;
} NameCase;

static const NameCase name_cases[] = {
  { "The Matrix (1999)/The Matrix (1999).mkv", SSV_MEDIA_KIND_MOVIE, "The Matrix", 1999 },
  { "Heat.1995.1080p.BluRay.x264-GRP.mkv", SSV_MEDIA_KIND_MOVIE, "Heat", 1995 },
  { "2001 A Space Odyssey (1968).mp4", SSV_MEDIA_KIND_MOVIE, "2001 A Space Odyssey", 1968 },
  { "Blade Runner 2049 (2017)/Blade.Runner.2049.2017.2160p.UHD.BluRay.REMUX.mkv", SSV_MEDIA_KIND_MOVIE,
    "Blade Runner 2049", 2017 },
  { "Alien (1979)/movie.mkv", SSV_MEDIA_KIND_MOVIE, "Alien", 1979 },
  { "Kill Bill Vol. 1 (2003)/Kill Bill Vol. 1 (2003) - cd2.avi", SSV_MEDIA_KIND_MOVIE, "Kill Bill Vol. 1", 2003 },
  { "Amélie (2001) [1080p].m4v", SSV_MEDIA_KIND_MOVIE, "Amélie", 2001 },
  { "Movies/Arrival [2016]/Arrival.mkv", SSV_MEDIA_KIND_MOVIE, "Arrival", 2016 },
  { "Primer.mkv", SSV_MEDIA_KIND_MOVIE, "Primer", 0 },
  { "Breaking Bad/Season 01/Breaking Bad - S01E02 - Cat's in the Bag.mkv", SSV_MEDIA_KIND_EPISODE,
    "Breaking Bad", 0, 1, 2, 0, "Cat's in the Bag" },
  { "Breaking.Bad.S05E14.1080p.WEB-DL.DD5.1.H.264-GRP.mkv", SSV_MEDIA_KIND_EPISODE,
    "Breaking Bad", 0, 5, 14, 0, NULL },
  { "Firefly/Season 1/1x02 - The Train Job.avi", SSV_MEDIA_KIND_EPISODE, "Firefly", 0, 1, 2, 0, "The Train Job" },
  { "The.Wire.1x05.The.Pager.mkv", SSV_MEDIA_KIND_EPISODE, "The Wire", 0, 1, 5, 0, "The Pager" },
  { "The Office (US)/Season 02/The.Office.US.S02E01E02.720p.mkv", SSV_MEDIA_KIND_EPISODE,
    "The Office (US)", 0, 2, 1, 2, NULL },
  { "Better Call Saul/Better.Call.Saul.S02E03-E04.mkv", SSV_MEDIA_KIND_EPISODE, "Better Call Saul", 0, 2, 3, 4, NULL },
  { "Lost.S01E01-02.Pilot.mkv", SSV_MEDIA_KIND_EPISODE, "Lost", 0, 1, 1, 2, "Pilot" },
  { "Doctor Who (2005)/Season 1/Doctor.Who.2005.S01E01.Rose.mkv", SSV_MEDIA_KIND_EPISODE,
    "Doctor Who", 2005, 1, 1, 0, "Rose" },
  { "Sherlock/Season 2/03 - The Reichenbach Fall.mkv", SSV_MEDIA_KIND_EPISODE, "Sherlock", 0, 2, 3, 0,
    "The Reichenbach Fall" },
  { "Fargo/Specials/Fargo - S00E01 - Making Of.mkv", SSV_MEDIA_KIND_EPISODE, "Fargo", 0, 0, 1, 0, "Making Of" },
  { "Downloads/Severance.S01E09.2160p.ATVP.WEB-DL.mkv", SSV_MEDIA_KIND_EPISODE, "Severance", 0, 1, 9, 0, NULL },
  { "Dark/Dark.S01E01.Secrets.1080p.NF.WEB-DL/dark.s01e01.1080p.mkv", SSV_MEDIA_KIND_EPISODE, "Dark",
    0, 1, 1, 0, NULL },
  { "Show With Year (2010)/s1e2.mkv", SSV_MEDIA_KIND_EPISODE, "Show With Year", 2010, 1, 2, 0, NULL },
  /* A folder's bare number is its title's ("1883", "Space 1999"): only a year in brackets is one. */
  { "Space 1999/s1e2.mkv", SSV_MEDIA_KIND_EPISODE, "Space 1999", 0, 1, 2, 0, NULL },
  { "Show.S01E01-E03.1080p.WEB-DL.x264-GRP.mkv", SSV_MEDIA_KIND_EPISODE, "Show", 0, 1, 1, 3, NULL },
  { "2001.A.Space.Odyssey.1968.2160p.UHD.BluRay.x265-GRP.mkv", SSV_MEDIA_KIND_MOVIE, "2001 A Space Odyssey", 1968 },
  { "1917.2019.1080p.BluRay.x264-GRP.mkv", SSV_MEDIA_KIND_MOVIE, "1917", 2019 },
  /* Names the folder source's own parser got wrong before it used the release parser. */
  { "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv", SSV_MEDIA_KIND_EPISODE,
    "Sousou no Frieren", 0, 1, 5, 0, NULL },
  { "The.Daily.Show.2024.03.14.Guest.Name.720p.HDTV.x264-GRP.mkv", SSV_MEDIA_KIND_EPISODE,
    "The Daily Show", 0, 2024, 314, 0, "Guest Name" },
  { "Inception.HDRip.XviD-GRP.avi", SSV_MEDIA_KIND_MOVIE, "Inception", 0 },
  { "Intouchables.FRENCH.1080p.BluRay.x264-GRP.mkv", SSV_MEDIA_KIND_MOVIE, "Intouchables", 0 },
  { "The.Office.US.S02E01E02.720p.mkv", SSV_MEDIA_KIND_EPISODE, "The Office (US)", 0, 2, 1, 2, NULL },
  { "Severance/Severance.S02.2160p.ATVP.WEB-DL-GRP/Severance.S02E03.2160p.ATVP.WEB-DL-GRP.mkv",
    SSV_MEDIA_KIND_EPISODE, "Severance", 0, 2, 3, 0, NULL },
  { "Show/E05 - Name.mkv", SSV_MEDIA_KIND_EPISODE, "Show", 0, 1, 5, 0, "Name" },
};

static void
test_name_layouts (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (name_cases); i++)
    {
      const NameCase *c = &name_cases[i];
      SsvMediaName name;

      g_test_message ("%s", c->path);
      g_assert_true (ssv_media_name_parse (c->path, &name));
      g_assert_cmpint (name.kind, ==, c->kind);
      g_assert_cmpstr (name.title, ==, c->title);
      g_assert_cmpint (name.year, ==, c->year);
      if (c->kind == SSV_MEDIA_KIND_EPISODE)
        {
          g_assert_cmpint (name.season, ==, c->season);
          g_assert_cmpint (name.episode, ==, c->episode);
          g_assert_cmpint (name.episode_end, ==, c->episode_end);
          g_assert_cmpstr (name.episode_title, ==, c->episode_title);
        }
      ssv_media_name_clear (&name);
    }
}

static void
test_name_rejects (void)
{
  const char *not_videos[] = { "notes.txt", "poster.jpg", ".hidden.mkv", "Movie (2010)/movie.nfo", NULL };
  const char *extras[] = { "Heat (1995)/Extras/Making of.mkv", "Heat (1995)/Heat (1995)-trailer.mkv",
                           "Heat (1995)/Sample/heat.sample.mkv", "Show/Season 1/sample.mkv", NULL };
  SsvMediaName name;

  for (guint i = 0; not_videos[i] != NULL; i++)
    g_assert_false (ssv_media_name_parse (not_videos[i], &name));

  for (guint i = 0; extras[i] != NULL; i++)
    {
      g_test_message ("%s", extras[i]);
      g_assert_true (ssv_media_name_is_extra (extras[i]));
    }
  g_assert_false (ssv_media_name_is_extra ("Heat (1995)/Heat (1995).mkv"));
}

/* ---- a generated tree ---------------------------------------------------------- */

typedef struct
{
  char             *dir;
  char             *root;
  SsvDatabase      *db;
  SsvLibraryStore  *store;
  SsvScanner       *scanner;
  gint64            row;
  GPtrArray        *titles;   /* TitleRow, for the title tree */
} Fixture;

static void
write_file (const char *root,
            const char *relative,
            gsize       size)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *content = g_malloc0 (size);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* A few bytes that look like the start of a Matroska file. */
  if (size >= 4)
    memcpy (content, "\x1a\x45\xdf\xa3", 4);
  g_assert_true (g_file_set_contents (path, content, (gssize) size, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *path;
  gsize       size;
} TreeFile;

static const TreeFile tree[] = {
  { "Movies/The Matrix (1999)/The Matrix (1999).mkv", 700 },
  { "Movies/The Matrix (1999)/poster.jpg", 40 },
  { "Movies/The Matrix (1999)/fanart.jpg", 40 },
  { "Movies/The Matrix (1999)/Extras/Behind the code.mkv", 90 },
  { "Movies/The Matrix (1999)/The Matrix (1999)-trailer.mp4", 80 },
  { "Movies/Heat.1995.1080p.BluRay.x264-GRP/Heat.1995.1080p.BluRay.x264-GRP.mkv", 600 },
  { "Movies/Heat.1995.1080p.BluRay.x264-GRP/heat.sample.mkv", 10 },
  { "Movies/Kill Bill Vol. 1 (2003)/Kill Bill Vol. 1 (2003) - cd1.avi", 300 },
  { "Movies/Kill Bill Vol. 1 (2003)/Kill Bill Vol. 1 (2003) - cd2.avi", 310 },
  { "Movies/Amélie (2001).m4v", 200 },
  { "Movies/Primer.mp4", 150 },
  { "Movies/readme.txt", 12 },
  { "TV/Breaking Bad/poster.jpg", 40 },
  { "TV/Breaking Bad/season01-poster.jpg", 40 },
  { "TV/Breaking Bad/Season 01/Breaking Bad - S01E01 - Pilot.mkv", 400 },
  { "TV/Breaking Bad/Season 01/Breaking Bad - S01E02 - Cat's in the Bag.mkv", 410 },
  { "TV/Breaking Bad/Season 02/Breaking Bad - S02E01 - Seven Thirty-Seven.mkv", 420 },
  { "TV/Firefly/Season 1/1x01 - Serenity.avi", 330 },
  { "TV/Firefly/Season 1/1x02 - The Train Job.avi", 340 },
  { "TV/The Office (US)/Season 02/The.Office.US.S02E01E02.720p.mkv", 500 },
  { "TV/Sherlock/Season 2/03 - The Reichenbach Fall.mkv", 520 },
  { "TV/Sherlock/Specials/Sherlock - S00E01 - The Abominable Bride.mkv", 530 },
  { "Downloads/Severance.S01E09.2160p.ATVP.WEB-DL.mkv", 610 },
  { ".hidden/Secret Movie (2020).mkv", 100 },
};

/* Scene, anime and daily names straight in the top folders. */
static const TreeFile release_tree[] = {
  { "TV/[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv", 300 },
  { "TV/[SubsPlease] Sousou no Frieren - 06 (1080p) [EF567890].mkv", 310 },
  { "TV/The.Daily.Show.2024.03.14.Guest.Name.720p.HDTV.x264-GRP.mkv", 200 },
  { "TV/The.Daily.Show.2024.03.15.Other.Guest.720p.HDTV.x264-GRP.mkv", 210 },
  { "TV/Slow.Horses.S01E01-E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-GRP.mkv", 900 },
  { "TV/Severance/Severance.S02.2160p.ATVP.WEB-DL-GRP/Severance.S02E03.2160p.ATVP.WEB-DL-GRP.mkv", 800 },
  { "Movies/2001.A.Space.Odyssey.1968.2160p.UHD.BluRay.x265-GRP.mkv", 700 },
  { "Movies/1917.2019.1080p.BluRay.x264-GRP.mkv", 650 },
  { "Movies/Inception.HDRip.XviD-GRP.avi", 600 },
  { "Movies/Intouchables.FRENCH.1080p.BluRay.x264-GRP.mkv", 550 },
};

typedef struct
{
  const TreeFile *files;
  guint           n_files;
} Tree;

static const Tree layout_tree = { tree, G_N_ELEMENTS (tree) };
static const Tree release_names_tree = { release_tree, G_N_ELEMENTS (release_tree) };

/* The library, with the folder "media" in the temp dir as its one source. */
static void
open_library (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autoptr(SsvFolderSource) source = NULL;
  g_autoptr(GPtrArray) libraries = NULL;
  g_autoptr(SsvHttp) http = ssv_http_new ();
  g_autoptr(SsvSecrets) secrets = ssv_secrets_new ();

  db_path = g_build_filename (f->dir, "library.db", NULL);
  f->db = ssv_database_open (db_path, &error);
  g_assert_no_error (error);
  f->store = ssv_library_store_new (f->db);
  f->scanner = ssv_scanner_new (f->db, f->store, http, secrets);

  g_assert_true (ssv_server_store_add (f->db, "folder", "media", f->root, NULL, &f->row, NULL, &error));
  source = ssv_folder_source_new (f->root);
  libraries = ssv_media_source_list_libraries (SSV_MEDIA_SOURCE (source), NULL, &error);
  g_assert_true (ssv_server_store_set_libraries (f->db, f->row, libraries, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  const Tree *files = data != NULL ? data : &layout_tree;

  f->dir = ssv_test_make_temp_dir ();
  f->root = g_build_filename (f->dir, "media", NULL);
  for (guint i = 0; i < files->n_files; i++)
    write_file (f->root, files->files[i].path, files->files[i].size);

  open_library (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->scanner);
  g_clear_object (&f->store);
  g_clear_object (&f->db);
  ssv_test_remove_tree (f->dir);
  g_clear_pointer (&f->titles, g_ptr_array_unref);
  g_free (f->root);
  g_free (f->dir);
}

static SsvScanResult *
scan (Fixture     *f,
      SsvScanMode  mode)
{
  g_autoptr(GError) error = NULL;
  SsvScanResult *result = ssv_scanner_scan_sync (f->scanner, mode, f->row, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < result->messages->len; i++)
    g_test_message ("scan message: %s", (char *) g_ptr_array_index (result->messages, i));
  return result;
}

static gint64
count (Fixture    *f,
       const char *sql)
{
  return ssv_test_query_int (f->db, sql);
}

/* The movies as the library lists them: "Title Year|…", "-" for no year. */
static char *
movie_titles (Fixture *f)
{
  return ssv_test_query_text (f->db, "SELECT group_concat (title || ' ' || coalesce (year, '-'), '|') "
                                     "FROM (SELECT * FROM movies ORDER BY title)");
}

static void
test_scan_tree (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = scan (f, SSV_SCAN_FULL);
  g_autofree char *movies = NULL;
  g_autofree char *shows = NULL;
  g_autofree char *poster = NULL;
  g_autofree char *season_poster = NULL;
  g_autofree char *expected_poster = NULL;

  g_assert_cmpuint (result->errors, ==, 0);

  movies = movie_titles (f);
  g_assert_cmpstr (movies, ==, "Amélie 2001|Heat 1995|Kill Bill Vol. 1 2003|Primer -|The Matrix 1999");

  shows = ssv_test_query_text (f->db, "SELECT group_concat (title, '|') FROM (SELECT * FROM shows ORDER BY title)");
  g_assert_cmpstr (shows, ==, "Breaking Bad|Firefly|Severance|Sherlock|The Office (US)");

  /* 3 + 2 + 2 (one file, two episodes) + 2 + 1 */
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 10);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE s.title = 'The Office (US)' AND e.season_number = 2"), ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes WHERE season_number = 0"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM seasons s JOIN shows t ON t.id = s.show_id "
                             "WHERE t.title = 'Breaking Bad'"), ==, 2);

  /* Two files of one movie; sizes and containers recorded; extras skipped. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files f JOIN movies m ON m.id = f.movie_id "
                             "WHERE m.title = 'Kill Bill Vol. 1'"), ==, 2);
  g_assert_cmpint (count (f, "SELECT size_bytes FROM media_files WHERE path LIKE '%Heat.1995%.mkv' "
                             "AND path NOT LIKE '%sample%'"), ==, 600);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files WHERE container = 'avi'"), ==, 4);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files WHERE path LIKE '%trailer%' "
                             "OR path LIKE '%Extras%' OR path LIKE '%sample%'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 6 + 10);

  /* Artwork next to the media. */
  poster = ssv_test_query_text (f->db, "SELECT poster_url FROM movies WHERE title = 'The Matrix'");
  expected_poster = g_filename_to_uri (g_build_filename (f->root, "Movies", "The Matrix (1999)", "poster.jpg", NULL),
                                       NULL, NULL);
  g_assert_cmpstr (poster, ==, expected_poster);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows WHERE title = 'Breaking Bad' "
                             "AND poster_url LIKE 'file://%/Breaking%20Bad/poster.jpg'"), ==, 1);
  season_poster = ssv_test_query_text (f->db, "SELECT s.poster_url FROM seasons s JOIN shows t ON t.id = s.show_id "
                                              "WHERE t.title = 'Breaking Bad' AND s.season_number = 1");
  g_assert_true (g_str_has_suffix (season_poster, "season01-poster.jpg"));
}

static void
test_rescan_and_remove (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = scan (f, SSV_SCAN_FULL);
  g_autoptr(SsvScanResult) again = NULL;
  g_autoptr(SsvScanResult) full = NULL;
  g_autoptr(SsvScanResult) deep = NULL;
  g_autofree char *primer = g_build_filename (f->root, "Movies", "Primer.mp4", NULL);
  g_autofree char *episode = g_build_filename (f->root, "TV", "Firefly", "Season 1", "1x02 - The Train Job.avi",
                                               NULL);

  g_assert_cmpuint (first->added, >, 0);
  again = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->updated, ==, 0);

  /* Files deleted: a full scan keeps their rows, a deep scan removes them. */
  g_assert_cmpint (g_unlink (primer), ==, 0);
  g_assert_cmpint (g_unlink (episode), ==, 0);
  write_file (f->root, "Movies/Gattaca (1997)/Gattaca (1997).mkv", 250);

  full = scan (f, SSV_SCAN_FULL);
  g_assert_cmpuint (full->added, ==, 1);
  g_assert_cmpuint (full->removed, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 6);

  deep = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (deep->removed, ==, 2);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE title = 'Primer'"), ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies WHERE title = 'Gattaca'"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE s.title = 'Firefly'"), ==, 1);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvScanResult) first = scan (f, SSV_SCAN_FULL);
  g_autoptr(SsvScanResult) second = NULL;
  g_autofree char *moved = g_strconcat (f->root, ".unplugged", NULL);

  /* A disk that is not connected is not an empty library. */
  g_assert_cmpuint (first->errors, ==, 0);
  g_assert_cmpint (g_rename (f->root, moved), ==, 0);
  second = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (second->errors, >=, 1);
  g_assert_cmpuint (second->removed, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, 5);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 10);
  g_assert_cmpint (g_rename (moved, f->root), ==, 0);
}

/* What a person sees in the library for names the release parser reads. */
static void
test_scan_release_names (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = scan (f, SSV_SCAN_FULL);
  g_autofree char *movies = NULL;
  g_autofree char *shows = NULL;
  g_autofree char *episodes = NULL;
  g_autofree char *daily = NULL;

  g_assert_cmpuint (result->errors, ==, 0);

  movies = movie_titles (f);
  g_assert_cmpstr (movies, ==, "1917 2019|2001 A Space Odyssey 1968|Inception -|Intouchables -");

  shows = ssv_test_query_text (f->db, "SELECT group_concat (title || ' ' || coalesce (year, '-'), '|') "
                                      "FROM (SELECT * FROM shows ORDER BY title)");
  g_assert_cmpstr (shows, ==, "Severance -|Slow Horses -|Sousou no Frieren -|The Daily Show -");

  /* Anime numbers in season 1, a three-episode file as three rows, the season
   * pack's folder passed over for the show's. */
  episodes = ssv_test_query_text (f->db, "SELECT group_concat (row, '|') FROM (SELECT s.title || ' ' || "
                                         "e.season_number || 'x' || e.episode_number AS row FROM episodes e "
                                         "JOIN shows s ON s.id = e.show_id WHERE s.title <> 'The Daily Show' "
                                         "ORDER BY s.title, e.season_number, e.episode_number)");
  g_assert_cmpstr (episodes, ==, "Severance 2x3|Slow Horses 1x1|Slow Horses 1x2|Slow Horses 1x3|"
                                 "Sousou no Frieren 1x5|Sousou no Frieren 1x6");

  /* A daily show: one row a day, with its air date and guest. */
  daily = ssv_test_query_text (f->db, "SELECT group_concat (e.air_date || ' ' || coalesce (e.title, '-'), '|') "
                                      "FROM (SELECT * FROM episodes ORDER BY air_date) e "
                                      "JOIN shows s ON s.id = e.show_id WHERE s.title = 'The Daily Show'");
  g_assert_cmpstr (daily, ==, "2024-03-14 Guest Name|2024-03-15 Other Guest");
  /* Four movies; each episode row has its file, the three-episode file three times. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 4 + 2 + 2 + 3 + 1);
}

/* ---- real titles with numbers and punctuation (folder-titles.tsv) ---------------- */

typedef struct
{
  gboolean  movie;
  char     *path;
  char     *title;
  int       year;
  int       season;
  int       episode;
  int       episode_end;
  char     *episode_title;   /* "-" none, "*" not checked */
} TitleRow;

static void
title_row_free (gpointer data)
{
  TitleRow *row = data;

  g_free (row->path);
  g_free (row->title);
  g_free (row->episode_title);
  g_free (row);
}

/* The tree to read: tests/folder-titles.tsv, or another in its shape named by
 * SSV_FOLDER_TITLES (a held-out tree). */
static GPtrArray *
load_titles (void)
{
  const char *override = g_getenv ("SSV_FOLDER_TITLES");
  g_autofree char *path = override ? g_strdup (override)
                                   : g_build_filename (SSV_SOURCE_ROOT, "tests", "folder-titles.tsv", NULL);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = g_ptr_array_new_with_free_func (title_row_free);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cells = NULL;
      TitleRow *row;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      cells = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (cells), ==, 8);

      row = g_new0 (TitleRow, 1);
      row->movie = g_str_equal (cells[0], "movie");
      row->path = g_strdup (cells[1]);
      row->title = g_strdup (cells[2]);
      row->year = atoi (cells[3]);
      row->season = atoi (cells[4]);
      row->episode = atoi (cells[5]);
      row->episode_end = MAX (atoi (cells[6]), row->episode);
      row->episode_title = g_strdup (cells[7]);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
fixture_setup_titles (Fixture       *f,
                      gconstpointer  data)
{
  f->dir = ssv_test_make_temp_dir ();
  f->root = g_build_filename (f->dir, "media", NULL);
  f->titles = load_titles ();
  for (guint i = 0; i < f->titles->len; i++)
    write_file (f->root, ((TitleRow *) g_ptr_array_index (f->titles, i))->path, 64);

  open_library (f);
}

/* Each file of the library as a line: what it is filed under and where it is. */
static GHashTable *
library_lines (Fixture    *f,
               const char *sql)
{
  g_autofree char *text = ssv_test_query_text (f->db, sql);
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      g_hash_table_add (set, g_strdup (lines[i]));

  return set;
}

/* Lines of @set about @path (a wrong reading shown next to the right one). */
static char *
lines_for_path (GHashTable *set,
                const char *path)
{
  g_autoptr(GString) found = g_string_new (NULL);
  GHashTableIter iter;
  gpointer line;

  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &line, NULL))
    if (g_str_has_suffix (line, path))
      g_string_append_printf (found, "%s[%s]", found->len ? ", " : "", (char *) line);

  return g_string_free (g_steal_pointer (&found), FALSE);
}

#define MOVIE_LINES "SELECT group_concat (line, char(10)) FROM (SELECT m.title || char(9) || " \
                    "coalesce (m.year, 0) || char(9) || f.path AS line FROM movies m " \
                    "JOIN media_files f ON f.movie_id = m.id)"
#define EPISODE_LINES(title) "SELECT group_concat (line, char(10)) FROM (SELECT s.title || char(9) || " \
                             "coalesce (s.year, 0) || char(9) || e.season_number || char(9) || " \
                             "e.episode_number || char(9) || " title " || char(9) || f.path AS line " \
                             "FROM episodes e JOIN shows s ON s.id = e.show_id " \
                             "JOIN media_files f ON f.episode_id = e.id)"

/* Every title, year, season, episode (and episode title) of the tree as a person
 * sees them in the library, and nothing else: no title cut short at a number, no
 * two shows merged, no episode numbers made up from a title's digits. */
static void
test_scan_titles (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = scan (f, SSV_SCAN_FULL);
  g_autoptr(GHashTable) movies = library_lines (f, MOVIE_LINES);
  g_autoptr(GHashTable) episodes = library_lines (f, EPISODE_LINES ("coalesce (e.title, '-')"));
  g_autoptr(GHashTable) episodes_untitled = library_lines (f, EPISODE_LINES ("'*'"));
  g_autoptr(GHashTable) movie_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) show_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) episode_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint movie_files = 0;
  guint episode_files = 0;
  guint wrong = 0;

  g_assert_cmpuint (result->errors, ==, 0);

  for (guint i = 0; i < f->titles->len; i++)
    {
      TitleRow *row = g_ptr_array_index (f->titles, i);
      g_autofree char *path = g_build_filename (f->root, row->path, NULL);

      if (row->movie)
        {
          g_autofree char *line = g_strdup_printf ("%s\t%d\t%s", row->title, row->year, path);

          g_hash_table_add (movie_keys, g_strdup_printf ("%s\t%d", row->title, row->year));
          movie_files++;
          if (!g_hash_table_contains (movies, line))
            {
              g_autofree char *read_as = lines_for_path (movies, path);

              g_test_message ("movie %s (%d) from %s, read as: %s", row->title, row->year, row->path, read_as);
              wrong++;
            }
          continue;
        }

      g_hash_table_add (show_keys, g_strdup_printf ("%s\t%d", row->title, row->year));
      for (int number = row->episode; number <= row->episode_end; number++)
        {
          gboolean checked = !g_str_equal (row->episode_title, "*");
          g_autofree char *line = g_strdup_printf ("%s\t%d\t%d\t%d\t%s\t%s", row->title, row->year, row->season,
                                                   number, row->episode_title, path);

          g_hash_table_add (episode_keys, g_strdup_printf ("%s\t%d\t%d\t%d", row->title, row->year,
                                                           row->season, number));
          episode_files++;
          if (!g_hash_table_contains (checked ? episodes : episodes_untitled, line))
            {
              g_autofree char *read_as = lines_for_path (episodes, path);

              g_test_message ("%s (%d) %dx%d “%s” from %s, read as: %s", row->title, row->year, row->season,
                              number, row->episode_title, row->path, read_as);
              wrong++;
            }
        }
    }

  g_test_message ("title tree: %u files, %u movies, %u shows, %u episodes", f->titles->len,
                  g_hash_table_size (movie_keys), g_hash_table_size (show_keys), g_hash_table_size (episode_keys));
  g_assert_cmpuint (wrong, ==, 0);

  /* Nothing read twice or made up: exactly these rows and files. */
  g_assert_cmpuint (g_hash_table_size (movies), ==, movie_files);
  g_assert_cmpuint (g_hash_table_size (episodes), ==, episode_files);
  g_assert_cmpint (count (f, "SELECT count(*) FROM movies"), ==, g_hash_table_size (movie_keys));
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, g_hash_table_size (show_keys));
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, g_hash_table_size (episode_keys));
}

/* ---- many shows named by a word and a number -------------------------------------- */

#define NUMBERED_FIRST  10
#define NUMBERED_LAST   149
#define NUMBERED_EPISODES 5

static void
fixture_setup_numbered (Fixture       *f,
                        gconstpointer  data)
{
  f->dir = ssv_test_make_temp_dir ();
  f->root = g_build_filename (f->dir, "media", NULL);

  /* Half in season folders with written names, half straight in the show's
   * folder with release names ("Series 12" also reads like a season folder). */
  for (int show = NUMBERED_FIRST; show <= NUMBERED_LAST; show++)
    for (int episode = 1; episode <= NUMBERED_EPISODES; episode++)
      {
        g_autofree char *path = show % 2 == 0
          ? g_strdup_printf ("Shows/Series %d/Season 1/Series %d - S01E%02d.mkv", show, show, episode)
          : g_strdup_printf ("Shows/Series %d/Series.%d.S01E%02d.720p.WEB.x264-GRP.mkv", show, show, episode);

        write_file (f->root, path, 8);
      }

  open_library (f);
}

static void
test_scan_numbered_shows (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = scan (f, SSV_SCAN_FULL);
  int n_shows = NUMBERED_LAST - NUMBERED_FIRST + 1;
  g_autofree char *whole_shows = g_strdup_printf ("SELECT count(*) FROM (SELECT show_id FROM episodes GROUP BY show_id "
                                                  "HAVING count(*) = %d AND min(episode_number) = 1 AND "
                                                  "max(episode_number) = %d AND min(season_number) = 1 AND "
                                                  "max(season_number) = 1)", NUMBERED_EPISODES, NUMBERED_EPISODES);

  g_assert_cmpuint (result->errors, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, n_shows);
  g_assert_cmpint (count (f, "SELECT count(DISTINCT title) FROM shows WHERE title GLOB 'Series [1-9]*' "
                             "AND CAST (substr (title, 8) AS INTEGER) BETWEEN 10 AND 149"), ==, n_shows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, n_shows * NUMBERED_EPISODES);
  /* Each show has its own episodes 1 to 5 of season 1, each with its own file… */
  g_assert_cmpint (count (f, whole_shows), ==, n_shows);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, n_shows * NUMBERED_EPISODES);
  /* …from its own folder. */
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files m WHERE instr (m.path, '/' || "
                             "(SELECT s.title FROM episodes e JOIN shows s ON s.id = e.show_id "
                             "WHERE e.id = m.episode_id) || '/') = 0"), ==, 0);
}

/* ---- numbered files in a show's folder; daily shows ------------------------------- */

static const TreeFile show_folder_numbers_tree[] = {
  { "Shows/Frasier/01 - The Good Son.mkv", 100 },
  { "Shows/Frasier/02 - Space Quest.mkv", 100 },
  { "Shows/Band of Brothers/05 - Crossroads.mkv", 100 },
  { "Shows/Band of Brothers/06. Bastogne.mkv", 100 },
  { "Shows/The 100/03 - Earth Skills.mkv", 100 },
  /* A film named with a number is still a film. */
  { "Movies/12 Angry Men.mkv", 100 },
};

static const Tree show_folder_numbers = { show_folder_numbers_tree, G_N_ELEMENTS (show_folder_numbers_tree) };

/* "Show/05 - Name.mkv" with no season folder: the folder's show, season 1,
 * episode 5, named "Name" (it was a show called "Name"). */
static void
test_scan_show_folder_numbers (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = scan (f, SSV_SCAN_FULL);
  g_autofree char *episodes = NULL;
  g_autofree char *movies = NULL;

  g_assert_cmpuint (result->errors, ==, 0);
  episodes = ssv_test_query_text (f->db, "SELECT group_concat (row, '|') FROM (SELECT s.title || ' ' || "
                                         "e.season_number || 'x' || e.episode_number || ' ' || e.title AS row "
                                         "FROM episodes e JOIN shows s ON s.id = e.show_id "
                                         "ORDER BY s.title, e.season_number, e.episode_number)");
  g_assert_cmpstr (episodes, ==, "Band of Brothers 1x5 Crossroads|Band of Brothers 1x6 Bastogne|"
                                 "Frasier 1x1 The Good Son|Frasier 1x2 Space Quest|The 100 1x3 Earth Skills");
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 3);
  movies = movie_titles (f);
  g_assert_cmpstr (movies, ==, "12 Angry Men -");
}

static const TreeFile daily_tree[] = {
  { "Shows/The Daily Show/The.Daily.Show.2024.03.14.Part.1.720p.WEB.h264-GRP.mkv", 100 },
  { "Shows/The Daily Show/The.Daily.Show.2024.03.14.Part.1.1080p.WEB.h264-GRP.mkv", 200 },
  { "Shows/The Daily Show/The.Daily.Show.2024.03.14.Part.2.720p.WEB.h264-GRP.mkv", 100 },
  { "Shows/The Daily Show/The.Daily.Show.2024.03.15.720p.WEB.h264-GRP.mkv", 100 },
  { "Shows/Late Night/Late Night - 2024-03-14 - Guest One.mkv", 100 },
  { "Shows/Late Night/Late Night - 2024-03-14 - Guest Two.mkv", 100 },
};

static const Tree daily = { daily_tree, G_N_ELEMENTS (daily_tree) };

/* Two episodes of a daily show on one date are two rows, each with its own
 * files; a better copy of one joins its row; a date with one episode keeps
 * the number (MMDD) such rows always had. */
static void
test_scan_daily_same_date (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = scan (f, SSV_SCAN_FULL);
  g_autoptr(SsvScanResult) again = NULL;
  g_autofree char *parts = NULL;
  g_autofree char *guests = NULL;

  g_assert_cmpuint (result->errors, ==, 0);

  /* Part 1 (two copies) and Part 2 on 2024-03-14, one episode the next day. */
  parts = ssv_test_query_text (f->db, "SELECT group_concat (row, '|') FROM (SELECT e.air_date || ' ' || "
                                      "(SELECT count(*) FROM media_files m WHERE m.episode_id = e.id) AS row "
                                      "FROM episodes e JOIN shows s ON s.id = e.show_id "
                                      "WHERE s.title = 'The Daily Show' ORDER BY e.air_date, e.episode_number)");
  g_assert_cmpstr (parts, ==, "2024-03-14 2|2024-03-14 1|2024-03-15 1");
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files m JOIN episodes e ON e.id = m.episode_id "
                             "WHERE m.path LIKE '%Part.2%' AND e.id IN (SELECT episode_id FROM media_files "
                             "WHERE path LIKE '%Part.1%')"), ==, 0);
  g_assert_cmpint (count (f, "SELECT episode_number FROM episodes WHERE air_date = '2024-03-15'"), ==, 315);

  /* Two guests on one night: two rows, each with its guest. */
  guests = ssv_test_query_text (f->db, "SELECT group_concat (row, '|') FROM (SELECT e.air_date || ' ' || e.title "
                                       "|| ' ' || (SELECT count(*) FROM media_files m WHERE m.episode_id = e.id) "
                                       "AS row FROM episodes e JOIN shows s ON s.id = e.show_id "
                                       "WHERE s.title = 'Late Night' ORDER BY e.title)");
  g_assert_cmpstr (guests, ==, "2024-03-14 Guest One 1|2024-03-14 Guest Two 1");

  /* Read the same way again: nothing moves. */
  again = scan (f, SSV_SCAN_DEEP);
  g_assert_cmpuint (again->added, ==, 0);
  g_assert_cmpuint (again->updated, ==, 0);
  g_assert_cmpuint (again->removed, ==, 0);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, G_N_ELEMENTS (daily_tree));
}

/* ---- symlinks --------------------------------------------------------------------- */

static const TreeFile link_tree[] = {
  { "Movies/Heat (1995)/Heat (1995).mkv", 100 },
  { "Shows/Firefly/Season 1/Firefly - S01E01 - Serenity.mkv", 100 },
};

static const Tree links = { link_tree, G_N_ELEMENTS (link_tree) };

static void
make_link (const char *target,
           const char *root,
           const char *relative)
{
  g_autofree char *path = g_build_filename (root, relative, NULL);

  g_assert_cmpint (symlink (target, path), ==, 0);
}

/* Links next to the media: to "/", back up the tree (a loop), to a folder
 * inside, to a folder outside, to a film outside, and one that leads nowhere. */
static void
make_links (Fixture *f)
{
  g_autofree char *outside = g_build_filename (f->dir, "outside", NULL);
  g_autofree char *outside_film = g_build_filename (outside, "Linked Film (2010).mkv", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.mkv", NULL);

  write_file (outside, "Stolen Film (2020)/Stolen Film (2020).mkv", 100);
  write_file (outside, "Linked Film (2010).mkv", 300);

  make_link ("/", f->root, "Movies/Everything");
  make_link ("..", f->root, "Movies/Loop");
  make_link ("Firefly", f->root, "Shows/Firefly Again");
  make_link (outside, f->root, "Movies/Elsewhere");
  make_link (outside_film, f->root, "Movies/Linked Film (2010).mkv");
  make_link (missing, f->root, "Movies/Gone (2011).mkv");
}

/* Folder links are not followed (the walk stays in the folder and ends), file
 * links are read: the library is the tree and the linked film, nothing more. */
static void
test_scan_symlinks (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(SsvScanResult) result = NULL;
  g_autofree char *movies = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *expected_linked = g_build_filename (f->root, "Movies", "Linked Film (2010).mkv", NULL);

  make_links (f);
  result = scan (f, SSV_SCAN_FULL);

  g_assert_cmpuint (result->errors, ==, 0);
  movies = movie_titles (f);
  g_assert_cmpstr (movies, ==, "Heat 1995|Linked Film 2010");
  g_assert_cmpint (count (f, "SELECT count(*) FROM shows"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM episodes"), ==, 1);
  g_assert_cmpint (count (f, "SELECT count(*) FROM media_files"), ==, 3);
  /* The linked film is filed under the link, inside the folder. */
  linked = ssv_test_query_text (f->db, "SELECT f.path FROM media_files f JOIN movies m ON m.id = f.movie_id "
                                       "WHERE m.title = 'Linked Film'");
  g_assert_cmpstr (linked, ==, expected_linked);
  g_assert_cmpint (count (f, "SELECT size_bytes FROM media_files WHERE path LIKE '%Linked Film%'"), ==, 300);
}

static gboolean
watching (gpointer data)
{
  return ssv_folder_watcher_get_n_monitors (data) > 0;
}

/* The watcher does not follow folder links either: it watches the tree's six
 * real folders, not the disk behind a link to "/". */
static void
test_watch_symlinks (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(SsvFolderWatcher) watcher = ssv_folder_watcher_new (f->db, f->store, f->scanner);

  make_links (f);
  ssv_folder_watcher_start (watcher);
  g_assert_true (ssv_test_wait_for (watching, watcher, 10000));
  /* media, Movies, Movies/Heat (1995), Shows, Shows/Firefly, Shows/Firefly/Season 1 */
  g_assert_cmpuint (ssv_folder_watcher_get_n_monitors (watcher), ==, 6);
  ssv_folder_watcher_stop (watcher);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/folder/names/layouts", test_name_layouts);
  g_test_add_func ("/folder/names/rejects", test_name_rejects);
  g_test_add ("/folder/scan/tree", Fixture, NULL, fixture_setup, test_scan_tree, fixture_teardown);
  g_test_add ("/folder/scan/release-names", Fixture, &release_names_tree, fixture_setup,
              test_scan_release_names, fixture_teardown);
  g_test_add ("/folder/scan/rescan-and-remove", Fixture, NULL, fixture_setup, test_rescan_and_remove,
              fixture_teardown);
  g_test_add ("/folder/scan/missing-folder", Fixture, NULL, fixture_setup, test_missing_folder,
              fixture_teardown);
  g_test_add ("/folder/scan/titles", Fixture, NULL, fixture_setup_titles, test_scan_titles, fixture_teardown);
  g_test_add ("/folder/scan/numbered-shows", Fixture, NULL, fixture_setup_numbered, test_scan_numbered_shows,
              fixture_teardown);
  g_test_add ("/folder/scan/show-folder-numbers", Fixture, &show_folder_numbers, fixture_setup,
              test_scan_show_folder_numbers, fixture_teardown);
  g_test_add ("/folder/scan/daily-same-date", Fixture, &daily, fixture_setup, test_scan_daily_same_date,
              fixture_teardown);
  g_test_add ("/folder/scan/symlinks", Fixture, &links, fixture_setup, test_scan_symlinks, fixture_teardown);
  g_test_add ("/folder/watch/symlinks", Fixture, &links, fixture_setup, test_watch_symlinks, fixture_teardown);

  return g_test_run ();
}
