/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-calendar.c: air times across zones, the 7-day calendar and the airing monitor. */

#include "config.h"

#include "ssv-air-time.h"
#include "ssv-airing-monitor.h"
#include "stores/ssv-calendar-store.h"
#include "stores/ssv-settings-store.h"
#include "ssv-test-utils.h"
#include "stores/ssv-watchlist-store.h"
#include "stores/ssv-wishlist-store.h"

typedef struct
{
  char              *dir;
  char              *path;
  SsvDatabase       *db;
  SsvCalendarStore  *calendar;
  SsvWatchlistStore *watchlist;
  GTimeZone         *zone;      /* the person's zone: TZ, as the test runs */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->db = ssv_test_open_temp_database (&f->dir, &f->path);
  f->calendar = ssv_calendar_store_new (f->db);
  f->watchlist = ssv_watchlist_store_new (f->db);
  f->zone = g_time_zone_new_local ();
  g_test_message ("local zone: %s (TZ=%s)", g_time_zone_get_identifier (f->zone), g_getenv ("TZ"));

  ssv_database_exec (f->db,
                     "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'Home', 'http://nas'),"
                     " (2, 'plex', 'Plex', 'http://plex');"
                     "INSERT INTO genres (id, name) VALUES (1, 'Drama'), (2, 'Mystery');"
                     "INSERT INTO shows (id, server_source, server_id, title, sort_title, status, tmdb_id,"
                     "                   air_time, air_time_zone, overview, network) VALUES"
                     " (1, 1, 's1', 'Severance', 'severance', 'Returning Series', 95396, NULL, NULL,"
                     "  'Mark leads a team of office workers.', 'Apple TV+'),"
                     " (2, 1, 's2', 'Breaking Bad', 'breaking bad', 'Ended', 1396, NULL, NULL, NULL, NULL),"
                     " (3, 1, 's3', 'Andor', 'andor', NULL, NULL, NULL, NULL, NULL, NULL),"
                     " (4, 1, 's4', 'Slow Horses', 'slow horses', 'Returning Series', 95480, NULL, NULL, NULL, NULL),"
                     " (5, 1, 's5', 'Firefly', 'firefly', 'Canceled', 1437, NULL, NULL, NULL, NULL),"
                     " (6, 2, 'p1', 'Severance', 'severance', 'Returning Series', 95396, NULL, NULL, NULL, NULL);"
                     "INSERT INTO show_genres (show_id, genre_id) VALUES (1, 1), (1, 2);",
                     &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->calendar);
  g_clear_object (&f->watchlist);
  ssv_test_close_temp_database (&f->db, &f->dir);
  g_clear_pointer (&f->zone, g_time_zone_unref);
  g_free (f->path);
}

static void
add_episode (Fixture    *f,
             gint64      id,
             gint64      show_id,
             int         episode,
             const char *air_date,
             const char *air_time)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (f->db,
    "INSERT INTO episodes (id, show_id, season_number, episode_number, title, air_date, air_time)"
    " VALUES (?1, ?2, 1, ?3, 'Episode ' || ?3, ?4, ?5)", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, show_id);
  sqlite3_bind_int (stmt, 3, episode);
  ssv_stmt_bind_text (stmt, 4, air_date);
  ssv_stmt_bind_text (stmt, 5, air_time);
  g_assert_true (ssv_stmt_step_done (stmt, &error));
}

static GDateTime *
local_time (Fixture *f,
            int      year,
            int      month,
            int      day,
            int      hour,
            int      minute)
{
  return g_date_time_new (f->zone, year, month, day, hour, minute, 0);
}

/* "2025-03-10 21:00 Severance S01E01; …" in the person's zone; Anytime as "any". */
static char *
describe (GPtrArray *entries)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      SsvCalendarEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = g_date_time_format (ssv_calendar_entry_get_airs (entry),
                                                  ssv_calendar_entry_get_anytime (entry)
                                                  ? "%Y-%m-%d any" : "%Y-%m-%d %H:%M");
      g_autofree char *code = ssv_calendar_entry_dup_code (entry);

      g_string_append_printf (text, "%s%s %s %s", i ? "; " : "", when,
                              ssv_calendar_entry_get_show_title (entry), code);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_parse_time (void)
{
  static const struct { const char *text; gboolean ok; int hour, minute; } cases[] = {
    { "21:00", TRUE, 21, 0 },
    { "21:00:00", TRUE, 21, 0 },
    { "9:05 PM", TRUE, 21, 5 },
    { "9pm", TRUE, 21, 0 },
    { "12:30 am", TRUE, 0, 30 },
    { "12:00 PM", TRUE, 12, 0 },
    { " 06:15 ", TRUE, 6, 15 },
    { "00:00", FALSE, 0, 0 },
    { "00:00:00", FALSE, 0, 0 },
    { "24:00", FALSE, 0, 0 },
    { "21:7", FALSE, 0, 0 },
    { "13 PM", FALSE, 0, 0 },
    { "evening", FALSE, 0, 0 },
    { "", FALSE, 0, 0 },
    { NULL, FALSE, 0, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int hour = -1, minute = -1;

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ssv_air_time_parse_time (cases[i].text, &hour, &minute), ==, cases[i].ok);
      if (cases[i].ok)
        {
          g_assert_cmpint (hour, ==, cases[i].hour);
          g_assert_cmpint (minute, ==, cases[i].minute);
        }
    }
}

static char *
resolve (const char *date,
         const char *time,
         const char *zone_id,
         const char *local_id)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_identifier (local_id);
  g_autoptr(GDateTime) moment = NULL;
  gboolean anytime = FALSE;

  moment = ssv_air_time_resolve (date, time, zone_id, local, &anytime);
  if (moment == NULL)
    return g_strdup ("none");

  return g_date_time_format (moment, anytime ? "%Y-%m-%d any" : "%Y-%m-%d %H:%M");
}

static void
test_resolve_zones (void)
{
  static const struct { const char *date, *time, *zone, *local, *expected; } cases[] = {
    /* 21:00 in New York (summer time) is 03:00 the next day in Berlin. */
    { "2025-06-10", "21:00", "America/New_York", "Europe/Berlin", "2025-06-11 03:00" },
    /* and 13:00 the next day in Auckland. */
    { "2025-06-10", "21:00", "America/New_York", "Pacific/Auckland", "2025-06-11 13:00" },
    /* A late show in the person's own zone stays on its day. */
    { "2025-06-10", "23:30", "America/Los_Angeles", "America/Los_Angeles", "2025-06-10 23:30" },
    /* Without a zone the time is taken as local. */
    { "2025-06-10", "23:30", NULL, "Asia/Tokyo", "2025-06-10 23:30" },
    { "2025-06-10", "23:30", "Not/AZone", "Asia/Tokyo", "2025-06-10 23:30" },
    /* The night Berlin moves its clocks: 02:00 UTC is already summer time (+2). */
    { "2025-03-29", "22:00", "America/New_York", "Europe/Berlin", "2025-03-30 04:00" },
    /* No time, or midnight: Anytime on the air date, in any zone. */
    { "2025-06-10", NULL, "America/New_York", "Pacific/Auckland", "2025-06-10 any" },
    { "2025-06-10", "00:00", "America/New_York", "Europe/Berlin", "2025-06-10 any" },
    { "2025-02-30", "21:00", NULL, "Europe/Berlin", "none" },
    { "soon", NULL, NULL, "Europe/Berlin", "none" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = resolve (cases[i].date, cases[i].time, cases[i].zone, cases[i].local);

      g_test_message ("%s %s %s seen from %s", cases[i].date, cases[i].time, cases[i].zone, cases[i].local);
      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_week (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = local_time (f, 2025, 6, 10, 15, 0);
  g_autoptr(GDateTime) next_week = g_date_time_add_weeks (today, 1);
  g_autoptr(GDateTime) last_week = g_date_time_add_weeks (today, -1);
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_after = NULL;
  g_autofree char *text_before = NULL;
  g_autofree char *genres = NULL;
  SsvCalendarEntry *first;

  add_episode (f, 1, 1, 1, "2025-06-10", "23:30");   /* late tonight, local */
  add_episode (f, 2, 1, 2, "2025-06-12", NULL);      /* Anytime */
  add_episode (f, 3, 3, 1, "2025-06-12", "20:00");   /* unknown status: on the calendar */
  add_episode (f, 4, 2, 1, "2025-06-11", "20:00");   /* ended: not */
  add_episode (f, 5, 5, 1, "2025-06-11", "20:00");   /* canceled: not */
  add_episode (f, 6, 4, 1, "2025-06-16", "21:00");   /* the 7th day */
  add_episode (f, 7, 4, 2, "2025-06-17", "21:00");   /* next week */
  add_episode (f, 8, 4, 3, "2025-06-09", "21:00");   /* yesterday */
  add_episode (f, 9, 1, 3, "2025-06-12", "00:00");   /* midnight reads as Anytime */
  add_episode (f, 10, 6, 1, "2025-06-10", "23:30");  /* the same episode on the Plex server */
  ssv_database_exec (f->db, "INSERT INTO media_files (episode_id, path) VALUES (10, '/tv/sev-s01e01.mkv')", NULL);

  week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
  g_assert_no_error (error);
  text = describe (week);
  g_assert_cmpstr (text, ==,
                   "2025-06-10 23:30 Severance S01E01; "
                   "2025-06-12 any Severance S01E02; "
                   "2025-06-12 any Severance S01E03; "
                   "2025-06-12 20:00 Andor S01E01; "
                   "2025-06-16 21:00 Slow Horses S01E01");

  /* Owned when either server holds it; the show's details come along. */
  first = g_ptr_array_index (week, 0);
  g_assert_true (ssv_calendar_entry_get_owned (first));
  g_assert_false (ssv_calendar_entry_get_owned (g_ptr_array_index (week, 1)));
  genres = ssv_calendar_entry_dup_genres_text (first);
  g_assert_cmpstr (genres, ==, "Drama, Mystery");
  g_assert_cmpstr (ssv_calendar_entry_get_network (first), ==, "Apple TV+");
  g_assert_cmpstr (ssv_calendar_entry_get_show_overview (first), ==, "Mark leads a team of office workers.");
  g_assert_cmpstr (ssv_calendar_entry_get_show_source (first), ==, "tmdb");
  g_assert_cmpstr (ssv_calendar_entry_get_show_source_id (first), ==, "95396");

  after = ssv_calendar_store_list_days (f->calendar, next_week, 7, &error);
  text_after = describe (after);
  g_assert_cmpstr (text_after, ==, "2025-06-17 21:00 Slow Horses S01E02");
  before = ssv_calendar_store_list_days (f->calendar, last_week, 7, &error);
  text_before = describe (before);
  g_assert_cmpstr (text_before, ==, "2025-06-09 21:00 Slow Horses S01E03");

  /* Muting a show takes it off the calendar; following an ended one puts it on. */
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", "4",
                                                   FALSE, NULL, NULL, &error));
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", "2",
                                                   TRUE, NULL, NULL, &error));
  g_clear_pointer (&week, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
  text = describe (week);
  g_assert_cmpstr (text, ==,
                   "2025-06-10 23:30 Severance S01E01; "
                   "2025-06-11 20:00 Breaking Bad S01E01; "
                   "2025-06-12 any Severance S01E02; "
                   "2025-06-12 any Severance S01E03; "
                   "2025-06-12 20:00 Andor S01E01");
}

/* Shows timed in a far zone cross a day: an episode dated the day before the week
 * (in its network's zone) airs inside it here, and one dated the day after the
 * week can too. Holds for every zone the suite runs in (local, Los Angeles,
 * Auckland): 23:30 in Pago Pago (UTC-11) and 00:30 in Kiritimati (UTC+14). */
static void
test_week_other_zones (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = local_time (f, 2025, 6, 10, 15, 0);
  g_autoptr(GPtrArray) week = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  ssv_database_exec (f->db,
                     "INSERT INTO shows (id, server_source, server_id, title, sort_title, status,"
                     "                   air_time_zone) VALUES"
                     " (7, 1, 's7', 'Samoa Tonight', 'samoa tonight', 'Returning Series', 'Pacific/Pago_Pago'),"
                     " (8, 1, 's8', 'Line Islands', 'line islands', 'Returning Series', 'Pacific/Kiritimati');",
                     &error);
  g_assert_no_error (error);
  add_episode (f, 20, 7, 1, "2025-06-09", "23:30");  /* in: the 10th here */
  add_episode (f, 21, 7, 2, "2025-06-08", "23:30");  /* out: the 9th here */
  add_episode (f, 22, 8, 1, "2025-06-17", "00:30");  /* in: the 16th here */
  add_episode (f, 23, 8, 2, "2025-06-17", "23:00");  /* out: the 17th here */

  week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < week->len; i++)
    {
      SsvCalendarEntry *entry = g_ptr_array_index (week, i);
      g_autofree char *code = ssv_calendar_entry_dup_code (entry);

      g_string_append_printf (text, "%s%s %s", i ? "; " : "", ssv_calendar_entry_get_show_title (entry), code);
    }
  g_assert_cmpstr (text->str, ==, "Samoa Tonight S01E01; Line Islands S01E01");
}

/* The watchlist and the calendar agree on every show, whatever its status. */
static void
test_same_rule_as_watchlist (Fixture       *f,
                             gconstpointer  data)
{
  static const char * const statuses[] = {
    NULL, "Returning Series", "Ended", "ended", "Canceled", "Cancelled", "In Production",
    "Planned", "Pilot", "Continuing", "Upcoming",
  };
  g_autoptr(GDateTime) today = local_time (f, 2025, 6, 10, 12, 0);
  g_autoptr(GError) error = NULL;

  add_episode (f, 1, 3, 1, "2025-06-11", "20:00");

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    for (guint muted = 0; muted < 2; muted++)
      {
        g_autoptr(SsvStmt) stmt = ssv_database_prepare (f->db, "UPDATE shows SET status = ?1 WHERE id = 3", &error);
        g_autoptr(GPtrArray) week = NULL;
        gboolean followed;
        gboolean airs = statuses[i] == NULL ||
                        (g_ascii_strcasecmp (statuses[i], "ended") != 0 &&
                         g_ascii_strncasecmp (statuses[i], "cancel", 6) != 0);

        ssv_stmt_bind_text (stmt, 1, statuses[i]);
        g_assert_true (ssv_stmt_step_done (stmt, &error));
        g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", "3",
                                                         !muted, NULL, NULL, &error));
        g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", "3",
                                                         FALSE, NULL, NULL, &error));
        if (!muted)
          ssv_database_exec (f->db, "DELETE FROM watchlist", NULL);

        g_assert_true (ssv_watchlist_store_is_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "library", "3",
                                                        &followed, &error));
        week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
        g_assert_no_error (error);
        g_test_message ("status %s, muted %u: followed %d, on calendar %u", statuses[i], muted, followed, week->len);
        g_assert_cmpint (followed, ==, airs && !muted);
        g_assert_cmpuint (week->len, ==, followed ? 1 : 0);
      }
}

/* Wishes show @tmdb_id from TMDB's page as the app does, with TMDB's list of its
 * episodes: S01E01 the day before @today, S01E02 on @day, S01E03 a week after @day. */
static void
wish_tmdb_show (Fixture       *f,
                const char    *tmdb_id,
                const char    *title,
                SsvWishTarget  target,
                const char    *day,
                GDateTime     *today)
{
  g_autoptr(SsvWishlistStore) wishlist = ssv_wishlist_store_new (f->db);
  g_autoptr(SsvWishlistShow) show = ssv_wishlist_show_new ("tmdb", tmdb_id, title);
  g_autoptr(GError) error = NULL;
  SsvWishlistShowEpisode *episode;

  episode = ssv_wishlist_show_add_episode (show, 1, 1);
  episode->title = g_strdup ("Pilot");
  episode->air_date = g_strdup ("2025-06-09");
  episode = ssv_wishlist_show_add_episode (show, 1, 2);
  episode->title = g_strdup ("The Second");
  episode->air_date = g_strdup (day);
  episode = ssv_wishlist_show_add_episode (show, 1, 3);
  episode->title = g_strdup ("Next Week");
  episode->air_date = g_strdup ("2025-06-20");

  g_assert_true (ssv_wishlist_store_add_show (wishlist, show, target, 1, 1, today, NULL, &error));
  g_assert_no_error (error);
}

/* A show wished or followed from TMDB's page alone is on the calendar on the day its
 * episode airs, as an owned one is; a show both owned and wished is listed once. */
static void
test_wished_not_owned (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = local_time (f, 2025, 6, 10, 15, 0);
  g_autoptr(SsvWishlistStore) wishlist = ssv_wishlist_store_new (f->db);
  g_autoptr(GPtrArray) week = NULL;
  g_autofree char *text = NULL;
  g_autofree char *uid = NULL;
  SsvCalendarEntry *entry;

  add_episode (f, 1, 1, 2, "2025-06-12", "21:00");
  /* Severance is in the library too: its own row, once. */
  wish_tmdb_show (f, "95396", "Severance (wished)", SSV_WISH_TARGET_SHOW, "2025-06-12", today);
  /* Not in the library: the whole show wished, and one episode of another. */
  wish_tmdb_show (f, "100088", "The Last of Us", SSV_WISH_TARGET_SHOW, "2025-06-11", today);
  wish_tmdb_show (f, "136315", "The Bear", SSV_WISH_TARGET_EPISODE, "2025-06-13", today);

  week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
  g_assert_no_error (error);
  text = describe (week);
  g_assert_cmpstr (text, ==,
                   "2025-06-11 any The Last of Us S01E02; "
                   "2025-06-12 21:00 Severance S01E02");

  entry = g_ptr_array_index (week, 0);
  g_assert_cmpstr (ssv_calendar_entry_get_title (entry), ==, "The Second");
  g_assert_cmpstr (ssv_calendar_entry_get_show_source (entry), ==, "tmdb");
  g_assert_cmpstr (ssv_calendar_entry_get_show_source_id (entry), ==, "100088");
  g_assert_false (ssv_calendar_entry_get_owned (entry));
  /* No library row: its ids name none. */
  g_assert_cmpint (ssv_calendar_entry_get_show_id (entry), <, 0);
  g_assert_cmpint (ssv_calendar_entry_get_episode_id (entry), <, 0);
  uid = ssv_calendar_entry_dup_uid (entry);
  g_assert_cmpstr (uid, ==, "tmdb-100088-s1e2@soulsync-video");

  /* Following the show of the one wished episode puts it on, unfollowing takes it off;
   * so does no longer wishing a show. */
  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "tmdb", "136315",
                                                   TRUE, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&week, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
  g_assert_no_error (error);
  text = describe (week);
  g_assert_cmpstr (text, ==,
                   "2025-06-11 any The Last of Us S01E02; "
                   "2025-06-12 21:00 Severance S01E02; "
                   "2025-06-13 any The Bear S01E02");

  g_assert_true (ssv_watchlist_store_set_followed (f->watchlist, SSV_WATCH_KIND_SHOW, "tmdb", "136315",
                                                   FALSE, NULL, NULL, &error));
  g_assert_true (ssv_wishlist_store_remove_show (wishlist, "tmdb", "100088", SSV_WISH_TARGET_SHOW, 0, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&week, g_ptr_array_unref);
  g_clear_pointer (&text, g_free);
  week = ssv_calendar_store_list_days (f->calendar, today, 7, &error);
  g_assert_no_error (error);
  text = describe (week);
  g_assert_cmpstr (text, ==, "2025-06-12 21:00 Severance S01E02");
}

static void
test_wished_query_plan (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  gboolean uses_index = ssv_database_explain_uses_index (f->db, ssv_calendar_store_wished_sql, &plan, &error);

  g_test_message ("%s", plan);
  g_assert_no_error (error);
  g_assert_true (uses_index);
  g_assert_nonnull (strstr (plan, "wishlist_show_episodes_air_date"));
}

static void
test_query_plan (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;

  g_assert_true (ssv_database_explain_uses_index (f->db, ssv_calendar_store_sql, &plan, &error));
  g_test_message ("%s", plan);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (plan, "episodes_air_date"));
  g_assert_nonnull (strstr (plan, "watchlist_key"));
}

static void
set_bookmark (Fixture   *f,
              GDateTime *moment)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ssv_settings_store_set_int (f->db, SSV_AIRING_BOOKMARK_KEY,
                                             g_date_time_to_unix (moment), &error));
}

static char *
check (SsvAiringMonitor *monitor,
       GDateTime        *now,
       gboolean         *catching_up)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) aired = ssv_airing_monitor_check (monitor, now, catching_up, &error);

  g_assert_no_error (error);
  g_assert_nonnull (aired);
  return describe (aired);
}

/* The airing monitor reads the same list: a wished show's episode is reported once it airs. */
static void
test_airing_wished_not_owned (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(SsvAiringMonitor) monitor = ssv_airing_monitor_new (f->calendar);
  g_autoptr(GDateTime) t0 = local_time (f, 2025, 6, 10, 23, 50);
  g_autoptr(GDateTime) t1 = local_time (f, 2025, 6, 11, 0, 10);
  g_autofree char *aired = NULL;

  wish_tmdb_show (f, "100088", "The Last of Us", SSV_WISH_TARGET_SHOW, "2025-06-11", t0);
  set_bookmark (f, t0);

  aired = check (monitor, t1, NULL);
  g_assert_cmpstr (aired, ==, "2025-06-11 any The Last of Us S01E02");
}

static void
test_airing_first_look (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(SsvAiringMonitor) monitor = ssv_airing_monitor_new (f->calendar);
  g_autoptr(GDateTime) now = local_time (f, 2025, 6, 10, 22, 0);
  g_autofree char *aired = NULL;
  gboolean catching_up = TRUE;

  add_episode (f, 1, 1, 1, "2025-06-10", "20:00");

  /* A new library does not announce what aired before it existed. */
  aired = check (monitor, now, &catching_up);
  g_assert_cmpstr (aired, ==, "");
  g_assert_false (catching_up);
  g_assert_cmpint (ssv_settings_store_get_int (f->db, SSV_AIRING_BOOKMARK_KEY, -1), ==,
                   g_date_time_to_unix (now));
}

static void
test_airing_live (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SsvAiringMonitor) monitor = ssv_airing_monitor_new (f->calendar);
  g_autoptr(GDateTime) t0 = local_time (f, 2025, 6, 10, 20, 50);
  g_autoptr(GDateTime) t1 = local_time (f, 2025, 6, 10, 20, 59);
  g_autoptr(GDateTime) t2 = local_time (f, 2025, 6, 10, 21, 0);
  g_autoptr(GDateTime) t3 = local_time (f, 2025, 6, 10, 21, 5);
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *a3 = NULL;
  gboolean catching_up = TRUE;

  add_episode (f, 1, 1, 1, "2025-06-10", "21:00");
  add_episode (f, 2, 2, 1, "2025-06-10", "21:00");   /* ended show: never */
  set_bookmark (f, t0);

  a1 = check (monitor, t1, &catching_up);
  g_assert_cmpstr (a1, ==, "");
  /* On the minute it airs, and only once. */
  a2 = check (monitor, t2, &catching_up);
  g_assert_cmpstr (a2, ==, "2025-06-10 21:00 Severance S01E01");
  g_assert_false (catching_up);
  a3 = check (monitor, t3, &catching_up);
  g_assert_cmpstr (a3, ==, "");
}

static void
test_airing_catch_up (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(SsvAiringMonitor) monitor = ssv_airing_monitor_new (f->calendar);
  g_autoptr(SsvAiringMonitor) again = NULL;
  g_autoptr(GDateTime) off = local_time (f, 2025, 5, 30, 18, 0);
  g_autoptr(GDateTime) now = local_time (f, 2025, 6, 10, 9, 0);
  g_autoptr(GDateTime) later = local_time (f, 2025, 6, 10, 9, 10);
  g_autoptr(GError) error = NULL;
  g_autofree char *aired = NULL;
  g_autofree char *aired_again = NULL;
  gboolean catching_up = FALSE;

  add_episode (f, 1, 4, 1, "2025-06-01", "21:00");   /* older than a week: not news */
  add_episode (f, 2, 4, 2, "2025-06-08", "21:00");
  add_episode (f, 3, 4, 3, "2025-06-09", "21:00");
  add_episode (f, 4, 1, 1, "2025-06-09", NULL);
  add_episode (f, 5, 3, 1, "2025-06-10", "08:00");
  add_episode (f, 6, 1, 2, "2025-06-10", "21:00");   /* tonight: not yet */
  set_bookmark (f, off);

  /* The laptop was off for ten days: everything from the last week, at once. */
  aired = check (monitor, now, &catching_up);
  g_assert_true (catching_up);
  g_assert_cmpstr (aired, ==,
                   "2025-06-08 21:00 Slow Horses S01E02; "
                   "2025-06-09 any Severance S01E01; "
                   "2025-06-09 21:00 Slow Horses S01E03; "
                   "2025-06-10 08:00 Andor S01E01");

  /* The bookmark is in the library: a new monitor (the app restarted) goes on from it. */
  g_clear_object (&monitor);
  g_clear_object (&f->calendar);
  g_clear_object (&f->watchlist);
  g_clear_object (&f->db);
  f->db = ssv_database_open (f->path, &error);
  g_assert_no_error (error);
  f->calendar = ssv_calendar_store_new (f->db);
  again = ssv_airing_monitor_new (f->calendar);
  aired_again = check (again, later, &catching_up);
  g_assert_cmpstr (aired_again, ==, "");
  g_assert_false (catching_up);
}

/* An episode at 23:30 local time is announced at 23:30 on its own day, wherever
 * the person is relative to UTC. */
static void
test_airing_late_evening (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(SsvAiringMonitor) monitor = ssv_airing_monitor_new (f->calendar);
  g_autoptr(GDateTime) t0 = local_time (f, 2025, 6, 10, 23, 0);
  g_autoptr(GDateTime) t1 = local_time (f, 2025, 6, 10, 23, 29);
  g_autoptr(GDateTime) t2 = local_time (f, 2025, 6, 10, 23, 31);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) week = NULL;
  g_autofree char *a1 = NULL;
  g_autofree char *a2 = NULL;
  g_autofree char *days = NULL;
  const char *zone_id = g_time_zone_get_identifier (f->zone);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (f->db, "UPDATE shows SET air_time = '23:30', air_time_zone = ?1 WHERE id = 1", &error);

  /* The show's own zone is the person's: the time is 23:30 there and here. */
  ssv_stmt_bind_text (stmt, 1, g_strcmp0 (zone_id, "UTC") == 0 || zone_id[0] == ':' ? NULL : zone_id);
  g_assert_true (ssv_stmt_step_done (stmt, &error));
  add_episode (f, 1, 1, 1, "2025-06-10", NULL);
  set_bookmark (f, t0);

  a1 = check (monitor, t1, NULL);
  g_assert_cmpstr (a1, ==, "");
  a2 = check (monitor, t2, NULL);
  g_assert_cmpstr (a2, ==, "2025-06-10 23:30 Severance S01E01");

  week = ssv_calendar_store_list_days (f->calendar, t0, 1, &error);
  days = describe (week);
  g_assert_cmpstr (days, ==, "2025-06-10 23:30 Severance S01E01");
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/air-time/parse-time", test_parse_time);
  g_test_add_func ("/core/air-time/resolve-zones", test_resolve_zones);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/core/calendar/week", test_week);
  ADD ("/core/calendar/week-other-zones", test_week_other_zones);
  ADD ("/core/calendar/same-rule-as-watchlist", test_same_rule_as_watchlist);
  ADD ("/core/calendar/query-plan", test_query_plan);
  ADD ("/core/calendar/wished-not-owned", test_wished_not_owned);
  ADD ("/core/calendar/wished-query-plan", test_wished_query_plan);
  ADD ("/core/airing/wished-not-owned", test_airing_wished_not_owned);
  ADD ("/core/airing/first-look", test_airing_first_look);
  ADD ("/core/airing/live", test_airing_live);
  ADD ("/core/airing/catch-up", test_airing_catch_up);
  ADD ("/core/airing/late-evening", test_airing_late_evening);

  return g_test_run ();
}
