/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-naming.c: the naming template expander, as a table: tokens, tidy-up, unsafe text, the root. */

#include "config.h"

#include <string.h>

#include "ssv-error.h"
#include "downloads/ssv-naming.h"

static const SsvNamingValues movie = {
  .title = "The Matrix", .year = 1999, .quality = "1080p Bluray", .season = -1, .episode = -1,
  .release_group = "GRP", .ext = "mkv",
};

static const SsvNamingValues episode = {
  .show = "Severance", .year = 2022, .season = 1, .episode = 2, .episode_title = "Half Loop",
  .quality = "1080p WEB-DL", .air_date = "2022-02-25", .ext = "mkv",
};

typedef struct
{
  const char            *template_;
  const SsvNamingValues *values;
  const char            *expected;
} Row;

static void
check_rows (const Row *rows,
            guint      n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *path = ssv_naming_expand (rows[i].template_, rows[i].values);

      g_test_message ("row %u: %s", i, rows[i].template_);
      g_assert_cmpstr (path, ==, rows[i].expected);
      g_assert_true (ssv_naming_is_safe_path (path));
    }
}

static void
test_tokens (void)
{
  static const SsvNamingValues no_year = { .title = "Alien", .quality = "DVD", .season = -1,
                                           .episode = -1, .ext = "avi" };
  static const SsvNamingValues no_episode_title = { .show = "Show", .season = 3, .episode = 14,
                                                    .ext = "mp4" };
  static const SsvNamingValues big_numbers = { .show = "Daily", .season = 2024, .episode = 123,
                                               .ext = "mkv" };
  static const Row rows[] = {
    { SSV_NAMING_DEFAULT_MOVIE, &movie, "The Matrix (1999)/The Matrix (1999) - 1080p Bluray.mkv" },
    { SSV_NAMING_DEFAULT_EPISODE, &episode,
      "Severance/Season 01/Severance - S01E02 - Half Loop.mkv" },
    /* what an unknown value leaves behind is tidied away */
    { SSV_NAMING_DEFAULT_MOVIE, &no_year, "Alien/Alien - DVD.avi" },
    { SSV_NAMING_DEFAULT_EPISODE, &no_episode_title, "Show/Season 03/Show - S03E14.mp4" },
    /* widths from the format; wider numbers are not cut */
    { "{Show} {season}x{episode:000}.{ext}", &no_episode_title, "Show 3x014.mp4" },
    { "{Show} S{season:00}E{episode:00}", &big_numbers, "Daily S2024E123" },
    /* other spellings Sonarr and Radarr accept */
    { "{Movie Title} [{Release Year}] {Quality Full}-{Release Group}.{ext}", &movie,
      "The Matrix [1999] 1080p Bluray-GRP.mkv" },
    { "{Series Title} - {Air Date} - {Episode Title}", &episode, "Severance - 2022-02-25 - Half Loop" },
    /* the separator and the case of the token are the value's */
    { "{Movie.Title}.{Year}.{ext}", &movie, "The.Matrix.1999.mkv" },
    { "{movie_title}", &movie, "the_matrix" },
    { "{TITLE}", &movie, "THE MATRIX" },
    /* unknown tokens stay visible; unclosed braces are text */
    { "{Title} {Edition Tags}.{ext}", &movie, "The Matrix {Edition Tags}.mkv" },
    { "{Title} {Year", &movie, "The Matrix {Year" },
  };

  check_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_unsafe (void)
{
  static const SsvNamingValues colon = { .title = "Mission: Impossible", .year = 1996,
                                         .quality = "720p HDTV", .season = -1, .episode = -1,
                                         .ext = "mkv" };
  static const SsvNamingValues slashes = { .title = "AC/DC: Let There Be Rock", .year = 1980,
                                           .season = -1, .episode = -1, .ext = "mkv" };
  static const SsvNamingValues bad = { .title = "What? *Really* <no> \"quotes\" | pipe\t\x01", .year = 2001,
                                       .season = -1, .episode = -1, .ext = "mp4" };
  static const SsvNamingValues dots = { .title = "../../etc/passwd", .year = 0, .season = -1,
                                        .episode = -1, .ext = "mkv" };
  static const SsvNamingValues device = { .title = "CON", .year = 0, .season = -1, .episode = -1,
                                          .ext = "mkv" };
  static const SsvNamingValues hidden = { .title = "...And Justice", .year = 0, .season = -1,
                                          .episode = -1, .ext = "mkv" };
  static const Row rows[] = {
    { SSV_NAMING_DEFAULT_MOVIE, &colon,
      "Mission - Impossible (1996)/Mission - Impossible (1996) - 720p HDTV.mkv" },
    { "{Title}.{ext}", &slashes, "AC+DC - Let There Be Rock.mkv" },
    { "{Title}.{ext}", &bad, "What Really no 'quotes' pipe.mp4" },
    { "{Title}/{Title}.{ext}", &dots, "+..+etc+passwd/+..+etc+passwd.mkv" },
    { "{Title}.{ext}", &device, "CON_.mkv" },
    { "{Title}.{ext}", &hidden, "And Justice.mkv" },
    /* the template itself cannot climb out or start at the root */
    { "/etc/{Title}.{ext}", &movie, "etc/The Matrix.mkv" },
    { "../../{Title}/./..//{ext}", &movie, "The Matrix/mkv" },
    { "..\\..\\{Title}.{ext}", &movie, "The Matrix.mkv" },
    { "{Title}/ . /{ext}", &movie, "The Matrix/mkv" },
  };

  check_rows (rows, G_N_ELEMENTS (rows));
}

static void
test_long_and_empty (void)
{
  g_autofree char *long_title = g_strnfill (400, 'x');
  g_autofree char *long_utf8 = NULL;
  SsvNamingValues values = { .title = long_title, .season = -1, .episode = -1, .ext = "mkv" };
  g_autofree char *path = ssv_naming_expand ("{Title}/{Title}.{ext}", &values);
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  g_autofree char *empty = NULL;
  GString *e_acute = g_string_new (NULL);

  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_assert_cmpuint (strlen (parts[0]), ==, SSV_NAMING_MAX_COMPONENT);
  g_assert_cmpuint (strlen (parts[1]), <=, SSV_NAMING_MAX_COMPONENT);
  g_assert_true (g_str_has_suffix (parts[1], "x.mkv"));

  /* a cut never splits a character */
  for (guint i = 0; i < 200; i++)
    g_string_append (e_acute, "é");
  long_utf8 = g_string_free (e_acute, FALSE);
  values.title = long_utf8;
  g_clear_pointer (&path, g_free);
  path = ssv_naming_expand ("{Title}.{ext}", &values);
  g_assert_true (g_utf8_validate (path, -1, NULL));
  g_assert_true (g_str_has_suffix (path, "é.mkv"));
  g_assert_cmpuint (strlen (path), <=, SSV_NAMING_MAX_COMPONENT);

  /* nothing known, nothing written */
  values = (SsvNamingValues) { .season = -1, .episode = -1 };
  empty = ssv_naming_expand ("{Title} ({Year})/{Title}", &values);
  g_assert_cmpstr (empty, ==, "");
  g_assert_false (ssv_naming_is_safe_path (empty));
}

static void
test_safe_path (void)
{
  g_assert_true (ssv_naming_is_safe_path ("a/b.mkv"));
  g_assert_false (ssv_naming_is_safe_path ("/a"));
  g_assert_false (ssv_naming_is_safe_path ("a/../b"));
  g_assert_false (ssv_naming_is_safe_path ("a//b"));
  g_assert_false (ssv_naming_is_safe_path ("./a"));
  g_assert_false (ssv_naming_is_safe_path ("a\\..\\b"));
  g_assert_false (ssv_naming_is_safe_path (NULL));
}

/* What a person types in Preferences: the defaults and sensible variants pass and
 * preview as the importer would name the sample; each mistake is refused with a
 * reason that names what to change. */
static void
test_check (void)
{
  static const struct { const char *template_; gboolean episode; const char *reason; } refused[] = {
    { "", FALSE, "empty" },
    { "{Title ({Year})/{Title}.{ext}", FALSE, "not closed" },
    { "{Title} ({Year})}/{Title}.{ext}", FALSE, "no “{”" },
    { "{Title} {Resolution}.{ext}", FALSE, "“{Resolution}” is not a name part" },
    { "{Year}/{Quality}.{ext}", FALSE, "{Title}" },
    { "{Title} ({Year})/{Title} ({Year})", FALSE, "{ext}" },
    { "{Title}.{ext}/{Title}", FALSE, "{ext}" },
    { "{Show}/{Show} - {Episode Title}.{ext}", TRUE, "{episode:00}" },
    { "{Show}/{Show} - E{episode:00}.{ext}", TRUE, "{season:00}" },
    { "Season {season}/E{episode}.{ext}", TRUE, "{Show}" },
  };
  g_autofree char *movie_path = NULL;
  g_autofree char *episode_path = NULL;
  g_autofree char *daily = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = ssv_naming_preview (refused[i].template_, refused[i].episode, "1080p Bluray", &error);

      g_test_message ("%s", refused[i].template_);
      g_assert_null (path);
      g_assert_error (error, SSV_ERROR, SSV_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, refused[i].reason));
      g_assert_false (ssv_naming_check (refused[i].template_, refused[i].episode, NULL));
    }

  movie_path = ssv_naming_preview (SSV_NAMING_DEFAULT_MOVIE, FALSE, "1080p Bluray", NULL);
  g_assert_cmpstr (movie_path, ==, "Heat (1995)/Heat (1995) - 1080p Bluray.mkv");
  episode_path = ssv_naming_preview (SSV_NAMING_DEFAULT_EPISODE, TRUE, "1080p WEB-DL", NULL);
  g_assert_cmpstr (episode_path, ==, "Severance/Season 01/Severance - S01E02 - Half Loop.mkv");
  daily = ssv_naming_preview ("{show.title}/{Show} {Air Date}.{ext}", TRUE, NULL, NULL);
  g_assert_cmpstr (daily, ==, "severance/Severance 2022-02-25.mkv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/naming/tokens", test_tokens);
  g_test_add_func ("/core/naming/unsafe", test_unsafe);
  g_test_add_func ("/core/naming/long-and-empty", test_long_and_empty);
  g_test_add_func ("/core/naming/safe-path", test_safe_path);
  g_test_add_func ("/core/naming/check", test_check);

  return g_test_run ();
}
