/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-refresher.c: re-enrichment: matched titles read again from TMDB (and TheTVDB for a
 * show's air time): airing shows daily, the rest every 30 days, one title on request. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-refresher.h"
#include "providers/ssv-tmdb.h"
#include "providers/ssv-tvdb.h"
#include "stores/ssv-settings-store.h"
#include "workers/ssv-worker.h"
#include "ssv-thread.h"

/* TMDB's append_to_response takes 20 parts; two are the ids and ratings. */
#define MAX_APPENDED_SEASONS 18

struct _SsvRefresher
{
  GObject             parent_instance;

  SsvDatabase        *database;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvClock           *clock;
  SsvEnrichmentStore *store;
  SsvStore           *library_store;

  GObject            *scanner;
  gulong              scanner_handler;
  gboolean            scanner_holding;

  GMutex              lock;
  GCond               cond;
  guint               holds;       /* guarded by @lock */
};

G_DEFINE_FINAL_TYPE (SsvRefresher, ssv_refresher, G_TYPE_OBJECT)

/* One run's settings and state, on its thread. */
typedef struct
{
  SsvRefresher      *self;
  SsvRefreshScope    scope;
  char              *key;
  SsvTvdbClient     *tvdb;
  char              *image_base;
  char              *language;
  char              *region;
  SsvTmdbOptions     options;
  GCancellable      *cancellable;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->key);
  g_clear_pointer (&run->tvdb, ssv_tvdb_client_free);
  g_free (run->image_base);
  g_free (run->language);
  g_free (run->region);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* ---- the report ------------------------------------------------------------------ */

static SsvRefreshReport *
report_new (void)
{
  SsvRefreshReport *report = g_new0 (SsvRefreshReport, 1);

  report->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_refresh_change_free);
  report->messages = g_ptr_array_new_with_free_func (g_free);

  return report;
}

void
ssv_refresh_report_free (SsvRefreshReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->changes);
  g_ptr_array_unref (report->messages);
  g_free (report);
}

/* "12 titles read again, 3 changed, 1 could not be read." */
char *
ssv_refresh_report_dup_summary (const SsvRefreshReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u title read again", "%u titles read again",
                                             report->titles), report->titles);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u changed", ", %u changed", report->changed),
                          report->changed);
  if (report->failed > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, ", %u could not be read",
                                               ", %u could not be read", report->failed), report->failed);
  g_string_append_c (text, '.');

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---- holding while a scan writes ----------------------------------------------------- */

void
ssv_refresher_hold (SsvRefresher *self)
{
  g_mutex_lock (&self->lock);
  self->holds++;
  g_mutex_unlock (&self->lock);
}

void
ssv_refresher_release (SsvRefresher *self)
{
  g_mutex_lock (&self->lock);
  if (self->holds > 0)
    self->holds--;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

/* Between titles: waits while a scan writes, as the workers do. */
static void
wait_while_held (SsvRefresher *self,
                 GCancellable *cancellable)
{
  g_mutex_lock (&self->lock);
  while (self->holds > 0 && !g_cancellable_is_cancelled (cancellable))
    g_cond_wait_until (&self->cond, &self->lock, g_get_monotonic_time () + G_USEC_PER_SEC);
  g_mutex_unlock (&self->lock);
}

static void
on_scanner_writing (SsvRefresher *self,
                    GParamSpec   *pspec,
                    GObject      *scanner)
{
  gboolean writing = FALSE;

  g_object_get (scanner, "writing", &writing, NULL);
  if (writing && !self->scanner_holding)
    {
      self->scanner_holding = TRUE;
      ssv_refresher_hold (self);
    }
  else if (!writing && self->scanner_holding)
    {
      self->scanner_holding = FALSE;
      ssv_refresher_release (self);
    }
}

/* Waits whenever @scanner (an object with a boolean "writing") writes; %NULL stops. */
void
ssv_refresher_follow_scanner (SsvRefresher *self,
                              GObject      *scanner)
{
  g_return_if_fail (SSV_IS_REFRESHER (self));

  if (self->scanner != NULL)
    {
      g_clear_signal_handler (&self->scanner_handler, self->scanner);
      g_clear_object (&self->scanner);
      if (self->scanner_holding)
        {
          self->scanner_holding = FALSE;
          ssv_refresher_release (self);
        }
    }

  if (scanner == NULL)
    return;

  self->scanner = g_object_ref (scanner);
  self->scanner_handler = g_signal_connect_object (scanner, "notify::writing",
                                                   G_CALLBACK (on_scanner_writing), self, G_CONNECT_SWAPPED);
  on_scanner_writing (self, NULL, scanner);
}

/* ---- one title ------------------------------------------------------------------------ */

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = *(const int *) a;
  int y = *(const int *) b;

  return x < y ? -1 : x > y;
}

static void
add_unique (GArray *array,
            int     value)
{
  for (guint i = 0; i < array->len; i++)
    if (g_array_index (array, int, i) == value)
      return;

  g_array_append_val (array, value);
}

static int
latest_regular (GArray *seasons)
{
  int latest = 0;

  for (guint i = 0; i < seasons->len; i++)
    latest = MAX (latest, g_array_index (seasons, int, i));

  return latest;
}

/* The seasons to ask for with the details. A daily look at an airing show asks
 * for the latest two it knows and the one after (a new season comes with the
 * same call); a full look asks for every season it knows, and the one after. */
static GArray *
seasons_to_append (const SsvRefreshItem *item,
                   gboolean              airing_only)
{
  g_autoptr(GArray) wanted = g_array_new (FALSE, FALSE, sizeof (int));
  int latest = latest_regular (item->seasons);

  if (airing_only)
    {
      for (int s = MAX (latest - 1, 1); s <= latest + 1; s++)
        add_unique (wanted, s);
      if (item->next_season > 0)
        add_unique (wanted, item->next_season);
    }
  else
    {
      /* The latest first: when there are more than fit, the old ones wait. */
      add_unique (wanted, latest + 1);
      for (guint i = item->seasons->len; i > 0; i--)
        add_unique (wanted, g_array_index (item->seasons, int, i - 1));
    }

  if (wanted->len > MAX_APPENDED_SEASONS)
    g_array_set_size (wanted, MAX_APPENDED_SEASONS);
  g_array_sort (wanted, compare_ints);

  return g_steal_pointer (&wanted);
}

/* The seasons that must be read: the latest two regular ones TMDB lists (and
 * the next episode's) for a daily look, every one it lists for a full one. */
static GArray *
seasons_needed (const SsvMeta *meta,
                gboolean       airing_only)
{
  g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) needed = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < meta->seasons->len; i++)
    g_array_append_val (listed, ((SsvMetaSeason *) g_ptr_array_index (meta->seasons, i))->season_number);
  g_array_sort (listed, compare_ints);

  if (!airing_only)
    return g_steal_pointer (&listed);

  for (guint i = listed->len, taken = 0; i > 0 && taken < 2; i--)
    {
      int number = g_array_index (listed, int, i - 1);

      if (number > 0)
        {
          add_unique (needed, number);
          taken++;
        }
    }
  if (meta->next_episode_number > 0)
    for (guint i = 0; i < listed->len; i++)
      if (g_array_index (listed, int, i) == meta->next_episode_season)
        add_unique (needed, meta->next_episode_season);

  return g_steal_pointer (&needed);
}

static gboolean
answered (const SsvMeta *meta,
          int            season)
{
  for (guint i = 0; i < meta->answered_seasons->len; i++)
    if (g_array_index (meta->answered_seasons, int, i) == season)
      return TRUE;

  return FALSE;
}

/* Reads the needed seasons that did not come with the details. FALSE with
 * @error only for errors that stop the run; @complete says whether all came. */
static gboolean
fetch_missing_seasons (Run                  *run,
                       const SsvRefreshItem *item,
                       SsvMeta              *meta,
                       gboolean              airing_only,
                       gboolean             *complete,
                       GError              **error)
{
  g_autoptr(GArray) needed = seasons_needed (meta, airing_only);

  for (guint i = 0; i < needed->len; i++)
    {
      int number = g_array_index (needed, int, i);
      g_autoptr(GError) local_error = NULL;

      if (answered (meta, number))
        continue;

      if (ssv_tmdb_fetch_season (run->self->http, run->key, item->tmdb_id, number, &run->options, meta,
                                 run->cancellable, &local_error))
        {
          g_array_append_val (meta->answered_seasons, number);
          continue;
        }

      if (ssv_worker_error_stops_item (local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      /* A season TMDB lists but cannot give is not an answer about its episodes. */
      *complete = FALSE;
    }

  return TRUE;
}

/* TheTVDB's air time for an airing show; its failures only cost the air time. */
static SsvMeta *
fetch_air_time (Run                  *run,
                const SsvRefreshItem *item,
                const SsvMeta        *tmdb)
{
  gint64 tvdb_id = item->tvdb_id > 0 ? item->tvdb_id : tmdb->tvdb_id;
  g_autofree char *key = NULL;
  g_autoptr(GError) error = NULL;
  SsvMeta *meta;

  if (!item->airing || tvdb_id <= 0)
    return NULL;

  if (run->tvdb == NULL)
    {
      key = ssv_secrets_lookup_sync (run->self->secrets, "api-key:tvdb", run->cancellable, NULL);
      if (key == NULL || key[0] == '\0')
        return NULL;
      run->tvdb = ssv_tvdb_client_new (run->self->http, key);
    }

  meta = ssv_tvdb_client_fetch_series (run->tvdb, tvdb_id, run->cancellable, &error);
  if (meta == NULL)
    g_debug ("TheTVDB air time of %s: %s", item->title, error->message);

  return meta;
}

static gboolean
refresh_one (Run                  *run,
             const SsvRefreshItem *item,
             GPtrArray            *changes,
             GError              **error)
{
  gboolean airing_only = run->scope == SSV_REFRESH_AIRING || run->scope == SSV_REFRESH_AIRING_NOW;
  g_autoptr(GArray) append = NULL;
  g_autoptr(SsvMeta) meta = NULL;
  g_autoptr(SsvMeta) tvdb = NULL;
  gboolean complete = TRUE;

  if (item->kind == SSV_ITEM_SHOW)
    append = seasons_to_append (item, airing_only);

  meta = ssv_tmdb_fetch_refresh (run->self->http, run->key, item->kind, item->tmdb_id, append, &run->options,
                                 run->cancellable, error);
  if (meta == NULL)
    return FALSE;

  if (item->kind == SSV_ITEM_SHOW)
    {
      if (!fetch_missing_seasons (run, item, meta, airing_only, &complete, error))
        return FALSE;
      tvdb = fetch_air_time (run, item, meta);
    }

  return ssv_refresh_store_apply (run->self->store, item, meta, tvdb, complete, changes, error);
}

/* ---- a run ----------------------------------------------------------------------------- */

static gboolean
run_init (Run             *run,
          SsvRefresher    *self,
          SsvRefreshScope  scope,
          GCancellable    *cancellable,
          GError         **error)
{
  g_autofree char *language = ssv_settings_store_get (self->database, "metadata.language", NULL);
  g_autofree char *region = ssv_settings_store_get (self->database, "metadata.region", NULL);
  GError *local_error = NULL;

  run->self = self;
  run->scope = scope;
  run->cancellable = cancellable;
  run->key = ssv_secrets_lookup_sync (self->secrets, "api-key:tmdb", cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (run->key == NULL || run->key[0] == '\0')
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                           _("Add your TMDB API key in Preferences to keep the library current."));
      return FALSE;
    }

  run->image_base = ssv_http_dup_base_url (self->http, "tmdb-images");
  run->language = language && language[0] ? g_steal_pointer (&language) : g_strdup ("en-US");
  run->region = region && region[0] ? g_steal_pointer (&region) : g_strdup ("US");
  run->options.image_base = run->image_base ? run->image_base : "https://image.tmdb.org/t/p";
  run->options.language = run->language;
  run->options.region = run->region;

  return TRUE;
}

/* What one title's failure means for the run: FALSE stops it (no key, a
 * provider that wants a pause, a library that cannot be written). */
static gboolean
take_failure (SsvRefresher         *self,
              const SsvRefreshItem *item,
              GError               *error,
              SsvRefreshReport     *report,
              GError              **stop)
{
  g_autoptr(GError) mark_error = NULL;

  if (ssv_worker_error_stops_item (error) || g_error_matches (error, SSV_ERROR, SSV_ERROR_DATABASE))
    {
      g_propagate_error (stop, g_error_copy (error));
      return FALSE;
    }

  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    {
      /* Nothing the person owns goes because TMDB lost a page. */
      const char *message = _("TMDB no longer has this title; nothing was removed");
      SsvRefreshChange *change = g_new0 (SsvRefreshChange, 1);

      if (!ssv_refresh_store_mark_gone (self->store, item, message, &mark_error))
        g_warning ("%s: %s", item->title, mark_error->message);
      change->title = g_strdup (item->title);
      change->what = g_strdup (message);
      g_ptr_array_add (report->changes, change);
      report->changed++;
      return TRUE;
    }

  report->failed++;
  g_ptr_array_add (report->messages, g_strdup_printf ("%s: %s", item->title ? item->title : "?", error->message));
  return TRUE;
}

/**
 * ssv_refresher_run_sync:
 * @kind: for %SSV_REFRESH_TITLE: %SSV_ITEM_MOVIE or %SSV_ITEM_SHOW
 * @id: for %SSV_REFRESH_TITLE: the library row
 * @limit: at most this many titles (one run of the continuous job takes a few)
 *
 * Reads the titles of @scope again and writes what changed. Blocks: worker
 * threads, the CLI; the app uses ssv_refresher_run_async(). Never asks OMDb,
 * whose daily allowance is kept for ratings.
 *
 * Returns: (transfer full): what changed, or %NULL with @error set when the
 *   run could not go on (no TMDB key, a rejected key, TMDB asking to wait)
 */
SsvRefreshReport *
ssv_refresher_run_sync (SsvRefresher     *self,
                        SsvRefreshScope   scope,
                        SsvItemKind       kind,
                        gint64            id,
                        guint             limit,
                        GCancellable     *cancellable,
                        GError          **error)
{
  g_autoptr(SsvRefreshReport) report = report_new ();
  g_autoptr(GPtrArray) items = NULL;
  g_auto(Run) run = { 0, };

  g_return_val_if_fail (SSV_IS_REFRESHER (self), NULL);

  if (scope == SSV_REFRESH_TITLE)
    {
      SsvRefreshItem *item = ssv_refresh_store_load_item (self->database, kind, id, error);

      if (item == NULL)
        return NULL;
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_refresh_item_free);
      g_ptr_array_add (items, item);
    }
  else
    {
      items = ssv_refresh_store_list_due (self->database, scope, ssv_clock_get_now (self->clock), limit, error);
      if (items == NULL)
        return NULL;
    }

  if (items->len == 0)
    return g_steal_pointer (&report);

  if (!run_init (&run, self, scope, cancellable, error))
    return NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const SsvRefreshItem *item = g_ptr_array_index (items, i);
      g_autoptr(GError) local_error = NULL;
      guint before = report->changes->len;

      wait_while_held (self, cancellable);
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!refresh_one (&run, item, report->changes, &local_error))
        {
          if (!take_failure (self, item, local_error, report, error))
            return NULL;
          continue;
        }

      report->titles++;
      if (report->changes->len > before)
        report->changed++;
    }

  return g_steal_pointer (&report);
}

typedef struct
{
  SsvRefreshScope scope;
  SsvItemKind     kind;
  gint64          id;
  guint           limit;
} RunArgs;

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunArgs *args = task_data;
  GError *error = NULL;
  SsvRefreshReport *report = ssv_refresher_run_sync (source_object, args->scope, args->kind, args->id,
                                                     args->limit, cancellable, &error);

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) ssv_refresh_report_free);
}

void
ssv_refresher_run_async (SsvRefresher        *self,
                         SsvRefreshScope      scope,
                         SsvItemKind          kind,
                         gint64               id,
                         guint                limit,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RunArgs *args = g_new0 (RunArgs, 1);

  args->scope = scope;
  args->kind = kind;
  args->id = id;
  args->limit = limit;
  g_task_set_source_tag (task, ssv_refresher_run_async);
  g_task_set_task_data (task, args, g_free);
  g_task_run_in_thread (task, run_thread);
}

SsvRefreshReport *
ssv_refresher_run_finish (SsvRefresher  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- object ---------------------------------------------------------------------- */

static void
ssv_refresher_dispose (GObject *object)
{
  SsvRefresher *self = SSV_REFRESHER (object);

  ssv_refresher_follow_scanner (self, NULL);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_clear_object (&self->store);
  g_clear_object (&self->library_store);
  g_clear_object (&self->clock);
  g_clear_object (&self->secrets);
  g_clear_object (&self->http);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_refresher_parent_class)->dispose (object);
}

static void
ssv_refresher_finalize (GObject *object)
{
  SsvRefresher *self = SSV_REFRESHER (object);

  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);

  G_OBJECT_CLASS (ssv_refresher_parent_class)->finalize (object);
}

static void
ssv_refresher_class_init (SsvRefresherClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_refresher_dispose;
  object_class->finalize = ssv_refresher_finalize;
}

static void
ssv_refresher_init (SsvRefresher *self)
{
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
}

static void
on_store_changed (SsvStore   *store,
                  const char *detail,
                  gpointer    user_data)
{
  SsvRefresher *self = user_data;

  if (self->library_store != NULL)
    ssv_store_emit_changed (self->library_store, detail);
}

/**
 * ssv_refresher_new:
 * @library_store: (nullable): told "changed" when a refresh wrote, for the lists
 *
 * Its signals and its stores' arrive on the calling thread's main context.
 */
SsvRefresher *
ssv_refresher_new (SsvDatabase *database,
                   SsvHttp     *http,
                   SsvSecrets  *secrets,
                   SsvClock    *clock,
                   SsvStore    *library_store)
{
  SsvRefresher *self = g_object_new (SSV_TYPE_REFRESHER, NULL);

  self->database = g_object_ref (database);
  self->http = g_object_ref (http);
  self->secrets = g_object_ref (secrets);
  self->clock = g_object_ref (clock);
  self->store = ssv_enrichment_store_new (database);
  self->library_store = library_store ? g_object_ref (library_store) : NULL;
  g_signal_connect (self->store, "changed", G_CALLBACK (on_store_changed), self);

  return self;
}
