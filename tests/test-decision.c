/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-decision.c: quality tiers, custom formats, profiles and the reasons of a decision. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-decision.h"
#include "ssv-error.h"
#include "downloads/ssv-pattern-literals.h"
#include "downloads/ssv-quality-profile.h"
#include "downloads/ssv-quality-profile-private.h"
#include "ssv-test-utils.h"

typedef struct
{
  GPtrArray         *formats;
  GPtrArray         *profiles;
  SsvQualityProfile *hd;
  SsvQualityProfile *uhd;
  SsvQualityProfile *any;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->formats = ssv_custom_format_new_defaults ();
  f->profiles = ssv_quality_profile_new_defaults (f->formats);
  f->hd = g_ptr_array_index (f->profiles, 0);
  f->uhd = g_ptr_array_index (f->profiles, 1);
  f->any = g_ptr_array_index (f->profiles, 2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_ptr_array_unref (f->profiles);
  g_ptr_array_unref (f->formats);
}

static SsvWantedItem
episode (const char *title,
         guint       season,
         guint       number)
{
  SsvWantedItem w = { 0 };

  w.kind = SSV_WANTED_EPISODE;
  w.title = title;
  w.season = season;
  w.episode = number;
  return w;
}

static SsvWantedItem
movie (const char *title,
       guint       year)
{
  SsvWantedItem w = { 0 };

  w.kind = SSV_WANTED_MOVIE;
  w.title = title;
  w.year = year;
  return w;
}

static SsvDecision *
decide (const SsvQualityProfile *profile,
        const char              *name,
        const SsvWantedItem     *wanted,
        const SsvOwnedFile      *owned)
{
  SsvCandidate c = { name, NULL, 0, 0 };
  SsvDecision *d = ssv_decide (profile, &c, wanted, owned);

  g_test_message ("%s → %s", name, d->accepted ? "accepted" : "rejected");
  for (guint i = 0; i < d->reasons->len; i++)
    g_test_message ("  %s", ((SsvReason *) g_ptr_array_index (d->reasons, i))->text);
  return d;
}

static guint
count_rejections (const SsvDecision *d)
{
  guint n = 0;

  for (guint i = 0; i < d->reasons->len; i++)
    n += ((SsvReason *) g_ptr_array_index (d->reasons, i))->kind == SSV_REASON_REJECT;
  return n;
}

/* @d refuses the release and says @why among its reasons. */
static void
assert_rejected (const SsvDecision *d,
                 const char        *why)
{
  g_assert_false (d->accepted);
  g_assert_true (ssv_decision_has_reason (d, SSV_REASON_REJECT, why));
}

/* ---------------------------------------------------------------------- */

static void
test_quality_from_release (void)
{
  static const struct { const char *name; SsvQuality quality; } cases[] = {
    { "Show.S01E01.1080p.WEB-DL.DDP5.1.H.264-NTb", SSV_QUALITY_WEBDL_1080 },
    { "Show.S01E01.1080p.AMZN.WEBRip.DDP5.1.x264-NTb", SSV_QUALITY_WEBRIP_1080 },
    { "Movie.2020.2160p.UHD.BluRay.REMUX.HDR.HEVC.TrueHD-FGT", SSV_QUALITY_REMUX_2160 },
    { "Movie.2020.1080p.BluRay.REMUX.AVC.DTS-HD.MA.5.1-FGT", SSV_QUALITY_REMUX_1080 },
    { "Movie.2020.1080p.Blu-ray.AVC.DTS-HD.MA.5.1-PTP", SSV_QUALITY_BRDISK },
    { "Movie.2020.720p.BluRay.x264-SPARKS", SSV_QUALITY_BLURAY_720 },
    { "Show.S01E01.720p.HDTV.x264-KILLERS", SSV_QUALITY_HDTV_720 },
    { "Show.S01E01.HDTV.x264-LOL", SSV_QUALITY_SDTV },
    { "Movie.2020.DVDRip.XviD-GROUP", SSV_QUALITY_DVD },
    /* No resolution written: what the name implies, as Sonarr reads it */
    { "Show.S01E13.x264-CtrlSD", SSV_QUALITY_SDTV },
    { "Show.S02E15.XviD-GROUP", SSV_QUALITY_SDTV },
    { "Movie.2020.BluRay.XviD-GROUP", SSV_QUALITY_BLURAY_480 },
    /* 360p and 540p are SD */
    { "Movie.2020.540p.BluRay.x264-GROUP", SSV_QUALITY_BLURAY_480 },
    { "Movie.2020.360p.BluRay.x264-GROUP", SSV_QUALITY_BLURAY_480 },
    { "[Group] Show - 03 [540p].mkv", SSV_QUALITY_WEBDL_480 },
    { "Movie.2020.HDCAM.x264-GROUP", SSV_QUALITY_CAM },
    { "Movie.2020.720p.HDTS.x264-GROUP", SSV_QUALITY_TELESYNC },
    { "Stripes.1981.1080i.HDTV.DD5.1.MPEG2-TrollHD", SSV_QUALITY_RAWHD },
    { "Just a Title", SSV_QUALITY_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SsvRelease r;

      ssv_release_parse (cases[i].name, &r);
      g_test_message ("%s", cases[i].name);
      g_assert_cmpstr (ssv_quality_to_key (ssv_quality_from_release (&r)), ==,
                       ssv_quality_to_key (cases[i].quality));
    }

  /* Keys name tiers for storage: every one reads back */
  for (guint q = 0; q < SSV_QUALITY_LAST; q++)
    g_assert_cmpint (ssv_quality_from_key (ssv_quality_to_key (q)), ==, q);
  g_assert_cmpstr (ssv_quality_get_label (SSV_QUALITY_WEBDL_1080), ==, "1080p WEB-DL");
  g_assert_cmpstr (ssv_quality_get_label (SSV_QUALITY_REMUX_2160), ==, "2160p Remux");
}

static gboolean
format_matches (SsvCustomFormat *format,
                const char      *name,
                guint64          size,
                guint32          flags)
{
  SsvRelease r;

  ssv_release_parse (name, &r);
  return ssv_custom_format_matches (format, name, &r, size, flags);
}

static void
test_custom_format_conditions (void)
{
  g_autoptr(SsvCustomFormat) hdr = ssv_custom_format_new ("HDR");
  g_autoptr(SsvCustomFormat) x265_hd = ssv_custom_format_new ("x265 in HD");
  g_autoptr(SsvCustomFormat) groups = ssv_custom_format_new ("Groups");
  g_autoptr(SsvCustomFormat) big = ssv_custom_format_new ("Big");
  g_autoptr(SsvCustomFormat) regex = ssv_custom_format_new ("Regex");
  g_autoptr(SsvCustomFormat) flags = ssv_custom_format_new ("Freeleech");
  g_autoptr(SsvCustomFormat) misc = ssv_custom_format_new ("Misc");
  g_autoptr(SsvCustomFormat) bad = ssv_custom_format_new ("Bad");
  g_autoptr(GError) error = NULL;

  ssv_custom_format_add_condition (hdr, SSV_CONDITION_HDR, "hdr", 0, 0, FALSE, FALSE, NULL);
  g_assert_true (format_matches (hdr, "Movie.2020.2160p.WEB-DL.DV.HEVC-GRP", 0, 0));
  g_assert_false (format_matches (hdr, "Movie.2020.2160p.WEB-DL.HEVC-GRP", 0, 0));

  /* Required conditions must all hold; a negated one holds when its test fails */
  ssv_custom_format_add_condition (x265_hd, SSV_CONDITION_CODEC, "h265", 0, 0, FALSE, TRUE, NULL);
  ssv_custom_format_add_condition (x265_hd, SSV_CONDITION_RESOLUTION, "2160p", 0, 0, TRUE, TRUE, NULL);
  g_assert_true (format_matches (x265_hd, "Movie.2020.1080p.WEB-DL.x265-GRP", 0, 0));
  g_assert_false (format_matches (x265_hd, "Movie.2020.2160p.WEB-DL.x265-GRP", 0, 0));
  g_assert_false (format_matches (x265_hd, "Movie.2020.1080p.WEB-DL.x264-GRP", 0, 0));

  /* Optional conditions: any one is enough */
  ssv_custom_format_add_condition (groups, SSV_CONDITION_RELEASE_GROUP, "YIFY", 0, 0, FALSE, FALSE, NULL);
  ssv_custom_format_add_condition (groups, SSV_CONDITION_RELEASE_GROUP, "EVO", 0, 0, FALSE, FALSE, NULL);
  g_assert_true (format_matches (groups, "Movie.2020.1080p.WEBRip.x264-EVO", 0, 0));
  g_assert_true (format_matches (groups, "Movie.2020.1080p.WEBRip.x264-yify", 0, 0));
  g_assert_false (format_matches (groups, "Movie.2020.1080p.WEBRip.x264-SPARKS", 0, 0));

  ssv_custom_format_add_condition (big, SSV_CONDITION_SIZE, NULL, 20, 0, FALSE, FALSE, NULL);
  g_assert_true (format_matches (big, "Movie.2020.2160p.BluRay.x265-GRP", 30000000000ull, 0));
  g_assert_false (format_matches (big, "Movie.2020.2160p.BluRay.x265-GRP", 3000000000ull, 0));
  g_assert_false (format_matches (big, "Movie.2020.2160p.BluRay.x265-GRP", 0, 0));

  g_assert_true (ssv_custom_format_add_condition (regex, SSV_CONDITION_TITLE, "\\bhybrid\\b", 0, 0, FALSE,
                                                  FALSE, &error));
  g_assert_true (format_matches (regex, "Movie.2020.HYBRID.2160p.WEB-DL-GRP", 0, 0));
  g_assert_false (format_matches (regex, "Movie.2020.2160p.WEB-DL-GRP", 0, 0));

  ssv_custom_format_add_condition (flags, SSV_CONDITION_INDEXER_FLAG, "freeleech", 0, 0, FALSE, FALSE, NULL);
  g_assert_true (format_matches (flags, "Movie.2020.1080p.WEB-DL-GRP", 0, SSV_INDEXER_FLAG_FREELEECH));
  g_assert_false (format_matches (flags, "Movie.2020.1080p.WEB-DL-GRP", 0, SSV_INDEXER_FLAG_INTERNAL));

  ssv_custom_format_add_condition (misc, SSV_CONDITION_AUDIO, "atmos", 0, 0, FALSE, TRUE, NULL);
  ssv_custom_format_add_condition (misc, SSV_CONDITION_EDITION, "IMAX", 0, 0, FALSE, TRUE, NULL);
  ssv_custom_format_add_condition (misc, SSV_CONDITION_LANGUAGE, "french", 0, 0, FALSE, TRUE, NULL);
  ssv_custom_format_add_condition (misc, SSV_CONDITION_SOURCE, "webdl", 0, 0, FALSE, TRUE, NULL);
  g_assert_true (format_matches (misc, "Movie.2020.IMAX.FRENCH.2160p.WEB-DL.DDP5.1.Atmos-GRP", 0, 0));
  g_assert_false (format_matches (misc, "Movie.2020.IMAX.2160p.WEB-DL.DDP5.1.Atmos-GRP", 0, 0));

  /* A pattern that does not compile is refused, with the reason */
  g_assert_false (ssv_custom_format_add_condition (bad, SSV_CONDITION_TITLE, "(unclosed", 0, 0, FALSE, FALSE,
                                                   &error));
  g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
  g_assert_cmpuint (bad->conditions->len, ==, 0);
}

/* All the patterns' words sought in one pass: a pattern is passed over only
 * where it cannot match, and most names pass over most patterns. */
static void
check_literal_set (const char * const *patterns,
                   guint               n_patterns,
                   GPtrArray          *names,
                   guint               skipped_per_name)
{
  g_autoptr(SsvLiteralSet) set = ssv_literal_set_new ();
  g_autoptr(GPtrArray) literals = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_pattern_literals_free);
  g_autoptr(GPtrArray) regexes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_regex_unref);
  guint skipped = 0;

  g_assert_cmpuint (n_patterns, <=, 64);
  for (guint p = 0; p < n_patterns; p++)
    {
      SsvPatternLiterals *l = ssv_pattern_literals_new (patterns[p]);

      g_ptr_array_add (regexes, g_regex_new (patterns[p], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL));
      if (l != NULL)
        g_ptr_array_add (literals, l);
      ssv_literal_set_add (set, l, G_GUINT64_CONSTANT (1) << p);
    }
  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      guint64 may = ssv_literal_set_scan (set, name);

      for (guint p = 0; p < n_patterns; p++)
        {
          gboolean can = (may >> p) & 1;

          if (!can && g_regex_match (g_ptr_array_index (regexes, p), name, 0, NULL))
            g_error ("“%s” matches “%s”, but the set of words said it could not", name, patterns[p]);
          skipped += !can;
        }
    }
  g_assert_cmpuint (skipped, >, names->len * skipped_per_name);
}

/* Title patterns are skipped, without running them, on names that hold none
 * of the words they need: that must never pass over a name a pattern matches. */
static void
test_pattern_literals (void)
{
  static const char * const patterns[] = {
    "\\b(PROPER|REPACK\\d?|RERIP)\\b", "\\b(AMZN|NF|ATVP|DSNP|HMAX|MAX|PCOK|PMTP|HULU|iT)\\b", "\\bREPACK\\b",
    "\\bDV\\b|DoVi", "\\bIMAX\\b", "\\bHDR10\\+", "Criterion", "x26[45]", "(?i)web", "\\.mkv$", "1080p?",
    "(Director'?s|Extended)\\.Cut", "Blu-?Ray", "a+b*c", "((DD|DDP)5\\.1|Atmos)", "S\\d+E\\d+", "Special", "",
    /* a word boundary before a letter, before something else, before an optional part, inside a word */
    "\\b\\.mkv", "\\b-GRP", "\\b_x", "\\b(web)?dl", "\\b\\d+p", "foo\\bbar", "(\\bNF|xvid)", "\\b(?:a|b)+c",
  };
  static const char * const bounded[] = {
    "\\b(PROPER|REPACK\\d?|RERIP)\\b", "\\b(AMZN|NF|ATVP|DSNP|HMAX|MAX|PCOK|PMTP|HULU|iT)\\b", "\\bIMAX\\b",
    "\\bHDR10\\+",
  };
  static const char * const extra_names[] = {
    "Film.1999.ſpecial.Edition.1080p", "Movie.2020.REPAC\u212a.1080p-GRP", "Film.2019.proper.720p",
    "Film.2019.DoVi.2160p", "Film.2019.Directors.Cut.1080p", "Film.2019.Director's.Cut", "abbbc", "ac",
    "Film.2019.With.Subs.720p", "Film_PROPER.720p", "Film.2019.iT.WEB-DL", "ProperFilm.2019", "Film.2019.mkv",
    "Film-GRP", "Film-_x", "Film.webdl", "Film.dl", "Film.1080p", "foobar", "Film.NFO", "Film.XviD", "bac",
  };
  g_autoptr(GPtrArray) names = ssv_test_load_corpus_names ();
  g_auto(GStrv) proper = ssv_pattern_required_literals (patterns[0]);
  g_auto(GStrv) either = ssv_pattern_required_literals (patterns[3]);
  g_auto(GStrv) klass = ssv_pattern_required_literals ("[ab]c");
  g_auto(GStrv) option = ssv_pattern_required_literals ("(?i)web");
  g_auto(GStrv) open = ssv_pattern_required_literals ("REPACK|");
  g_autoptr(SsvPatternLiterals) streaming = ssv_pattern_literals_new (patterns[1]);
  g_autofree char *many_words = NULL;
  g_autoptr(GString) long_name = g_string_new ("Film");
  SsvFoldedName folded;
  char folded_buffer[512];
  guint skipped = 0;

  /* the words are read where the pattern is plain, and nothing is guessed where it is not */
  g_assert_nonnull (proper);
  g_assert_cmpstr (proper[0], ==, "proper");
  g_assert_cmpstr (proper[1], ==, "repack");
  g_assert_cmpstr (proper[2], ==, "rerip");
  g_assert_null (proper[3]);
  g_assert_nonnull (either);
  g_assert_cmpuint (g_strv_length (either), ==, 2);
  g_assert_null (klass);
  g_assert_null (option);
  g_assert_null (open);

  /* a word needed at a word's start is looked for only there: "With" holds no "iT" */
  ssv_folded_name_init (&folded, "Film.2019.With.Subtitles.720p.WEB-DL-GRP", folded_buffer, sizeof folded_buffer);
  g_assert_false (ssv_pattern_literals_may_match (streaming, &folded));
  ssv_folded_name_init (&folded, "Film.2019.720p.iT.WEB-DL-GRP", folded_buffer, sizeof folded_buffer);
  g_assert_true (ssv_pattern_literals_may_match (streaming, &folded));

  /* a name of more words than the starts kept: the rest are still looked at */
  for (guint i = 0; i < 60; i++)
    g_string_append (long_name, ".Word");
  g_string_append (long_name, ".PROPER.REPACK.it.1080p");
  many_words = g_string_free (g_steal_pointer (&long_name), FALSE);
  ssv_folded_name_init (&folded, many_words, folded_buffer, sizeof folded_buffer);
  g_assert_true (ssv_pattern_literals_may_match (streaming, &folded));

  for (guint i = 0; i < G_N_ELEMENTS (extra_names); i++)
    g_ptr_array_add (names, g_strdup (extra_names[i]));
  g_ptr_array_add (names, g_strdup (many_words));
  check_literal_set (patterns, G_N_ELEMENTS (patterns), names, 8);
  /* words sought only where words start: the scan passes over the rest of each word */
  check_literal_set (bounded, G_N_ELEMENTS (bounded), names, 3);
  for (guint p = 0; p < G_N_ELEMENTS (patterns); p++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[p], G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);
      g_autoptr(SsvPatternLiterals) literals = ssv_pattern_literals_new (patterns[p]);

      g_assert_nonnull (regex);
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          gboolean may;

          ssv_folded_name_init (&folded, name, folded_buffer, sizeof folded_buffer);
          may = ssv_pattern_literals_may_match (literals, &folded);

          if (g_regex_match (regex, name, 0, NULL) && !may)
            g_error ("“%s” matches “%s”, but its words said it could not", name, patterns[p]);
          skipped += !may;
        }
    }
  /* and most names are passed over without running the pattern */
  g_assert_cmpuint (skipped, >, names->len * 8);
}

/* Formats beyond the defaults and the benchmark's: negated, required, several
 * of one kind, a group in another case, patterns with and without words. */
static void
add_unusual_formats (GPtrArray *formats)
{
  static const struct
  {
    const char       *format;
    SsvConditionKind  kind;
    const char       *value;
    double            min_gb, max_gb;
    gboolean          negate, required;
  } conditions[] = {
    { "Not x264", SSV_CONDITION_CODEC, "h264", 0, 0, TRUE, FALSE },
    { "Not x264", SSV_CONDITION_CODEC, "h265", 0, 0, FALSE, FALSE },
    { "Small 1080p", SSV_CONDITION_RESOLUTION, "1080", 0, 0, FALSE, TRUE },
    { "Small 1080p", SSV_CONDITION_SIZE, NULL, 0, 4, FALSE, TRUE },
    { "WEB but not AMZN", SSV_CONDITION_SOURCE, "webdl", 0, 0, FALSE, FALSE },
    { "WEB but not AMZN", SSV_CONDITION_SOURCE, "webrip", 0, 0, FALSE, FALSE },
    { "WEB but not AMZN", SSV_CONDITION_TITLE, "\\bAMZN\\b", 0, 0, TRUE, TRUE },
    { "Groups in any case", SSV_CONDITION_RELEASE_GROUP, "ntb", 0, 0, FALSE, FALSE },
    { "Groups in any case", SSV_CONDITION_RELEASE_GROUP, "RARBG", 0, 0, FALSE, FALSE },
    { "Groups in any case", SSV_CONDITION_RELEASE_GROUP, "", 0, 0, FALSE, FALSE },
    { "Groups in any case", SSV_CONDITION_HDR, "dv", 0, 0, FALSE, FALSE },
    { "No word to look for", SSV_CONDITION_TITLE, "[0-9]{4}\\.(720|1080)p", 0, 0, FALSE, FALSE },
    { "Anywhere", SSV_CONDITION_TITLE, "x26[45]|hevc", 0, 0, FALSE, FALSE },
    { "Anywhere", SSV_CONDITION_LANGUAGE, "multi", 0, 0, FALSE, FALSE },
    { "Not a big remux", SSV_CONDITION_SOURCE, "remux", 0, 0, FALSE, TRUE },
    { "Not a big remux", SSV_CONDITION_SIZE, NULL, 30, 0, TRUE, TRUE },
    { "Not freeleech", SSV_CONDITION_INDEXER_FLAG, "freeleech", 0, 0, TRUE, TRUE },
    { "Extended or French", SSV_CONDITION_EDITION, "Extended", 0, 0, FALSE, FALSE },
    { "Extended or French", SSV_CONDITION_LANGUAGE, "french", 0, 0, FALSE, FALSE },
    { "Extended or French", SSV_CONDITION_AUDIO, "atmos", 0, 0, FALSE, FALSE },
  };
  SsvCustomFormat *format = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (conditions); i++)
    {
      if (format == NULL || g_strcmp0 (format->name, conditions[i].format) != 0)
        {
          format = ssv_custom_format_new (conditions[i].format);
          g_ptr_array_add (formats, format);
        }
      g_assert_true (ssv_custom_format_add_condition (format, conditions[i].kind, conditions[i].value,
                                                      conditions[i].min_gb, conditions[i].max_gb,
                                                      conditions[i].negate, conditions[i].required, NULL));
    }
  g_ptr_array_add (formats, ssv_custom_format_new ("No conditions"));
}

/* A profile compiled for judging says of every corpus name what each of its
 * formats, asked one by one, says. */
static void
test_compiled_profile (void)
{
  g_autoptr(GPtrArray) names = ssv_test_load_corpus_names ();
  g_autoptr(GPtrArray) formats = ssv_custom_format_new_defaults ();
  g_autoptr(SsvQualityProfile) profile = ssv_test_profile_with_formats (formats, 20);
  const SsvCompiledProfile *compiled;
  guint n_formats = formats->len;
  guint matched = 0;

  add_unusual_formats (formats);
  for (guint f = n_formats; f < formats->len; f++)
    ssv_quality_profile_set_format_score (profile, g_ptr_array_index (formats, f), 10 + (int) f);
  compiled = ssv_quality_profile_get_compiled (profile);
  g_assert_cmpuint (ssv_compiled_profile_get_n_formats (compiled), ==, formats->len);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      guint64 size = i % 7 == 0 ? 0 : 300000000 + (guint64) (i % 60) * 700000000;
      guint32 flags = i % 3 == 0 ? SSV_INDEXER_FLAG_FREELEECH : 0;
      SsvCompiledFacts facts;
      SsvRelease r;

      ssv_release_parse (name, &r);
      ssv_compiled_facts_init (&facts, compiled, name, &r, size, flags);
      for (guint k = 0; k < ssv_compiled_profile_get_n_formats (compiled); k++)
        {
          const SsvCustomFormat *format = ssv_compiled_profile_get_format (compiled, k)->format;
          gboolean expected = ssv_custom_format_matches (format, name, &r, size, flags);

          if (ssv_compiled_profile_matches (compiled, k, &facts) != expected)
            g_error ("“%s”: the compiled “%s” says %d, the format %d", name, format->name, !expected, expected);
          matched += expected;
        }
    }
  g_assert_cmpuint (matched, >, names->len);

  /* and the ranks of qualities are the profile's */
  for (SsvQuality q = 0; q < SSV_QUALITY_LAST; q++)
    {
      g_assert_cmpint (ssv_compiled_profile_get_rank (compiled, q), ==, ssv_quality_profile_get_rank (profile, q));
      g_assert_true (ssv_compiled_profile_get_item (compiled, q) == ssv_quality_profile_get_item (profile, q));
    }
}

/* A profile changed after judging judges by its new rules. */
static void
test_compiled_profile_changes (void)
{
  g_autoptr(SsvQualityProfile) profile = ssv_quality_profile_new ("Changing");
  g_autoptr(SsvCustomFormat) imax = ssv_custom_format_new ("IMAX");
  SsvCandidate c = { "Film.2019.IMAX.1080p.BluRay.x264-GRP", NULL, 0, 0 };
  SsvWantedItem w = { SSV_WANTED_MOVIE, "Film", NULL, 2019 };
  g_autoptr(SsvDecision) first = NULL;
  g_autoptr(SsvDecision) scored = NULL;
  g_autoptr(SsvDecision) more = NULL;
  g_autoptr(SsvDecision) ranked = NULL;

  ssv_quality_profile_add_item (profile, SSV_QUALITY_BLURAY_1080, TRUE);
  ssv_custom_format_add_condition (imax, SSV_CONDITION_TITLE, "\\bIMAX\\b", 0, 0, FALSE, FALSE, NULL);
  ssv_quality_profile_set_format_score (profile, imax, 0);
  first = ssv_decide (profile, &c, &w, NULL);
  g_assert_cmpint (first->score, ==, 0);

  ssv_quality_profile_set_format_score (profile, imax, 25);
  scored = ssv_decide (profile, &c, &w, NULL);
  g_assert_cmpint (scored->score, ==, 25);

  /* a condition added to a format the profile scores */
  ssv_custom_format_add_condition (imax, SSV_CONDITION_CODEC, "h265", 0, 0, FALSE, TRUE, NULL);
  more = ssv_decide (profile, &c, &w, NULL);
  g_assert_cmpint (more->score, ==, 0);

  /* a quality added, and one moved above it */
  ssv_quality_profile_add_item (profile, SSV_QUALITY_WEBDL_1080, TRUE);
  g_assert_cmpint (ssv_compiled_profile_get_rank (ssv_quality_profile_get_compiled (profile), SSV_QUALITY_BLURAY_1080),
                   ==, 0);
  ssv_quality_profile_move_item (profile, 0, 1);
  ranked = ssv_decide (profile, &c, &w, NULL);
  g_assert_true (ranked->accepted);
  g_assert_cmpint (ssv_compiled_profile_get_rank (ssv_quality_profile_get_compiled (profile), SSV_QUALITY_BLURAY_1080),
                   ==, 1);
}

/* A reason's words come out as printf would write them, however they are written. */
static void
test_reason_text (void)
{
  g_autoptr(SsvDecision) d = g_new0 (SsvDecision, 1);
  g_autofree char *long_word = g_strnfill (700, 'w');
  g_autoptr(GPtrArray) expected = g_ptr_array_new_with_free_func (g_free);

  d->reasons = g_ptr_array_new_with_free_func (g_free);
#define REJECT(...)                                                  \
  G_STMT_START {                                                     \
    ssv_decision_reject (d, __VA_ARGS__);                            \
    g_ptr_array_add (expected, g_strdup_printf (__VA_ARGS__));       \
  } G_STMT_END
  REJECT ("rejected: “%s” is not “%s”", "Heat", "Fight Club");
  REJECT ("%+d: custom format “%s”", -50, "x265");
  REJECT ("%+d, %+d, %d, %d, %i", 0, 7, G_MININT, G_MAXINT, -1);
  REJECT ("%u %u", 0u, G_MAXUINT);
  REJECT ("TheTVDB id %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT, G_MININT64, G_MAXINT64);
  REJECT ("%" G_GUINT64_FORMAT, G_MAXUINT64);
  REJECT ("100%% sure, %d%%", 3);
  REJECT ("%.1f GB, %5d", 1.25, 42);
  REJECT ("%2$s before %1$s", "one", "two");
  REJECT ("long: %s", long_word);
  REJECT ("%s", "");
  REJECT ("no conversion at all");
#undef REJECT

  g_assert_cmpuint (d->reasons->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    g_assert_cmpstr (((SsvReason *) g_ptr_array_index (d->reasons, i))->text, ==, g_ptr_array_index (expected, i));
}

static void
test_default_profiles (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(SsvQualityProfile) copy = NULL;

  g_assert_cmpuint (f->profiles->len, ==, 3);
  g_assert_cmpstr (f->hd->name, ==, "HD 1080p");
  g_assert_cmpstr (f->uhd->name, ==, "Ultra-HD");
  g_assert_cmpstr (f->any->name, ==, "Any");

  g_assert_true (ssv_quality_profile_allows (f->hd, SSV_QUALITY_WEBDL_1080));
  g_assert_false (ssv_quality_profile_allows (f->hd, SSV_QUALITY_WEBDL_720));
  g_assert_false (ssv_quality_profile_allows (f->hd, SSV_QUALITY_REMUX_2160));
  g_assert_true (ssv_quality_profile_allows (f->uhd, SSV_QUALITY_REMUX_2160));
  g_assert_false (ssv_quality_profile_allows (f->uhd, SSV_QUALITY_WEBDL_1080));
  g_assert_true (ssv_quality_profile_allows (f->any, SSV_QUALITY_SDTV));
  g_assert_false (ssv_quality_profile_allows (f->any, SSV_QUALITY_CAM));
  g_assert_cmpint (ssv_quality_profile_get_format_score (f->uhd, "HDR"), ==, 1500);

  /* Moving a tier changes only its place */
  copy = ssv_quality_profile_copy (f->hd);
  ssv_quality_profile_move_item (copy, ssv_quality_profile_get_rank (copy, SSV_QUALITY_BLURAY_1080),
                                 ssv_quality_profile_get_rank (copy, SSV_QUALITY_WEBDL_1080));
  g_assert_cmpint (ssv_quality_profile_get_rank (copy, SSV_QUALITY_BLURAY_1080), <,
                   ssv_quality_profile_get_rank (copy, SSV_QUALITY_WEBDL_1080));
  g_assert_cmpint (ssv_quality_profile_get_rank (f->hd, SSV_QUALITY_BLURAY_1080), >,
                   ssv_quality_profile_get_rank (f->hd, SSV_QUALITY_WEBDL_1080));
  g_assert_cmpuint (copy->items->len, ==, f->hd->items->len);
}

static void
test_title_normalize (void)
{
  static const char *const same[][2] = {
    { "The Office", "office" },
    { "Amélie", "Amelie" },
    { "Law & Order", "Law and Order" },
    { "Marvel's Agents", "MARVELS AGENTS" },
    { "Doctor Who (2005)", "Doctor Who" },
    { "Les Misérables", "Miserables" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *a = ssv_title_normalize (same[i][0]);
      g_autofree char *b = ssv_title_normalize (same[i][1]);

      g_test_message ("%s ~ %s", same[i][0], same[i][1]);
      g_assert_cmpstr (a, ==, b);
    }

  /* "A" alone stays a title */
  {
    g_autofree char *a = ssv_title_normalize ("A");
    g_assert_cmpstr (a, ==, "a");
  }
}

static gboolean
matches_itself (const char *title)
{
  SsvRelease r = { 0 };
  g_auto(GStrv) keys = ssv_title_keys (title, NULL);

  g_strlcpy (r.title, title, sizeof r.title);
  /* a title that has no key (only punctuation) matches nothing, not even itself */
  return keys[0] == NULL || ssv_title_matches_keys (&r, (const char * const *) keys);
}

/* A wanted title's keys are made once, the release's each time by a quicker road:
 * both must give the same key for every title, or titles stop matching. */
static void
test_title_keys_agree (void)
{
  static const char * const titles[] = {
    "La Casa de Papel", "The A-Team", "A", "The", "Law & Order", "&", "& Juliet", "Doctor Who (2005)",
    "It's Always Sunny in Philadelphia", "Marvel`s Daredevil", "The Office (US)", "Schitt$ Creek", "Die Hard",
    "Les Misérables", "...", "An", "L'Avventura", "  spaced   out  ", "Se7en", "(500) Days of Summer",
  };
  g_autoptr(GPtrArray) names = ssv_test_load_corpus_names ();
  guint checked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_test_message ("%s", titles[i]);
      g_assert_true (matches_itself (titles[i]));
    }

  /* and every title the parser reads from the corpora */
  for (guint i = 0; i < names->len; i++)
    {
      SsvRelease r;

      ssv_release_parse (g_ptr_array_index (names, i), &r);
      if (r.title[0] == '\0')
        continue;
      if (!matches_itself (r.title))
        g_error ("“%s” does not match its own key", r.title);
      checked++;
    }
  g_assert_cmpuint (checked, >, 1000);
}

static void
test_title_matching (Fixture       *f,
                     gconstpointer  data)
{
  const char *aliases[] = { "La Casa de Papel", NULL };
  SsvWantedItem w = episode ("Money Heist", 3, 1);
  g_autoptr(SsvDecision) by_alias = NULL;
  g_autoptr(SsvDecision) wrong = NULL;
  g_autoptr(SsvDecision) accented = NULL;
  g_autoptr(SsvDecision) country = NULL;
  g_autoptr(SsvDecision) shield = NULL;
  SsvWantedItem w2 = episode ("Amélie & Friends", 1, 2);
  SsvWantedItem w3 = episode ("The Office (US)", 2, 1);
  SsvWantedItem w4 = episode ("Marvel's Agents of S.H.I.E.L.D.", 1, 6);

  w.aliases = aliases;
  by_alias = decide (f->hd, "La.Casa.de.Papel.S03E01.1080p.NF.WEB-DL.DDP5.1.x264-NTb", &w, NULL);
  g_assert_true (by_alias->accepted);

  wrong = decide (f->hd, "Money.Talks.S03E01.1080p.NF.WEB-DL.DDP5.1.x264-NTb", &w, NULL);
  assert_rejected (wrong, "“Money Talks” is not “Money Heist”");

  accented = decide (f->hd, "Amelie.and.Friends.S01E02.1080p.WEB-DL.AAC2.0.H.264-GRP", &w2, NULL);
  g_assert_true (accented->accepted);

  country = decide (f->hd, "The.Office.US.S02E01.1080p.WEB-DL.AAC2.0.H.264-GRP", &w3, NULL);
  g_assert_true (country->accepted);

  shield = decide (f->hd, "Marvels.Agents.of.S.H.I.E.L.D.S01E06.1080p.WEB-DL.DD5.1.H.264-GRP", &w4, NULL);
  g_assert_true (shield->accepted);
}

static void
test_movie_year (Fixture       *f,
                 gconstpointer  data)
{
  SsvWantedItem w = movie ("Dune", 2021);
  g_autoptr(SsvDecision) same = decide (f->hd, "Dune.2021.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX", &w, NULL);
  g_autoptr(SsvDecision) next = decide (f->hd, "Dune.2022.1080p.WEB-DL.DDP5.1.Atmos.H.264-FLUX", &w, NULL);
  g_autoptr(SsvDecision) old = decide (f->hd, "Dune.1984.1080p.BluRay.x264-AMIABLE", &w, NULL);
  g_autoptr(SsvDecision) show = decide (f->hd, "Dune.Prophecy.S01E01.1080p.WEB-DL.DDP5.1.H.264-FLUX", &w, NULL);

  g_assert_true (same->accepted);
  g_assert_true (next->accepted);   /* release dates differ a year between countries */
  assert_rejected (old, "from 1984, but the film is from 2021");
  assert_rejected (show, "an episode of a show");
}

static void
test_season_and_episode (Fixture       *f,
                         gconstpointer  data)
{
  SsvWantedItem one = episode ("Severance", 2, 3);
  SsvWantedItem whole = episode ("Severance", 2, 0);
  g_autoptr(SsvDecision) right = decide (f->hd, "Severance.S02E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &one, NULL);
  g_autoptr(SsvDecision) other_ep = decide (f->hd, "Severance.S02E04.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &one, NULL);
  g_autoptr(SsvDecision) other_season = decide (f->hd, "Severance.S01E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &one, NULL);
  g_autoptr(SsvDecision) multi = decide (f->hd, "Severance.S02E02E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &one, NULL);
  g_autoptr(SsvDecision) pack = decide (f->hd, "Severance.S02.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &one, NULL);
  g_autoptr(SsvDecision) pack_ok = NULL;
  g_autoptr(SsvDecision) pack_whole = decide (f->hd, "Severance.S02.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &whole, NULL);
  g_autoptr(SsvDecision) single_for_whole = decide (f->hd, "Severance.S02E03.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX",
                                                    &whole, NULL);

  g_assert_true (right->accepted);
  assert_rejected (other_ep, "episode 4 of season 2, but episode 3 is wanted");
  assert_rejected (other_season, "season 1, but season 2 is wanted");
  g_assert_true (multi->accepted);
  g_assert_true (ssv_decision_has_reason (multi, SSV_REASON_NOTE, "2, 3"));

  /* A pack for one episode: only when the person says packs are fine */
  assert_rejected (pack, "a pack of all of season 2");
  one.accept_season_pack = TRUE;
  pack_ok = decide (f->hd, "Severance.S02.1080p.ATVP.WEB-DL.DDP5.1.H.264-FLUX", &one, NULL);
  g_assert_true (pack_ok->accepted);

  g_assert_true (pack_whole->accepted);
  assert_rejected (single_for_whole, "all of season 2 is wanted");
}

static void
test_daily_and_anime (Fixture       *f,
                      gconstpointer  data)
{
  SsvWantedItem daily = episode ("The Daily Show", 2024, 45);
  SsvWantedItem anime = episode ("Frieren", 1, 0);
  g_autoptr(SsvDecision) right_day = NULL;
  g_autoptr(SsvDecision) wrong_day = NULL;
  g_autoptr(SsvDecision) right_abs = NULL;
  g_autoptr(SsvDecision) wrong_abs = NULL;

  daily.air_date = "2024-03-14";
  right_day = decide (f->hd, "The.Daily.Show.2024.03.14.Guest.1080p.WEB.h264-EDITH", &daily, NULL);
  wrong_day = decide (f->hd, "The.Daily.Show.2024.03.13.Guest.1080p.WEB.h264-EDITH", &daily, NULL);
  g_assert_true (right_day->accepted);
  assert_rejected (wrong_day, "aired 2024-03-13");

  anime.absolute = 28;
  right_abs = decide (f->hd, "[SubsPlease] Frieren - 28 (1080p) [ABCDEF12].mkv", &anime, NULL);
  wrong_abs = decide (f->hd, "[SubsPlease] Frieren - 27 (1080p) [ABCDEF12].mkv", &anime, NULL);
  g_assert_true (right_abs->accepted);
  assert_rejected (wrong_abs, "episode 27, but episode 28 is wanted");
}

static void
test_quality_rules (Fixture       *f,
                    gconstpointer  data)
{
  SsvWantedItem w = episode ("The Bear", 2, 7);
  g_autoptr(SsvDecision) low = decide (f->hd, "The.Bear.S02E07.720p.HULU.WEB-DL.DDP5.1.H.264-NTb", &w, NULL);
  g_autoptr(SsvDecision) not_allowed = NULL;
  g_autoptr(SsvDecision) unknown = decide (f->hd, "The.Bear.S02E07-NTb", &w, NULL);
  g_autoptr(SsvQualityProfile) strict = ssv_quality_profile_copy (f->hd);

  assert_rejected (low, "rejected: 720p is below the profile's minimum 1080p");

  ssv_quality_profile_set_allowed (strict, SSV_QUALITY_HDTV_1080, FALSE);
  not_allowed = decide (strict, "The.Bear.S02E07.1080p.HDTV.x264-NTb", &w, NULL);
  assert_rejected (not_allowed, "1080p HDTV is not one of the qualities “HD 1080p” takes");

  assert_rejected (unknown, "does not say what quality");
}

/* A name without a resolution whose words mean SD is judged as SD, and says why. */
static void
test_implied_quality (Fixture       *f,
                      gconstpointer  data)
{
  SsvWantedItem w = episode ("The Bear", 2, 7);
  g_autoptr(SsvDecision) xvid = decide (f->any, "The.Bear.S02E07.XviD-GRP", &w, NULL);
  g_autoptr(SsvDecision) sd_group = decide (f->hd, "The.Bear.S02E07.x264-CtrlSD", &w, NULL);
  g_autoptr(SsvDecision) hdtv = decide (f->any, "The.Bear.S02E07.HDTV.x264-GRP", &w, NULL);

  g_assert_true (xvid->accepted);
  g_assert_cmpint (xvid->quality, ==, SSV_QUALITY_SDTV);
  g_assert_true (ssv_decision_has_reason (xvid, SSV_REASON_NOTE,
                                          "SDTV is implied: the name gives no resolution, but its words mean 480p"));
  assert_rejected (sd_group, "480p is below the profile's minimum 1080p");
  g_assert_true (ssv_decision_has_reason (hdtv, SSV_REASON_NOTE, "SDTV is a guess"));
  g_assert_false (ssv_decision_has_reason (hdtv, SSV_REASON_NOTE, "implied"));
}

static void
test_size_limits (Fixture       *f,
                  gconstpointer  data)
{
  SsvWantedItem w = movie ("Heat", 1995);
  SsvCandidate fine = { "Heat.1995.1080p.BluRay.x264-AMIABLE", NULL, 12000000000ull, 0 };
  SsvCandidate huge = { "Heat.1995.1080p.BluRay.x264-AMIABLE", NULL, 120000000000ull, 0 };
  SsvCandidate tiny = { "Heat.1995.1080p.BluRay.x264-AMIABLE", NULL, 300000000ull, 0 };
  SsvCandidate unknown = { "Heat.1995.1080p.BluRay.x264-AMIABLE", NULL, 0, 0 };
  g_autoptr(SsvDecision) d_fine = NULL;
  g_autoptr(SsvDecision) d_huge = NULL;
  g_autoptr(SsvDecision) d_tiny = NULL;
  g_autoptr(SsvDecision) d_unknown = NULL;

  w.runtime_minutes = 170;
  d_fine = ssv_decide (f->hd, &fine, &w, NULL);
  d_huge = ssv_decide (f->hd, &huge, &w, NULL);
  d_tiny = ssv_decide (f->hd, &tiny, &w, NULL);
  d_unknown = ssv_decide (f->hd, &unknown, &w, NULL);

  g_assert_true (d_fine->accepted);
  assert_rejected (d_huge, "120.0 GB for 170 minutes");
  g_assert_true (ssv_decision_has_reason (d_huge, SSV_REASON_REJECT, "more than"));
  assert_rejected (d_tiny, "less than");
  g_assert_true (d_unknown->accepted);
}

static void
test_words (Fixture       *f,
            gconstpointer  data)
{
  SsvWantedItem w = movie ("Heat", 1995);
  g_autoptr(SsvQualityProfile) p = ssv_quality_profile_copy (f->hd);
  g_autoptr(SsvDecision) missing = NULL;
  g_autoptr(SsvDecision) rejected = NULL;
  g_autoptr(SsvDecision) preferred = NULL;

  g_ptr_array_add (p->required_words, g_strdup ("remastered"));
  g_ptr_array_add (p->rejected_words, g_strdup ("hc"));
  ssv_quality_profile_add_preferred_word (p, "AMIABLE", 25);

  missing = decide (p, "Heat.1995.1080p.BluRay.x264-SPARKS", &w, NULL);
  assert_rejected (missing, "none of the required words (remastered)");

  rejected = decide (p, "Heat.1995.REMASTERED.1080p.HC.WEBRip.x264-GRP", &w, NULL);
  assert_rejected (rejected, "the rejected word “hc”");

  preferred = decide (p, "Heat.1995.REMASTERED.1080p.BluRay.x264-AMIABLE", &w, NULL);
  g_assert_true (preferred->accepted);
  g_assert_cmpint (preferred->score, ==, 25);
  g_assert_true (ssv_decision_has_reason (preferred, SSV_REASON_SCORE, "+25: preferred word “AMIABLE”"));
}

static void
test_custom_format_scores (Fixture       *f,
                           gconstpointer  data)
{
  SsvWantedItem w = movie ("Oppenheimer", 2023);
  g_autoptr(SsvDecision) hdr = decide (f->uhd, "Oppenheimer.2023.2160p.UHD.BluRay.x265.10bit.HDR.TrueHD.7.1.Atmos-SWTYBLZ",
                                       &w, NULL);
  g_autoptr(SsvDecision) lq = decide (f->hd, "Oppenheimer.2023.1080p.WEBRip.x264.AAC5.1-YTS.MX", &w, NULL);

  g_assert_true (hdr->accepted);
  g_assert_true (ssv_decision_has_reason (hdr, SSV_REASON_SCORE, "+1500: custom format “HDR”"));
  g_assert_true (ssv_decision_has_reason (hdr, SSV_REASON_SCORE, "+500: custom format “Atmos”"));
  g_assert_true (ssv_decision_has_reason (hdr, SSV_REASON_SCORE, "+250: custom format “Lossless audio”"));
  g_assert_cmpint (hdr->score, ==, 1500 + 500 + 250);

  g_assert_false (lq->accepted);
  g_assert_true (ssv_decision_has_reason (lq, SSV_REASON_SCORE, "-10000: custom format “Low-quality groups”"));
  g_assert_true (ssv_decision_has_reason (lq, SSV_REASON_REJECT, "a score of -10000 is below the profile's minimum 0"));
}

static void
test_upgrades (Fixture       *f,
               gconstpointer  data)
{
  SsvWantedItem w = movie ("Dune", 2021);
  SsvOwnedFile web = { SSV_QUALITY_WEBDL_1080, 1, NULL };
  SsvOwnedFile remux = { SSV_QUALITY_REMUX_2160, 1, NULL };
  SsvOwnedFile bluray = { SSV_QUALITY_BLURAY_2160, 1, NULL };
  g_autoptr(SsvDecision) up = decide (f->uhd, "Dune.2021.2160p.UHD.BluRay.REMUX.DV.HDR.HEVC.TrueHD.Atmos.7.1-FGT",
                                      &w, &web);
  g_autoptr(SsvDecision) met = decide (f->uhd, "Dune.2021.2160p.UHD.BluRay.REMUX.DV.HDR.HEVC.TrueHD.Atmos.7.1-FGT",
                                       &w, &remux);
  g_autoptr(SsvDecision) worse = decide (f->uhd, "Dune.2021.2160p.WEB-DL.DDP5.1.Atmos.DV.HDR.H.265-FLUX", &w, &bluray);
  g_autoptr(SsvDecision) proper = decide (f->uhd, "Dune.2021.PROPER.2160p.UHD.BluRay.REMUX.HDR.HEVC.TrueHD-FGT",
                                          &w, &remux);
  g_autoptr(SsvQualityProfile) no_upgrades = ssv_quality_profile_copy (f->uhd);
  g_autoptr(SsvDecision) off = NULL;

  g_assert_true (up->accepted);
  g_assert_true (up->upgrade);
  g_assert_true (ssv_decision_has_reason (up, SSV_REASON_UPGRADE, "upgrade: 1080p WEB-DL → 2160p Remux, cutoff not met"));

  assert_rejected (met, "already meets the cutoff, 2160p Remux");

  assert_rejected (worse, "2160p WEB-DL is worse than the 2160p Bluray you have");

  /* A fix of what you have is taken even when the cutoff is met */
  g_assert_true (proper->accepted);
  g_assert_true (ssv_decision_has_reason (proper, SSV_REASON_UPGRADE, "newer revision (v2)"));

  no_upgrades->upgrades_allowed = FALSE;
  off = decide (no_upgrades, "Dune.2021.2160p.UHD.BluRay.REMUX.DV.HDR.HEVC.TrueHD.Atmos.7.1-FGT", &w, &web);
  assert_rejected (off, "does not upgrade");
}

static void
test_every_reason (Fixture       *f,
                   gconstpointer  data)
{
  SsvWantedItem w = episode ("Severance", 2, 3);
  g_autoptr(SsvDecision) d = decide (f->hd, "Other.Show.S01E04.720p.HDTV.x264-YIFY", &w, NULL);

  /* Wrong show, wrong season, too low, a bad group: all of it is said */
  g_assert_false (d->accepted);
  g_assert_cmpuint (count_rejections (d), >=, 4);
  g_assert_true (ssv_decision_has_reason (d, SSV_REASON_REJECT, "is not “Severance”"));
  g_assert_true (ssv_decision_has_reason (d, SSV_REASON_REJECT, "season 1, but season 2"));
  g_assert_true (ssv_decision_has_reason (d, SSV_REASON_REJECT, "below the profile's minimum"));
  g_assert_true (ssv_decision_has_reason (d, SSV_REASON_REJECT, "score of -10000"));
}

static void
test_not_a_release (Fixture       *f,
                    gconstpointer  data)
{
  SsvWantedItem w = movie ("Heat", 1995);
  g_autoptr(SsvDecision) hash = decide (f->any, "185d86a343e39f3341e35c4dad3f9959", &w, NULL);
  g_autoptr(SsvDecision) sample = decide (f->any, "Heat.1995.1080p.BluRay.x264-AMIABLE-sample", &w, NULL);

  assert_rejected (hash, "does not look like a release name");
  assert_rejected (sample, "a sample");
}

static void
test_json (Fixture       *f,
           gconstpointer  data)
{
  SsvWantedItem w = movie ("Dune", 2021);
  g_autoptr(SsvDecision) d = decide (f->hd, "Dune.2021.720p.WEB-DL.DDP5.1.H.264-FLUX", &w, NULL);
  g_autofree char *json = ssv_decision_to_json (d, f->hd->name, "Dune.2021.720p.WEB-DL.DDP5.1.H.264-FLUX");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;
  JsonArray *reasons;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (o, "profile"), ==, "HD 1080p");
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Dune.2021.720p.WEB-DL.DDP5.1.H.264-FLUX");
  g_assert_false (json_object_get_boolean_member (o, "accepted"));
  g_assert_cmpstr (json_object_get_string_member (o, "quality"), ==, "webdl-720p");
  reasons = json_object_get_array_member (o, "reasons");
  g_assert_cmpuint (json_array_get_length (reasons), ==, d->reasons->len);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (reasons, 0), "kind"), ==, "reject");
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/quality/from-release", test_quality_from_release);
  g_test_add_func ("/core/custom-format/conditions", test_custom_format_conditions);
  g_test_add_func ("/core/custom-format/pattern-literals", test_pattern_literals);
  g_test_add_func ("/core/custom-format/compiled-agrees", test_compiled_profile);
  g_test_add_func ("/core/custom-format/compiled-follows-changes", test_compiled_profile_changes);
  g_test_add_func ("/core/decision/reason-text", test_reason_text);
  g_test_add_func ("/core/title/normalize", test_title_normalize);
  g_test_add_func ("/core/title/keys-agree", test_title_keys_agree);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/core/profile/defaults", test_default_profiles);
  ADD ("/core/decision/title-matching", test_title_matching);
  ADD ("/core/decision/movie-year", test_movie_year);
  ADD ("/core/decision/season-and-episode", test_season_and_episode);
  ADD ("/core/decision/daily-and-anime", test_daily_and_anime);
  ADD ("/core/decision/quality", test_quality_rules);
  ADD ("/core/decision/implied-quality", test_implied_quality);
  ADD ("/core/decision/size-limits", test_size_limits);
  ADD ("/core/decision/words", test_words);
  ADD ("/core/decision/custom-format-scores", test_custom_format_scores);
  ADD ("/core/decision/upgrades", test_upgrades);
  ADD ("/core/decision/every-reason", test_every_reason);
  ADD ("/core/decision/not-a-release", test_not_a_release);
  ADD ("/core/decision/json", test_json);
#undef ADD

  return g_test_run ();
}
