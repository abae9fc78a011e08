/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-release.c: release names as indexers, scene groups and people write them. */

#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-release.h"
#include "ssv-test-utils.h"

static SsvRelease *
parse (const char *name)
{
  static SsvRelease r;

  g_test_message ("parsing %s", name);
  ssv_release_parse (name, &r);
  return &r;
}

static void
assert_seasons (const SsvRelease *r,
                guint             n,
                ...)
{
  va_list ap;

  g_assert_cmpuint (r->n_seasons, ==, n);
  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (r->seasons[i], ==, va_arg (ap, guint));
  va_end (ap);
}

static void
assert_episodes (const SsvRelease *r,
                 guint             n,
                 ...)
{
  va_list ap;

  g_assert_cmpuint (r->n_episodes, ==, n);
  va_start (ap, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpuint (r->episodes[i], ==, va_arg (ap, guint));
  va_end (ap);
}

static void
test_movie (void)
{
  SsvRelease *r = parse ("The.Matrix.1999.1080p.BluRay.x264-SPARKS");

  g_assert_true (r->parsed);
  g_assert_cmpint (r->type, ==, SSV_RELEASE_TYPE_MOVIE);
  g_assert_cmpstr (r->title, ==, "The Matrix");
  g_assert_cmpuint (r->year, ==, 1999);
  g_assert_cmpuint (r->resolution, ==, 1080);
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_BLURAY);
  g_assert_cmpint (r->video_codec, ==, SSV_RELEASE_CODEC_H264);
  g_assert_cmpstr (r->release_group, ==, "SPARKS");
  g_assert_cmpuint (r->n_seasons, ==, 0);
  g_assert_cmpuint (r->n_episodes, ==, 0);

  /* Spaces and brackets, the way people name files */
  r = parse ("The Matrix (1999) [1080p] [BluRay] [5.1] [YTS.MX].mp4");
  g_assert_cmpstr (r->title, ==, "The Matrix");
  g_assert_cmpuint (r->year, ==, 1999);
  g_assert_cmpuint (r->resolution, ==, 1080);
  g_assert_cmpuint (r->channels, ==, 51);
  g_assert_cmpstr (r->container, ==, "mp4");
}

static void
test_title_with_year (void)
{
  SsvRelease *r = parse ("2001.A.Space.Odyssey.1968.REMASTERED.1080p.BluRay.x264-AMIABLE");

  g_assert_cmpstr (r->title, ==, "2001 A Space Odyssey");
  g_assert_cmpuint (r->year, ==, 1968);
  g_assert_true (r->editions & SSV_RELEASE_EDITION_REMASTERED);

  r = parse ("1917.2019.2160p.UHD.BluRay.REMUX.HDR.HEVC.TrueHD.Atmos.7.1-EPSiLON");
  g_assert_cmpstr (r->title, ==, "1917");
  g_assert_cmpuint (r->year, ==, 2019);

  /* A number that looks like a year but is not one */
  r = parse ("Blade.Runner.2049.2017.1080p.WEB-DL.DD5.1.H264-FGT");
  g_assert_cmpstr (r->title, ==, "Blade Runner 2049");
  g_assert_cmpuint (r->year, ==, 2017);

  /* A title that is only a year, with the year of release in brackets */
  r = parse ("2012 (2009) 1080p BluRay x264");
  g_assert_cmpstr (r->title, ==, "2012");
  g_assert_cmpuint (r->year, ==, 2009);
}

static void
test_title_words_that_are_tags (void)
{
  SsvRelease *r;

  /* Tag words inside a title stay in the title */
  r = parse ("The.Real.Housewives.of.Atlanta.S14E01.720p.WEB.h264-KOGi");
  g_assert_cmpstr (r->title, ==, "The Real Housewives of Atlanta");
  g_assert_cmpuint (r->revision_real, ==, 0);

  r = parse ("The.French.Connection.1971.1080p.BluRay.x264-AMIABLE");
  g_assert_cmpstr (r->title, ==, "The French Connection");
  g_assert_cmpuint (r->languages, ==, 0);

  r = parse ("The.Bone.Collector.1999.1080p.BluRay.x264-SiNNERS");
  g_assert_cmpstr (r->title, ==, "The Bone Collector");
  g_assert_cmpuint (r->editions, ==, 0);

  /* …and at its end they are tags */
  r = parse ("Amelie.FRENCH.2001.1080p.BluRay.x264-ULSHD");
  g_assert_cmpstr (r->title, ==, "Amelie");
  g_assert_true (r->languages & (G_GUINT64_CONSTANT (1) << SSV_RELEASE_LANG_FRENCH));

  /* Acronyms keep their dots */
  r = parse ("Marvels.Agents.of.S.H.I.E.L.D.S01E01.720p.HDTV.x264-KILLERS");
  g_assert_cmpstr (r->title, ==, "Marvels Agents of S.H.I.E.L.D.");
  assert_seasons (r, 1, 1);
}

static void
test_episode_single (void)
{
  SsvRelease *r = parse ("Game.of.Thrones.S08E03.The.Long.Night.1080p.AMZN.WEB-DL.DDP5.1.H.264-GoT");

  g_assert_cmpint (r->type, ==, SSV_RELEASE_TYPE_EPISODE);
  g_assert_cmpstr (r->title, ==, "Game of Thrones");
  assert_seasons (r, 1, 8);
  assert_episodes (r, 1, 3);
  g_assert_cmpstr (r->episode_title, ==, "The Long Night");
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_WEBDL);
  g_assert_cmpstr (ssv_release_service_code (r->service), ==, "AMZN");
  g_assert_cmpint (r->audio[0], ==, SSV_RELEASE_AUDIO_EAC3);
  g_assert_cmpuint (r->channels, ==, 51);
  g_assert_false (r->flags & SSV_RELEASE_FLAG_FULL_SEASON);

  r = parse ("doctor_who_2005.8x12.death_in_heaven.720p_hdtv_x264-fov");
  g_assert_cmpstr (r->title, ==, "doctor who");
  g_assert_cmpuint (r->year, ==, 2005);
  assert_seasons (r, 1, 8);
  assert_episodes (r, 1, 12);
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_TV);

  /* An episode without a season */
  r = parse ("Tatort.E1003.Dunkelfeld.GERMAN.1080p.WEBRip.x264-TMSF");
  assert_seasons (r, 0);
  assert_episodes (r, 1, 1003);
}

static void
test_episode_multi (void)
{
  SsvRelease *r = parse ("The.Office.US.S02E01E02.720p.WEB-DL.AAC2.0.H264-NTb");

  assert_seasons (r, 1, 2);
  assert_episodes (r, 2, 1, 2);
  g_assert_cmpstr (r->country, ==, "US");

  r = parse ("Friends.S01E01-E03.1080p.BluRay.x265-RARBG");
  assert_episodes (r, 3, 1, 2, 3);

  r = parse ("Friends.S01E01-03.1080p.BluRay.x265-RARBG");
  assert_episodes (r, 3, 1, 2, 3);

  r = parse ("Seinfeld.5x01-02.The.Mango.DVDRip.XviD");
  assert_seasons (r, 1, 5);
  assert_episodes (r, 2, 1, 2);
}

static void
test_season_pack (void)
{
  SsvRelease *r = parse ("Breaking.Bad.S05.1080p.BluRay.x264-ROVERS");

  assert_seasons (r, 1, 5);
  assert_episodes (r, 0);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_FULL_SEASON);
  g_assert_false (r->flags & SSV_RELEASE_FLAG_MULTI_SEASON);

  r = parse ("The.Wire.S01-S05.COMPLETE.720p.BluRay.x264-GROUP");
  assert_seasons (r, 5, 1, 2, 3, 4, 5);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_MULTI_SEASON);

  r = parse ("Doctor Who Complete Season 3 720p");
  assert_seasons (r, 1, 3);
  g_assert_cmpstr (r->title, ==, "Doctor Who");

  r = parse ("The.Ranch.S02.Part.1.1080p.NF.WEBRip.DD5.1.x264-NTb");
  assert_seasons (r, 1, 2);
  g_assert_cmpuint (r->season_part, ==, 1);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_PARTIAL_SEASON);
}

static void
test_daily (void)
{
  SsvRelease *r = parse ("The.Daily.Show.2024.03.14.Jon.Stewart.720p.WEB.h264-EDITH");

  g_assert_cmpint (r->type, ==, SSV_RELEASE_TYPE_EPISODE);
  g_assert_cmpstr (r->title, ==, "The Daily Show");
  g_assert_cmpuint (r->air_year, ==, 2024);
  g_assert_cmpuint (r->air_month, ==, 3);
  g_assert_cmpuint (r->air_day, ==, 14);
  g_assert_cmpstr (r->episode_title, ==, "Jon Stewart");

  r = parse ("Jimmy Fallon 2019-10-23 Michael Douglas 1080p HEVC x265-MeGusta");
  g_assert_cmpuint (r->air_month, ==, 10);
  g_assert_cmpuint (r->air_day, ==, 23);

  /* A date that cannot be is not a release */
  r = parse ("Show 2020 02 31 720p");
  g_assert_false (r->parsed);
}

static void
test_anime (void)
{
  SsvRelease *r = parse ("[SubsPlease] Sousou no Frieren - 12 (1080p) [5B1C3E3A].mkv");

  g_assert_cmpstr (r->title, ==, "Sousou no Frieren");
  g_assert_cmpuint (r->n_absolute, ==, 1);
  g_assert_cmpuint (r->absolute[0], ==, 12);
  g_assert_cmpstr (r->release_group, ==, "SubsPlease");
  g_assert_cmpstr (r->release_hash, ==, "5B1C3E3A");
  g_assert_true (r->flags & SSV_RELEASE_FLAG_ANIME);

  r = parse ("One.Piece.1089.1080p.WEB.x264-GROUP");
  g_assert_cmpstr (r->title, ==, "One Piece");
  g_assert_cmpuint (r->absolute[0], ==, 1089);

  r = parse ("[DeadFish] Barakamon - 01v3 [720p][AAC]");
  g_assert_cmpuint (r->absolute[0], ==, 1);
  g_assert_cmpuint (r->revision_version, ==, 3);

  r = parse ("[HorribleSubs] Love Live! S2 - 07 [720p]");
  g_assert_cmpstr (r->title, ==, "Love Live! S2");
  g_assert_cmpuint (r->absolute[0], ==, 7);
}

static void
test_quality (void)
{
  SsvRelease *r = parse ("Dune.Part.Two.2024.2160p.UHD.BluRay.REMUX.DV.HDR10.HEVC.TrueHD.7.1.Atmos-FraMeSToR");

  g_assert_cmpstr (r->title, ==, "Dune Part Two");
  g_assert_cmpuint (r->resolution, ==, 2160);
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_BLURAY);
  g_assert_cmpint (r->modifier, ==, SSV_RELEASE_MODIFIER_REMUX);
  g_assert_cmpuint (r->hdr, ==, SSV_RELEASE_HDR_DV | SSV_RELEASE_HDR_HDR10);
  g_assert_cmpint (r->audio[0], ==, SSV_RELEASE_AUDIO_TRUEHD);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_ATMOS);
  g_assert_cmpuint (r->channels, ==, 71);

  r = parse ("Movie.Title.2014.1080p.Blu-ray.AVC.DTS-HD.MA.5.1-PTP");
  g_assert_cmpint (r->modifier, ==, SSV_RELEASE_MODIFIER_BRDISK);
  g_assert_cmpint (r->audio[0], ==, SSV_RELEASE_AUDIO_DTS_HD_MA);

  r = parse ("Stripes.1981.1080i.HDTV.DD5.1.MPEG2-TrollHD");
  g_assert_cmpint (r->modifier, ==, SSV_RELEASE_MODIFIER_RAWHD);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_INTERLACED);

  r = parse ("Show.S01E01.1080p.NF.WEBRip.DDP5.1.x264-NTb");
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_WEBRIP);
  g_assert_cmpstr (ssv_release_service_code (r->service), ==, "NF");

  r = parse ("Show.S01E01.HDR10+.2160p.WEB.H265-GROUP");
  g_assert_true (r->hdr & SSV_RELEASE_HDR_HDR10_PLUS);
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_WEBDL);

  r = parse ("Movie.2023.1080p.WEB-DL.x265.10bit.HLG-GROUP");
  g_assert_cmpuint (r->bit_depth, ==, 10);
  g_assert_true (r->hdr & SSV_RELEASE_HDR_HLG);

  /* No source written: assumed, and marked so */
  r = parse ("Sonny.With.a.Chance.S02E15.720p");
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_WEBDL);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_SOURCE_GUESSED);
  g_assert_false (r->flags & SSV_RELEASE_FLAG_RES_GUESSED);
}

/* No resolution written, but the words mean one: SD sources, XviD, DVDs, SD groups, "HR".
 * Marked implied, apart from what is only assumed (guessed). */
static void
test_implied_quality (void)
{
  static const struct { const char *name; guint resolution; guint32 flag; } cases[] = {
    { "Show.S02E15.XviD-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S02E15.DivX", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E13.x264-CtrlSD", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E05.BluRay.x264-HiSD", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S03E06.DVDRip.XviD-WiDE", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E04.SDTV.x264-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E04.WS.PDTV.x264-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E04.WS.DSR.x264-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S03.TVRip.x264-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E01.SD.TV.x264-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S01E01.SD.x264-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Movie.1999.BluRay.XviD-GRP", 480, SSV_RELEASE_FLAG_RES_IMPLIED },
    { "Show.S12E17.HR.WS.PDTV.x264-GRP", 720, SSV_RELEASE_FLAG_RES_IMPLIED },
    /* Only assumed: HDTV can be anything, a bare x264 encode is most often SD TV */
    { "Show.S01E01.HDTV.x264-GRP", 480, SSV_RELEASE_FLAG_RES_GUESSED },
    { "Show.S01E13.x264-FLEET", 480, SSV_RELEASE_FLAG_RES_GUESSED },
    { "Movie.1999.BluRay.x264-GRP", 720, SSV_RELEASE_FLAG_RES_GUESSED },
    /* Written: neither */
    { "Show.S01E01.720p.HDTV.XviD-GRP", 720, 0 },
    { "[Group] Show - 03 [360p].mkv", 360, 0 },
    /* XviDHD is an HD encode */
    { "Show.S01E01.XviDHD-GRP", 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      SsvRelease *r = parse (cases[i].name);
      guint32 marks = r->flags & (SSV_RELEASE_FLAG_RES_IMPLIED | SSV_RELEASE_FLAG_RES_GUESSED);

      g_assert_cmpuint (r->resolution, ==, cases[i].resolution);
      g_assert_cmphex (marks, ==, cases[i].flag);
    }

  /* The JSON says so */
  {
    g_autofree char *json = ssv_release_to_json (parse ("Show.S02E15.XviD-GRP"));
    g_autofree char *written = ssv_release_to_json (parse ("Show.S02E15.720p.HDTV.XviD-GRP"));

    g_assert_nonnull (strstr (json, "\"resolution\":\"480p\",\"resolution_implied\":true"));
    g_assert_null (strstr (written, "resolution_implied"));
  }
}

/* The first films are from 1888: from then on four digits after a title are its year. */
static void
test_early_years (void)
{
  SsvRelease *r = parse ("Roundhay.Garden.Scene.1888.DVDRip.XviD-GRP");

  g_assert_cmpuint (r->year, ==, 1888);
  g_assert_cmpstr (r->title, ==, "Roundhay Garden Scene");
  g_assert_cmpint (r->type, ==, SSV_RELEASE_TYPE_MOVIE);

  r = parse ("Leaving Jerusalem by Railway (1897) [DVD].mp4");
  g_assert_cmpuint (r->year, ==, 1897);
  g_assert_cmpstr (r->title, ==, "Leaving Jerusalem by Railway");

  r = parse ("Movie.Title.1895.720p.BluRay.x264-GRP");
  g_assert_cmpuint (r->year, ==, 1895);
  g_assert_cmpuint (r->n_episodes, ==, 0);
  g_assert_cmpint (r->type, ==, SSV_RELEASE_TYPE_MOVIE);

  /* Before films, a number */
  r = parse ("Movie.Title.1887.720p.BluRay.x264-GRP");
  g_assert_cmpuint (r->year, ==, 0);
}

static void
test_cam_and_screener (void)
{
  SsvRelease *r = parse ("Movie.2024.HDCAM.x264-GROUP");

  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_CAM);
  r = parse ("Movie.2024.720p.HDTS.x264-GROUP");
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_TELESYNC);
  r = parse ("Movie.2024.DVDSCR.XviD-GROUP");
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_SCREENER);
  r = parse ("Movie.2024.TELECINE.XviD-GROUP");
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_TELECINE);
}

static void
test_edition (void)
{
  SsvRelease *r = parse ("Blade.Runner.1982.The.Final.Cut.1080p.BluRay.x264-GROUP");

  g_assert_cmpstr (r->title, ==, "Blade Runner");
  g_assert_true (r->editions & SSV_RELEASE_EDITION_FINAL_CUT);

  r = parse ("Aliens.1986.Directors.Cut.1080p.BluRay.x264-GROUP");
  g_assert_true (r->editions & SSV_RELEASE_EDITION_DIRECTORS);

  r = parse ("The.Lord.of.the.Rings.2001.EXTENDED.2160p.UHD.BluRay.x265-GROUP");
  g_assert_cmpstr (r->title, ==, "The Lord of the Rings");
  g_assert_true (r->editions & SSV_RELEASE_EDITION_EXTENDED);

  r = parse ("Oppenheimer.2023.IMAX.2160p.WEB-DL.DDP5.1.H.265-GROUP");
  g_assert_true (r->editions & SSV_RELEASE_EDITION_IMAX);
}

static void
test_revision (void)
{
  SsvRelease *r = parse ("Show.S01E05.PROPER.720p.HDTV.x264-GROUP");

  g_assert_cmpuint (r->revision_version, ==, 2);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_PROPER);

  r = parse ("Show.S01E05.REPACK2.720p.HDTV.x264-GROUP");
  g_assert_cmpuint (r->revision_version, ==, 3);

  r = parse ("Show.S01E05.REAL.PROPER.720p.HDTV.x264-GROUP");
  g_assert_cmpuint (r->revision_real, ==, 1);
  g_assert_cmpuint (r->revision_version, ==, 2);

  r = parse ("Show.S01E05.720p.HDTV.x264-GROUP");
  g_assert_cmpuint (r->revision_version, ==, 1);
  g_assert_cmpuint (r->revision_real, ==, 0);
}

static void
test_languages (void)
{
  SsvRelease *r = parse ("Le.Fabuleux.Destin.2001.MULTi.TRUEFRENCH.1080p.BluRay.x264-GROUP");

  g_assert_true (r->flags & SSV_RELEASE_FLAG_MULTI_LANGUAGE);
  g_assert_true (r->languages & (G_GUINT64_CONSTANT (1) << SSV_RELEASE_LANG_FRENCH));

  r = parse ("Dark.S01E01.German.DL.1080p.WEB.x264-GROUP");
  g_assert_true (r->languages & (G_GUINT64_CONSTANT (1) << SSV_RELEASE_LANG_GERMAN));
  g_assert_true (r->flags & SSV_RELEASE_FLAG_MULTI_LANGUAGE);

  r = parse ("Show.S01E01.VOSTFR.720p.WEB.x264-GROUP");
  g_assert_true (r->subtitle_languages & (G_GUINT64_CONSTANT (1) << SSV_RELEASE_LANG_FRENCH));
  g_assert_cmpuint (r->languages, ==, 0);

  r = parse ("Movie.2017.720p.HC.HDRip.x264-GROUP");
  g_assert_true (r->flags & SSV_RELEASE_FLAG_HARDCODED_SUBS);
}

static void
test_release_group (void)
{
  SsvRelease *r = parse ("Show.S01E01.1080p.WEB.H264-GROUP-Obfuscated");

  g_assert_cmpstr (r->release_group, ==, "GROUP");

  r = parse ("Show.S01E01.720p.HDTV.x264-KILLERS[eztv]");
  g_assert_cmpstr (r->release_group, ==, "KILLERS");

  r = parse ("Movie.2010.1080p.BluRay.x264-HiS@SiLUHD");
  g_assert_cmpstr (r->release_group, ==, "HiS@SiLUHD");

  /* Words after a space are not a group */
  r = parse ("Castle 2009 S01E14 English HDTV XviD LOL");
  g_assert_cmpstr (r->release_group, ==, "");

  /* An episode title after a dash is not a group either */
  r = parse ("The Expanse - S01E02 - The Big Empty");
  g_assert_cmpstr (r->release_group, ==, "");
  g_assert_cmpstr (r->episode_title, ==, "The Big Empty");
}

static void
test_paths (void)
{
  SsvRelease *r = parse ("/media/TV/Breaking Bad/Season 02/Breaking Bad - S02E03 - Bit by a Dead Bee.mkv");

  g_assert_cmpstr (r->title, ==, "Breaking Bad");
  assert_seasons (r, 1, 2);
  assert_episodes (r, 1, 3);
  g_assert_cmpstr (r->container, ==, "mkv");

  /* The folder names the show and the season; the file only the episode */
  r = parse ("/tv/Doctor Who/Season 06/E13 - The Wedding of River Song.mkv");
  g_assert_cmpstr (r->title, ==, "Doctor Who");
  assert_seasons (r, 1, 6);
  assert_episodes (r, 1, 13);

  /* An obfuscated file: the folder is the release */
  r = parse ("Downloads/The.Big.Bang.Theory.S01E01.720p.HDTV.x264-CTU/ajsd8f7a6sdf876asdf8.mkv");
  g_assert_true (r->parsed);
  g_assert_cmpstr (r->title, ==, "The Big Bang Theory");
  assert_episodes (r, 1, 1);
  g_assert_cmpstr (r->release_group, ==, "CTU");

  /* Windows paths */
  r = parse ("C:\\Movies\\Heat (1995)\\Heat.1995.1080p.BluRay.x264.mkv");
  g_assert_cmpstr (r->title, ==, "Heat");
  g_assert_cmpuint (r->year, ==, 1995);

  /* A movie's year from its folder */
  r = parse ("Movies/Fear and Loathing in Las Vegas (1998)/Fear.and.Loathing.in.Las.Vegas.720p.HDDVD.DTS.x264-ESiR.mkv");
  g_assert_cmpuint (r->year, ==, 1998);
  g_assert_cmpint (r->source, ==, SSV_RELEASE_SOURCE_HDDVD);
}

static void
test_sample_and_extras (void)
{
  SsvRelease *r = parse ("Movie.2019.1080p.BluRay.x264-GROUP/Sample/movie.2019.1080p.bluray.x264-group-sample.mkv");

  g_assert_true (r->flags & SSV_RELEASE_FLAG_SAMPLE);

  r = parse ("The.Flash.S03.Extras.720p.BluRay.x264-GROUP");
  g_assert_true (r->flags & SSV_RELEASE_FLAG_EXTRAS);
  g_assert_true (r->flags & SSV_RELEASE_FLAG_SEASON_EXTRA);
}

static void
test_rejected (void)
{
  const char *not_releases[] = {
    "185d86a343e39f3341e35c4dad3f9959",
    "ba27283b17c00d01193eacc02a8ba98eeb523a76",
    "76El6LcgLzqb426WoVFg1vVVVGx4uCYopQkfjmLe.mkv",
    "THIS SHOULD NEVER PARSE",
    "",
    "   ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (not_releases); i++)
    g_assert_false (parse (not_releases[i])->parsed);

  g_assert_false (ssv_release_parse (NULL, parse ("x")));
}

static void
test_json (void)
{
  SsvRelease r;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *o;

  ssv_release_parse ("Show.Name.S01E01E02.1080p.WEB-DL.DDP5.1.H.264-GROUP", &r);
  json = ssv_release_to_json (&r);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Show Name");
  g_assert_cmpint (json_object_get_int_member (o, "season"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "episode")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (o, "resolution"), ==, "1080p");
  g_assert_cmpstr (json_object_get_string_member (o, "source"), ==, "webdl");
  g_assert_cmpstr (json_object_get_string_member (o, "video_codec"), ==, "h264");
  g_assert_cmpstr (json_object_get_string_member (o, "audio_codec"), ==, "eac3");
  g_assert_cmpstr (json_object_get_string_member (o, "type"), ==, "episode");
  /* What the name does not say is left out */
  g_assert_false (json_object_has_member (o, "year"));
  g_assert_false (json_object_has_member (o, "air_date"));
  g_assert_false (json_object_has_member (o, "parsed"));
  g_clear_pointer (&json, g_free);

  /* Quotes, control characters and broken UTF-8 still make valid JSON */
  ssv_release_parse ("Say \"Hi\"\t\x01 Bye \xff\xfe.2019.720p.WEB.x264-GRP", &r);
  json = ssv_release_to_json (&r);
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  o = json_node_get_object (json_parser_get_root (parser));
  g_assert_nonnull (strstr (json_object_get_string_member (o, "title"), "\"Hi\"\t\x01 Bye"));
}

static void
test_long_and_odd_input (void)
{
  GString *s = g_string_new (NULL);
  SsvRelease *r;

  for (int i = 0; i < 400; i++)
    g_string_append (s, "Very.Long.Title.");
  g_string_append (s, "S01E01.720p.HDTV.x264-GROUP");
  r = parse (s->str);
  /* Never runs past its buffers, and the title is cut, not garbage */
  g_assert_cmpuint (strlen (r->title), <, SSV_RELEASE_TEXT_MAX);
  g_assert_true (g_utf8_validate (r->title, -1, NULL));
  g_string_free (s, TRUE);

  r = parse ("[[[[((((");
  g_assert_false (r->parsed);
  r = parse ("S01E01-E9999.720p");
  g_assert_cmpuint (r->n_episodes, <=, SSV_RELEASE_MAX_EPISODES);
  r = parse ("Ünïcödé.Tïtlé.2020.1080p.WEB.x264");
  g_assert_cmpstr (r->title, ==, "Ünïcödé Tïtlé");
}

#define N_THREADS 4

static const char *thread_names[] = {
  "Game.of.Thrones.S08E03.The.Long.Night.1080p.AMZN.WEB-DL.DDP5.1.H.264-GoT",
  "[SubsPlease] Sousou no Frieren - 12 (1080p) [5B1C3E3A].mkv",
  "2001.A.Space.Odyssey.1968.REMASTERED.1080p.BluRay.x264-AMIABLE",
  "/tv/Doctor Who/Season 06/E13 - The Wedding of River Song.mkv",
};

static gpointer
parse_many (gpointer data)
{
  const char *const *expected = data;

  for (int round = 0; round < 2000; round++)
    for (guint i = 0; i < G_N_ELEMENTS (thread_names); i++)
      {
        SsvRelease r;
        g_autofree char *json = NULL;

        ssv_release_parse (thread_names[i], &r);
        json = ssv_release_to_json (&r);
        if (g_strcmp0 (json, expected[i]) != 0)
          return GINT_TO_POINTER (1);
      }
  return NULL;
}

static void
test_threads (void)
{
  char *expected[G_N_ELEMENTS (thread_names)];
  GThread *threads[N_THREADS];

  for (guint i = 0; i < G_N_ELEMENTS (thread_names); i++)
    {
      SsvRelease r;

      ssv_release_parse (thread_names[i], &r);
      expected[i] = ssv_release_to_json (&r);
    }

  for (int t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("parse", parse_many, expected);
  for (int t = 0; t < N_THREADS; t++)
    g_assert_null (g_thread_join (threads[t]));

  for (guint i = 0; i < G_N_ELEMENTS (thread_names); i++)
    g_free (expected[i]);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/release/movie", test_movie);
  g_test_add_func ("/core/release/title-with-year", test_title_with_year);
  g_test_add_func ("/core/release/title-words-that-are-tags", test_title_words_that_are_tags);
  g_test_add_func ("/core/release/episode-single", test_episode_single);
  g_test_add_func ("/core/release/episode-multi", test_episode_multi);
  g_test_add_func ("/core/release/season-pack", test_season_pack);
  g_test_add_func ("/core/release/daily", test_daily);
  g_test_add_func ("/core/release/anime", test_anime);
  g_test_add_func ("/core/release/quality", test_quality);
  g_test_add_func ("/core/release/cam-and-screener", test_cam_and_screener);
  g_test_add_func ("/core/release/implied-quality", test_implied_quality);
  g_test_add_func ("/core/release/early-years", test_early_years);
  g_test_add_func ("/core/release/edition", test_edition);
  g_test_add_func ("/core/release/revision", test_revision);
  g_test_add_func ("/core/release/languages", test_languages);
  g_test_add_func ("/core/release/release-group", test_release_group);
  g_test_add_func ("/core/release/paths", test_paths);
  g_test_add_func ("/core/release/sample-and-extras", test_sample_and_extras);
  g_test_add_func ("/core/release/rejected", test_rejected);
  g_test_add_func ("/core/release/json", test_json);
  g_test_add_func ("/core/release/long-and-odd-input", test_long_and_odd_input);
  g_test_add_func ("/core/release/threads", test_threads);

  return g_test_run ();
}
