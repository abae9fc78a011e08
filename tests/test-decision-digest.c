/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-decision-digest.c: every corpus name judged for three wanted items under two profiles,
 * the decisions' whole JSON against a checked-in digest: making judging faster changes none. */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-judge.h"
#include "providers/ssv-tmdb.h"
#include "ssv-fake-server.h"
#include "ssv-test-utils.h"

/*
 * Every (name, item, profile) gives one line: the name, the item, the profile, the quality
 * rank and ssv_judged_hit_to_json() (accepted, upgrade, quality, score and every reason in
 * its words). tests/decision-digest.txt keeps the number of lines and the SHA-256 of them all.
 *
 * A change to the decisions on purpose rewrites the file:
 *   SSV_DIGEST_UPDATE=1 meson test -C build decision-digest
 * and SSV_DIGEST_DUMP=/tmp/out.txt writes every line, to diff two versions.
 */

#define DIGEST_FILE SSV_SOURCE_ROOT "/tests/decision-digest.txt"
#define N_FORMATS   25

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static SsvReleaseHit *
hit_named (const char *name,
           guint       i)
{
  SsvReleaseHit *hit = ssv_release_hit_new (SSV_PROTOCOL_TORRENT);

  hit->title = g_strdup (name);
  hit->indexer = g_strdup ("Digest");
  hit->download_url = g_strdup_printf ("https://digest/%u.torrent", i);
  /* sizes from nothing known to 70 GB, so size conditions and limits both hold and fail */
  hit->size = i % 11 == 0 ? -1 : 150000000 + (gint64) (i % 70) * 1000000000;
  hit->seeders = i % 97;
  return hit;
}

static void
add_line (GString             *all,
          FILE                *dump,
          const char          *item_name,
          const char          *profile_name,
          const SsvJudgedHit  *judged)
{
  g_autofree char *json = ssv_judged_hit_to_json (judged, profile_name);
  g_autofree char *line = g_strdup_printf ("%s\t%s\t%d\t%s\n", item_name, profile_name, judged->quality_rank, json);

  g_string_append (all, line);
  if (dump != NULL)
    fputs (line, dump);
}

static SsvQualityProfile *
profile_with_words (GPtrArray *formats)
{
  g_autoptr(GPtrArray) profiles = ssv_quality_profile_new_defaults (formats);
  SsvQualityProfile *hd = ssv_quality_profile_copy (g_ptr_array_index (profiles, 0));

  ssv_quality_profile_add_preferred_word (hd, "proper", 15);
  ssv_quality_profile_add_preferred_word (hd, "Ø", 5);
  ssv_quality_profile_add_preferred_word (hd, "hevc", -20);
  g_ptr_array_add (hd->rejected_words, g_strdup ("cam"));
  ssv_quality_profile_set_size_limits (hd, SSV_QUALITY_WEBDL_1080, 5, 200);
  hd->min_format_score = -40;
  return hd;
}

static void
test_digest (void)
{
  g_autoptr(GPtrArray) names = ssv_test_load_corpus_names ();
  g_autoptr(GPtrArray) formats = ssv_custom_format_new_defaults ();
  g_autoptr(SsvQualityProfile) bench = ssv_test_profile_with_formats (formats, N_FORMATS);
  g_autoptr(SsvQualityProfile) hd = profile_with_words (formats);
  g_autoptr(SsvSearchItem) film = ssv_search_item_new_movie ("Fight Club", 1999);
  g_autoptr(SsvSearchItem) episode = ssv_search_item_new_episode ("The Fix", 1, 1);
  g_autoptr(GBytes) titles = ssv_fixture_load ("tmdb/movie-alternative-titles.json");
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (titles, NULL), NULL);
  g_auto(GStrv) aliases = ssv_tmdb_parse_alternative_titles (root, NULL);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  const char *dump_path = g_getenv ("SSV_DIGEST_DUMP");
  FILE *dump = dump_path ? fopen (dump_path, "w") : NULL;
  SsvOwnedFile owned = { SSV_QUALITY_WEBDL_720, 1, "The.Fix.S01E01.720p.WEB-DL.DD5.1.H.264-NTb" };
  SsvQualityProfile *profiles[] = { bench, hd };

  g_assert_cmpuint (names->len, >, 3000);
  g_ptr_array_sort (names, compare_strings);
  ssv_search_item_set_ids (film, 550, 0, "tt0137523");
  ssv_search_item_set_aliases (film, (const char * const *) aliases);
  film->runtime_minutes = 139;
  episode->runtime_minutes = 45;

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(SsvReleaseHit) hit = hit_named (name, i);
      g_autoptr(SsvSearchItem) own = ssv_test_item_named_by (name);

      for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
        {
          g_autoptr(SsvJudgedHit) for_film = ssv_judge_hit (profiles[p], film, NULL, hit);
          g_autoptr(SsvJudgedHit) for_own = ssv_judge_hit (profiles[p], own, i % 2 ? &owned : NULL, hit);
          g_autoptr(SsvJudgedHit) for_episode = ssv_judge_hit (profiles[p], episode, &owned, hit);

          add_line (all, dump, name, profiles[p]->name, for_film);
          add_line (all, dump, "own", profiles[p]->name, for_own);
          add_line (all, dump, "episode", profiles[p]->name, for_episode);
        }
    }
  if (dump != NULL)
    fclose (dump);

  g_checksum_update (checksum, (const guchar *) all->str, all->len);
  got = g_strdup_printf ("# Every corpus name judged by tests/test-decision-digest.c; after a change on\n"
                         "# purpose: SSV_DIGEST_UPDATE=1 meson test -C build decision-digest\n"
                         "lines %u\nsha256 %s\n",
                         names->len * 6, g_checksum_get_string (checksum));

  if (g_getenv ("SSV_DIGEST_UPDATE") != NULL)
    {
      g_assert_true (g_file_set_contents (DIGEST_FILE, got, -1, NULL));
      g_test_message ("rewrote %s", DIGEST_FILE);
      return;
    }
  g_assert_true (g_file_get_contents (DIGEST_FILE, &expected, NULL, NULL));
  if (g_strcmp0 (expected, got) != 0)
    g_error ("the decisions changed (SSV_DIGEST_DUMP=file writes them, to diff):\n%s\nwas\n%s", got, expected);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);
  g_test_add_func ("/core/decision/digest", test_digest);
  return g_test_run ();
}
