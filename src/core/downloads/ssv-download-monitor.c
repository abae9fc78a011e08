/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-monitor.c: polls the clients of active downloads (every few seconds while they
 * move, backing off while nothing does, not at all when none is active), writes what changed,
 * and keeps a list model of active and recent downloads. State lives in the database and the
 * clients, so a restarted app re-adopts its downloads and a restarted client is found again. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "downloads/ssv-download-monitor.h"
#include "ssv-error.h"
#include "downloads/ssv-stall.h"
#include "model/ssv-download-private.h"
#include "ssv-thread.h"

#define RECENT_LIMIT 100

struct _SsvDownloadMonitor
{
  GObject         parent_instance;

  SsvClientPool  *pool;
  GListStore     *model;           /* SsvDownload, newest first */
  GCancellable   *cancellable;
  guint           timeout_id;
  guint           min_interval;
  guint           max_interval;
  guint           interval;
  gboolean        started;
  gboolean        loaded;          /* the rows were read once: later news is announced */
  gboolean        polling;         /* a poll or a reload runs in a thread */
  gboolean        reload_pending;
  guint64         n_polls;
  guint           n_seeding;       /* finished torrents seeding toward their client's goal */
  gulong          changed_id;

  /* The stall rules and each active download's strikes. Held here, so they
   * outlive the backoff between polls; a download's tracker goes with it. A
   * restart of the app starts every download's strikes afresh: the clocks
   * begin again at the first poll, so a stall is never judged on a guess of
   * what happened while the app was off. Locked: the poll thread uses them. */
  GMutex          stall_lock;
  SsvStallRules   stall_rules;
  GHashTable     *trackers;        /* gint64 id → SsvStallTracker */
  GHashTable     *missing;         /* gint64 id → Missing: not listed by its client */
  GSettings      *settings;
  gulong          settings_id;
};

G_DEFINE_FINAL_TYPE (SsvDownloadMonitor, ssv_download_monitor, G_TYPE_OBJECT)

enum
{
  PROGRESS,
  STATE_CHANGED,
  COMPLETED,
  FAILED,
  STALLED,
  IDLE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

static void schedule (SsvDownloadMonitor *self);
static void reload (SsvDownloadMonitor *self);
static void run (SsvDownloadMonitor *self,
                 gboolean            poll);

/* ---------------------------------------------------------------------- */
/* The poll itself: blocking, on a worker thread */

static SsvDownloadStatus
map_state (SsvTransferState state)
{
  switch (state)
    {
    case SSV_TRANSFER_QUEUED:
    case SSV_TRANSFER_PAUSED:
      return SSV_DOWNLOAD_QUEUED;
    case SSV_TRANSFER_STALLED:
      return SSV_DOWNLOAD_STALLED;
    case SSV_TRANSFER_SEEDING:
    case SSV_TRANSFER_COMPLETED:
      return SSV_DOWNLOAD_COMPLETED;
    case SSV_TRANSFER_ERROR:
      return SSV_DOWNLOAD_FAILED;
    case SSV_TRANSFER_CHECKING:
    case SSV_TRANSFER_METADATA:
    case SSV_TRANSFER_DOWNLOADING:
    default:
      return SSV_DOWNLOAD_DOWNLOADING;
    }
}

/* The finished file or folder, from the client's own word for this transfer,
 * and only inside the folder it saves this transfer to. */
static char *
locate_content (const SsvTransfer *transfer)
{
  if (transfer->content_path != NULL &&
      (transfer->save_path == NULL || g_str_has_prefix (transfer->content_path, transfer->save_path)))
    return g_strdup (transfer->content_path);
  if (transfer->save_path != NULL && transfer->name != NULL && strchr (transfer->name, '/') == NULL &&
      strcmp (transfer->name, "..") != 0)
    return g_build_filename (transfer->save_path, transfer->name, NULL);

  return NULL;
}

typedef struct
{
  GPtrArray *progress;   /* SsvDownloadProgress, owning copies of their strings in @strings */
  GPtrArray *strings;
  GArray    *changed;    /* gint64 ids whose state changed (their events written) */
  GHashTable *stalled;   /* gint64 id → reason: given up by a stall or junk rule */
} PollResult;

static void
poll_result_free (PollResult *result)
{
  g_ptr_array_unref (result->progress);
  g_ptr_array_unref (result->strings);
  g_array_unref (result->changed);
  g_clear_pointer (&result->stalled, g_hash_table_unref);
  g_free (result);
}

/* What a poll thread needs of the stall rules: the monitor's, or none (a
 * single blocking poll, which has no history to count strikes over). */
typedef struct
{
  GMutex        *lock;
  SsvStallRules  rules;
  GHashTable    *trackers;
  gint64         now;
  GHashTable    *missing;
} StallFeed;

/* Since when, and over how many polls, a client has not listed a transfer. */
typedef struct
{
  gint64 since;
  guint  polls;
} Missing;

/* Whether @d's transfer, not listed by its client in this poll, has been gone long
 * enough to say so: a client that restarts lists its transfers only once it has
 * read its state back. A single blocking poll (no @feed) has no history: it says so
 * at once. */
static gboolean
missing_for_good (StallFeed   *feed,
                  SsvDownload *d)
{
  Missing *missing;
  gboolean gone;

  if (feed == NULL)
    return TRUE;

  g_mutex_lock (feed->lock);
  missing = g_hash_table_lookup (feed->missing, &d->id);
  if (missing == NULL)
    {
      missing = g_new0 (Missing, 1);
      missing->since = feed->now;
      g_hash_table_insert (feed->missing, g_memdup2 (&d->id, sizeof d->id), missing);
    }
  missing->polls++;
  gone = missing->polls >= MAX (feed->rules.strikes, 1) && feed->now - missing->since >= feed->rules.missing_seconds;
  if (gone)
    g_hash_table_remove (feed->missing, &d->id);
  g_mutex_unlock (feed->lock);

  return gone;
}

static void
found_again (StallFeed   *feed,
             SsvDownload *d)
{
  if (feed == NULL)
    return;

  g_mutex_lock (feed->lock);
  g_hash_table_remove (feed->missing, &d->id);
  g_mutex_unlock (feed->lock);
}

static gboolean
protocol_from_string (const char  *text,
                      SsvProtocol *protocol)
{
  if (g_strcmp0 (text, "torrent") == 0)
    *protocol = SSV_PROTOCOL_TORRENT;
  else if (g_strcmp0 (text, "usenet") == 0)
    *protocol = SSV_PROTOCOL_USENET;
  else if (g_strcmp0 (text, "slskd") == 0)
    *protocol = SSV_PROTOCOL_SLSKD;
  else
    return FALSE;
  return TRUE;
}

/* Feeds this poll of @d into its tracker; returns the reason when a rule gives up. */
static char *
feed_stall (StallFeed         *feed,
            SsvDownload       *d,
            const SsvTransfer *t)
{
  SsvStallTracker *tracker;
  SsvProtocol protocol;
  SsvStallRule rule;
  char *reason = NULL;

  if (feed == NULL || !protocol_from_string (d->protocol, &protocol))
    return NULL;

  g_mutex_lock (feed->lock);
  tracker = g_hash_table_lookup (feed->trackers, &d->id);
  if (tracker == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = d->id;
      tracker = ssv_stall_tracker_new ();
      g_hash_table_insert (feed->trackers, key, tracker);
    }
  rule = ssv_stall_check (&feed->rules, tracker, t, protocol, feed->now, &reason);
  if (rule != SSV_STALL_NONE)
    g_hash_table_remove (feed->trackers, &d->id);
  g_mutex_unlock (feed->lock);

  return reason;
}

/* Trackers of downloads no longer active go. */
static void
prune_trackers (StallFeed *feed,
                GPtrArray *active)
{
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  GHashTableIter iter;
  gpointer key;

  if (feed == NULL)
    return;
  for (guint i = 0; i < active->len; i++)
    {
      SsvDownload *d = g_ptr_array_index (active, i);
      if (ssv_download_status_is_active (d->status))
        g_hash_table_add (keep, &d->id);
    }

  g_mutex_lock (feed->lock);
  g_hash_table_iter_init (&iter, feed->trackers);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (keep, key))
      g_hash_table_iter_remove (&iter);
  g_hash_table_iter_init (&iter, feed->missing);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (keep, key))
      g_hash_table_iter_remove (&iter);
  g_mutex_unlock (feed->lock);
}

static void
set_status (SsvDownloadStore  *store,
            SsvDownload       *d,
            SsvDownloadStatus  status,
            const char        *reason,
            const char        *content_path,
            const char        *kind,
            const char        *event,
            PollResult        *result)
{
  g_autoptr(GError) error = NULL;

  if (!ssv_download_store_set_status (store, d->id, status, reason, content_path, kind, event, &error))
    g_warning ("Download %" G_GINT64_FORMAT ": %s", d->id, error->message);
  else
    g_array_append_val (result->changed, d->id);
}

/* A client that did not answer: the download is kept, the reason noted once. */
static void
note_unreachable (SsvDownloadStore *store,
                  SsvDownload      *d,
                  const GError     *client_error,
                  PollResult       *result)
{
  g_autofree char *reason = g_strdup_printf (_("%s is not answering (%s); the download is kept and checked again."),
                                             d->client_name != NULL ? d->client_name : _("The download client"),
                                             client_error->message);
  SsvDownloadProgress *u;

  if (g_strcmp0 (d->error, reason) == 0)
    return;

  if (d->error == NULL)
    {
      g_autoptr(GError) error = NULL;
      if (!ssv_download_store_add_event (store, d->id, "error", reason, &error))
        g_warning ("%s", error->message);
    }

  u = g_new0 (SsvDownloadProgress, 1);
  *u = (SsvDownloadProgress) { d->id, d->status, d->progress, -1, -1, reason, NULL };
  g_ptr_array_add (result->strings, g_steal_pointer (&reason));
  g_ptr_array_add (result->progress, u);
}

static void
apply_transfer (SsvDownloadStore  *store,
                SsvDownload       *d,
                const SsvTransfer *t,
                StallFeed         *feed,
                PollResult        *result)
{
  SsvDownloadStatus status = map_state (t->state);
  g_autofree char *path = NULL;
  g_autofree char *event = NULL;
  g_autofree char *stalled = feed_stall (feed, d, t);
  SsvDownloadProgress *u;
  gint64 eta = t->eta;

  if (stalled != NULL)
    {
      guint before = result->changed->len;

      set_status (store, d, SSV_DOWNLOAD_FAILED, stalled, NULL, "error", stalled, result);
      if (result->changed->len > before)
        g_hash_table_insert (result->stalled, g_memdup2 (&d->id, sizeof d->id), g_steal_pointer (&stalled));
      return;
    }

  if (status == SSV_DOWNLOAD_FAILED)
    {
      const char *reason = t->error != NULL ? t->error : _("The download client reported an error.");
      event = g_strdup_printf (_("Failed in %s: %s"), d->client_name, reason);
      set_status (store, d, status, reason, NULL, "failed", event, result);
      return;
    }

  if (status == SSV_DOWNLOAD_COMPLETED)
    {
      path = locate_content (t);
      event = path != NULL ? g_strdup_printf (_("Downloaded to %s."), path)
                           : g_strdup (_("Downloaded; the client did not say where."));
      set_status (store, d, status, NULL, path, "completed", event, result);
      return;
    }

  if (d->error != NULL && d->client_name != NULL)
    {
      g_autofree char *back = g_strdup_printf (_("%s answers again."), d->client_name);
      g_autoptr(GError) error = NULL;
      if (!ssv_download_store_add_event (store, d->id, "note", back, &error))
        g_warning ("%s", error->message);
    }

  if (status != d->status)
    {
      event = g_strdup_printf (_("Now %s in %s (%s)."), ssv_download_status_to_string (status), d->client_name,
                               t->client_state != NULL ? t->client_state : ssv_transfer_state_to_string (t->state));
      set_status (store, d, status, NULL, NULL, "state", event, result);
    }

  if (eta < 0 && t->down_speed > 0)
    eta = ssv_transfer_compute_eta (t->size, t->downloaded, t->down_speed);
  u = g_new0 (SsvDownloadProgress, 1);
  *u = (SsvDownloadProgress) { d->id, status, t->progress >= 0 ? t->progress : d->progress,
                               t->down_speed, eta, NULL, NULL };
  g_ptr_array_add (result->progress, u);
}

static void
poll_client (SsvClientPool *pool,
             gint64         client_id,
             GPtrArray     *downloads,
             StallFeed     *feed,
             GCancellable  *cancellable,
             PollResult    *result)
{
  SsvDownloadStore *store = ssv_client_pool_get_store (pool);
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(GPtrArray) transfers = NULL;
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < downloads->len; i++)
    g_ptr_array_add (refs, ((SsvDownload *) g_ptr_array_index (downloads, i))->reference);
  g_ptr_array_add (refs, NULL);

  client = ssv_client_pool_dup_client (pool, client_id, cancellable, &error);
  if (client != NULL)
    transfers = ssv_download_client_list (client, (const char * const *) refs->pdata, cancellable, &error);

  for (guint i = 0; i < downloads->len; i++)
    {
      SsvDownload *d = g_ptr_array_index (downloads, i);
      const SsvTransfer *found = NULL;

      if (transfers == NULL)
        {
          note_unreachable (store, d, error, result);
          continue;
        }
      for (guint j = 0; j < transfers->len && found == NULL; j++)
        {
          const SsvTransfer *t = g_ptr_array_index (transfers, j);
          if (g_strcmp0 (t->reference, d->reference) == 0)
            found = t;
        }
      if (found != NULL)
        {
          found_again (feed, d);
          apply_transfer (store, d, found, feed, result);
        }
      else if (missing_for_good (feed, d))
        {
          g_autofree char *reason = g_strdup_printf (_("The transfer is no longer in %s."), d->client_name);
          set_status (store, d, SSV_DOWNLOAD_FAILED, reason, NULL, "failed", reason, result);
        }
    }
}

/* Finished torrents whose client's seeding goal is met leave the client.
 * Their files stay where they are: the library's copy is never touched.
 * Returns how many still seed toward a goal. */
static guint
release_seeded (SsvClientPool *pool,
                GCancellable  *cancellable)
{
  SsvDownloadStore *store = ssv_client_pool_get_store (pool);
  g_autoptr(GPtrArray) seeding = NULL;
  g_autoptr(GError) error = NULL;
  guint left = 0;

  seeding = ssv_download_store_list_seeding (store, &error);
  if (seeding == NULL)
    {
      g_warning ("Seeding downloads could not be read: %s", error->message);
      return 0;
    }

  for (guint i = 0; i < seeding->len; i++)
    {
      SsvDownload *d = g_ptr_array_index (seeding, i);
      g_autoptr(SsvClientRow) row = NULL;
      g_autoptr(SsvDownloadClient) client = NULL;
      g_autoptr(SsvTransfer) t = NULL;
      g_autofree char *why = NULL;
      g_autofree char *event = NULL;

      g_clear_error (&error);
      row = ssv_download_store_get_client (store, d->client_id, &error);
      if (row != NULL)
        client = ssv_client_pool_dup_for_row (pool, row, cancellable, &error);
      if (client != NULL)
        t = ssv_download_client_get (client, d->reference, cancellable, &error);
      if (t == NULL)
        {
          /* Gone from the client already (by hand): nothing more to do for it. */
          if (g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND) && client != NULL)
            {
              event = g_strdup_printf (_("No longer in %s; it stopped seeding there."), row->name);
              ssv_download_store_mark_released (store, d->id, event, NULL);
            }
          else
            left++;
          continue;
        }
      if (!ssv_seeding_goal_met (row->seed_ratio, row->seed_minutes, t, &why))
        {
          left++;
          continue;
        }
      if (!ssv_download_client_remove (client, d->reference, FALSE, cancellable, &error))
        {
          g_warning ("Download %" G_GINT64_FORMAT ": %s", d->id, error->message);
          left++;
          continue;
        }
      event = g_strdup_printf (_("Seeded to its goal (%s): taken off %s, its files kept."), why, row->name);
      if (!ssv_download_store_mark_released (store, d->id, event, &error))
        g_warning ("Download %" G_GINT64_FORMAT ": %s", d->id, error->message);
    }

  return left;
}

/* Polls @active (SsvDownload snapshots), grouped by client; writes the news. */
static PollResult *
poll_downloads (SsvClientPool *pool,
                GPtrArray     *active,
                StallFeed     *feed,
                GCancellable  *cancellable)
{
  PollResult *result = g_new0 (PollResult, 1);
  g_autoptr(GHashTable) by_client = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                           (GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  result->progress = g_ptr_array_new_with_free_func (g_free);
  result->strings = g_ptr_array_new_with_free_func (g_free);
  result->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  result->stalled = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  prune_trackers (feed, active);

  for (guint i = 0; i < active->len; i++)
    {
      SsvDownload *d = g_ptr_array_index (active, i);
      GPtrArray *group;

      /* an importing one is the importer's: its client finished it already */
      if (!ssv_download_status_is_active (d->status) || d->status == SSV_DOWNLOAD_IMPORTING || d->client_id == 0 ||
          d->reference == NULL)
        continue;
      group = g_hash_table_lookup (by_client, &d->client_id);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (by_client, &d->client_id, group);
        }
      g_ptr_array_add (group, d);
    }

  g_hash_table_iter_init (&iter, by_client);
  while (g_hash_table_iter_next (&iter, &key, &value))
    poll_client (pool, *(gint64 *) key, value, feed, cancellable, result);

  return result;
}

static gboolean
write_progress (SsvClientPool  *pool,
                PollResult     *result,
                GError        **error)
{
  g_autoptr(GArray) flat = g_array_new (FALSE, FALSE, sizeof (SsvDownloadProgress));

  for (guint i = 0; i < result->progress->len; i++)
    g_array_append_vals (flat, g_ptr_array_index (result->progress, i), 1);

  return ssv_download_store_update_progress (ssv_client_pool_get_store (pool),
                                             (const SsvDownloadProgress *) (gpointer) flat->data, flat->len,
                                             error);
}

guint
ssv_download_monitor_poll_sync (SsvClientPool  *pool,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(GPtrArray) active = NULL;
  PollResult *result;
  guint n;

  g_return_val_if_fail (SSV_IS_CLIENT_POOL (pool), 0);

  active = ssv_download_store_list (ssv_client_pool_get_store (pool), TRUE, 0, error);
  if (active == NULL)
    return 0;
  result = poll_downloads (pool, active, NULL, cancellable);
  if (!write_progress (pool, result, error))
    {
      poll_result_free (result);
      return 0;
    }
  n = active->len;
  poll_result_free (result);

  return n;
}

/* ---------------------------------------------------------------------- */
/* On the main context */

typedef struct
{
  GPtrArray *snapshot;    /* SsvDownload: what the main context knew */
  GPtrArray *fresh;       /* SsvDownload: the rows after the poll (active and recent) */
  GHashTable *stalled;    /* gint64 id → reason, from the poll */
  guint      n_seeding;
  gboolean   poll;
} PollTask;

static void
poll_task_free (PollTask *data)
{
  g_clear_pointer (&data->snapshot, g_ptr_array_unref);
  g_clear_pointer (&data->fresh, g_ptr_array_unref);
  g_clear_pointer (&data->stalled, g_hash_table_unref);
  g_free (data);
}

static void
poll_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SsvDownloadMonitor *self = source;
  PollTask *data = task_data;
  SsvDownloadStore *store = ssv_client_pool_get_store (self->pool);
  g_autoptr(GPtrArray) active = NULL;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (data->poll)
    {
      PollResult *result;
      StallFeed feed = { &self->stall_lock, { 0 }, self->trackers, g_get_monotonic_time () / G_USEC_PER_SEC,
                         self->missing };

      g_mutex_lock (&self->stall_lock);
      feed.rules = self->stall_rules;
      g_mutex_unlock (&self->stall_lock);

      active = ssv_download_store_list (store, TRUE, 0, &error);
      if (active == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      result = poll_downloads (self->pool, active, &feed, cancellable);
      if (!write_progress (self->pool, result, &error))
        {
          poll_result_free (result);
          g_task_return_error (task, error);
          return;
        }
      data->stalled = g_steal_pointer (&result->stalled);
      poll_result_free (result);
      data->n_seeding = release_seeded (self->pool, cancellable);
    }

  data->fresh = ssv_download_store_list (store, FALSE, RECENT_LIMIT, &error);
  if (data->fresh == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Active rows older than the recent ones still belong in the list. */
  g_clear_pointer (&active, g_ptr_array_unref);
  active = ssv_download_store_list (store, TRUE, 0, &error);
  if (active == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < active->len; i++)
    {
      SsvDownload *a = g_ptr_array_index (active, i);
      gboolean seen = FALSE;

      for (guint j = 0; j < data->fresh->len && !seen; j++)
        seen = ((SsvDownload *) g_ptr_array_index (data->fresh, j))->id == a->id;
      if (!seen)
        g_ptr_array_add (data->fresh, g_object_ref (a));
    }

  g_task_return_boolean (task, TRUE);
}

SsvDownload *
ssv_download_monitor_find (SsvDownloadMonitor *self,
                           gint64              id)
{
  guint n;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_MONITOR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvDownload) d = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      if (d->id == id)
        return d;
    }

  return NULL;
}

static void
announce (SsvDownloadMonitor *self,
          SsvDownload        *d,
          SsvDownloadStatus   old_status,
          gboolean            moved,
          GHashTable         *stalled)
{
  if (d->status != old_status)
    {
      const char *stall = stalled != NULL ? g_hash_table_lookup (stalled, &d->id) : NULL;

      g_signal_emit (self, signals[STATE_CHANGED], 0, d, (guint) old_status);
      /* from importing, it is the importer's own word that it is in the library */
      if (d->status == SSV_DOWNLOAD_COMPLETED && old_status != SSV_DOWNLOAD_IMPORTING)
        g_signal_emit (self, signals[COMPLETED], 0, d, d->content_path);
      else if (d->status == SSV_DOWNLOAD_FAILED)
        {
          if (stall != NULL)
            g_signal_emit (self, signals[STALLED], 0, d, stall);
          g_signal_emit (self, signals[FAILED], 0, d, d->error);
        }
    }
  else if (moved)
    g_signal_emit (self, signals[PROGRESS], 0, d);
}

/* Takes the fresh rows into the model; returns whether anything changed. */
static gboolean
merge (SsvDownloadMonitor *self,
       GPtrArray          *fresh,
       GHashTable         *stalled,
       gboolean            announcing)
{
  gboolean changed = FALSE;

  for (guint i = fresh->len; i > 0; i--)
    {
      SsvDownload *row = g_ptr_array_index (fresh, i - 1);
      SsvDownload *d = ssv_download_monitor_find (self, row->id);

      if (d == NULL)
        {
          g_list_store_insert (self->model, 0, row);
          changed = TRUE;
          /* A grab made since: one that failed at once is news too. */
          if (announcing && !ssv_download_status_is_active (row->status))
            announce (self, row, SSV_DOWNLOAD_QUEUED, FALSE, stalled);
          continue;
        }
      {
        SsvDownloadStatus old_status = d->status;
        gboolean moved = ssv_download_update_from (d, row);

        changed |= moved;
        if (announcing)
          announce (self, d, old_status, moved, stalled);
      }
    }

  return changed;
}

static void
poll_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  SsvDownloadMonitor *self = SSV_DOWNLOAD_MONITOR (source);
  PollTask *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean changed;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Downloads could not be checked: %s", error->message);
      self->polling = FALSE;
      self->interval = MIN (self->interval * 2, self->max_interval);
      schedule (self);
      return;
    }

  self->polling = FALSE;
  if (!self->loaded)
    {
      /* What was there before: listed, not announced; then the first poll
       * tells what happened to the active ones meanwhile. */
      merge (self, data->fresh, NULL, FALSE);
      self->loaded = TRUE;
      /* Even with none active: finished torrents may have met their seeding goal. */
      run (self, TRUE);
      return;
    }
  if (data->poll)
    {
      self->n_polls++;
      self->n_seeding = data->n_seeding;
    }
  changed = merge (self, data->fresh, data->stalled, TRUE);
  self->interval = changed ? self->min_interval : MIN (self->interval * 2, self->max_interval);

  if (self->reload_pending)
    {
      self->reload_pending = FALSE;
      self->interval = self->min_interval;
      reload (self);
      return;
    }
  schedule (self);
}

static void
run (SsvDownloadMonitor *self,
     gboolean            poll)
{
  g_autoptr(GTask) task = NULL;
  PollTask *data;

  if (self->polling)
    {
      self->reload_pending = TRUE;
      return;
    }

  data = g_new0 (PollTask, 1);
  data->poll = poll;
  self->polling = TRUE;
  task = g_task_new (self, self->cancellable, poll_done, NULL);
  g_task_set_source_tag (task, run);
  g_task_set_task_data (task, data, (GDestroyNotify) poll_task_free);
  g_task_run_in_thread (task, poll_thread);
}

static void
reload (SsvDownloadMonitor *self)
{
  run (self, FALSE);
}

static gboolean
on_timeout (gpointer user_data)
{
  SsvDownloadMonitor *self = user_data;

  self->timeout_id = 0;
  run (self, TRUE);

  return G_SOURCE_REMOVE;
}

/* Polls again after the current interval while anything is active; stops when nothing is. */
static void
schedule (SsvDownloadMonitor *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (!self->started)
    return;
  if (ssv_download_monitor_get_n_active (self) == 0)
    {
      self->interval = self->min_interval;
      /* Torrents seeding toward a goal are looked at now and then. */
      if (self->n_seeding > 0)
        self->timeout_id = g_timeout_add (self->max_interval, on_timeout, self);
      g_signal_emit (self, signals[IDLE], 0);
      return;
    }

  self->timeout_id = g_timeout_add (self->interval, on_timeout, self);
}

static void
on_store_changed (SsvStore           *store,
                  const char         *detail,
                  SsvDownloadMonitor *self)
{
  /* A grab, a cancel or a retry somewhere else: read the rows again. */
  /* A client's seeding goal changed: the seeding torrents are looked at again too. */
  if (self->started && (g_strcmp0 (detail, "download") == 0 || g_strcmp0 (detail, "client") == 0))
    {
      self->interval = self->min_interval;
      if (self->polling)
        self->reload_pending = TRUE;
      else
        run (self, TRUE);
    }
}

/* ---------------------------------------------------------------------- */

static void
ssv_download_monitor_dispose (GObject *object)
{
  SsvDownloadMonitor *self = SSV_DOWNLOAD_MONITOR (object);

  ssv_download_monitor_stop (self);
  if (self->pool != NULL)
    g_clear_signal_handler (&self->changed_id, ssv_client_pool_get_store (self->pool));
  g_clear_object (&self->pool);
  g_clear_object (&self->model);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->settings_id, self->settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ssv_download_monitor_parent_class)->dispose (object);
}

static void
ssv_download_monitor_finalize (GObject *object)
{
  SsvDownloadMonitor *self = SSV_DOWNLOAD_MONITOR (object);

  g_hash_table_unref (self->trackers);
  g_hash_table_unref (self->missing);
  g_mutex_clear (&self->stall_lock);

  G_OBJECT_CLASS (ssv_download_monitor_parent_class)->finalize (object);
}

static void
ssv_download_monitor_class_init (SsvDownloadMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_download_monitor_dispose;
  object_class->finalize = ssv_download_monitor_finalize;

  /* Progress, speed or ETA of an active download changed. */
  signals[PROGRESS] = g_signal_new ("download-progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, SSV_TYPE_DOWNLOAD);
  /* The status changed; the old SsvDownloadStatus comes along. */
  signals[STATE_CHANGED] = g_signal_new ("download-state-changed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, SSV_TYPE_DOWNLOAD, G_TYPE_UINT);
  /* Finished; the file or folder it wrote (NULL when the client did not say). */
  signals[COMPLETED] = g_signal_new ("download-completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2, SSV_TYPE_DOWNLOAD, G_TYPE_STRING);
  /* Failed, with the reason in plain words. */
  signals[FAILED] = g_signal_new ("download-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, SSV_TYPE_DOWNLOAD, G_TYPE_STRING);
  /* A stall or junk rule gave up on it, with the reason in plain words;
   * download-failed follows with the same reason. */
  signals[STALLED] = g_signal_new ("download-stalled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 2, SSV_TYPE_DOWNLOAD, G_TYPE_STRING);
  /* Nothing is active any more; polling stopped. */
  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ssv_download_monitor_init (SsvDownloadMonitor *self)
{
  self->model = g_list_store_new (SSV_TYPE_DOWNLOAD);
  self->min_interval = SSV_DOWNLOAD_MONITOR_MIN_INTERVAL_MS;
  self->max_interval = SSV_DOWNLOAD_MONITOR_MAX_INTERVAL_MS;
  self->interval = self->min_interval;
  g_mutex_init (&self->stall_lock);
  ssv_stall_rules_init (&self->stall_rules);
  self->missing = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->trackers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                          (GDestroyNotify) ssv_stall_tracker_free);
}

SsvDownloadMonitor *
ssv_download_monitor_new (SsvClientPool *pool)
{
  SsvDownloadMonitor *self;

  g_return_val_if_fail (SSV_IS_CLIENT_POOL (pool), NULL);

  self = g_object_new (SSV_TYPE_DOWNLOAD_MONITOR, NULL);
  self->pool = g_object_ref (pool);
  self->changed_id = g_signal_connect (ssv_client_pool_get_store (pool), "changed",
                                       G_CALLBACK (on_store_changed), self);

  return self;
}

/* Returns: (transfer none): SsvDownload items, active and recent, newest first */
GListModel *
ssv_download_monitor_get_model (SsvDownloadMonitor *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_MONITOR (self), NULL);
  return G_LIST_MODEL (self->model);
}

/* Reads the downloads (re-adopting those active before a restart) and polls while any is active. */
void
ssv_download_monitor_start (SsvDownloadMonitor *self)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->loaded = FALSE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->interval = self->min_interval;
  run (self, FALSE);
}

void
ssv_download_monitor_stop (SsvDownloadMonitor *self)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));

  self->started = FALSE;
  self->polling = FALSE;
  self->reload_pending = FALSE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

void
ssv_download_monitor_set_intervals (SsvDownloadMonitor *self,
                                    guint               min_ms,
                                    guint               max_ms)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));
  g_return_if_fail (min_ms > 0 && max_ms >= min_ms);

  self->min_interval = min_ms;
  self->max_interval = max_ms;
  self->interval = min_ms;
}

guint
ssv_download_monitor_get_n_active (SsvDownloadMonitor *self)
{
  guint n, active = 0;

  g_return_val_if_fail (SSV_IS_DOWNLOAD_MONITOR (self), 0);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvDownload) d = g_list_model_get_item (G_LIST_MODEL (self->model), i);
      active += ssv_download_status_is_active (d->status);
    }

  return active;
}

/* Whether a poll is scheduled or running. */
gboolean
ssv_download_monitor_is_polling (SsvDownloadMonitor *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_MONITOR (self), FALSE);
  return self->timeout_id != 0 || self->polling;
}

guint
ssv_download_monitor_get_interval (SsvDownloadMonitor *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_MONITOR (self), 0);
  return self->interval;
}

guint64
ssv_download_monitor_get_n_polls (SsvDownloadMonitor *self)
{
  g_return_val_if_fail (SSV_IS_DOWNLOAD_MONITOR (self), 0);
  return self->n_polls;
}

void
ssv_download_monitor_poll_now (SsvDownloadMonitor *self)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));

  if (!self->started)
    return;
  self->interval = self->min_interval;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  run (self, TRUE);
}

/* The thresholds of the stall and junk rules (tests set short ones). Strikes
 * counted so far are kept. */
void
ssv_download_monitor_set_stall_rules (SsvDownloadMonitor  *self,
                                      const SsvStallRules *rules)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));
  g_return_if_fail (rules != NULL);

  g_mutex_lock (&self->stall_lock);
  self->stall_rules = *rules;
  g_mutex_unlock (&self->stall_lock);
}

void
ssv_download_monitor_get_stall_rules (SsvDownloadMonitor *self,
                                      SsvStallRules      *rules)
{
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));
  g_return_if_fail (rules != NULL);

  g_mutex_lock (&self->stall_lock);
  *rules = self->stall_rules;
  g_mutex_unlock (&self->stall_lock);
}

static void
read_stall_settings (GSettings          *settings,
                     const char         *key,
                     SsvDownloadMonitor *self)
{
  SsvStallRules rules;

  ssv_download_monitor_get_stall_rules (self, &rules);
  rules.stall_seconds = g_settings_get_int (settings, "download-stall-seconds");
  rules.metadata_seconds = g_settings_get_int (settings, "download-metadata-seconds");
  rules.min_speed_kbps = g_settings_get_int (settings, "download-min-speed-kbps");
  rules.max_eta_hours = g_settings_get_int (settings, "download-max-eta-hours");
  ssv_download_monitor_set_stall_rules (self, &rules);
}

/* Takes the thresholds from the preferences (GSettings) and follows their
 * changes; without the schema installed the defaults stay. */
void
ssv_download_monitor_follow_settings (SsvDownloadMonitor *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (self));

  if (self->settings != NULL || source == NULL)
    return;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "download-stall-seconds"))
    return;

  self->settings = g_settings_new_full (schema, NULL, NULL);
  self->settings_id = g_signal_connect (self->settings, "changed", G_CALLBACK (read_stall_settings), self);
  read_stall_settings (self->settings, NULL, self);
}
