/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ical.c: the iCal export read back as a calendar app would: lines, folding,
 * escaping, times, one event per episode and per followed channel's upload, and UIDs
 * that survive a rescan. */

#include "config.h"

#include <string.h>

#include "stores/ssv-calendar-store.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-watchlist-store.h"
#include "ssv-ical.h"
#include "ssv-test-utils.h"

typedef struct
{
  char              *dir;
  SsvDatabase       *db;
  SsvCalendarStore  *calendar;
} Fixture;

static const char *long_overview =
  "Mark leads a team of office workers whose memories have been surgically divided "
  "between their work and personal lives; a mysterious colleague appears, and “Ms. Cobel” "
  "— ever watchful — says: don't worry, it's fine\\really.\nSecond line, with commas; and semicolons.";

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvStmt) stmt = NULL;

  f->db = ssv_test_open_temp_database (&f->dir, NULL);
  f->calendar = ssv_calendar_store_new (f->db);

  ssv_database_exec (f->db,
    "INSERT INTO servers (id, kind, name, url) VALUES (1, 'jellyfin', 'Home', 'http://nas');"
    "INSERT INTO genres (id, name) VALUES (1, 'Drama'), (2, 'Sci-Fi, Mystery');"
    "INSERT INTO shows (id, server_source, server_id, title, status, tmdb_id, air_time, air_time_zone,"
    "                   runtime_minutes, network) VALUES"
    " (1, 1, 's1', 'Severance', 'Returning Series', 95396, '21:00', 'America/New_York', 55, 'Apple TV+'),"
    " (2, 1, 's2', 'Andor', NULL, NULL, NULL, NULL, NULL, NULL);"
    "INSERT INTO show_genres (show_id, genre_id) VALUES (1, 1), (1, 2);"
    "INSERT INTO episodes (id, show_id, season_number, episode_number, title, air_date) VALUES"
    " (1, 1, 2, 1, 'Hello, Ms. Cobel', '2025-06-10'),"
    " (3, 2, 1, 1, 'Kassa', '2025-06-12');", &error);
  g_assert_no_error (error);

  stmt = ssv_database_prepare (f->db, "UPDATE episodes SET overview = ?1 WHERE id = 1", &error);
  ssv_stmt_bind_text (stmt, 1, long_overview);
  g_assert_true (ssv_stmt_step_done (stmt, &error));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->calendar);
  ssv_test_close_temp_database (&f->db, &f->dir);
}

static char *
export (Fixture *f)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) from = g_date_time_new (berlin, 2025, 6, 9, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (berlin, 2025, 6, 16, 0, 0, 0);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2025, 6, 9, 8, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ssv_calendar_store_list_between (f->calendar, from, to, &error);

  g_assert_no_error (error);
  return ssv_ical_build (entries, stamp);
}

/* Undoes 3.3.11 escaping; fails the test on a backslash that escapes nothing. */
static char *
unescape (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p);
          continue;
        }
      p++;
      g_assert_true (*p == '\\' || *p == ';' || *p == ',' || *p == 'n' || *p == 'N');
      g_string_append_c (out, (*p == 'n' || *p == 'N') ? '\n' : *p);
    }

  return g_string_free (out, FALSE);
}

/* Checks the physical lines and returns the logical (unfolded) ones. */
static GPtrArray *
read_lines (const char *text)
{
  g_autoptr(GPtrArray) physical = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *logical = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;

  /* Every line ends in CRLF; there are no bare LFs or CRs. */
  while (*p != '\0')
    {
      const char *end = strstr (p, "\r\n");

      g_assert_nonnull (end);
      g_assert_null (memchr (p, '\n', (gsize) (end - p)));
      g_assert_null (memchr (p, '\r', (gsize) (end - p)));
      /* At most 75 octets, and valid UTF-8: folding never splits a character. */
      g_assert_cmpuint ((gsize) (end - p), <=, 75);
      g_assert_true (g_utf8_validate (p, end - p, NULL));
      g_ptr_array_add (physical, g_strndup (p, (gsize) (end - p)));
      p = end + 2;
    }

  for (guint i = 0; i < physical->len; i++)
    {
      const char *line = g_ptr_array_index (physical, i);

      if (line[0] == ' ' || line[0] == '\t')
        {
          char **last = (char **) &logical->pdata[logical->len - 1];
          char *joined = g_strconcat (*last, line + 1, NULL);

          g_assert_cmpuint (logical->len, >, 0);
          g_free (*last);
          *last = joined;
        }
      else
        g_ptr_array_add (logical, g_strdup (line));
    }

  return logical;
}

/* The events, each as a table of property (with parameters) → raw value. */
static GPtrArray *
read_events (const char *text)
{
  g_autoptr(GPtrArray) lines = read_lines (text);
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  GHashTable *event = NULL;
  int depth = 0;

  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, "BEGIN:VCALENDAR");
  g_assert_cmpstr (g_ptr_array_index (lines, lines->len - 1), ==, "END:VCALENDAR");

  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);
      const char *colon = strchr (line, ':');

      g_assert_nonnull (colon);
      if (g_str_has_prefix (line, "BEGIN:"))
        {
          depth++;
          if (strcmp (line, "BEGIN:VEVENT") == 0)
            event = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
        }
      else if (g_str_has_prefix (line, "END:"))
        {
          depth--;
          if (strcmp (line, "END:VEVENT") == 0)
            g_ptr_array_add (events, g_steal_pointer (&event));
        }
      else if (event != NULL)
        {
          /* A property appears once per event here. */
          g_assert_false (g_hash_table_contains (event, line));
          g_hash_table_insert (event, g_strndup (line, (gsize) (colon - line)), g_strdup (colon + 1));
        }
      else if (depth == 1)
        g_assert_true (g_str_has_prefix (line, "VERSION:") || g_str_has_prefix (line, "PRODID:") ||
                       g_str_has_prefix (line, "CALSCALE:") || g_str_has_prefix (line, "METHOD:") ||
                       g_str_has_prefix (line, "X-WR-CALNAME:"));
    }

  g_assert_cmpint (depth, ==, 0);
  return events;
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *text = export (f);
  g_autoptr(GPtrArray) events = read_events (text);
  GHashTable *severance, *andor;
  g_autofree char *description = NULL;
  g_autofree char *summary = NULL;

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));

  /* One event per episode, each with what RFC 5545 requires. */
  g_assert_cmpuint (events->len, ==, 2);
  severance = g_ptr_array_index (events, 0);
  andor = g_ptr_array_index (events, 1);
  for (guint i = 0; i < events->len; i++)
    {
      GHashTable *event = g_ptr_array_index (events, i);
      g_assert_cmpstr (g_hash_table_lookup (event, "DTSTAMP"), ==, "20250609T080000Z");
      g_assert_nonnull (g_hash_table_lookup (event, "UID"));
    }

  /* 21:00 in New York on 10 June is 01:00 UTC on the 11th; 55 minutes long. */
  g_assert_cmpstr (g_hash_table_lookup (severance, "DTSTART"), ==, "20250611T010000Z");
  g_assert_cmpstr (g_hash_table_lookup (severance, "DTEND"), ==, "20250611T015500Z");
  g_assert_cmpstr (g_hash_table_lookup (severance, "UID"), ==, "tmdb-95396-s2e1@soulsync-video");
  summary = unescape (g_hash_table_lookup (severance, "SUMMARY"));
  g_assert_cmpstr (summary, ==, "Severance · S02E01 · Hello, Ms. Cobel");
  description = unescape (g_hash_table_lookup (severance, "DESCRIPTION"));
  g_assert_true (g_str_has_prefix (description, long_overview));
  g_assert_true (g_str_has_suffix (description, "\n\nApple TV+"));
  /* A genre with a comma in it stays one category. */
  g_assert_cmpstr (g_hash_table_lookup (severance, "CATEGORIES"), ==, "Drama,Sci-Fi\\, Mystery");

  /* No time: an all-day event on its date. */
  g_assert_cmpstr (g_hash_table_lookup (andor, "DTSTART;VALUE=DATE"), ==, "20250612");
  g_assert_cmpstr (g_hash_table_lookup (andor, "DTEND;VALUE=DATE"), ==, "20250613");
  g_assert_cmpstr (g_hash_table_lookup (andor, "UID"), ==, "library-2-s1e1@soulsync-video");
}

static void
test_uids_survive_rescan (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *first = export (f);
  g_autofree char *again = export (f);
  g_autofree char *rescanned = NULL;

  /* Same data, same file. */
  g_assert_cmpstr (first, ==, again);

  /* A rescan gives the episode a new row id; its UID does not change. */
  ssv_database_exec (f->db, "UPDATE episodes SET id = 100 WHERE id = 1", NULL);
  rescanned = export (f);
  g_assert_cmpstr (first, ==, rescanned);
}

static void
test_folding (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GString) line = g_string_new ("DESCRIPTION:");

  /* Two-, three- and four-byte characters across every fold position. */
  for (guint i = 0; i < 60; i++)
    g_string_append (line, i % 3 == 0 ? "é" : i % 3 == 1 ? "€" : "🎬");
  ssv_ical_append_line (out, line->str);

  lines = read_lines (out->str);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (lines, 0), ==, line->str);

  /* Exactly 75 octets is not folded. */
  g_string_truncate (out, 0);
  ssv_ical_append_line (out, "SUMMARY:1234567890123456789012345678901234567890123456789012345678901234567");
  g_assert_cmpuint (strlen (out->str), ==, 75 + 2);
  g_assert_null (strstr (out->str, "\r\n "));
  /* One more is. */
  g_string_truncate (out, 0);
  ssv_ical_append_line (out, "SUMMARY:12345678901234567890123456789012345678901234567890123456789012345678");
  g_assert_nonnull (strstr (out->str, "\r\n 8\r\n"));
}

static void
test_escaping (void)
{
  static const char * const cases[][2] = {
    { "a,b;c\\d", "a\\,b\\;c\\\\d" },
    { "line\nnext\r\n", "line\\nnext\\n" },
    { "tab\tkept", "tab\tkept" },
    { "bell\a", "bell " },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = ssv_ical_escape_text (cases[i][0]);
      g_assert_cmpstr (escaped, ==, cases[i][1]);
    }
}

/* The store writes what ssv_ical_build() makes, whole; a bad folder changes nothing. */
static void
test_write_file (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) from = g_date_time_new (berlin, 2025, 6, 9, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (berlin, 2025, 6, 16, 0, 0, 0);
  g_autofree char *path = g_build_filename (f->dir, "week.ics", NULL);
  g_autofree char *bad_path = g_build_filename (f->dir, "missing", "week.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = export (f);
  g_auto(GStrv) ours = NULL;
  g_auto(GStrv) theirs = NULL;
  guint n_entries = 0;

  g_assert_true (ssv_calendar_store_write_ics (f->calendar, from, to, file, &n_entries, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 2);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_true (g_str_has_suffix (contents, "END:VCALENDAR\r\n"));

  /* The same lines as the builder's but for the stamp of the moment. */
  ours = g_strsplit (contents, "\r\n", -1);
  theirs = g_strsplit (expected, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (ours), ==, g_strv_length (theirs));
  for (guint i = 0; ours[i] != NULL; i++)
    if (!g_str_has_prefix (ours[i], "DTSTAMP:"))
      g_assert_cmpstr (ours[i], ==, theirs[i]);

  g_assert_false (ssv_calendar_store_write_ics (f->calendar, from, to, bad, &n_entries, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Choose another folder"));
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));
}

static void
add_upload (GPtrArray  *videos,
            const char *id,
            const char *title,
            gint64      published,
            gboolean    is_short)
{
  SsvYtVideo *video = ssv_yt_video_new ();

  video->video_id = g_strdup (id);
  video->title = g_strdup (title);
  video->published = published;
  video->date_exact = TRUE;
  video->duration_s = 754;
  video->is_short = is_short;
  g_ptr_array_add (videos, video);
}

/* The calendar's lane goes into the file too: the week's uploads of followed channels, one
 * event each with the watch address, no Shorts, nothing of a channel not followed. */
static void
test_uploads (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) from = g_date_time_new (berlin, 2025, 6, 9, 0, 0, 0);
  g_autoptr(GDateTime) to = g_date_time_new (berlin, 2025, 6, 16, 0, 0, 0);
  g_autoptr(GDateTime) at = g_date_time_new_utc (2025, 6, 11, 12, 0, 0);
  g_autofree char *path = g_build_filename (f->dir, "uploads.ics", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(SsvChannelStore) channels = ssv_channel_store_new (f->db);
  g_autoptr(SsvWatchlistStore) watchlist = ssv_watchlist_store_new (f->db);
  g_autoptr(SsvYtChannelMeta) meta = ssv_yt_channel_meta_new ();
  g_autoptr(GPtrArray) videos = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) other = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_yt_video_free);
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GHashTable *upload = NULL;
  guint n_entries = 0;

  meta->channel_id = g_strdup ("UCalphaaaaaaaaaaaaaaaaaa");
  meta->title = g_strdup ("Alpha, the Channel");
  g_assert_true (ssv_channel_store_save_meta (channels, meta, &error));
  add_upload (videos, "alphaweek01", "In the week; with a semicolon", g_date_time_to_unix (at), FALSE);
  add_upload (videos, "alphashort1", "A Short", g_date_time_to_unix (at), TRUE);
  add_upload (videos, "alphalater1", "The week after", g_date_time_to_unix (at) + 8 * 86400, FALSE);
  g_assert_true (ssv_channel_store_save_videos (channels, "UCalphaaaaaaaaaaaaaaaaaa", videos, TRUE, 0, &error));
  add_upload (other, "othervideo1", "Not followed", g_date_time_to_unix (at), FALSE);
  g_assert_true (ssv_channel_store_save_videos (channels, "UCotheraaaaaaaaaaaaaaaaa", other, TRUE, 0, &error));
  g_assert_true (ssv_watchlist_store_set_followed (watchlist, SSV_WATCH_KIND_CHANNEL, "youtube",
                                                   "UCalphaaaaaaaaaaaaaaaaaa", TRUE, "Alpha", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (ssv_calendar_store_write_ics (f->calendar, from, to, file, &n_entries, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_entries, ==, 3);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  events = read_events (contents);
  g_assert_cmpuint (events->len, ==, 3);
  for (guint i = 0; i < events->len; i++)
    if (g_strcmp0 (g_hash_table_lookup (g_ptr_array_index (events, i), "UID"), "youtube-alphaweek01@soulsync-video") == 0)
      upload = g_ptr_array_index (events, i);
  g_assert_nonnull (upload);
  g_assert_cmpstr (g_hash_table_lookup (upload, "DTSTART"), ==, "20250611T120000Z");
  g_assert_cmpstr (g_hash_table_lookup (upload, "DTEND"), ==, "20250611T121234Z");
  g_assert_cmpstr (g_hash_table_lookup (upload, "SUMMARY"), ==, "Alpha\\, the Channel · In the week\\; with a semicolon");
  g_assert_cmpstr (g_hash_table_lookup (upload, "URL"), ==, "https://www.youtube.com/watch?v=alphaweek01");
  g_assert_nonnull (g_hash_table_lookup (upload, "DTSTAMP"));
}

int
main (int    argc,
      char **argv)
{
  ssv_test_init (&argc, &argv);

  g_test_add_func ("/core/ical/folding", test_folding);
  g_test_add_func ("/core/ical/escaping", test_escaping);
  g_test_add ("/core/ical/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/core/ical/write-file", Fixture, NULL, fixture_set_up, test_write_file, fixture_tear_down);
  g_test_add ("/core/ical/uploads-of-followed-channels", Fixture, NULL, fixture_set_up, test_uploads,
              fixture_tear_down);
  g_test_add ("/core/ical/uids-survive-rescan", Fixture, NULL, fixture_set_up, test_uids_survive_rescan,
              fixture_tear_down);

  return g_test_run ();
}
