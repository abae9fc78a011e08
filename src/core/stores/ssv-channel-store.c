/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-channel-store.c: YouTube channels and their videos. Following a channel is
 * a watchlist row and wishing a video a wishlist row (source 'youtube'); here
 * lives what was read about them. Two rules: an exact date always beats an
 * approximate one, and a refresh that lacks a field never blanks it. */

#include "config.h"

#include <time.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "ssv-utils.h"
#include "stores/ssv-channel-store-private.h"
#include "model/ssv-youtube-model-private.h"

/* New uploads older than this are not news any more. */
#define NEW_UPLOAD_MAX_AGE_S    (7 * 24 * 3600)
#define SWEEP_S                 (6 * 3600)
#define SWEEP_MISSING_DATES_S   3600
#define RETRY_AFTER_FAILURE_S   1800

struct _SsvChannelStore
{
  SsvStore parent_instance;
};

G_DEFINE_FINAL_TYPE (SsvChannelStore, ssv_channel_store, SSV_TYPE_STORE)

/* A followed channel is a watchlist row; @w names it. */
#define FOLLOWS(w, c) \
  w ".kind = 'channel' AND " w ".source = 'youtube' AND " w ".source_id = " c ".channel_id AND " w ".muted = 0"

/* Dated videos newest first, then the undated in the channel's own order: SQLite puts
 * NULL last going down, so "published DESC" alone says it, and the yt_videos_channel
 * index then gives the order, sorting only videos of one date by rank: the first
 * screenful is read without sorting (or checking the wishlist for) the whole catalog.
 * ("kind <> 'episode'" lets the wished check use the partial wishlist_title index.) */
const char * const ssv_channel_store_videos_sql =
  "SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS
  "  FROM yt_videos v JOIN yt_channels c ON c.id = v.channel_row"
  " WHERE v.channel_row = ?1 AND (?2 < 0 OR v.is_short = ?2)"
  " ORDER BY v.published DESC, v.catalog_rank, v.id";

/* The same, the first ?3 only. */
static const char newest_videos_sql[] =
  "SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS
  "  FROM yt_videos v JOIN yt_channels c ON c.id = v.channel_row"
  " WHERE v.channel_row = ?1 AND (?2 < 0 OR v.is_short = ?2)"
  " ORDER BY v.published DESC, v.catalog_rank, v.id LIMIT ?3";

#define CHANNEL_COLUMNS(w) \
  "c.id, coalesce (c.channel_id, " w ".source_id), c.handle, coalesce (c.title, " w ".title), c.description," \
  " coalesce (c.avatar_url, " w ".image_url), c.banner_url, c.subscribers, c.video_count, " w ".id IS NOT NULL," \
  " " w ".added_at, c.wish_new_uploads, c.refreshed_at, c.enriched_by, c.complete, c.error_kind, c.last_error," \
  " (SELECT count (*) FROM yt_videos v WHERE v.channel_row = c.id)," \
  " (SELECT count (*) FROM yt_videos v WHERE v.channel_row = c.id AND v.is_short = 0 AND v.upcoming = 0" \
  "    AND " w ".id IS NOT NULL AND v.published > max (" w ".added_at, coalesce (c.opened_at, 0)))"

/* Followed channels by title: the watchlist's Channels tab. */
const char * const ssv_channel_store_followed_sql =
  "SELECT " CHANNEL_COLUMNS ("w")
  "  FROM watchlist w INDEXED BY watchlist_kind"
  "  LEFT JOIN yt_channels c ON c.channel_id = w.source_id"
  " WHERE w.kind = 'channel' AND w.muted = 0 AND w.source = 'youtube'"
  " ORDER BY coalesce (c.title, w.title) COLLATE NOCASE";

/* Uploads of followed channels in [?1, ?2), premieres still to come left out: the
 * calendar's lane under the episodes. */
const char * const ssv_channel_store_uploads_sql =
  "SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS
  "  FROM watchlist w INDEXED BY watchlist_kind"
  "  JOIN yt_channels c ON c.channel_id = w.source_id"
  "  JOIN yt_videos v ON v.channel_row = c.id AND v.published >= ?1 AND v.published < ?2"
  " WHERE w.kind = 'channel' AND w.muted = 0 AND w.source = 'youtube' AND v.is_short = 0 AND v.upcoming = 0"
  " ORDER BY v.published, v.id";

static const char * const all_channels_sql =
  "SELECT " CHANNEL_COLUMNS ("w")
  "  FROM yt_channels c LEFT JOIN watchlist w ON " FOLLOWS ("w", "c")
  " ORDER BY c.title COLLATE NOCASE";

static void
ssv_channel_store_class_init (SsvChannelStoreClass *klass)
{
}

static void
ssv_channel_store_init (SsvChannelStore *self)
{
}

SsvChannelStore *
ssv_channel_store_new (SsvDatabase *database)
{
  return g_object_new (SSV_TYPE_CHANNEL_STORE, "database", database, NULL);
}

static SsvDatabase *
db_of (SsvChannelStore *self)
{
  return ssv_store_get_database (SSV_STORE (self));
}

static void
bind_count (SsvStmt *stmt,
            int      index,
            gint64   value)
{
  ssv_stmt_bind_int64_or_null (stmt, index, value, value >= 0);
}

/* The channel's row, made when missing. Inside the caller's transaction. */
static gint64
ensure_channel (SsvDatabase  *db,
                const char   *channel_id,
                GError      **error)
{
  g_autoptr(SsvStmt) insert = NULL;
  g_autoptr(SsvStmt) select = NULL;

  if (!ssv_yt_is_channel_id (channel_id))
    {
      g_set_error (error, SSV_ERROR, SSV_ERROR_INVALID, _("“%s” is not a YouTube channel id."),
                   channel_id ? channel_id : "");
      return -1;
    }

  insert = ssv_database_prepare (db, "INSERT INTO yt_channels (channel_id) VALUES (?1)"
                                     " ON CONFLICT (channel_id) DO NOTHING", error);
  if (insert == NULL)
    return -1;
  sqlite3_bind_text (insert, 1, channel_id, -1, SQLITE_TRANSIENT);
  if (!ssv_stmt_step_done (insert, error))
    return -1;

  select = ssv_database_prepare (db, "SELECT id FROM yt_channels WHERE channel_id = ?1", error);
  if (select == NULL)
    return -1;
  sqlite3_bind_text (select, 1, channel_id, -1, SQLITE_TRANSIENT);
  if (!ssv_stmt_step_row (select, _("The channel could not be saved."), error))
    return -1;

  return sqlite3_column_int64 (select, 0);
}

/* Runs @func in one transaction; rolls back when it fails. */
gboolean
ssv_channel_store_in_transaction (SsvChannelStore  *self,
                                  gboolean        (*func) (SsvDatabase *db, gconstpointer data, GError **error),
                                  gconstpointer     data,
                                  const char       *changed,
                                  GError          **error)
{
  SsvDatabase *db = db_of (self);

  if (!ssv_database_begin (db, error))
    return FALSE;

  if (!func (db, data, error) || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  if (changed != NULL)
    ssv_store_emit_changed (SSV_STORE (self), changed);
  return TRUE;
}

typedef struct
{
  const char *channel_id;
  gint64      row;
} Ensure;

static gboolean
ensure_func (SsvDatabase    *db,
             gconstpointer   data,
             GError        **error)
{
  Ensure *ensure = (Ensure *) data;

  ensure->row = ensure_channel (db, ensure->channel_id, error);
  return ensure->row > 0;
}

/* The channel's row (made when missing, e.g. followed from another page). */
gint64
ssv_channel_store_ensure_channel (SsvChannelStore  *self,
                                  const char       *channel_id,
                                  GError          **error)
{
  Ensure ensure = { channel_id, -1 };

  if (!ssv_channel_store_in_transaction (self, ensure_func, &ensure, NULL, error))
    return -1;

  return ensure.row;
}

/* ---- channel meta ------------------------------------------------------------- */

static gboolean
save_meta_func (SsvDatabase    *db,
                gconstpointer   data,
                GError        **error)
{
  const SsvYtChannelMeta *meta = data;
  g_autoptr(SsvStmt) stmt = NULL;

  if (ensure_channel (db, meta->channel_id, error) < 0)
    return FALSE;

  /* What this answer lacks keeps its earlier value. */
  stmt = ssv_database_prepare (db,
    "UPDATE yt_channels SET"
    "  handle = coalesce (?2, handle), title = coalesce (?3, title),"
    "  description = coalesce (?4, description), avatar_url = coalesce (?5, avatar_url),"
    "  banner_url = coalesce (?6, banner_url), subscribers = coalesce (?7, subscribers),"
    "  video_count = coalesce (?8, video_count)"
    " WHERE channel_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, meta->channel_id, -1, SQLITE_TRANSIENT);
  ssv_stmt_bind_text (stmt, 2, meta->handle);
  ssv_stmt_bind_text (stmt, 3, meta->title);
  ssv_stmt_bind_text (stmt, 4, meta->description);
  ssv_stmt_bind_text (stmt, 5, meta->avatar_url);
  ssv_stmt_bind_text (stmt, 6, meta->banner_url);
  bind_count (stmt, 7, meta->subscribers);
  bind_count (stmt, 8, meta->video_count);
  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_channel_store_save_meta:
 *
 * Saves a channel's header, making its row when missing. A field @meta lacks
 * (NULL, -1) keeps what was saved before: cached meta never loses a field.
 */
gboolean
ssv_channel_store_save_meta (SsvChannelStore         *self,
                             const SsvYtChannelMeta  *meta,
                             GError                 **error)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), FALSE);

  return ssv_channel_store_in_transaction (self, save_meta_func, meta, "channel", error);
}

/* ---- videos ------------------------------------------------------------------- */

typedef struct
{
  const char *channel_id;
  GPtrArray  *videos;
  gboolean    knows_upcoming;
  int         first_rank;
} SaveVideos;

/* An exact date always beats an approximate one; of two approximate ones, the
 * one read in the finer unit ("3 days ago" over "1 week ago") wins; a missing
 * date never blanks one. ?7 published (NULL = unknown), ?8 exact, ?9 unit. */
static const char * const upsert_video_sql =
  "INSERT INTO yt_videos (video_id, channel_row, title, thumbnail_url, duration_s, views,"
  "                       published, date_exact, date_unit, is_short, upcoming, catalog_rank)"
  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, coalesce (?8, 0), ?9, ?10, coalesce (?11, 0), ?12)"
  " ON CONFLICT (video_id) DO UPDATE SET"
  "   channel_row = excluded.channel_row,"
  "   title = coalesce (excluded.title, title),"
  "   thumbnail_url = coalesce (excluded.thumbnail_url, thumbnail_url),"
  "   duration_s = coalesce (excluded.duration_s, duration_s),"
  "   views = coalesce (excluded.views, views),"
  "   published = CASE WHEN ?7 IS NULL THEN published"
  "                    WHEN ?8 = 1 THEN ?7"
  "                    WHEN date_exact = 1 THEN published"
  "                    WHEN published IS NULL OR ?9 < coalesce (date_unit, 9223372036854775807) THEN ?7"
  "                    ELSE published END,"
  "   date_unit = CASE WHEN ?7 IS NULL THEN date_unit"
  "                    WHEN ?8 = 1 THEN NULL"
  "                    WHEN date_exact = 1 THEN date_unit"
  "                    WHEN published IS NULL OR ?9 < coalesce (date_unit, 9223372036854775807) THEN ?9"
  "                    ELSE date_unit END,"
  "   date_exact = CASE WHEN ?7 IS NOT NULL AND ?8 = 1 THEN 1 ELSE date_exact END,"
  "   is_short = max (is_short, excluded.is_short),"
  "   upcoming = CASE WHEN ?11 IS NULL THEN upcoming ELSE ?11 END,"
  "   catalog_rank = coalesce (?12, catalog_rank)";

static gboolean
save_videos_func (SsvDatabase    *db,
                  gconstpointer   data,
                  GError        **error)
{
  const SaveVideos *save = data;
  g_autoptr(SsvStmt) stmt = NULL;
  gint64 channel_row = ensure_channel (db, save->channel_id, error);

  if (channel_row < 0)
    return FALSE;

  for (guint i = 0; i < save->videos->len; i++)
    {
      const SsvYtVideo *video = g_ptr_array_index (save->videos, i);
      gboolean dated = video->published != 0;

      if (!ssv_yt_is_video_id (video->video_id))
        continue;

      stmt = ssv_database_prepare (db, upsert_video_sql, error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, video->video_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, channel_row);
      ssv_stmt_bind_text (stmt, 3, video->title);
      ssv_stmt_bind_text (stmt, 4, video->thumbnail_url);
      bind_count (stmt, 5, video->duration_s);
      bind_count (stmt, 6, video->views);
      ssv_stmt_bind_int64_or_null (stmt, 7, video->published, dated);
      ssv_stmt_bind_int64_or_null (stmt, 8, video->date_exact ? 1 : 0, dated);
      ssv_stmt_bind_int64_or_null (stmt, 9, video->date_unit, dated && !video->date_exact);
      sqlite3_bind_int (stmt, 10, video->is_short ? 1 : 0);
      ssv_stmt_bind_int64_or_null (stmt, 11, video->upcoming ? 1 : 0, save->knows_upcoming);
      ssv_stmt_bind_int64_or_null (stmt, 12, save->first_rank + (gint64) i, save->first_rank >= 0);

      if (!ssv_stmt_step_done (stmt, error))
        return FALSE;
      g_clear_pointer (&stmt, ssv_stmt_release);
    }

  return TRUE;
}

/**
 * ssv_channel_store_save_videos:
 * @videos: (element-type SsvYtVideo): what one answer said
 * @knows_upcoming: whether the answer says which videos have not started
 *   (a catalog does, an RSS feed does not)
 * @first_rank: the first video's place in the channel's list, or -1 when the
 *   answer is not in the channel's order
 *
 * Saves videos of a channel in one transaction. An exact date always beats an
 * approximate one, and nothing an answer lacks blanks what was saved.
 */
gboolean
ssv_channel_store_save_videos (SsvChannelStore  *self,
                               const char       *channel_id,
                               GPtrArray        *videos,
                               gboolean          knows_upcoming,
                               int               first_rank,
                               GError          **error)
{
  SaveVideos save = { channel_id, videos, knows_upcoming, first_rank };

  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), FALSE);

  return ssv_channel_store_in_transaction (self, save_videos_func, &save, "video", error);
}

typedef struct
{
  const char              *channel_id;
  const SsvChannelRefresh *refresh;
  gint64                   now;
} RecordRefresh;

static gboolean
record_refresh_func (SsvDatabase    *db,
                     gconstpointer   data,
                     GError        **error)
{
  const RecordRefresh *record = data;
  const SsvChannelRefresh *refresh = record->refresh;
  g_autoptr(SsvStmt) stmt = NULL;
  gboolean read_something = refresh->enriched_by != NULL;

  if (ensure_channel (db, record->channel_id, error) < 0)
    return FALSE;

  /* A partial read is tried once more soon (reenriched 0 → due), then waits
   * for the sweep. A failure keeps what the last good read said. */
  stmt = ssv_database_prepare (db,
    "UPDATE yt_channels SET"
    "  attempted_at = ?2, error_kind = ?3, last_error = ?4,"
    "  enriched_by = CASE WHEN ?5 IS NULL THEN enriched_by ELSE ?5 END,"
    "  complete = CASE WHEN ?5 IS NULL THEN complete ELSE ?6 END,"
    "  reenriched = CASE WHEN ?5 IS NULL THEN reenriched"
    "                    WHEN ?6 = 1 THEN 0"
    "                    WHEN refreshed_at IS NOT NULL AND complete = 0 THEN 1"
    "                    ELSE reenriched END,"
    "  refreshed_at = CASE WHEN ?5 IS NULL THEN refreshed_at ELSE ?2 END"
    " WHERE channel_id = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, record->channel_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, record->now);
  ssv_stmt_bind_text (stmt, 3, refresh->error_kind);
  ssv_stmt_bind_text (stmt, 4, refresh->error);
  ssv_stmt_bind_text (stmt, 5, read_something ? refresh->enriched_by : NULL);
  sqlite3_bind_int (stmt, 6, refresh->complete ? 1 : 0);
  return ssv_stmt_step_done (stmt, error);
}

/**
 * ssv_channel_store_record_refresh:
 *
 * Remembers how a refresh went: how the channel was read (and whether all of
 * it), or why it could not be. A failed refresh changes no data.
 */
gboolean
ssv_channel_store_record_refresh (SsvChannelStore          *self,
                                  const char               *channel_id,
                                  const SsvChannelRefresh  *refresh,
                                  gint64                    now,
                                  GError                  **error)
{
  RecordRefresh record = { channel_id, refresh, now };

  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), FALSE);

  return ssv_channel_store_in_transaction (self, record_refresh_func, &record, "channel", error);
}

typedef struct
{
  const char *channel_id;
  gint64      value;
  const char *sql;
} SetColumn;

static gboolean
set_column_func (SsvDatabase    *db,
                 gconstpointer   data,
                 GError        **error)
{
  const SetColumn *set = data;
  g_autoptr(SsvStmt) stmt = NULL;
  gint64 row = ensure_channel (db, set->channel_id, error);

  if (row < 0)
    return FALSE;

  stmt = ssv_database_prepare (db, set->sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_int64 (stmt, 2, set->value);
  return ssv_stmt_step_done (stmt, error);
}

/* Everything saved so far is the channel's past, not news: called when it is followed. */
gboolean
ssv_channel_store_mark_all_announced (SsvChannelStore  *self,
                                      const char       *channel_id,
                                      gint64            now,
                                      GError          **error)
{
  SetColumn set = { channel_id, now,
                    "UPDATE yt_videos SET announced_at = ?2 WHERE channel_row = ?1 AND announced_at IS NULL" };

  return ssv_channel_store_in_transaction (self, set_column_func, &set, NULL, error);
}

/* Whether new uploads of the channel join the wishlist by themselves. */
gboolean
ssv_channel_store_set_wish_new_uploads (SsvChannelStore  *self,
                                        const char       *channel_id,
                                        gboolean          wish,
                                        GError          **error)
{
  SetColumn set = { channel_id, wish ? 1 : 0, "UPDATE yt_channels SET wish_new_uploads = ?2 WHERE id = ?1" };

  return ssv_channel_store_in_transaction (self, set_column_func, &set, "channel", error);
}

/* The person looked at the channel: its uploads so far are seen. */
gboolean
ssv_channel_store_mark_opened (SsvChannelStore  *self,
                               const char       *channel_id,
                               gint64            now,
                               GError          **error)
{
  SetColumn set = { channel_id, now, "UPDATE yt_channels SET opened_at = ?2 WHERE id = ?1" };

  return ssv_channel_store_in_transaction (self, set_column_func, &set, "channel", error);
}

/* ---- reading ------------------------------------------------------------------ */

static gint64
column_count (SsvStmt *stmt,
              int      column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? -1 : sqlite3_column_int64 (stmt, column);
}

static gpointer
read_channel (SsvStmt *stmt)
{
  SsvChannel *channel = ssv_channel_new ();

  channel->id = sqlite3_column_int64 (stmt, 0);
  channel->channel_id = ssv_stmt_dup_text (stmt, 1);
  channel->handle = ssv_stmt_dup_text (stmt, 2);
  channel->title = ssv_stmt_dup_text (stmt, 3);
  channel->description = ssv_stmt_dup_text (stmt, 4);
  channel->avatar_url = ssv_stmt_dup_text (stmt, 5);
  channel->banner_url = ssv_stmt_dup_text (stmt, 6);
  channel->subscribers = column_count (stmt, 7);
  channel->video_count = column_count (stmt, 8);
  channel->followed = sqlite3_column_int (stmt, 9) != 0;
  channel->followed_at = channel->followed ? sqlite3_column_int64 (stmt, 10) : 0;
  channel->wish_new_uploads = sqlite3_column_int (stmt, 11) != 0;
  channel->refreshed_at = sqlite3_column_int64 (stmt, 12);
  channel->enriched_by = ssv_stmt_dup_text (stmt, 13);
  channel->complete = sqlite3_column_int (stmt, 14) != 0;
  channel->error_kind = ssv_stmt_dup_text (stmt, 15);
  channel->last_error = ssv_stmt_dup_text (stmt, 16);
  channel->cached_videos = sqlite3_column_int (stmt, 17);
  channel->new_count = sqlite3_column_int (stmt, 18);
  return channel;
}

/* The year of @published in the local zone, 0 when unknown. Not through GDateTime: with TZ
 * unset, GLib 2.74 reads the zone file again for every local GDateTime, a tenth of a
 * millisecond each, which made reading a channel of 5,000 videos take most of a second. */
static int
local_year (gint64 published)
{
  time_t when = (time_t) published;
  struct tm local;

  if (published == 0 || (gint64) when != published || localtime_r (&when, &local) == NULL)
    return 0;
  return local.tm_year + 1900;
}

static gpointer
read_video (SsvStmt *stmt)
{
  return ssv_channel_store_read_video (stmt);
}

/* One row whose first columns are SSV_CHANNEL_STORE_VIDEO_COLUMNS, as an SsvVideo. */
SsvVideo *
ssv_channel_store_read_video (SsvStmt *stmt)
{
  SsvVideo *video = ssv_video_new ();

  video->id = sqlite3_column_int64 (stmt, 0);
  video->video_id = ssv_stmt_dup_text (stmt, 1);
  video->channel_id = ssv_stmt_dup_text (stmt, 2);
  video->channel_title = ssv_stmt_dup_text (stmt, 3);
  video->title = ssv_stmt_dup_text (stmt, 4);
  video->dearrow_title = ssv_stmt_dup_text (stmt, 5);
  video->thumbnail_url = ssv_stmt_dup_text (stmt, 6);
  video->duration_s = column_count (stmt, 7);
  video->views = column_count (stmt, 8);
  video->published = sqlite3_column_type (stmt, 9) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 9);
  video->date_exact = sqlite3_column_int (stmt, 10) != 0;
  video->year = local_year (video->published);
  video->is_short = sqlite3_column_int (stmt, 11) != 0;
  video->upcoming = sqlite3_column_int (stmt, 12) != 0;
  video->likes = column_count (stmt, 13);
  video->dislikes = column_count (stmt, 14);
  video->downloaded_path = ssv_stmt_dup_text (stmt, 15);
  video->wished = sqlite3_column_int (stmt, 16) != 0;
  return video;
}

/* One row of @sql, whose ?1 is @text or, when that is NULL, @row. */
static gpointer
get_one (SsvChannelStore  *self,
         const char       *sql,
         const char       *text,
         gint64            row,
         SsvRowReader      reader,
         const char       *gone,
         GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db_of (self), sql, error);

  if (stmt == NULL)
    return NULL;

  if (text != NULL)
    ssv_stmt_bind_text (stmt, 1, text);
  else
    sqlite3_bind_int64 (stmt, 1, row);
  if (!ssv_stmt_step_row (stmt, gone, error))
    return NULL;

  return reader (stmt);
}

#define CHANNEL_SQL(where) \
  "SELECT " CHANNEL_COLUMNS ("w") \
  "  FROM yt_channels c LEFT JOIN watchlist w ON " FOLLOWS ("w", "c") " WHERE " where

/**
 * ssv_channel_store_get_channel:
 *
 * The saved channel, followed or not; %SSV_ERROR_NOT_FOUND when it was never
 * read. No network: this is what a channel page shows at once.
 */
SsvChannel *
ssv_channel_store_get_channel (SsvChannelStore  *self,
                               const char       *channel_id,
                               GError          **error)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), NULL);

  return get_one (self, CHANNEL_SQL ("c.channel_id = ?1"), channel_id ? channel_id : "", 0, read_channel,
                  _("This channel has not been read yet."), error);
}

/* The same, by its row (a worker's item). */
SsvChannel *
ssv_channel_store_get_channel_by_row (SsvChannelStore  *self,
                                      gint64            row,
                                      GError          **error)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), NULL);

  return get_one (self, CHANNEL_SQL ("c.id = ?1"), NULL, row, read_channel,
                  _("The channel is no longer saved."), error);
}

/* The saved channel a handle ("@name") belongs to, or NULL (no error) when none is. */
char *
ssv_channel_store_find_channel_id (SsvChannelStore  *self,
                                   const char       *handle,
                                   GError          **error)
{
  g_autoptr(SsvStmt) stmt = NULL;
  int rc;

  stmt = ssv_database_prepare (db_of (self),
                               "SELECT channel_id FROM yt_channels WHERE handle = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;

  ssv_stmt_bind_text (stmt, 1, handle);
  rc = ssv_stmt_step (stmt, error);
  return rc == SQLITE_ROW ? ssv_stmt_dup_text (stmt, 0) : NULL;
}

static GPtrArray *
collect (SsvStmt       *stmt,
         SsvRowReader   reader,
         GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (!ssv_stmt_collect_rows (stmt, reader, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

/* Every row of @stmt (its columns SSV_CHANNEL_STORE_SSV_CHANNEL_STORE_VIDEO_COLUMNS) as an SsvVideo. */
GPtrArray *
ssv_channel_store_collect_videos (SsvStmt  *stmt,
                                  GError  **error)
{
  return collect (stmt, read_video, error);
}

/**
 * ssv_channel_store_list_channels:
 * @followed_only: the watchlist's channels (by title), or every saved one
 *
 * Returns: (transfer full) (element-type SsvChannel): the channels, or %NULL
 */
GPtrArray *
ssv_channel_store_list_channels (SsvChannelStore  *self,
                                 gboolean          followed_only,
                                 GError          **error)
{
  g_autoptr(SsvStmt) stmt = NULL;

  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), NULL);

  stmt = ssv_database_prepare (db_of (self), followed_only ? ssv_channel_store_followed_sql : all_channels_sql,
                               error);
  if (stmt == NULL)
    return NULL;

  return collect (stmt, read_channel, error);
}

static GPtrArray *
list_videos (SsvChannelStore  *self,
             const char       *channel_id,
             SsvVideoFilter    filter,
             int               limit,
             GError          **error)
{
  SsvDatabase *db = db_of (self);
  g_autoptr(SsvStmt) stmt = NULL;
  gint64 row;

  {
    g_autoptr(SsvStmt) find = ssv_database_prepare (db, "SELECT id FROM yt_channels WHERE channel_id = ?1", error);
    int rc;

    if (find == NULL)
      return NULL;
    ssv_stmt_bind_text (find, 1, channel_id);
    rc = ssv_stmt_step (find, error);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
      return NULL;
    row = rc == SQLITE_ROW ? sqlite3_column_int64 (find, 0) : 0;
  }

  stmt = ssv_database_prepare (db, limit < 0 ? ssv_channel_store_videos_sql : newest_videos_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, row);
  sqlite3_bind_int (stmt, 2, filter == SSV_VIDEOS_ALL ? -1 : filter == SSV_VIDEOS_SHORTS ? 1 : 0);
  if (limit >= 0)
    sqlite3_bind_int (stmt, 3, limit);
  return collect (stmt, read_video, error);
}

/**
 * ssv_channel_store_list_videos:
 *
 * Every saved video of a channel: dated ones newest first, then the undated.
 * An unknown channel has none.
 *
 * Returns: (transfer full) (element-type SsvVideo): the videos, or %NULL
 */
GPtrArray *
ssv_channel_store_list_videos (SsvChannelStore  *self,
                               const char       *channel_id,
                               SsvVideoFilter    filter,
                               GError          **error)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), NULL);

  return list_videos (self, channel_id, filter, -1, error);
}

/**
 * ssv_channel_store_list_newest_videos:
 * @limit: how many at most
 *
 * The first @limit videos of ssv_channel_store_list_videos(), in its order:
 * what a channel page shows first, before the rest are read.
 *
 * Returns: (transfer full) (element-type SsvVideo): the videos, or %NULL
 */
GPtrArray *
ssv_channel_store_list_newest_videos (SsvChannelStore  *self,
                                      const char       *channel_id,
                                      guint             limit,
                                      GError          **error)
{
  g_return_val_if_fail (SSV_IS_CHANNEL_STORE (self), NULL);

  return list_videos (self, channel_id, SSV_VIDEOS_ALL, (int) MIN (limit, (guint) G_MAXINT), error);
}

/**
 * ssv_channel_store_list_uploads_between:
 *
 * Uploads (not Shorts) of followed channels from @from up to @to, oldest
 * first; premieres still to come are left out.
 *
 * Returns: (transfer full) (element-type SsvVideo): the videos, or %NULL
 */
GPtrArray *
ssv_channel_store_list_uploads_between (SsvChannelStore  *self,
                                        gint64            from,
                                        gint64            to,
                                        GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db_of (self), ssv_channel_store_uploads_sql, error);

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  return collect (stmt, read_video, error);
}

#define VIDEO_SQL(where) \
  "SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS " FROM yt_videos v JOIN yt_channels c ON c.id = v.channel_row WHERE " where

SsvVideo *
ssv_channel_store_get_video (SsvChannelStore  *self,
                             const char       *video_id,
                             GError          **error)
{
  return get_one (self, VIDEO_SQL ("v.video_id = ?1"), video_id ? video_id : "", 0, read_video,
                  _("This video is not saved."), error);
}

SsvVideo *
ssv_channel_store_get_video_by_row (SsvChannelStore  *self,
                                    gint64            row,
                                    GError          **error)
{
  return get_one (self, VIDEO_SQL ("v.id = ?1"), NULL, row, read_video, _("This video is not saved."), error);
}

/**
 * ssv_channel_store_list_due:
 * @have_proxies: whether Piped or Invidious could fill approximate dates in
 *
 * Followed channels to refresh now: never read, partial and not yet read
 * again, read more than 6 hours ago, or an hour ago while dates are missing.
 * A failed try waits half an hour.
 *
 * Returns: (transfer full) (element-type utf8): UC… ids, longest waiting first
 */
GPtrArray *
ssv_channel_store_list_due (SsvChannelStore  *self,
                            gint64            now,
                            gboolean          have_proxies,
                            GError          **error)
{
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db_of (self),
    "SELECT w.source_id FROM watchlist w INDEXED BY watchlist_kind"
    "  LEFT JOIN yt_channels c ON c.channel_id = w.source_id"
    " WHERE w.kind = 'channel' AND w.muted = 0 AND w.source = 'youtube'"
    "   AND (c.id IS NULL OR c.attempted_at IS NULL OR c.attempted_at <= c.refreshed_at"
    "        OR c.attempted_at <= ?1 - " G_STRINGIFY (RETRY_AFTER_FAILURE_S) ")"
    "   AND (c.id IS NULL OR c.refreshed_at IS NULL"
    "        OR (c.complete = 0 AND c.reenriched = 0)"
    "        OR c.refreshed_at <= ?1 - " G_STRINGIFY (SWEEP_S)
    "        OR (c.refreshed_at <= ?1 - " G_STRINGIFY (SWEEP_MISSING_DATES_S)
    "            AND EXISTS (SELECT 1 FROM yt_videos v WHERE v.channel_row = c.id AND v.is_short = 0"
    "                        AND (v.published IS NULL OR (?2 AND v.date_exact = 0)))))"
    " ORDER BY c.refreshed_at IS NOT NULL, c.refreshed_at", error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int (stmt, 2, have_proxies ? 1 : 0);
  while ((rc = ssv_stmt_step (stmt, error)) == SQLITE_ROW)
    if (ssv_yt_is_channel_id (ssv_stmt_column_text (stmt, 0)))
      g_ptr_array_add (ids, ssv_stmt_dup_text (stmt, 0));

  if (rc != SQLITE_DONE)
    return NULL;

  return g_steal_pointer (&ids);
}

/* ---- new uploads -------------------------------------------------------------- */

static gboolean
wish_video (SsvDatabase  *db,
            SsvVideo     *video,
            GError      **error)
{
  g_autofree char *sort_title = ssv_sort_title (video->title);
  g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
    "INSERT INTO wishlist (kind, source, source_id, title, sort_title, year, poster_url)"
    " VALUES ('video', 'youtube', ?1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT (kind, source, source_id) WHERE kind <> 'episode' DO NOTHING", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, video->video_id, -1, SQLITE_TRANSIENT);
  ssv_stmt_bind_text (stmt, 2, video->title);
  ssv_stmt_bind_text (stmt, 3, sort_title);
  ssv_stmt_bind_int64_or_null (stmt, 4, video->year, video->year > 0);
  ssv_stmt_bind_text (stmt, 5, video->thumbnail_url);
  if (!ssv_stmt_step_done (stmt, error))
    return FALSE;

  video->wished = TRUE;
  return TRUE;
}

/**
 * ssv_channel_store_take_new_uploads:
 * @n_wished: (out) (optional): how many joined the wishlist
 *
 * New uploads of followed channels: published after the follow, in the last
 * week, not Shorts, not premieres still to come, never told before. Marks
 * them told, and wishes those of channels that say "wish new uploads", in one
 * transaction: after a crash nothing is told twice or lost.
 *
 * Returns: (transfer full) (element-type SsvVideo): by channel, then oldest first
 */
GPtrArray *
ssv_channel_store_take_new_uploads (SsvChannelStore  *self,
                                    gint64            now,
                                    guint            *n_wished,
                                    GError          **error)
{
  SsvDatabase *db = db_of (self);
  g_autoptr(GPtrArray) videos = NULL;
  g_autoptr(SsvStmt) select = NULL;
  g_autoptr(GArray) wish = g_array_new (FALSE, FALSE, sizeof (gboolean));
  guint wished = 0;
  int rc;

  if (!ssv_database_begin (db, error))
    return NULL;

  select = ssv_database_prepare (db,
    "SELECT " SSV_CHANNEL_STORE_VIDEO_COLUMNS ", c.wish_new_uploads"
    "  FROM watchlist w INDEXED BY watchlist_kind"
    "  JOIN yt_channels c ON c.channel_id = w.source_id"
    "  JOIN yt_videos v ON v.channel_row = c.id"
    " WHERE w.kind = 'channel' AND w.muted = 0 AND w.source = 'youtube'"
    "   AND v.published > w.added_at AND v.published > ?1 - " G_STRINGIFY (NEW_UPLOAD_MAX_AGE_S)
    "   AND v.published <= ?1 AND v.is_short = 0 AND v.upcoming = 0 AND v.announced_at IS NULL"
    " ORDER BY c.id, v.published", error);
  if (select == NULL)
    goto failed;

  videos = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_bind_int64 (select, 1, now);
  while ((rc = ssv_stmt_step (select, error)) == SQLITE_ROW)
    {
      gboolean w = sqlite3_column_int (select, 17) != 0;

      g_ptr_array_add (videos, read_video (select));
      g_array_append_val (wish, w);
    }
  if (rc != SQLITE_DONE)
    goto failed;
  g_clear_pointer (&select, ssv_stmt_release);

  for (guint i = 0; i < videos->len; i++)
    {
      SsvVideo *video = g_ptr_array_index (videos, i);
      g_autoptr(SsvStmt) mark = ssv_database_prepare (db, "UPDATE yt_videos SET announced_at = ?2 WHERE id = ?1",
                                                      error);

      if (mark == NULL)
        goto failed;
      sqlite3_bind_int64 (mark, 1, video->id);
      sqlite3_bind_int64 (mark, 2, now);
      if (!ssv_stmt_step_done (mark, error))
        goto failed;

      if (g_array_index (wish, gboolean, i) && !video->wished)
        {
          if (!wish_video (db, video, error))
            goto failed;
          wished++;
        }
    }

  if (!ssv_database_commit (db, error))
    goto failed;

  if (n_wished != NULL)
    *n_wished = wished;
  if (videos->len > 0)
    ssv_store_emit_changed (SSV_STORE (self), "video");
  return g_steal_pointer (&videos);

failed:
  ssv_database_rollback (db);
  return NULL;
}

/* ---- wishing one video ------------------------------------------------------- */

/**
 * ssv_channel_store_set_wished:
 * @wished: %TRUE to put the saved video on the wishlist, %FALSE to take it off
 *
 * One transaction; emits "changed::video" when something changed.
 */
gboolean
ssv_channel_store_set_wished (SsvChannelStore  *self,
                              const char       *video_id,
                              gboolean          wished,
                              GError          **error)
{
  SsvDatabase *db = ssv_store_get_database (SSV_STORE (self));
  g_autoptr(SsvVideo) video = NULL;
  gboolean ok;

  if (!ssv_database_begin (db, error))
    return FALSE;

  video = ssv_channel_store_get_video (self, video_id, error);
  if (video == NULL)
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  if (wished)
    ok = video->wished || wish_video (db, video, error);
  else
    {
      g_autoptr(SsvStmt) stmt = ssv_database_prepare (db,
        "DELETE FROM wishlist WHERE kind = 'video' AND source = 'youtube' AND source_id = ?1", error);

      ok = stmt != NULL;
      if (ok)
        {
          ssv_stmt_bind_text (stmt, 1, video_id);
          ok = ssv_stmt_step_done (stmt, error);
        }
    }

  if (!ok || !ssv_database_commit (db, error))
    {
      ssv_database_rollback (db);
      return FALSE;
    }

  ssv_store_emit_changed (SSV_STORE (self), "video");
  return TRUE;
}
