/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-import-plan.c: what a finished download's files become, as a table: imports, subtitles,
 * samples, extras, wrong titles and episodes, season packs, programs, upgrades. */

#include "config.h"

#include "downloads/ssv-import-plan.h"

#define MB (1024 * 1024)

typedef struct
{
  const char *path;
  gint64      size_mb;
  const char *expected;  /* a destination, or "!" and a part of the reason it is skipped */
} FileRow;

typedef struct
{
  const char              *name;
  const SsvDownloadWanted *wanted;
  const char              *release;
  SsvQuality               owned;        /* SSV_QUALITY_UNKNOWN: none */
  const char              *rejected;     /* a part of the whole release's reason, or NULL */
  gboolean                 meets_cutoff;
  FileRow                  files[6];
} PlanRow;

static const SsvDownloadWanted matrix = {
  .kind = SSV_DOWNLOAD_KIND_MOVIE, .title = (char *) "The Matrix", .year = 1999, .season = -1, .episode = -1,
};
static const SsvDownloadWanted severance_2 = {
  .kind = SSV_DOWNLOAD_KIND_EPISODE, .title = (char *) "Severance", .year = 2022, .season = 1, .episode = 2,
};
static const SsvDownloadWanted severance_s1 = {
  .kind = SSV_DOWNLOAD_KIND_SEASON, .title = (char *) "Severance", .year = 2022, .season = 1, .episode = -1,
};

static const PlanRow rows[] = {
  { "movie with subtitles and junk", &matrix, "The.Matrix.1999.1080p.BluRay.x264-GRP", SSV_QUALITY_UNKNOWN, NULL, TRUE, {
      { "The.Matrix.1999.1080p.BluRay.x264-GRP/The.Matrix.1999.1080p.BluRay.x264-GRP.mkv", 8000,
        "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv" },
      { "The.Matrix.1999.1080p.BluRay.x264-GRP/The.Matrix.1999.1080p.BluRay.x264-GRP.en.srt", 0,
        "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.en.srt" },
      { "The.Matrix.1999.1080p.BluRay.x264-GRP/Subs/French.ass", 0,
        "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.French.ass" },
      { "The.Matrix.1999.1080p.BluRay.x264-GRP/Sample/the.matrix.sample.mkv", 50, "!a sample" },
      { "The.Matrix.1999.1080p.BluRay.x264-GRP/Featurettes/Making Of.mkv", 300, "!an extra" },
      { "The.Matrix.1999.1080p.BluRay.x264-GRP/GRP.nfo", 0, "!not a video" },
    } },
  { "a file with a meaningless name takes the folder's", &matrix, "The.Matrix.1999.720p.WEB-DL-X",
    SSV_QUALITY_UNKNOWN, NULL, FALSE, {
      { "The.Matrix.1999.720p.WEB-DL-X/abc123.mp4", 2000, "The Matrix (1999)/The Matrix (1999) - 720p WEB-DL.mp4" },
    } },
  { "too small to be the film", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_UNKNOWN,
    "“The.Matrix.1999.1080p.BluRay.mkv” is too small for a whole film", FALSE, {
      { "The.Matrix.1999.1080p.BluRay.mkv", 30, "!too small" },
    } },
  { "another film", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_UNKNOWN, "not “The Matrix”", FALSE, {
      { "The.Matrix.Reloaded.2003.1080p.BluRay.mkv", 9000, "!its name says “The Matrix Reloaded”" },
    } },
  { "another year", &matrix, "The.Matrix.2021.1080p.BluRay-X", SSV_QUALITY_UNKNOWN, "a film from 2021", FALSE, {
      { "The.Matrix.2021.1080p.BluRay.mkv", 9000, "!a film from 2021, not the one from 1999" },
    } },
  { "sample and program: the whole release is rejected", &matrix, "The.Matrix.1999.1080p.BluRay-X",
    SSV_QUALITY_UNKNOWN, "a program, “setup.exe”", FALSE, {
      { "sample.mkv", 40, "!a program" },
      { "setup.exe", 1, "!a program" },
    } },
  { "only a sample", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_UNKNOWN,
    "Nothing to import: “sample.mkv” is a sample", FALSE, {
      { "sample.mkv", 40, "!a sample" },
    } },
  { "no video at all", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_UNKNOWN, "the release has no video",
    FALSE, {
      { "The.Matrix.1999.rar", 900, "!not a video" },
    } },
  { "risky archive", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_UNKNOWN, "an archive of a kind", FALSE, {
      { "The.Matrix.1999.1080p.BluRay.mkv", 9000, "!an archive" },
      { "codec.zipx", 1, "!an archive" },
    } },
  { "two copies: the bigger one", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_UNKNOWN, NULL, TRUE, {
      { "The.Matrix.1999.1080p.BluRay-X/a.mkv", 4000, "!“The.Matrix.1999.1080p.BluRay-X/b.mkv” is the same film" },
      { "The.Matrix.1999.1080p.BluRay-X/b.mkv", 9000, "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv" },
    } },
  { "upgrade of a lower file", &matrix, "The.Matrix.1999.1080p.BluRay-X", SSV_QUALITY_HDTV_720, NULL, TRUE, {
      { "The.Matrix.1999.1080p.BluRay.mkv", 9000, "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv" },
    } },
  { "not better than the owned file", &matrix, "The.Matrix.1999.720p.HDTV-X", SSV_QUALITY_BLURAY_1080,
    "not better than the 1080p Bluray file you have", FALSE, {
      { "The.Matrix.1999.720p.HDTV.mkv", 3000, "!not better" },
    } },
  { "the wanted episode of a pack", &severance_2, "Severance.S01.1080p.WEB-DL-X", SSV_QUALITY_UNKNOWN, NULL, TRUE, {
      { "Severance.S01.1080p.WEB-DL-X/Severance.S01E01.Good.News.About.Hell.1080p.WEB-DL.mkv", 900,
        "!episode 1, not the wanted episode 2" },
      { "Severance.S01.1080p.WEB-DL-X/Severance.S01E02.Half.Loop.1080p.WEB-DL.mkv", 900,
        "Severance/Season 01/Severance - S01E02 - Half Loop.mkv" },
      { "Severance.S01.1080p.WEB-DL-X/Severance.S01E02.Half.Loop.1080p.WEB-DL.eng.srt", 0,
        "Severance/Season 01/Severance - S01E02 - Half Loop.eng.srt" },
    } },
  { "a season pack: every episode", &severance_s1, "Severance.S01.720p.HDTV-X", SSV_QUALITY_UNKNOWN, NULL, FALSE, {
      { "Severance.S01/Severance.S01E01.720p.HDTV.mkv", 500, "Severance/Season 01/Severance - S01E01.mkv" },
      { "Severance.S01/Severance.S01E02.720p.HDTV.mkv", 500, "Severance/Season 01/Severance - S01E02.mkv" },
      { "Severance.S01/Severance.S02E01.720p.HDTV.mkv", 500, "!season 2, not season 1" },
      { "Severance.S01/Other.Show.S01E03.720p.HDTV.mkv", 500, "!not “Severance”" },
    } },
  { "an episode file with no numbers, alone", &severance_2, "Severance.S01E02.1080p.WEB-DL-X",
    SSV_QUALITY_UNKNOWN, NULL, TRUE, {
      { "Severance.S01E02.1080p.WEB-DL-X/episode.mkv", 900, "Severance/Season 01/Severance - S01E02.mkv" },
    } },
};

static void
test_table (void)
{
  g_autoptr(GPtrArray) formats = ssv_custom_format_new_defaults ();
  g_autoptr(GPtrArray) profiles = ssv_quality_profile_new_defaults (formats);
  const SsvQualityProfile *hd = g_ptr_array_index (profiles, 0);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      const PlanRow *row = &rows[r];
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(SsvImportPlan) plan = NULL;
      SsvOwnedFile owned = { .quality = row->owned };
      SsvImportRequest request = {
        .wanted = row->wanted,
        .release_title = row->release,
        .files = files,
        .profile = hd,
        .owned = row->owned != SSV_QUALITY_UNKNOWN ? &owned : NULL,
      };
      g_autofree char *described = NULL;

      g_test_message ("row: %s", row->name);
      for (guint i = 0; i < G_N_ELEMENTS (row->files) && row->files[i].path != NULL; i++)
        {
          SsvCandidateFile *file = g_new0 (SsvCandidateFile, 1);

          file->path = (char *) row->files[i].path;
          file->size = row->files[i].size_mb * MB;
          g_ptr_array_add (files, file);
        }

      plan = ssv_import_plan (&request);
      g_assert_cmpuint (plan->entries->len, ==, files->len);
      described = ssv_import_plan_describe (plan);
      if (row->rejected != NULL)
        {
          g_assert_true (plan->rejected);
          g_assert_nonnull (strstr (plan->reason, row->rejected));
          g_assert_cmpstr (described, ==, plan->reason);
          g_assert_cmpuint (plan->n_videos, ==, 0);
        }
      else
        {
          g_assert_false (plan->rejected);
          g_assert_cmpuint (plan->n_videos, >, 0);
          g_assert_cmpint (plan->meets_cutoff, ==, row->meets_cutoff);
          g_assert_true (g_str_has_prefix (described, "Imports"));
        }
      g_assert_cmpint (plan->shows, ==, row->wanted->kind != SSV_DOWNLOAD_KIND_MOVIE);

      for (guint i = 0; i < files->len; i++)
        {
          const SsvImportEntry *entry = g_ptr_array_index (plan->entries, i);
          const char *expected = row->files[i].expected;

          g_test_message ("  file: %s → %s (%s)", entry->source, entry->destination, entry->reason);
          g_assert_cmpstr (entry->source, ==, row->files[i].path);
          if (expected[0] == '!')
            {
              g_assert_cmpint (entry->action, ==, SSV_IMPORT_SKIP);
              g_assert_null (entry->destination);
              g_assert_nonnull (entry->reason);
              g_assert_nonnull (strstr (entry->reason, expected + 1));
            }
          else
            {
              g_assert_cmpint (entry->action, !=, SSV_IMPORT_SKIP);
              g_assert_cmpstr (entry->destination, ==, expected);
              g_assert_cmpint (entry->upgrade, ==, entry->action == SSV_IMPORT_VIDEO &&
                                                   row->owned != SSV_QUALITY_UNKNOWN);
            }
        }
    }
}

/* The person's templates, and a template that names nothing. */
static void
test_templates (void)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  SsvCandidateFile *file = g_new0 (SsvCandidateFile, 1);
  SsvImportRequest request = {
    .wanted = &matrix, .release_title = "The.Matrix.1999.2160p.UHD.BluRay.REMUX-X", .files = files,
    .movie_template = "Films/{Movie.Title}.{Year}.{ext}", .min_video_bytes = -1,
  };
  g_autoptr(SsvImportPlan) plan = NULL;
  g_autoptr(SsvImportPlan) nameless = NULL;
  const SsvImportEntry *entry;

  file->path = (char *) "The.Matrix.1999.2160p.UHD.BluRay.REMUX-X.MKV";
  file->size = 10;   /* no floor: a tiny file is fine */
  g_ptr_array_add (files, file);

  plan = ssv_import_plan (&request);
  entry = g_ptr_array_index (plan->entries, 0);
  g_assert_cmpstr (entry->destination, ==, "Films/The.Matrix.1999.mkv");
  g_assert_cmpint (entry->quality, ==, SSV_QUALITY_REMUX_2160);
  g_assert_cmpint (plan->quality, ==, SSV_QUALITY_REMUX_2160);
  g_assert_true (plan->meets_cutoff);   /* no profile: nothing better wanted */

  request.movie_template = "../{Episode Title}/..";
  nameless = ssv_import_plan (&request);
  g_assert_true (nameless->rejected);
  entry = g_ptr_array_index (nameless->entries, 0);
  g_assert_nonnull (strstr (nameless->reason, "no name"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/import-plan/table", test_table);
  g_test_add_func ("/core/import-plan/templates", test_templates);

  return g_test_run ();
}
