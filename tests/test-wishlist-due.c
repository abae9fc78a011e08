/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-wishlist-due.c: when a wanted item is searched: release and air dates, the cutoff, the
 * backoff and catch-up, as tables; the home release date read from TMDB's release_dates. */

#include "config.h"

#include <json-glib/json-glib.h>

#include "ssv-fake-server.h"
#include "ssv-test-utils.h"
#include "downloads/ssv-wishlist-due.h"
#include "providers/ssv-tmdb-discover.h"

#define HOUR  ((gint64) 3600)
#define DAY   (24 * HOUR)
/* 2026-03-01 12:00 UTC */
#define NOW   ((gint64) 1772366400)

static SsvQualityProfile *
hd_profile (gboolean upgrades)
{
  SsvQualityProfile *p = ssv_quality_profile_new ("HD");

  ssv_quality_profile_add_item (p, SSV_QUALITY_HDTV_720, TRUE);
  ssv_quality_profile_add_item (p, SSV_QUALITY_WEBDL_720, TRUE);
  ssv_quality_profile_add_item (p, SSV_QUALITY_WEBDL_1080, TRUE);
  ssv_quality_profile_add_item (p, SSV_QUALITY_BLURAY_1080, TRUE);
  p->cutoff = SSV_QUALITY_WEBDL_1080;
  p->upgrades_allowed = upgrades;
  return p;
}

typedef struct
{
  const char      *what;
  SsvWishDueFacts  facts;
  gboolean         upgrades;
  SsvWishDueState  state;
  gint64           next_at;
  gboolean         catch_up;
} DueCase;

static void
test_due_table (void)
{
  static const DueCase cases[] = {
    /* films */
    { "film out at home, never searched", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_SEARCH, 0, TRUE },
    { "film out tomorrow", { FALSE, NOW + DAY, FALSE, 0, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_NOT_RELEASED, NOW + DAY, FALSE },
    { "film with no date known", { FALSE, 0, FALSE, 0, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_RELEASE_UNKNOWN, 0, FALSE },
    /* episodes */
    { "episode aired an hour ago", { TRUE, NOW - HOUR, FALSE, 0, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_SEARCH, 0, TRUE },
    { "episode airs tonight", { TRUE, NOW + 8 * HOUR, FALSE, 0, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_NOT_AIRED, NOW + 8 * HOUR, FALSE },
    { "episode with no air date", { TRUE, 0, FALSE, 0, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_NOT_AIRED, 0, FALSE },
    /* owned: upgrade until the cutoff */
    { "owned at the cutoff", { FALSE, NOW - DAY, TRUE, SSV_QUALITY_WEBDL_1080, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_AT_CUTOFF, 0, FALSE },
    { "owned above the cutoff", { FALSE, NOW - DAY, TRUE, SSV_QUALITY_BLURAY_1080, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_AT_CUTOFF, 0, FALSE },
    { "owned below the cutoff", { FALSE, NOW - DAY, TRUE, SSV_QUALITY_HDTV_720, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_UPGRADE, 0, FALSE },
    { "owned, name says nothing", { FALSE, 0, TRUE, SSV_QUALITY_UNKNOWN, FALSE, 0, 0 }, TRUE,
      SSV_WISH_DUE_UPGRADE, 0, FALSE },
    { "owned below the cutoff, upgrades off", { FALSE, NOW - DAY, TRUE, SSV_QUALITY_HDTV_720, FALSE, 0, 0 }, FALSE,
      SSV_WISH_DUE_AT_CUTOFF, 0, FALSE },
    { "owned below, searched 30 min ago without luck", { FALSE, NOW - DAY, TRUE, SSV_QUALITY_HDTV_720, FALSE, 1,
      NOW - HOUR / 2 }, TRUE, SSV_WISH_DUE_WAITING, NOW + HOUR / 2, FALSE },
    /* a download under way wins over everything */
    { "downloading", { FALSE, NOW - DAY, FALSE, 0, TRUE, 3, NOW - 10 * DAY }, TRUE,
      SSV_WISH_DUE_DOWNLOADING, 0, FALSE },
    /* the backoff: 1 h, 3 h, 6 h, 12 h, then daily */
    { "1 fruitless, 59 min ago", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 1, NOW - 59 * 60 }, TRUE,
      SSV_WISH_DUE_WAITING, NOW + 60, FALSE },
    { "1 fruitless, an hour ago", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 1, NOW - HOUR }, TRUE,
      SSV_WISH_DUE_SEARCH, 0, FALSE },
    { "2 fruitless, 2 h ago", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 2, NOW - 2 * HOUR }, TRUE,
      SSV_WISH_DUE_WAITING, NOW + HOUR, FALSE },
    { "4 fruitless, 11 h ago", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 4, NOW - 11 * HOUR }, TRUE,
      SSV_WISH_DUE_WAITING, NOW + HOUR, FALSE },
    { "9 fruitless, 23 h ago", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 9, NOW - 23 * HOUR }, TRUE,
      SSV_WISH_DUE_WAITING, NOW + HOUR, FALSE },
    { "9 fruitless, a day ago", { FALSE, NOW - 10 * DAY, FALSE, 0, FALSE, 9, NOW - DAY }, TRUE,
      SSV_WISH_DUE_SEARCH, 0, FALSE },
    /* catch-up: out since the last look skips the backoff */
    { "aired after the last (fruitless) search", { TRUE, NOW - HOUR, FALSE, 0, FALSE, 5, NOW - 2 * HOUR }, TRUE,
      SSV_WISH_DUE_SEARCH, 0, TRUE },
    { "released after the last search", { FALSE, NOW - 3 * HOUR, FALSE, 0, FALSE, 5, NOW - DAY }, TRUE,
      SSV_WISH_DUE_SEARCH, 0, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SsvQualityProfile) profile = hd_profile (cases[i].upgrades);
      SsvWishDue due;

      g_test_message ("%s", cases[i].what);
      ssv_wishlist_due (&cases[i].facts, profile, NOW, &due);
      g_assert_cmpint (due.state, ==, cases[i].state);
      g_assert_cmpint (due.next_at, ==, cases[i].next_at);
      g_assert_cmpint (due.catch_up, ==, cases[i].catch_up);
      g_assert_nonnull (ssv_wish_due_state_describe (due.state));
    }
}

static void
test_backoff_schedule (void)
{
  static const gint64 expected[] = { 0, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, DAY, DAY };

  for (guint n = 0; n < G_N_ELEMENTS (expected); n++)
    g_assert_cmpint (ssv_wishlist_backoff_s (n), ==, expected[n]);
  g_assert_cmpint (ssv_wishlist_backoff_s (G_MAXUINT), ==, SSV_WISH_BACKOFF_MAX_S);
}

static void
test_dates (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");

  /* A film is out from the start of its home release day, in the person's zone. */
  g_assert_cmpint (ssv_wishlist_movie_available_at ("2026-03-01", 2025, utc), ==, NOW - 12 * HOUR);
  g_assert_cmpint (ssv_wishlist_movie_available_at ("2026-03-01", 2025, berlin), ==, NOW - 13 * HOUR);
  /* With no date known, a film of an earlier year is taken to be out since the new year. */
  g_assert_cmpint (ssv_wishlist_movie_available_at (NULL, 2025, utc), ==,
                   ssv_wishlist_day_start ("2026-01-01", utc));
  g_assert_cmpint (ssv_wishlist_movie_available_at (NULL, 0, utc), ==, 0);
  g_assert_cmpint (ssv_wishlist_movie_available_at ("not a date", 2025, utc), ==, 0);

  /* An episode has aired at its air time in the show's zone… */
  g_assert_cmpint (ssv_wishlist_aired_at ("2026-03-01", "21:00", "America/New_York", utc), ==,
                   ssv_wishlist_day_start ("2026-03-02", utc) + 2 * HOUR);
  /* …and with no air time, at the end of its air day. */
  g_assert_cmpint (ssv_wishlist_aired_at ("2026-03-01", NULL, NULL, utc), ==,
                   ssv_wishlist_day_start ("2026-03-02", utc));
  g_assert_cmpint (ssv_wishlist_aired_at (NULL, "21:00", NULL, utc), ==, 0);
}

typedef struct
{
  const char *what;
  const char *json;
  const char *region;
  const char *home;
} ReleaseCase;

/* TMDB's release_dates: the earliest digital (4), physical (5) or TV (6) date, the
 * person's country first; else the cinema date (2, 3) plus 90 days. */
static void
test_home_release_date (void)
{
  static const ReleaseCase cases[] = {
    { "digital before physical", "{\"results\":[{\"iso_3166_1\":\"US\",\"release_dates\":["
      "{\"type\":3,\"release_date\":\"2025-06-01T00:00:00.000Z\"},"
      "{\"type\":5,\"release_date\":\"2025-09-10T00:00:00.000Z\"},"
      "{\"type\":4,\"release_date\":\"2025-08-01T00:00:00.000Z\"}]}]}", "US", "2025-08-01" },
    { "TV counts", "{\"results\":[{\"iso_3166_1\":\"US\",\"release_dates\":["
      "{\"type\":6,\"release_date\":\"2025-07-04T00:00:00.000Z\"}]}]}", "US", "2025-07-04" },
    { "cinema only: plus 90 days", "{\"results\":[{\"iso_3166_1\":\"US\",\"release_dates\":["
      "{\"type\":3,\"release_date\":\"2025-06-01T00:00:00.000Z\"}]}]}", "US", "2025-08-30" },
    { "premiere does not count", "{\"results\":[{\"iso_3166_1\":\"US\",\"release_dates\":["
      "{\"type\":1,\"release_date\":\"2025-01-01T00:00:00.000Z\"}]}]}", "US", NULL },
    { "own country first", "{\"results\":["
      "{\"iso_3166_1\":\"FR\",\"release_dates\":[{\"type\":4,\"release_date\":\"2025-03-01T00:00:00.000Z\"}]},"
      "{\"iso_3166_1\":\"DE\",\"release_dates\":[{\"type\":4,\"release_date\":\"2025-05-01T00:00:00.000Z\"}]}]}",
      "DE", "2025-05-01" },
    { "no dates", "{\"results\":[]}", "US", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = json_from_string (cases[i].json, &error);
      g_autofree char *home = NULL;

      g_assert_no_error (error);
      g_test_message ("%s", cases[i].what);
      home = ssv_tmdb_home_release_date (root, cases[i].region, NULL);
      g_assert_cmpstr (home, ==, cases[i].home);
    }
}

/* The recorded answer for Fight Club (/movie/550/release_dates, 50 countries). */
static void
test_home_release_date_fixture (void)
{
  g_autoptr(GBytes) bytes = ssv_fixture_load ("tmdb/movie-release-dates.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = json_from_string (g_bytes_get_data (bytes, NULL), &error);
  g_autofree char *us = NULL;
  g_autofree char *cinema = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  g_assert_no_error (error);
  us = ssv_tmdb_home_release_date (root, "US", &cinema);
  g_test_message ("US home release %s, cinema %s", us, cinema);
  g_assert_nonnull (us);
  g_assert_nonnull (cinema);
  /* At home after the cinema, and the film is long out. */
  g_assert_cmpstr (us, >, cinema);
  g_assert_cmpint (ssv_wishlist_movie_available_at (us, 1999, utc), <, NOW);
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/wishlist-due/table", test_due_table);
  g_test_add_func ("/core/wishlist-due/backoff", test_backoff_schedule);
  g_test_add_func ("/core/wishlist-due/dates", test_dates);
  g_test_add_func ("/core/wishlist-due/home-release-date", test_home_release_date);
  g_test_add_func ("/core/wishlist-due/home-release-date-fixture", test_home_release_date_fixture);

  return g_test_run ();
}
