/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-store.c: what airs when. Air dates are days in the show's own zone;
 * the store reads a day more on each side and places every episode in the
 * person's zone, so an episode at 21:00 in New York lands on the right day in Berlin. */

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ssv-air-time.h"
#include "model/ssv-calendar-entry-private.h"
#include "stores/ssv-calendar-store.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-follow-rule-private.h"
#include "ssv-ical.h"

struct _SsvCalendarStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvCalendarStore, ssv_calendar_store, SSV_TYPE_STORE)

/* Followed shows only: the same rule as the watchlist (ssv-follow-rule-private.h). */
const char * const ssv_calendar_store_sql =
  "SELECT e.id, e.show_id, s.title, e.season_number, e.episode_number, e.title, e.overview,"
  "       e.air_date, coalesce (e.air_time, s.air_time), s.air_time_zone,"
  "       coalesce (e.runtime_minutes, s.runtime_minutes),"
  "       EXISTS (SELECT 1 FROM media_files mf WHERE mf.episode_id = e.id),"
  "       e.still_url, s.poster_url, s.backdrop_url,"
  "       (SELECT group_concat (g.name, char (31)) FROM show_genres sg JOIN genres g ON g.id = sg.genre_id"
  "         WHERE sg.show_id = s.id),"
  "       s.overview, s.network, s.tmdb_id, s.tvdb_id"
  "  FROM episodes e JOIN shows s ON s.id = e.show_id"
  " WHERE e.air_date >= ?1 AND e.air_date <= ?2"
  /* The day before and after count only for episodes timed in another zone: the
   * rest air on their own date here, and cost their subqueries for nothing. */
  "   AND ((e.air_date >= ?3 AND e.air_date <= ?4) OR s.air_time_zone <> '')"
  "   AND " SSV_SQL_SHOW_FOLLOWED ("s")
  " ORDER BY e.air_date";

/* Shows the library lacks, wished or followed from TMDB's page: their wishlist group keeps
 * the provider's list of episodes (step 15). A group counts when it waits for episodes to
 * come (a whole show or season wished) or its key is followed, unless that key is muted;
 * a group whose show the library holds is left to the library's rows. These lists carry
 * air dates, not times: their episodes are "Anytime" on their day. */
const char * const ssv_calendar_store_wished_sql =
  "SELECT ws.id, ws.source, ws.source_id, ws.title, c.season_number, c.episode_number, c.title,"
  "       c.overview, c.air_date, c.still_url, ws.poster_url, ws.backdrop_url, ws.overview"
  "  FROM wishlist_show_episodes c JOIN wishlist_shows ws ON ws.id = c.wishlist_show_id"
  " WHERE c.air_date >= ?1 AND c.air_date <= ?2"
  /* Whole show or a season: each probes its own partial index. */
  "   AND (EXISTS (SELECT 1 FROM wishlist_subscriptions sub WHERE sub.wishlist_show_id = ws.id"
  "                AND sub.season_number IS NULL)"
  "        OR EXISTS (SELECT 1 FROM wishlist_subscriptions sub WHERE sub.wishlist_show_id = ws.id"
  "                   AND sub.season_number IS NOT NULL)"
  "        OR EXISTS (SELECT 1 FROM watchlist wf WHERE wf.source = ws.source AND wf.source_id = ws.source_id"
  "                   AND wf.kind = 'show' AND +wf.muted = 0))"
  "   AND NOT EXISTS (SELECT 1 FROM watchlist wm WHERE wm.source = ws.source AND wm.source_id = ws.source_id"
  "                   AND wm.kind = 'show' AND +wm.muted = 1)"
  "   AND NOT EXISTS (SELECT 1 FROM shows s WHERE " SSV_SQL_SHOW_HAS_KEY ("s", "ws.source", "ws.source_id") ")"
  "   AND (ws.tvdb_id IS NULL OR NOT EXISTS (SELECT 1 FROM shows s WHERE s.tvdb_id = ws.tvdb_id))"
  " ORDER BY c.air_date";

static void
ssv_calendar_store_class_init (SsvCalendarStoreClass *klass)
{
}

static void
ssv_calendar_store_init (SsvCalendarStore *self)
{
}

SsvCalendarStore *
ssv_calendar_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_CALENDAR_STORE, "database", database, NULL);
}

/* Midnight of @moment's day, in its zone. */
GDateTime *
ssv_calendar_day_start (GDateTime *moment)
{
  return g_date_time_new (g_date_time_get_timezone (moment),
                          g_date_time_get_year (moment),
                          g_date_time_get_month (moment),
                          g_date_time_get_day_of_month (moment),
                          0, 0, 0);
}

/* An entry with what it sorts by, worked out once rather than in every comparison. */
typedef struct
{
  SsvCalendarEntry *entry;
  gint64            airs_us;
  char             *title_key;
} SortSlot;

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const SortSlot *sx = a;
  const SortSlot *sy = b;
  const SsvCalendarEntry *x = sx->entry;
  const SsvCalendarEntry *y = sy->entry;
  int cmp;

  /* Anytime episodes sit at local midnight, so they open their day. */
  if (sx->airs_us != sy->airs_us)
    return sx->airs_us < sy->airs_us ? -1 : 1;
  if (x->anytime != y->anytime)
    return x->anytime ? -1 : 1;
  if ((cmp = strcmp (sx->title_key, sy->title_key)) != 0)
    return cmp;
  if (x->season_number != y->season_number)
    return x->season_number < y->season_number ? -1 : 1;
  if (x->episode_number != y->episode_number)
    return x->episode_number < y->episode_number ? -1 : 1;
  return x->episode_id < y->episode_id ? -1 : x->episode_id > y->episode_id;
}

/* Sorts by air time, then show title as the person's locale orders it. A week of a
 * large library has hundreds of episodes at the same hour: collation keys are made
 * once per entry, not once per comparison. */
static void
sort_entries (GPtrArray *entries)
{
  g_autofree SortSlot *slots = NULL;

  if (entries->len < 2)
    return;

  slots = g_new (SortSlot, entries->len);
  for (guint i = 0; i < entries->len; i++)
    {
      SsvCalendarEntry *entry = g_ptr_array_index (entries, i);

      slots[i].entry = entry;
      slots[i].airs_us = g_date_time_to_unix (entry->airs) * G_USEC_PER_SEC +
                         g_date_time_get_microsecond (entry->airs);
      slots[i].title_key = g_utf8_collate_key (entry->show_title ? entry->show_title : "", -1);
    }

  qsort (slots, entries->len, sizeof (SortSlot), compare_slots);

  for (guint i = 0; i < entries->len; i++)
    {
      entries->pdata[i] = slots[i].entry;
      g_free (slots[i].title_key);
    }
}

static void
set_show_key (SsvCalendarEntry *entry,
              SsvStmt          *stmt)
{
  int column = sqlite3_column_type (stmt, 18) != SQLITE_NULL ? 18
             : sqlite3_column_type (stmt, 19) != SQLITE_NULL ? 19 : 1;

  entry->show_source = g_strdup (column == 18 ? "tmdb" : column == 19 ? "tvdb" : "library");
  entry->show_source_id = ssv_stmt_dup_text (stmt, column);
}

static void
zone_unref (gpointer zone)
{
  if (zone != NULL)
    g_time_zone_unref (zone);
}

/* The show's zone, read from disk once per list; %NULL for none or unknown. */
static GTimeZone *
lookup_zone (GHashTable *zones,
             const char *identifier)
{
  GTimeZone *zone;

  if (identifier == NULL || identifier[0] == '\0')
    return NULL;

  if (g_hash_table_lookup_extended (zones, identifier, NULL, (gpointer *) &zone))
    return zone;

  zone = g_time_zone_new_identifier (identifier);
  g_hash_table_insert (zones, g_strdup (identifier), zone);
  return zone;
}

/* Whether @airs is known and falls in [@from, @to). */
static gboolean
airs_within (GDateTime *airs,
             GDateTime *from,
             GDateTime *to)
{
  return airs != NULL && g_date_time_compare (airs, from) >= 0 && g_date_time_compare (airs, to) < 0;
}

/* An id for an episode that has no library row: negative, so it never names one, and
 * distinct per wishlist group, season and episode for the cards and notifications. */
static gint64
wished_episode_id (gint64 group_id,
                   int    season_number,
                   int    episode_number)
{
  return -((group_id << 32) | ((gint64) (season_number & 0xffff) << 16) | (episode_number & 0xffff));
}

/* Adds the episodes of wished shows the library lacks that air in [@from, @to) and are
 * not in @seen already (under the same key, the library's row wins). */
static gboolean
add_wished_shows (SsvDatabase  *db,
                  GPtrArray    *entries,
                  GHashTable   *seen,
                  GDateTime    *from,
                  GDateTime    *to,
                  const char   *from_day,
                  const char   *to_day,
                  GError      **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db, ssv_calendar_store_wished_sql, error);
  GTimeZone *zone = g_date_time_get_timezone (from);
  int rc;

  if (stmt == NULL)
    return FALSE;
  ssv_stmt_bind_text (stmt, 1, from_day);
  ssv_stmt_bind_text (stmt, 2, to_day);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(SsvCalendarEntry) entry = NULL;
      g_autoptr(GDateTime) airs = NULL;
      g_autofree char *key = NULL;
      gboolean anytime = FALSE;

      airs = ssv_air_time_resolve_in (ssv_stmt_column_text (stmt, 8), NULL, NULL, zone, &anytime);
      if (!airs_within (airs, from, to))
        continue;

      entry = ssv_calendar_entry_new ();
      entry->show_source = ssv_stmt_dup_text (stmt, 1);
      entry->show_source_id = ssv_stmt_dup_text (stmt, 2);
      entry->season_number = sqlite3_column_int (stmt, 4);
      entry->episode_number = sqlite3_column_int (stmt, 5);
      key = ssv_calendar_entry_dup_uid (entry);
      if (g_hash_table_contains (seen, key))
        continue;

      entry->show_id = -sqlite3_column_int64 (stmt, 0);
      entry->episode_id = wished_episode_id (sqlite3_column_int64 (stmt, 0), entry->season_number,
                                             entry->episode_number);
      entry->show_title = ssv_stmt_dup_text (stmt, 3);
      entry->title = ssv_stmt_dup_text (stmt, 6);
      entry->overview = ssv_stmt_dup_text (stmt, 7);
      entry->air_date = ssv_stmt_dup_text (stmt, 8);
      entry->airs = g_steal_pointer (&airs);
      entry->anytime = anytime;
      entry->still_url = ssv_stmt_dup_text (stmt, 9);
      entry->poster_url = ssv_stmt_dup_text (stmt, 10);
      entry->backdrop_url = ssv_stmt_dup_text (stmt, 11);
      entry->show_overview = ssv_stmt_dup_text (stmt, 12);

      g_hash_table_insert (seen, g_steal_pointer (&key), g_object_ref (entry));
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  return rc == SQLITE_DONE;
}

/**
 * ssv_calendar_store_list_between:
 * @from: the first moment, in the person's zone
 * @to: the moment after the last
 *
 * Episodes of followed shows that air in [@from, @to), placed and sorted in
 * @from's zone: the library's, and those of shows the library lacks that were
 * wished or followed from TMDB's page. An episode both of a person's servers
 * hold, or both the library and a wished show's list, is listed once.
 *
 * Returns: (transfer full) (element-type SsvCalendarEntry): the episodes, or %NULL
 */
GPtrArray *
ssv_calendar_store_list_between (SsvCalendarStore  *self,
                                 GDateTime         *from,
                                 GDateTime         *to,
                                 GError           **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  GTimeZone *zone = g_date_time_get_timezone (from);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GDateTime) first = g_date_time_add_days (from, -1);
  g_autoptr(GDateTime) last = g_date_time_add_days (to, 1);
  g_autofree char *first_day = ssv_air_time_format_day (first);
  g_autofree char *last_day = ssv_air_time_format_day (last);
  g_autofree char *from_day = ssv_air_time_format_day (from);
  g_autoptr(GDateTime) before_to = g_date_time_add (to, -1);
  g_autofree char *to_day = ssv_air_time_format_day (before_to);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       zone_unref);
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (SSV_IS_CALENDAR_STORE (self), NULL);

  stmt = ssv_database_prepare (db, ssv_calendar_store_sql, error);
  if (stmt == NULL)
    return NULL;

  ssv_stmt_bind_text (stmt, 1, first_day);
  ssv_stmt_bind_text (stmt, 2, last_day);
  ssv_stmt_bind_text (stmt, 3, from_day);
  ssv_stmt_bind_text (stmt, 4, to_day);

  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(SsvCalendarEntry) entry = NULL;
      g_autoptr(GDateTime) airs = NULL;
      g_autofree char *key = NULL;
      SsvCalendarEntry *twin;
      gboolean anytime = FALSE;

      airs = ssv_air_time_resolve_in (ssv_stmt_column_text (stmt, 7), ssv_stmt_column_text (stmt, 8),
                                      lookup_zone (zones, ssv_stmt_column_text (stmt, 9)), zone, &anytime);
      if (!airs_within (airs, from, to))
        continue;

      entry = ssv_calendar_entry_new ();
      set_show_key (entry, stmt);
      entry->season_number = sqlite3_column_int (stmt, 3);
      entry->episode_number = sqlite3_column_int (stmt, 4);

      /* The same episode from two servers: keep the first, owned if either has it. */
      key = ssv_calendar_entry_dup_uid (entry);
      twin = g_hash_table_lookup (seen, key);
      if (twin != NULL)
        {
          twin->owned |= sqlite3_column_int (stmt, 11) != 0;
          continue;
        }

      entry->episode_id = sqlite3_column_int64 (stmt, 0);
      entry->show_id = sqlite3_column_int64 (stmt, 1);
      entry->show_title = ssv_stmt_dup_text (stmt, 2);
      entry->title = ssv_stmt_dup_text (stmt, 5);
      entry->overview = ssv_stmt_dup_text (stmt, 6);
      entry->air_date = ssv_stmt_dup_text (stmt, 7);
      entry->airs = g_steal_pointer (&airs);
      entry->anytime = anytime;
      entry->runtime_minutes = sqlite3_column_int (stmt, 10);
      entry->owned = sqlite3_column_int (stmt, 11) != 0;
      entry->still_url = ssv_stmt_dup_text (stmt, 12);
      entry->poster_url = ssv_stmt_dup_text (stmt, 13);
      entry->backdrop_url = ssv_stmt_dup_text (stmt, 14);
      if (sqlite3_column_type (stmt, 15) != SQLITE_NULL)
        entry->genres = g_strsplit (ssv_stmt_column_text (stmt, 15), "\x1f", -1);
      entry->show_overview = ssv_stmt_dup_text (stmt, 16);
      entry->network = ssv_stmt_dup_text (stmt, 17);

      g_hash_table_insert (seen, g_steal_pointer (&key), g_object_ref (entry));
      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  if (rc != SQLITE_DONE)
    return NULL;

  if (!add_wished_shows (db, entries, seen, from, to, from_day, to_day, error))
    return NULL;

  sort_entries (entries);
  return g_steal_pointer (&entries);
}

/**
 * ssv_calendar_store_list_days:
 * @first_day: any moment of the first day, in the person's zone
 * @n_days: how many days (7 for a week)
 *
 * Returns: (transfer full) (element-type SsvCalendarEntry): the episodes, or %NULL
 */
GPtrArray *
ssv_calendar_store_list_days (SsvCalendarStore  *self,
                              GDateTime         *first_day,
                              guint              n_days,
                              GError           **error)
{
  g_autoptr(GDateTime) from = ssv_calendar_day_start (first_day);
  g_autoptr(GDateTime) to = g_date_time_add_days (from, (int) n_days);

  return ssv_calendar_store_list_between (self, from, to, error);
}

typedef struct
{
  GDateTime *first_day;
  guint      n_days;
} DaysRequest;

static void
days_request_free (gpointer data)
{
  DaysRequest *request = data;

  g_date_time_unref (request->first_day);
  g_free (request);
}

static gpointer
list_days_func (SsvStore      *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  DaysRequest *request = data;

  return ssv_calendar_store_list_days (SSV_CALENDAR_STORE (store), request->first_day,
                                       request->n_days, error);
}

void
ssv_calendar_store_list_days_async (SsvCalendarStore    *self,
                                    GDateTime           *first_day,
                                    guint                n_days,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  DaysRequest *request = g_new0 (DaysRequest, 1);

  request->first_day = g_date_time_ref (first_day);
  request->n_days = n_days;
  ssv_store_run_async (SSV_STORE (self), ssv_calendar_store_list_days_async,
                       list_days_func, request, days_request_free,
                       (GDestroyNotify) g_ptr_array_unref,
                       cancellable, callback, user_data);
}

/* Returns: (transfer full) (element-type SsvCalendarEntry) */
GPtrArray *
ssv_calendar_store_list_days_finish (SsvCalendarStore  *self,
                                     GAsyncResult      *result,
                                     GError           **error)
{
  return ssv_store_run_finish (SSV_STORE (self), result, error);
}

/**
 * ssv_calendar_store_list_with_uploads:
 * @from: the first moment, in the person's zone
 * @to: the moment after the last
 * @entries: (out) (transfer full) (element-type SsvCalendarEntry): the episodes, as
 *   ssv_calendar_store_list_between() lists them
 * @uploads: (out) (transfer full) (element-type SsvVideo): the followed channels' uploads
 *   of [@from, @to), oldest first: the calendar's lane (no Shorts, no premieres to come)
 *
 * Everything the calendar shows in a span, read on this thread's connection: what
 * the export, the command line and its listings are made of. On error neither is set.
 */
gboolean
ssv_calendar_store_list_with_uploads (SsvCalendarStore  *self,
                                      GDateTime         *from,
                                      GDateTime         *to,
                                      GPtrArray        **entries,
                                      GPtrArray        **uploads,
                                      GError           **error)
{
  g_autoptr(GPtrArray) episodes = NULL;
  g_autoptr(GPtrArray) videos = NULL;
  g_autoptr(SsvChannelStore) channels = NULL;

  g_return_val_if_fail (SSV_IS_CALENDAR_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL && uploads != NULL, FALSE);

  episodes = ssv_calendar_store_list_between (self, from, to, error);
  if (episodes == NULL)
    return FALSE;

  channels = ssv_channel_store_new (ssv_store_get_database (SSV_STORE (self)));
  videos = ssv_channel_store_list_uploads_between (channels, g_date_time_to_unix (from), g_date_time_to_unix (to),
                                                   error);
  if (videos == NULL)
    return FALSE;

  *entries = g_steal_pointer (&episodes);
  *uploads = g_steal_pointer (&videos);
  return TRUE;
}

/**
 * ssv_calendar_store_dup_ics:
 * @from: the first moment, in the person's zone
 * @to: the moment after the last
 * @stamp: when the file is made (its DTSTAMP)
 * @n_events: (out) (optional): how many events it holds: episodes and uploads
 *
 * The episodes of [@from, @to) and the followed channels' uploads (the
 * calendar's lane) as RFC 5545 text GNOME Calendar can import.
 *
 * Returns: (transfer full): the iCalendar text, or %NULL
 */
char *
ssv_calendar_store_dup_ics (SsvCalendarStore  *self,
                            GDateTime         *from,
                            GDateTime         *to,
                            GDateTime         *stamp,
                            guint             *n_events,
                            GError           **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) uploads = NULL;

  if (!ssv_calendar_store_list_with_uploads (self, from, to, &entries, &uploads, error))
    return NULL;

  if (n_events != NULL)
    *n_events = entries->len + uploads->len;
  return ssv_ical_build_with_uploads (entries, uploads, stamp);
}

/**
 * ssv_calendar_store_write_ics:
 * @from: the first moment, in the person's zone
 * @to: the moment after the last
 * @file: where the iCalendar file goes; replaced whole, or left as it was
 * @n_entries: (out) (optional): how many events it holds: episodes and uploads
 *
 * Writes ssv_calendar_store_dup_ics() to @file. For worker threads and the
 * command line; the UI uses the _async variant.
 */
gboolean
ssv_calendar_store_write_ics (SsvCalendarStore  *self,
                              GDateTime         *from,
                              GDateTime         *to,
                              GFile             *file,
                              guint             *n_entries,
                              GCancellable      *cancellable,
                              GError           **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  guint n_events = 0;

  g_return_val_if_fail (SSV_IS_CALENDAR_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  text = ssv_calendar_store_dup_ics (self, from, to, now, &n_events, error);
  if (text == NULL)
    return FALSE;

  if (!g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, cancellable, &local_error))
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Translators: the first %s is a file, the second why it failed */
      g_set_error (error, local_error->domain, local_error->code,
                   _("The calendar could not be written to %s: %s. Choose another folder and try again."),
                   name, local_error->message);
      return FALSE;
    }

  if (n_entries != NULL)
    *n_entries = n_events;
  return TRUE;
}

typedef struct
{
  GDateTime *from;
  GDateTime *to;
  GFile     *file;
} IcsRequest;

static void
ics_request_free (gpointer data)
{
  IcsRequest *request = data;

  g_date_time_unref (request->from);
  g_date_time_unref (request->to);
  g_object_unref (request->file);
  g_free (request);
}

static gpointer
write_ics_func (SsvStore      *store,
                gpointer       data,
                GCancellable  *cancellable,
                GError       **error)
{
  IcsRequest *request = data;
  guint n_entries = 0;

  if (!ssv_calendar_store_write_ics (SSV_CALENDAR_STORE (store), request->from, request->to,
                                     request->file, &n_entries, cancellable, error))
    return NULL;

  /* Non-NULL also for an empty calendar. */
  return GUINT_TO_POINTER (n_entries + 1);
}

void
ssv_calendar_store_write_ics_async (SsvCalendarStore    *self,
                                    GDateTime           *from,
                                    GDateTime           *to,
                                    GFile               *file,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  IcsRequest *request = g_new0 (IcsRequest, 1);

  request->from = g_date_time_ref (from);
  request->to = g_date_time_ref (to);
  request->file = g_object_ref (file);
  ssv_store_run_async (SSV_STORE (self), ssv_calendar_store_write_ics_async,
                       write_ics_func, request, ics_request_free, NULL,
                       cancellable, callback, user_data);
}

gboolean
ssv_calendar_store_write_ics_finish (SsvCalendarStore  *self,
                                     GAsyncResult      *result,
                                     guint             *n_entries,
                                     GError           **error)
{
  gpointer value = ssv_store_run_finish (SSV_STORE (self), result, error);

  if (value == NULL)
    return FALSE;

  if (n_entries != NULL)
    *n_entries = GPOINTER_TO_UINT (value) - 1;
  return TRUE;
}
