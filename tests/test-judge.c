/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-judge.c: hits judged for a wanted item (tables), their order, and the queries each indexer gets. */

#include "config.h"

#include <string.h>

#include "ssv-fake-server.h"
#include "downloads/ssv-judge.h"
#include "downloads/ssv-search-item.h"
#include "ssv-test-utils.h"
#include "providers/ssv-tmdb.h"

typedef struct
{
  GPtrArray         *formats;
  GPtrArray         *profiles;
  SsvQualityProfile *hd;
  SsvQualityProfile *any;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->formats = ssv_custom_format_new_defaults ();
  f->profiles = ssv_quality_profile_new_defaults (f->formats);
  f->hd = g_ptr_array_index (f->profiles, 0);
  f->any = g_ptr_array_index (f->profiles, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->profiles);
  g_ptr_array_unref (f->formats);
}

static SsvReleaseHit *
torrent (const char *title,
         int         seeders)
{
  SsvReleaseHit *hit = ssv_release_hit_new (SSV_PROTOCOL_TORRENT);

  hit->title = g_strdup (title);
  hit->indexer = g_strdup ("Test");
  hit->download_url = g_strdup_printf ("https://t/%s.torrent", title);
  hit->seeders = seeders;
  hit->peers = seeders * 2;
  return hit;
}

static SsvReleaseHit *
soulseek (const char         *title,
          const char * const *files)
{
  SsvReleaseHit *hit = ssv_release_hit_new (SSV_PROTOCOL_SLSKD);

  hit->title = g_strdup (title);
  hit->indexer = g_strdup ("Soulseek");
  hit->slskd_user = g_strdup ("peer");
  hit->guid = g_strdup_printf ("peer\\@@s\\%s", title);
  hit->free_slot = TRUE;
  for (guint i = 0; files[i] != NULL; i++)
    ssv_release_hit_add_file (hit, files[i], 1000000000,
                              ssv_file_name_is_video (files[i]) && !ssv_file_name_is_sample (files[i]));
  return hit;
}

static SsvSearchItem *
fight_club (void)
{
  static const char * const aliases[] = { "El club de la lucha", "Clube da Luta", NULL };
  SsvSearchItem *item = ssv_search_item_new_movie ("Fight Club", 1999);

  ssv_search_item_set_ids (item, 550, 0, "tt0137523");
  ssv_search_item_set_aliases (item, aliases);
  return item;
}

static SsvSearchItem *
the_fix (guint episode)
{
  SsvSearchItem *item = episode ? ssv_search_item_new_episode ("The Fix", 1, episode)
                                : ssv_search_item_new_season ("The Fix", 1);

  ssv_search_item_set_ids (item, 0, 354629, NULL);
  return item;
}

static SsvJudgedHit *
judge (const SsvQualityProfile *profile,
       const SsvSearchItem     *item,
       SsvReleaseHit           *hit)
{
  SsvJudgedHit *judged = ssv_judge_hit (profile, item, NULL, hit);
  g_autofree char *reasons = ssv_judged_hit_dup_reasons (judged, SSV_REASON_REJECT);

  g_test_message ("%s → %s %s", hit->title, judged->decision->accepted ? "accepted" : "rejected", reasons);
  return judged;
}

static void
expect (SsvJudgedHit *judged,
        gboolean      accepted,
        const char   *reason_part)
{
  g_autofree char *reasons = ssv_judged_hit_dup_reasons (judged, SSV_REASON_REJECT);

  g_assert_cmpint (judged->decision->accepted, ==, accepted);
  if (reason_part != NULL)
    g_assert_nonnull (strstr (reasons, reason_part));
}

typedef struct
{
  const char *title;
  int         seeders;
  gboolean    accepted;
  const char *reason;
} Row;

static void
test_movie_table (Fixture       *f,
                  gconstpointer  data)
{
  static const Row rows[] = {
    { "Fight.Club.1999.1080p.BluRay.x264-GRP", 50, TRUE, NULL },
    { "Fight.Club.1999.Directors.Cut.1080p.BluRay.x264-GRP", 5, TRUE, NULL },
    { "Fight Club 1999 REMASTERED 720p BluRay x264-GRP", 5, TRUE, NULL },
    { "El.Club.De.La.Lucha.1999.1080p.WEB-DL.x264-GRP", 5, TRUE, NULL },
    { "Fight.Club.Revenge.2005.1080p.WEB-DL.x264-GRP", 5, FALSE, "is not “Fight Club”" },
    { "Fight.Club.2012.1080p.WEB-DL.x264-GRP", 5, FALSE, "from 2012" },
    { "Fight.Club.S01E01.1080p.WEB-DL.x264-GRP", 5, FALSE, "an episode" },
    { "Fight.Club.1999.1080p.WEB-DL.x264-GRP.exe", 5, FALSE, "ends in “.exe”" },
    { "Fight.Club.1999.1080p.BluRay.x264-GRP", 0, FALSE, "nobody seeds it" },
    { "Fight.Club.1999.720p.BluRay.sample.mkv", 5, FALSE, "sample" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SsvSearchItem) item = fight_club ();
      g_autoptr(SsvReleaseHit) hit = torrent (rows[i].title, rows[i].seeders);
      g_autoptr(SsvJudgedHit) judged = judge (f->any, item, hit);

      expect (judged, rows[i].accepted, rows[i].reason);
    }
}

static void
test_movie_source_checks (Fixture       *f,
                          gconstpointer  data)
{
  static const char * const risky[] = {
    "@@s\\Fight Club (1999) 1080p BluRay\\Fight.Club.1999.1080p.BluRay.mkv",
    "@@s\\Fight Club (1999) 1080p BluRay\\Codec\\setup.exe", NULL,
  };
  static const char * const shortcut[] = {
    "@@s\\Fight Club (1999) 1080p BluRay\\Fight.Club.1999.1080p.BluRay.mkv",
    "@@s\\Fight Club (1999) 1080p BluRay\\Play me.lnk", NULL,
  };
  static const char * const archive[] = {
    "@@s\\Fight Club (1999) 1080p BluRay\\Fight.Club.1999.1080p.BluRay.zipx", NULL,
  };
  g_autoptr(SsvSearchItem) item = fight_club ();
  g_autoptr(SsvReleaseHit) exe = soulseek ("Fight Club (1999) 1080p BluRay", risky);
  g_autoptr(SsvReleaseHit) lnk = soulseek ("Fight Club (1999) 1080p BluRay", shortcut);
  g_autoptr(SsvReleaseHit) zipx = soulseek ("Fight Club (1999) 1080p BluRay", archive);
  g_autoptr(SsvReleaseHit) no_link = torrent ("Fight.Club.1999.1080p.BluRay.x264-GRP", 20);
  g_autoptr(SsvReleaseHit) other_film = torrent ("Fight.Club.1999.1080p.BluRay.x264-GRP", 20);
  g_autoptr(SsvJudgedHit) j1 = judge (f->any, item, exe);
  g_autoptr(SsvJudgedHit) j2 = judge (f->any, item, lnk);
  g_autoptr(SsvJudgedHit) j3 = judge (f->any, item, zipx);
  g_autoptr(SsvJudgedHit) j4 = NULL;
  g_autoptr(SsvJudgedHit) j5 = NULL;

  expect (j1, FALSE, "“setup.exe”, a program");
  expect (j2, FALSE, "“Play me.lnk”, a shortcut");
  expect (j3, FALSE, "an archive");

  g_clear_pointer (&no_link->download_url, g_free);
  j4 = judge (f->any, item, no_link);
  expect (j4, FALSE, "no link");

  other_film->imdb_id = g_strdup ("tt0000001");
  j5 = judge (f->any, item, other_film);
  expect (j5, FALSE, "tt0000001 on IMDb");
}

/* Every risky extension in any case is known, and only at the end of a file's own name. */
static void
test_file_name_risk (void)
{
  static const struct { const char *name; const char *risk; } rows[] = {
    { "setup.exe", "a program" }, { "SETUP.EXE", "a program" }, { "Tool.AppImage", "a program" },
    { "x.gadget", "a program" }, { "Play me.lnk", "a shortcut" }, { "site.Website", "a shortcut" },
    { "run.ps1", "a script" }, { "m.psm1", "a script" }, { "a.py", "a script" },
    { "Film.2019.1080p.zipx", "an archive" }, { "old.xxe", "an archive" },
    { "Film.exe\\Film.mkv", NULL }, { "Codec.exe/readme", NULL }, { "@@s\\Film\\setup.exe", "a program" },
    { "Film.2019.1080p.BluRay.x264", NULL }, { "Film.x264-GRP", NULL }, { "setup.exe1", NULL },
    { "setup.appimages", NULL }, { "setup.", NULL }, { "setup", NULL }, { "setup.zip", NULL },
    { "setup.e", NULL }, { "setup.exex", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const char *risk = ssv_file_name_risk (rows[i].name);

      g_test_message ("%s", rows[i].name);
      if (rows[i].risk == NULL)
        g_assert_null (risk);
      else
        g_assert_true (risk != NULL && g_str_has_prefix (risk, rows[i].risk));
    }
}

/* The names TMDB lists for a film are its names too; a similar name is not. */
static void
test_aliases_from_tmdb (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load ("tmdb/movie-alternative-titles.json");
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), NULL);
  g_auto(GStrv) aliases = ssv_tmdb_parse_alternative_titles (root, NULL);
  g_autoptr(SsvSearchItem) plain = ssv_search_item_new_movie ("Fight Club", 1999);
  g_autoptr(SsvSearchItem) known = ssv_search_item_new_movie ("Fight Club", 1999);
  g_autoptr(SsvReleaseHit) russian = torrent ("Boytsovskiy.Klub.1999.1080p.BluRay.x264-GRP", 9);
  g_autoptr(SsvReleaseHit) polish = torrent ("Podziemny Krag 1999 PL 720p WEB-DL x264", 9);
  g_autoptr(SsvReleaseHit) other = torrent ("Boytsovskiy.Klub.2.1999.1080p.BluRay.x264-GRP", 9);
  g_autoptr(SsvJudgedHit) j1 = NULL, j2 = NULL, j3 = NULL, j4 = NULL;

  ssv_search_item_set_aliases (known, (const char * const *) aliases);
  j1 = judge (f->any, plain, russian);
  j2 = judge (f->any, known, russian);
  j3 = judge (f->any, known, polish);
  j4 = judge (f->any, known, other);
  expect (j1, FALSE, "is not “Fight Club”");
  expect (j2, TRUE, NULL);
  expect (j3, TRUE, NULL);
  expect (j4, FALSE, "is not “Fight Club”");
}

static void
test_episode_table (Fixture       *f,
                    gconstpointer  data)
{
  static const Row rows[] = {
    { "The.Fix.S01E02.1080p.WEB-DL.DD5.1.H.264-GRP", 10, TRUE, NULL },
    { "The Fix S01E02 Episode Title 1080p AMZN WEB-DL", 10, TRUE, NULL },
    { "The.Fix.S01E03.1080p.WEB-DL.DD5.1.H.264-GRP", 10, FALSE, "episode 3 of season 1" },
    { "The.Fix.S02E02.1080p.WEB-DL.DD5.1.H.264-GRP", 10, FALSE, "season 2" },
    { "The.Fix.S01.1080p.WEB-DL.DD5.1.H.264-GRP", 10, FALSE, "a pack of all of season 1" },
    { "The.Fixer.S01E02.1080p.WEB-DL.DD5.1.H.264-GRP", 10, FALSE, "is not “The Fix”" },
    { "The.Fix.S01E02.720p.HDTV.x264-GRP", 10, FALSE, "below the profile's minimum 1080p" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(SsvSearchItem) item = the_fix (2);
      g_autoptr(SsvReleaseHit) hit = torrent (rows[i].title, rows[i].seeders);
      g_autoptr(SsvJudgedHit) judged = judge (f->hd, item, hit);

      expect (judged, rows[i].accepted, rows[i].reason);
    }

  {
    g_autoptr(SsvSearchItem) item = the_fix (2);
    g_autoptr(SsvReleaseHit) hit = torrent ("The.Fix.S01E02.1080p.WEB-DL.DD5.1.H.264-GRP", 10);
    g_autoptr(SsvJudgedHit) judged = NULL;

    /* the indexer knows the show by its id: another show of the same name is not it */
    hit->tvdb_id = 111;
    judged = judge (f->hd, item, hit);
    expect (judged, FALSE, "TheTVDB id 111");
  }
}

static void
test_daily_anime_season (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SsvSearchItem) daily = ssv_search_item_new_episode ("The Daily Show", 2026, 120);
  g_autoptr(SsvSearchItem) anime = ssv_search_item_new_episode ("Frame Arms Girl", 1, 7);
  g_autoptr(SsvSearchItem) season = the_fix (0);
  g_autoptr(SsvReleaseHit) right_day = torrent ("The.Daily.Show.2026.07.08.720p.WEB.h264-GRP", 3);
  g_autoptr(SsvReleaseHit) wrong_day = torrent ("The.Daily.Show.2026.07.09.720p.WEB.h264-GRP", 3);
  g_autoptr(SsvReleaseHit) fansub = torrent ("[HorribleSubs] Frame Arms Girl - 07 [720p].mkv", 3);
  g_autoptr(SsvReleaseHit) other_ep = torrent ("[HorribleSubs] Frame Arms Girl - 08 [720p].mkv", 3);
  g_autoptr(SsvReleaseHit) pack = torrent ("The.Fix.S01.1080p.WEB-DL.DD5.1.H.264-GRP", 3);
  g_autoptr(SsvReleaseHit) one = torrent ("The.Fix.S01E02.1080p.WEB-DL.DD5.1.H.264-GRP", 3);
  g_autoptr(SsvJudgedHit) j1 = NULL, j2 = NULL, j3 = NULL, j4 = NULL, j5 = NULL, j6 = NULL;

  ssv_search_item_set_air_date (daily, "2026-07-08", TRUE);
  ssv_search_item_set_absolute (anime, 7);

  j1 = judge (f->any, daily, right_day);
  j2 = judge (f->any, daily, wrong_day);
  j3 = judge (f->any, anime, fansub);
  j4 = judge (f->any, anime, other_ep);
  j5 = judge (f->hd, season, pack);
  j6 = judge (f->hd, season, one);
  expect (j1, TRUE, NULL);
  expect (j2, FALSE, "aired 2026-07-09");
  expect (j3, TRUE, NULL);
  expect (j4, FALSE, "episode 8");
  expect (j5, TRUE, NULL);
  expect (j6, FALSE, "only episode 2");
}

/* A Soulseek season folder, one episode wanted: that episode's file, judged as itself. */
static void
test_soulseek_season_folder (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const files[] = {
    "@@q\\The Fix\\Season 01\\The.Fix.S01E01.1080p.WEB-DL.DD5.1.H.264-GRP.mkv",
    "@@q\\The Fix\\Season 01\\The.Fix.S01E02.1080p.WEB-DL.DD5.1.H.264-GRP.mkv",
    "@@q\\The Fix\\Season 01\\The.Fix.S01E02.en.srt", NULL,
  };
  g_autoptr(SsvSearchItem) item = the_fix (2);
  g_autoptr(SsvSearchItem) season = the_fix (0);
  g_autoptr(SsvReleaseHit) hit = soulseek ("The Fix Season 01", files);
  g_autoptr(SsvJudgedHit) judged = judge (f->hd, item, hit);
  g_autoptr(SsvJudgedHit) whole = NULL;
  guint wanted = 0;

  expect (judged, TRUE, NULL);
  g_assert_cmpstr (judged->hit->title, ==, "The.Fix.S01E02.1080p.WEB-DL.DD5.1.H.264-GRP");
  for (guint i = 0; i < judged->hit->files->len; i++)
    {
      SsvHitFile *file = g_ptr_array_index (judged->hit->files, i);

      wanted += file->wanted;
      if (file->wanted)
        g_assert_true (g_str_has_suffix (file->path, "S01E02.1080p.WEB-DL.DD5.1.H.264-GRP.mkv"));
    }
  g_assert_cmpuint (wanted, ==, 1);
  /* the hit as the grouper made it is left as it was */
  g_assert_cmpstr (hit->title, ==, "The Fix Season 01");

  /* the season wanted whole takes the whole folder, its quality read from the files */
  whole = judge (f->hd, season, hit);
  expect (whole, TRUE, NULL);
  g_assert_true (whole->hit == hit);
  g_assert_cmpint (whole->decision->quality, ==, SSV_QUALITY_WEBDL_1080);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  static const struct { const char *title; int seeders; gint64 size; } hits[] = {
    { "Fight.Club.1999.CAM.x264-GRP", 900, 1000 },                     /* rejected */
    { "Fight.Club.1999.720p.BluRay.x264-GRP", 900, 5000000000 },       /* lower quality */
    { "Fight.Club.1999.1080p.BluRay.x264-AAA", 10, 9000000000 },
    { "Fight.Club.1999.1080p.BluRay.x264-BBB", 80, 8000000000 },       /* more seeders */
    { "Fight.Club.1999.1080p.BluRay.x264-CCC", 80, 8500000000 },       /* as many, bigger */
    { "Fight.Club.1999.1080p.BluRay.PROPER.x264-DDD", 1, 7000000000 }, /* proper: +5 */
  };
  static const char * const order[] = { "DDD", "CCC", "BBB", "AAA", "720p", "CAM" };
  g_autoptr(SsvSearchItem) item = fight_club ();
  g_autoptr(GPtrArray) judged = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);

  for (guint i = 0; i < G_N_ELEMENTS (hits); i++)
    {
      g_autoptr(SsvReleaseHit) hit = torrent (hits[i].title, hits[i].seeders);

      hit->size = hits[i].size;
      g_ptr_array_add (judged, judge (f->any, item, hit));
    }
  ssv_judged_hits_sort (judged);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      SsvJudgedHit *j = g_ptr_array_index (judged, i);

      g_test_message ("%u: %s (%d)", i, j->hit->title, j->decision->score);
      g_assert_nonnull (strstr (j->hit->title, order[i]));
    }
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SsvSearchItem) item = fight_club ();
  g_autoptr(SsvReleaseHit) hit = torrent ("Fight.Club.2012.1080p.WEB-DL.x264-GRP", 3);
  g_autoptr(SsvJudgedHit) judged = judge (f->any, item, hit);
  g_autofree char *json = ssv_judged_hit_to_json (judged, "Any");
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  JsonObject *object = json_node_get_object (node);

  g_assert_false (json_object_get_boolean_member (object, "accepted"));
  g_assert_cmpstr (json_object_get_string_member (object, "indexer"), ==, "Test");
  g_assert_cmpint (json_object_get_int_member (object, "seeders"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "reasons")), >, 0);
}

/* A Soulseek hit's JSON names the peer's files a grab takes, and the quality in words. */
static void
test_json_soulseek (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const files[] = {
    "@@s\\Fight Club (1999)\\Fight.Club.1999.1080p.BluRay.x264-GRP.mkv",
    "@@s\\Fight Club (1999)\\Sample\\sample.mkv",
    NULL,
  };
  g_autoptr(SsvSearchItem) item = fight_club ();
  g_autoptr(SsvReleaseHit) hit = soulseek ("Fight.Club.1999.1080p.BluRay.x264-GRP", files);
  g_autoptr(SsvJudgedHit) judged = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonObject *object;
  JsonArray *array;

  hit->queue_length = 4;
  hit->upload_speed = 2500000;
  judged = judge (f->any, item, hit);
  json = ssv_judged_hit_to_json (judged, "Any");
  node = json_from_string (json, NULL);
  object = json_node_get_object (node);

  g_assert_true (json_object_get_boolean_member (object, "accepted"));
  g_assert_cmpstr (json_object_get_string_member (object, "slskd_user"), ==, "peer");
  g_assert_true (json_object_get_boolean_member (object, "free_slot"));
  g_assert_cmpint (json_object_get_int_member (object, "queue_length"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (object, "upload_speed"), ==, 2500000);
  g_assert_cmpstr (json_object_get_string_member (object, "quality_label"), ==,
                   ssv_quality_get_label (SSV_QUALITY_BLURAY_1080));
  array = json_object_get_array_member (object, "files");
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "path"), ==, files[0]);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (array, 0), "wanted"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (array, 1), "wanted"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (array, 1), "size"), ==, 1000000000);
}

/* ---- queries --------------------------------------------------------------------- */

static void
test_clean_title (void)
{
  static const char * const cases[][2] = {
    { "Marvel's Agents of S.H.I.E.L.D.", "Marvels Agents of SHIELD" },
    { "Law & Order: Special Victims Unit", "Law and Order Special Victims Unit" },
    { "Mr. Robot", "Mr Robot" },
    { "Amélie", "Amélie" },
    { "  9-1-1: Lone Star ", "9 1 1 Lone Star" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *clean = ssv_search_clean_title (cases[i][0]);

      g_assert_cmpstr (clean, ==, cases[i][1]);
    }
}

static char *
joined (GPtrArray *strings)
{
  g_ptr_array_add (strings, NULL);
  return g_strjoinv (" | ", (char **) strings->pdata);
}

static void
test_text_queries (void)
{
  g_autoptr(SsvSearchItem) movie = fight_club ();
  g_autoptr(SsvSearchItem) episode = the_fix (2);
  g_autoptr(SsvSearchItem) season = the_fix (0);
  g_autoptr(SsvSearchItem) daily = ssv_search_item_new_episode ("The Daily Show", 2026, 120);
  g_autoptr(SsvSearchItem) anime = ssv_search_item_new_episode ("Frame Arms Girl", 1, 7);
  g_autoptr(SsvSearchItem) dated = the_fix (2);
  g_autofree char *m = NULL, *e = NULL, *s = NULL, *d = NULL, *a = NULL, *t = NULL;

  ssv_search_item_set_air_date (daily, "2026-07-08", TRUE);
  ssv_search_item_set_absolute (anime, 7);
  ssv_search_item_set_air_date (dated, "2019-03-18", FALSE);
  m = joined (ssv_search_item_text_queries (movie));
  e = joined (ssv_search_item_text_queries (episode));
  s = joined (ssv_search_item_text_queries (season));
  d = joined (ssv_search_item_text_queries (daily));
  a = joined (ssv_search_item_text_queries (anime));
  t = joined (ssv_search_item_text_queries (dated));

  g_assert_cmpstr (m, ==, "Fight Club 1999 | Fight Club");
  g_assert_cmpstr (e, ==, "The Fix S01E02 | The Fix S1E02");
  g_assert_cmpstr (s, ==, "The Fix S01 | The Fix Season 1");
  g_assert_cmpstr (d, ==, "The Daily Show 2026.07.08 | The Daily Show 2026 07 08 | The Daily Show S2026E120");
  g_assert_cmpstr (a, ==, "Frame Arms Girl 07 | Frame Arms Girl S01E07 | Frame Arms Girl S1E07");
  g_assert_cmpstr (t, ==, "The Fix S01E02 | The Fix S1E02 | The Fix 2019.03.18 | The Fix 2019 03 18");
}

static char *
describe_plan (GPtrArray *plan)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < plan->len; i++)
    {
      const SsvIndexerQuery *q = g_ptr_array_index (plan, i);
      g_autofree char *said = ssv_indexer_query_describe (q);

      g_string_append_printf (s, "%s%s%s: %s", i ? " | " : "", q->fallback ? "then " : "",
                              ssv_search_type_to_string (q->type), said);
    }
  g_ptr_array_unref (plan);
  return g_string_free (s, FALSE);
}

static SsvIndexerCaps *
caps_with (guint32 generic,
           guint32 tv,
           guint32 movie)
{
  SsvIndexerCaps *caps = ssv_indexer_caps_new ();

  caps->params[SSV_SEARCH_GENERIC] = generic;
  caps->params[SSV_SEARCH_TV] = tv;
  caps->params[SSV_SEARCH_MOVIE] = movie;
  return caps;
}

/* Which strategy each indexer gets follows from what its caps say. */
static void
test_plan_from_caps (void)
{
  guint32 q = SSV_PARAM_Q, numbers = SSV_PARAM_SEASON | SSV_PARAM_EP;
  g_autoptr(SsvIndexerCaps) full = caps_with (q, q | numbers | SSV_PARAM_TVDBID | SSV_PARAM_IMDBID,
                                              q | SSV_PARAM_IMDBID | SSV_PARAM_TMDBID);
  g_autoptr(SsvIndexerCaps) no_ids = caps_with (q, q | numbers | SSV_PARAM_RID, q);
  g_autoptr(SsvIndexerCaps) tmdb_only = caps_with (0, 0, q | SSV_PARAM_TMDBID);
  g_autoptr(SsvIndexerCaps) ids_no_numbers = caps_with (q, q | SSV_PARAM_TVDBID, 0);
  g_autoptr(SsvSearchItem) movie = fight_club ();
  g_autoptr(SsvSearchItem) episode = the_fix (2);
  g_autoptr(SsvSearchItem) season = the_fix (0);
  g_autoptr(SsvSearchItem) daily = ssv_search_item_new_episode ("The Daily Show", 2026, 120);
  g_autofree char *p1 = NULL, *p2 = NULL, *p3 = NULL, *p4 = NULL, *p5 = NULL, *p6 = NULL, *p7 = NULL, *p8 = NULL;

  ssv_search_item_set_ids (daily, 0, 71256, NULL);
  ssv_search_item_set_air_date (daily, "2026-07-08", TRUE);

  p1 = describe_plan (ssv_search_item_plan (episode, full));
  g_assert_cmpstr (p1, ==, "tvsearch: TheTVDB id 354629, season 1, episode 2 | search: “The Fix S01E02” | "
                           "then search: “The Fix S1E02”");
  p2 = describe_plan (ssv_search_item_plan (episode, no_ids));
  g_assert_cmpstr (p2, ==, "search: “The Fix S01E02” | then search: “The Fix S1E02”");
  p3 = describe_plan (ssv_search_item_plan (movie, full));
  g_assert_cmpstr (p3, ==, "movie: IMDb id tt0137523 | search: “Fight Club 1999” | then search: “Fight Club”");
  /* no plain search: the film search takes the text */
  p4 = describe_plan (ssv_search_item_plan (movie, tmdb_only));
  g_assert_cmpstr (p4, ==, "movie: TMDB id 550 | movie: “Fight Club 1999” | then movie: “Fight Club”");
  p5 = describe_plan (ssv_search_item_plan (season, full));
  g_assert_cmpstr (p5, ==, "tvsearch: TheTVDB id 354629, season 1 | search: “The Fix S01” | "
                           "then search: “The Fix Season 1”");
  /* Newznab's daily form: the year as season, month/day as episode */
  p6 = describe_plan (ssv_search_item_plan (daily, full));
  g_assert_cmpstr (p6, ==, "tvsearch: TheTVDB id 71256, season 2026, episode 07/08 | "
                           "search: “The Daily Show 2026.07.08” | then search: “The Daily Show 2026 07 08” | "
                           "then search: “The Daily Show S2026E120”");
  /* an id without season and episode would bring the whole show */
  p7 = describe_plan (ssv_search_item_plan (episode, ids_no_numbers));
  g_assert_cmpstr (p7, ==, "search: “The Fix S01E02” | then search: “The Fix S1E02”");
  /* no caps (slskd, a failed caps request): text only */
  p8 = describe_plan (ssv_search_item_plan (movie, NULL));
  g_assert_cmpstr (p8, ==, "search: “Fight Club 1999” | then search: “Fight Club”");
}

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  ADD ("/core/judge/movie-table", test_movie_table);
  ADD ("/core/judge/movie-source-checks", test_movie_source_checks);
  ADD ("/core/judge/aliases-from-tmdb", test_aliases_from_tmdb);
  ADD ("/core/judge/episode-table", test_episode_table);
  ADD ("/core/judge/daily-anime-season", test_daily_anime_season);
  ADD ("/core/judge/soulseek-season-folder", test_soulseek_season_folder);
  ADD ("/core/judge/sort", test_sort);
  ADD ("/core/judge/json", test_json);
  ADD ("/core/judge/json-soulseek", test_json_soulseek);
  g_test_add_func ("/core/judge/clean-title", test_clean_title);
  g_test_add_func ("/core/judge/file-name-risk", test_file_name_risk);
  g_test_add_func ("/core/judge/text-queries", test_text_queries);
  g_test_add_func ("/core/judge/plan-from-caps", test_plan_from_caps);

  return g_test_run ();
}
