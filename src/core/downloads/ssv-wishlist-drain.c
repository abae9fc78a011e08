/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-wishlist-drain.c: the automatic search of the wishlist. Each due item is searched on every
 * indexer under its own profile, a few at a time, and the best accepted hit goes through the
 * grabber (so the monitor and the retry engine take over). What came out since it was last
 * looked at goes first; the indexers' recent feeds are read between drains. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-searcher.h"
#include "ssv-utils.h"
#include "downloads/ssv-wishlist-drain-private.h"
#include "providers/ssv-tmdb-discover.h"
#include "stores/ssv-profile-store.h"
#include "stores/ssv-settings-store.h"

#define DAY (24 * 3600)


enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

enum {
  ITEM_SEARCHED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvWishlistDrain, ssv_wishlist_drain, G_TYPE_OBJECT)

/* ---- reports -------------------------------------------------------------------------- */

void
ssv_drain_item_free (SsvDrainItem *item)
{
  g_free (item->label);
  g_free (item->grabbed);
  g_free (item->result);
  g_free (item);
}

SsvDrainReport *
ssv_drain_report_new (void)
{
  SsvDrainReport *report = g_new0 (SsvDrainReport, 1);

  report->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_drain_item_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  return report;
}

void
ssv_drain_report_free (SsvDrainReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->items);
  g_ptr_array_unref (report->problems);
  g_free (report);
}

/* One line for the Scheduled Tasks list: "3 searched, 1 grabbed". */
char *
ssv_drain_report_dup_summary (const SsvDrainReport *report)
{
  g_autofree char *searched = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item searched",
                                                            "%u items searched", report->n_searched),
                                               report->n_searched);

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u grabbed", "%s, %u grabbed", report->n_grabbed),
                          searched, report->n_grabbed);
}

char *
ssv_drain_label_of (const SsvWishSearchRow *row)
{
  if (row->episode)
    return g_strdup_printf ("%s · S%02dE%02d", row->title, row->season, row->number);
  if (row->year > 0)
    return g_strdup_printf ("%s (%d)", row->title, row->year);
  return g_strdup (row->title);
}

/* ---- signals on the main context -------------------------------------------------------- */

typedef struct
{
  SsvWishlistDrain *self;
  gint64            wishlist_id;
  char             *result;
} Announce;

static void
announce_free (gpointer data)
{
  Announce *a = data;

  g_object_unref (a->self);
  g_free (a->result);
  g_free (a);
}

static gboolean
announce_cb (gpointer data)
{
  Announce *a = data;

  g_signal_emit (a->self, signals[ITEM_SEARCHED], 0, a->wishlist_id, a->result);
  return G_SOURCE_REMOVE;
}

void
ssv_drain_announce (SsvWishlistDrain *self,
          gint64            wishlist_id,
          const char       *result)
{
  Announce *a = g_new0 (Announce, 1);

  a->self = g_object_ref (self);
  a->wishlist_id = wishlist_id;
  a->result = g_strdup (result);
  ssv_dispatch_to (self->main_context, announce_cb, a, announce_free);
}

static gboolean
notify_running_cb (gpointer data)
{
  g_object_notify_by_pspec (data, properties[PROP_RUNNING]);
  return G_SOURCE_REMOVE;
}

gboolean
ssv_drain_begin_run (SsvWishlistDrain  *self,
           GError           **error)
{
  if (!g_atomic_int_compare_and_exchange (&self->running, 0, 1))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_BUSY, _("A search of the wishlist is under way already."));
      return FALSE;
    }
  ssv_dispatch_to (self->main_context, notify_running_cb, g_object_ref (self), g_object_unref);
  return TRUE;
}

void
ssv_drain_end_run (SsvWishlistDrain *self)
{
  g_atomic_int_set (&self->running, 0);
  ssv_dispatch_to (self->main_context, notify_running_cb, g_object_ref (self), g_object_unref);
}

/* ---- what a run needs ------------------------------------------------------------------- */


void
ssv_drain_run_clear (Run *run)
{
  g_clear_pointer (&run->indexers, g_ptr_array_unref);
  g_clear_pointer (&run->profiles, g_ptr_array_unref);
  g_clear_pointer (&run->blocklist, ssv_blocklist_unref);
}

SsvQualityProfile *
ssv_drain_profile_of (const Run              *run,
            const SsvWishSearchRow *row)
{
  return ssv_quality_profiles_find_or_first (run->profiles, row->profile_id);
}

gboolean
ssv_drain_load_profiles (SsvWishlistDrain  *self,
               Run               *run,
               GError           **error)
{
  if (!ssv_profile_store_ensure_defaults (self->profiles, error))
    return FALSE;
  run->profiles = ssv_profile_store_list (self->profiles, error);
  if (run->profiles == NULL)
    return FALSE;
  /* A release that stalled or proved bad is not grabbed again by the drain either. */
  run->blocklist = ssv_blocklist_store_load (self->blocklist, error);
  if (run->blocklist == NULL)
    return FALSE;
  if (run->profiles->len == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           _("There is no quality profile to judge releases by; add one in Preferences."));
      return FALSE;
    }

  return TRUE;
}

gboolean
ssv_drain_load_indexers (SsvWishlistDrain  *self,
               Run               *run,
               gboolean           feeds_only,
               GCancellable      *cancellable,
               GError           **error)
{
  g_autoptr(GPtrArray) all = ssv_grab_load_indexers (self->store, self->secrets, cancellable, error);

  if (all == NULL)
    return FALSE;

  run->indexers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len; i++)
    {
      SsvIndexer *indexer = g_ptr_array_index (all, i);
      SsvIndexerKind kind = ssv_indexer_get_kind (indexer);

      if (feeds_only && kind != SSV_INDEXER_TORZNAB && kind != SSV_INDEXER_NEWZNAB)
        continue;
      /* A whole window per run: the budget holds for this run, then starts again. */
      ssv_indexer_set_budget (indexer, self->indexer_budget, 24 * 3600);
      g_ptr_array_add (run->indexers, g_object_ref (indexer));
    }

  if (run->indexers->len == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND,
                           feeds_only ? _("No Torznab or Newznab indexer has a feed to read; add one in "
                                          "Preferences → Indexers & Clients.")
                                      : _("No indexer to search; add one in Preferences → Indexers & Clients."));
      return FALSE;
    }

  return TRUE;
}

/* ---- release dates ------------------------------------------------------------------- */

/* A film not owned whose home release date is unknown or still ahead: TMDB is asked again
 * once a day (release dates move). Without a TMDB key the year rule stands in. */
static void
refresh_release_dates (SsvWishlistDrain *self,
                       GPtrArray        *rows,
                       const Run        *run,
                       GCancellable     *cancellable)
{
  g_autofree char *key = NULL;
  g_autofree char *region = NULL;
  gboolean asked_key = FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      SsvWishSearchRow *row = g_ptr_array_index (rows, i);
      g_autofree char *path = NULL;
      g_autofree char *home = NULL;
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(GError) error = NULL;

      if (row->episode || row->owned_path != NULL || row->tmdb_id <= 0 || row->downloading)
        continue;
      if (row->home_release_date != NULL &&
          ssv_wishlist_day_start (row->home_release_date, self->zone) <= run->now)
        continue;
      if (row->release_checked_at > 0 && run->now - row->release_checked_at < DAY)
        continue;

      if (!asked_key)
        {
          asked_key = TRUE;
          key = ssv_secrets_lookup_sync (self->secrets, "api-key:tmdb", cancellable, NULL);
          region = ssv_settings_store_get (self->database, "metadata.region", NULL);
        }
      if (key == NULL || key[0] == '\0')
        return;

      path = g_strdup_printf ("/movie/%" G_GINT64_FORMAT "/release_dates", row->tmdb_id);
      root = ssv_tmdb_get (self->http, key, path, NULL, cancellable, &error);
      if (root == NULL)
        {
          /* The cached date (or the year) stands; asked again at the next drain. */
          g_debug ("No release dates for %s: %s", row->title, error->message);
          if (g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) ||
              g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            return;
          continue;
        }

      home = ssv_tmdb_home_release_date (root, region != NULL && region[0] != '\0' ? region : "US", NULL);
      if (ssv_wishlist_search_store_set_home_release (self->database, row->wishlist_id, home, run->now, &error))
        {
          g_free (row->home_release_date);
          row->home_release_date = g_steal_pointer (&home);
          row->release_checked_at = run->now;
        }
    }
}

/* ---- the due rule applied --------------------------------------------------------------- */

SsvQuality
ssv_drain_owned_quality (const char *path)
{
  g_autofree char *base = path != NULL ? g_path_get_basename (path) : NULL;
  SsvRelease release;

  if (base == NULL || !ssv_release_parse (base, &release))
    return SSV_QUALITY_UNKNOWN;

  return ssv_quality_from_release (&release);
}

void
ssv_drain_judge_due (SsvWishlistDrain       *self,
           const Run              *run,
           const SsvWishSearchRow *row,
           SsvWishDue             *due)
{
  SsvWishDueFacts facts = { 0, };

  facts.episode = row->episode;
  facts.available_at = row->episode
    ? ssv_wishlist_aired_at (row->air_date, row->air_time, row->air_time_zone, self->zone)
    : ssv_wishlist_movie_available_at (row->home_release_date, row->year, self->zone);
  facts.owned = row->owned_path != NULL;
  facts.owned_quality = ssv_drain_owned_quality (row->owned_path);
  facts.downloading = row->downloading;
  facts.fruitless = row->fruitless;
  facts.last_search_at = row->last_search_at;

  ssv_wishlist_due (&facts, ssv_drain_profile_of (run, row), run->now, due);
}

static gboolean
wanted_by_mode (SsvDrainMode       mode,
                const SsvWishDue  *due)
{
  switch (mode)
    {
    case SSV_DRAIN_CATCH_UP:
      return due->catch_up && ssv_wish_due_is_search (due->state);
    case SSV_DRAIN_NOW:
      return ssv_wish_due_is_search (due->state) || due->state == SSV_WISH_DUE_WAITING;
    case SSV_DRAIN_DUE:
    default:
      return ssv_wish_due_is_search (due->state);
    }
}

/* ---- one item --------------------------------------------------------------------------- */


SsvSearchItem *
ssv_drain_search_item_of (const SsvWishSearchRow *row)
{
  SsvSearchItem *item;

  if (row->episode)
    {
      item = ssv_search_item_new_episode (row->title, (guint) MAX (row->season, 0), (guint) MAX (row->number, 0));
      item->year = (guint) MAX (row->year, 0);
      ssv_search_item_set_air_date (item, row->air_date, FALSE);
    }
  else
    item = ssv_search_item_new_movie (row->title, (guint) MAX (row->year, 0));
  ssv_search_item_set_ids (item, row->tmdb_id, row->tvdb_id, row->imdb_id);

  return item;
}

/* The sources that could not be searched, one line each; NULL when every one answered. */
static char *
describe_failures (SsvSearch *search)
{
  g_autoptr(GPtrArray) failures = ssv_search_dup_failures (search);
  g_autoptr(GString) text = NULL;

  if (failures == NULL || failures->len == 0)
    return NULL;
  text = g_string_new (NULL);
  for (guint i = 0; i < failures->len; i++)
    {
      const SsvSearchFailure *failure = g_ptr_array_index (failures, i);

      g_string_append_printf (text, "%s%s", text->len > 0 ? " " : "", failure->message);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Sends the best accepted hit unless a download of the item started meanwhile (the other
 * job of this drain, the RSS sync, or the person by hand): nothing is grabbed twice. */
char *
ssv_drain_grab_best (Job                     *job,
           const SsvSearchItem     *search_item,
           const SsvQualityProfile *profile,
           GPtrArray               *hits,
           guint                    pick)
{
  SsvWishlistDrain *self = job->self;
  const SsvJudgedHit *best = g_ptr_array_index (hits, pick);
  g_autoptr(SsvGrabRequest) request = NULL;
  g_autoptr(GError) error = NULL;
  gboolean downloading = FALSE, claimed;
  gint64 id, recorded = 0;

  g_mutex_lock (&self->lock);
  claimed = !g_hash_table_contains (self->in_flight, &job->row->wishlist_id) &&
            ssv_wishlist_search_store_is_downloading (self->database, job->row->wishlist_id, &downloading, NULL) &&
            !downloading;
  if (claimed)
    g_hash_table_add (self->in_flight, g_memdup2 (&job->row->wishlist_id, sizeof (gint64)));
  g_mutex_unlock (&self->lock);
  if (!claimed)
    {
      job->item->state = SSV_WISH_DUE_DOWNLOADING;
      return g_strdup (_("Found a release, but a download of it started meanwhile; nothing grabbed twice."));
    }

  request = ssv_grab_request_new_from_hits (search_item, profile, hits, pick);
  request->wanted.wishlist_id = job->row->wishlist_id;
  g_free (request->wanted.poster_url);
  request->wanted.poster_url = g_strdup (job->row->poster_url);
  id = ssv_grabber_grab (self->grabber, request, &recorded, job->cancellable, &error);

  g_mutex_lock (&self->lock);
  g_hash_table_remove (self->in_flight, &job->row->wishlist_id);
  g_mutex_unlock (&self->lock);

  if (id == 0)
    return g_strdup_printf (_("Found “%s”, but the grab failed: %s"), best->hit->title, error->message);

  job->item->grabbed = g_strdup (best->hit->title);
  job->item->download_id = id;
  job->item->state = SSV_WISH_DUE_DOWNLOADING;
  return g_strdup_printf (_("Grabbed “%s” (score %d) from %s."), best->hit->title, best->decision->score,
                          best->hit->indexer != NULL ? best->hit->indexer : _("an indexer"));
}

static char *
describe_misses (GPtrArray *hits)
{
  g_autofree char *why = NULL;

  if (hits->len == 0)
    return g_strdup (_("Nothing found."));

  why = ssv_judged_hit_dup_reasons (g_ptr_array_index (hits, 0), SSV_REASON_REJECT);
  if (why != NULL && strchr (why, '\n') != NULL)
    *strchr (why, '\n') = '\0';

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Found %u release, none accepted (the best: %s).",
                                       "Found %u releases, none accepted (the best: %s).", hits->len),
                          hits->len, why != NULL && why[0] != '\0' ? why : _("no reason given"));
}

static void
search_one (gpointer data,
            gpointer user_data)
{
  Job *job = data;
  SsvWishlistDrain *self = job->self;
  const SsvQualityProfile *profile = ssv_drain_profile_of (job->run, job->row);
  g_autoptr(SsvSearchItem) search_item = ssv_drain_search_item_of (job->row);
  g_autoptr(SsvSearcher) searcher = ssv_searcher_new (self->http);
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *failures = NULL;
  g_autofree char *outcome = NULL;
  g_autoptr(GError) error = NULL;
  guint pick;

  if (g_cancellable_is_cancelled (job->cancellable))
    return;

  for (guint i = 0; i < job->run->indexers->len; i++)
    ssv_searcher_add_indexer (searcher, g_ptr_array_index (job->run->indexers, i));
  ssv_searcher_set_blocklist (searcher, job->run->blocklist);
  search = ssv_searcher_search_sync (searcher, search_item, (SsvQualityProfile *) profile,
                                     job->row->owned_path != NULL ? &job->owned : NULL, job->cancellable);
  hits = ssv_search_dup_results (search);
  ssv_judged_hits_sort (hits);
  failures = describe_failures (search);

  job->item->searched = TRUE;
  job->item->n_hits = hits->len;
  for (pick = 0; pick < hits->len; pick++)
    if (((SsvJudgedHit *) g_ptr_array_index (hits, pick))->decision->accepted)
      job->item->n_accepted++;
  for (pick = 0; pick < hits->len; pick++)
    if (((SsvJudgedHit *) g_ptr_array_index (hits, pick))->decision->accepted)
      break;

  outcome = pick < hits->len ? ssv_drain_grab_best (job, search_item, profile, hits, pick) : describe_misses (hits);
  job->item->result = failures != NULL ? g_strconcat (outcome, " ", failures, NULL) : g_steal_pointer (&outcome);
  job->item->next_at = job->item->grabbed != NULL
    ? 0 : job->run->now + ssv_wishlist_backoff_s (job->row->fruitless + 1);

  if (!ssv_wishlist_search_store_record (self->database, job->row->wishlist_id, job->run->now,
                                         job->item->grabbed != NULL, job->item->result, job->item->next_at, &error))
    g_warning ("Could not record the search of %s: %s", job->item->label, error->message);
  ssv_drain_announce (self, job->row->wishlist_id, job->item->result);
}

/* ---- a drain -------------------------------------------------------------------------- */

typedef struct
{
  SsvWishSearchRow *row;
  SsvDrainItem     *item;    /* owned until it goes into the report */
} Planned;

static void
planned_free (gpointer data)
{
  Planned *p = data;

  g_clear_pointer (&p->item, ssv_drain_item_free);
  g_free (p);
}

/* Catch-up first, then what waited longest (never searched first). */
static int
compare_planned (gconstpointer a,
                 gconstpointer b)
{
  const Planned *pa = *(Planned * const *) a;
  const Planned *pb = *(Planned * const *) b;

  if (pa->item->catch_up != pb->item->catch_up)
    return pa->item->catch_up ? -1 : 1;
  if (pa->row->last_search_at != pb->row->last_search_at)
    return pa->row->last_search_at < pb->row->last_search_at ? -1 : 1;
  return pa->row->wishlist_id < pb->row->wishlist_id ? -1 : pa->row->wishlist_id > pb->row->wishlist_id;
}

/* Decides every row: the chosen ones in @chosen (search order), the rest straight into the
 * report with why not and when next, their next search written in one transaction. */
static gboolean
plan_rows (SsvWishlistDrain  *self,
           const Run         *run,
           SsvDrainMode       mode,
           GPtrArray         *rows,
           GPtrArray         *chosen,
           SsvDrainReport    *report,
           GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) next = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < rows->len; i++)
    {
      SsvWishSearchRow *row = g_ptr_array_index (rows, i);
      SsvDrainItem *item = g_new0 (SsvDrainItem, 1);
      SsvWishDue due;

      ssv_drain_judge_due (self, run, row, &due);
      item->wishlist_id = row->wishlist_id;
      item->label = ssv_drain_label_of (row);
      item->state = due.state;
      item->catch_up = due.catch_up;
      item->next_at = due.next_at;

      if (wanted_by_mode (mode, &due))
        {
          Planned *p = g_new0 (Planned, 1);

          if (item->state == SSV_WISH_DUE_WAITING)
            item->state = row->owned_path != NULL ? SSV_WISH_DUE_UPGRADE : SSV_WISH_DUE_SEARCH;
          p->row = row;
          p->item = item;
          g_ptr_array_add (chosen, p);
          continue;
        }

      item->result = g_strdup (ssv_wish_due_state_describe (due.state));
      g_ptr_array_add (report->items, item);
      if (due.next_at != row->next_search_at)
        {
          g_array_append_val (ids, row->wishlist_id);
          g_array_append_val (next, due.next_at);
        }
    }

  g_ptr_array_sort (chosen, compare_planned);
  return ssv_wishlist_search_store_set_next (self->database, (const gint64 *) (gpointer) ids->data,
                                             (const gint64 *) (gpointer) next->data, ids->len, error);
}

static void
search_planned (SsvWishlistDrain *self,
                const Run        *run,
                GPtrArray        *chosen,
                SsvDrainReport   *report,
                GCancellable     *cancellable)
{
  g_autoptr(GPtrArray) jobs = g_ptr_array_new ();
  GThreadPool *pool;

  pool = g_thread_pool_new (search_one, NULL, (int) MAX (self->concurrency, 1), FALSE, NULL);
  for (guint i = 0; i < chosen->len; i++)
    {
      Planned *p = g_ptr_array_index (chosen, i);
      Job *job = g_new0 (Job, 1);

      job->self = self;
      job->run = run;
      job->row = p->row;
      job->item = p->item;
      job->cancellable = cancellable;
      if (p->row->owned_path != NULL)
        {
          job->owned_name = g_path_get_basename (p->row->owned_path);
          job->owned.quality = ssv_drain_owned_quality (p->row->owned_path);
          job->owned.revision_version = 1;
          job->owned.name = job->owned_name;
        }
      g_ptr_array_add (jobs, job);
      g_thread_pool_push (pool, job, NULL);
    }
  /* Waits for every job; they run at most self->concurrency at a time, in the order pushed. */
  g_thread_pool_free (pool, FALSE, TRUE);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      Planned *p = g_ptr_array_index (chosen, i);

      if (job->item->result == NULL)
        job->item->result = g_strdup (_("Not searched: the search was stopped."));
      report->n_searched += job->item->searched ? 1 : 0;
      report->n_grabbed += job->item->grabbed != NULL ? 1 : 0;
      g_ptr_array_insert (report->items, (int) i, g_steal_pointer (&p->item));
      g_free (job->owned_name);
      g_free (job);
    }
}

/* One drain, the run claimed already. */
static SsvDrainReport *
drain (SsvWishlistDrain          *self,
       SsvDrainMode               mode,
       const SsvWishSearchFilter *filter,
       GCancellable              *cancellable,
       GError                   **error)
{
  g_auto(Run) run = { NULL, };
  g_autoptr(SsvDrainReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) chosen = NULL;
  gboolean ok;

  run.now = ssv_clock_get_now (self->clock);
  report = ssv_drain_report_new ();
  chosen = g_ptr_array_new_with_free_func (planned_free);
  ok = ssv_drain_load_profiles (self, &run, error) && (rows = ssv_wishlist_search_store_list (self->database, filter, error));
  if (ok)
    {
      refresh_release_dates (self, rows, &run, cancellable);
      ok = plan_rows (self, &run, mode, rows, chosen, report, error);
    }
  if (ok && chosen->len > 0)
    ok = ssv_drain_load_indexers (self, &run, FALSE, cancellable, error);
  if (ok && chosen->len > 0)
    search_planned (self, &run, chosen, report, cancellable);

  return ok ? g_steal_pointer (&report) : NULL;
}

/**
 * ssv_wishlist_drain_run_sync:
 * @filter: (nullable): which wanted items; %NULL for all
 *
 * One drain: every chosen item decided (due, catch-up or now), the due ones searched
 * a few at a time, the best accepted hit grabbed, each item's search recorded. Blocks.
 *
 * Returns: (transfer full): what became of each item, or %NULL with @error (nothing to
 *   search with, the library unreadable, or a drain under way already: %G_IO_ERROR_BUSY)
 */
SsvDrainReport *
ssv_wishlist_drain_run_sync (SsvWishlistDrain          *self,
                             SsvDrainMode               mode,
                             const SsvWishSearchFilter *filter,
                             GCancellable              *cancellable,
                             GError                   **error)
{
  SsvDrainReport *report;

  g_return_val_if_fail (SSV_IS_WISHLIST_DRAIN (self), NULL);

  if (!ssv_drain_begin_run (self, error))
    return NULL;
  report = drain (self, mode, filter, cancellable, error);
  ssv_drain_end_run (self);

  return report;
}

/* ---- async ------------------------------------------------------------------------------ */

typedef struct
{
  SsvDrainMode         mode;
  SsvWishSearchFilter  filter;   /* its strings owned */
  gboolean             rss;
} RunData;

static void
run_data_free (gpointer data)
{
  RunData *run = data;

  g_free ((char *) run->filter.movie);
  g_free ((char *) run->filter.show);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SsvWishlistDrain *self = source_object;
  RunData *data = task_data;
  GError *error = NULL;
  SsvDrainReport *report;

  /* The run was claimed on the caller's thread (start_task). */
  if (data->rss)
    report = ssv_drain_rss_sync (self, cancellable, &error);
  else
    report = drain (self, data->mode, &data->filter, cancellable, &error);
  ssv_drain_end_run (self);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) ssv_drain_report_free);
}

static void
start_task (SsvWishlistDrain    *self,
            RunData             *data,
            gpointer             source_tag,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  GError *error = NULL;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, run_data_free);
  /* Claimed here, so "running" is true as soon as a run is asked for. */
  if (!ssv_drain_begin_run (self, &error))
    g_task_return_error (task, error);
  else
    g_task_run_in_thread (task, run_thread);
}

void
ssv_wishlist_drain_run_async (SsvWishlistDrain    *self,
                              SsvDrainMode         mode,
                              gint64               wishlist_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  SsvWishSearchFilter filter = { wishlist_id, NULL, NULL, -1 };

  ssv_wishlist_drain_run_filtered_async (self, mode, &filter, cancellable, callback, user_data);
}

/**
 * ssv_wishlist_drain_run_filtered_async:
 * @filter: which wanted items (copied): one, a film or a show by title, a show by its
 *   wishlist show id, and a season of it
 *
 * As ssv_wishlist_drain_run_sync(), in a thread; finish with ssv_wishlist_drain_run_finish().
 */
void
ssv_wishlist_drain_run_filtered_async (SsvWishlistDrain          *self,
                                       SsvDrainMode               mode,
                                       const SsvWishSearchFilter *filter,
                                       GCancellable              *cancellable,
                                       GAsyncReadyCallback        callback,
                                       gpointer                   user_data)
{
  RunData *data = g_new0 (RunData, 1);

  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self));
  g_return_if_fail (filter != NULL);

  data->mode = mode;
  data->filter = *filter;
  data->filter.movie = g_strdup (filter->movie);
  data->filter.show = g_strdup (filter->show);
  start_task (self, data, ssv_wishlist_drain_run_async, cancellable, callback, user_data);
}

void
ssv_wishlist_drain_rss_async (SsvWishlistDrain    *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  RunData *data = g_new0 (RunData, 1);

  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self));

  data->rss = TRUE;
  start_task (self, data, ssv_wishlist_drain_rss_async, cancellable, callback, user_data);
}

/* Finishes run_async and rss_async. */
SsvDrainReport *
ssv_wishlist_drain_run_finish (SsvWishlistDrain  *self,
                               GAsyncResult      *result,
                               GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- scheduled jobs, start and wake ------------------------------------------------------- */

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(SsvDrainReport) report = ssv_wishlist_drain_run_finish (SSV_WISHLIST_DRAIN (source), result, &error);

  if (report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_signal_emit (source, signals[FINISHED], 0, report);
  if (report->problems->len > 0)
    {
      g_autofree char *summary = ssv_drain_report_dup_summary (report);

      g_task_return_pointer (task, g_strdup_printf ("%s; %s", summary,
                                                    (char *) g_ptr_array_index (report->problems, 0)), g_free);
    }
  else
    g_task_return_pointer (task, ssv_drain_report_dup_summary (report), g_free);
}

static void
drain_job (SsvScheduler    *scheduler,
           SsvSchedulerJob *job,
           GTask           *task,
           gpointer         user_data)
{
  SsvWishlistDrain *self = user_data;

  if (g_str_equal (ssv_scheduler_job_get_name (job), SSV_WISHLIST_RSS_JOB))
    ssv_wishlist_drain_rss_async (self, g_task_get_cancellable (task), job_done_cb, g_object_ref (task));
  else
    ssv_wishlist_drain_run_async (self, SSV_DRAIN_DUE, 0, g_task_get_cancellable (task), job_done_cb,
                                  g_object_ref (task));
}

/**
 * ssv_wishlist_drain_register_jobs:
 *
 * "Search the wishlist" (hourly) and "Check indexer feeds" (every 15 minutes) join
 * @scheduler's jobs, so Preferences → Scheduled Tasks lists them with Run Now.
 */
void
ssv_wishlist_drain_register_jobs (SsvWishlistDrain *self,
                                  SsvScheduler     *scheduler)
{
  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self));
  g_return_if_fail (SSV_IS_SCHEDULER (scheduler));

  ssv_scheduler_register (scheduler, SSV_WISHLIST_DRAIN_JOB, _("Search the wishlist"), SSV_WISHLIST_DRAIN_INTERVAL,
                          SSV_JOB_NO_HOUR, SSV_JOB_NONE, drain_job, g_object_ref (self), g_object_unref);
  ssv_scheduler_register (scheduler, SSV_WISHLIST_RSS_JOB, _("Check indexer feeds for wanted items"),
                          SSV_WISHLIST_RSS_INTERVAL, SSV_JOB_NO_HOUR, SSV_JOB_NONE, drain_job,
                          g_object_ref (self), g_object_unref);
}

static void
catch_up_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvDrainReport) report = ssv_wishlist_drain_run_finish (SSV_WISHLIST_DRAIN (source), result, &error);

  if (report != NULL)
    g_signal_emit (source, signals[FINISHED], 0, report);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BUSY) &&
           !g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND))
    g_message ("The wishlist's catch-up search failed: %s", error->message);
}

static void
catch_up (SsvWishlistDrain *self)
{
  ssv_wishlist_drain_run_async (self, SSV_DRAIN_CATCH_UP, 0, NULL, catch_up_done_cb, NULL);
}

/**
 * ssv_wishlist_drain_start:
 * @sleep_monitor: (nullable): says when the machine wakes
 *
 * Searches at once what came out while the app was off, and again after each
 * wake what came out while the machine slept: before the hourly drain's turn.
 */
void
ssv_wishlist_drain_start (SsvWishlistDrain *self,
                          SsvSleepMonitor  *sleep_monitor)
{
  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self));

  if (self->sleep_monitor != NULL)
    g_clear_signal_handler (&self->resumed_id, self->sleep_monitor);
  g_set_object (&self->sleep_monitor, sleep_monitor);
  if (sleep_monitor != NULL)
    self->resumed_id = g_signal_connect_swapped (sleep_monitor, "resumed", G_CALLBACK (catch_up), self);

  catch_up (self);
}

gboolean
ssv_wishlist_drain_get_running (SsvWishlistDrain *self)
{
  g_return_val_if_fail (SSV_IS_WISHLIST_DRAIN (self), FALSE);

  return g_atomic_int_get (&self->running) != 0;
}

void
ssv_wishlist_drain_set_concurrency (SsvWishlistDrain *self,
                                    guint             n_items)
{
  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self));

  self->concurrency = MAX (n_items, 1);
}

/* Requests each indexer answers per drain (0: no budget). */
void
ssv_wishlist_drain_set_indexer_budget (SsvWishlistDrain *self,
                                       guint             requests)
{
  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self));

  self->indexer_budget = requests;
}

/* The zone release days and air times are read in (tests pin it). */
void
ssv_wishlist_drain_set_time_zone (SsvWishlistDrain *self,
                                  GTimeZone        *zone)
{
  g_return_if_fail (SSV_IS_WISHLIST_DRAIN (self) && zone != NULL);

  g_time_zone_unref (self->zone);
  self->zone = g_time_zone_ref (zone);
}

/* ---- GObject ------------------------------------------------------------------------------- */

static void
ssv_wishlist_drain_dispose (GObject *object)
{
  SsvWishlistDrain *self = SSV_WISHLIST_DRAIN (object);

  if (self->sleep_monitor != NULL)
    g_clear_signal_handler (&self->resumed_id, self->sleep_monitor);
  g_clear_object (&self->sleep_monitor);

  G_OBJECT_CLASS (ssv_wishlist_drain_parent_class)->dispose (object);
}

static void
ssv_wishlist_drain_finalize (GObject *object)
{
  SsvWishlistDrain *self = SSV_WISHLIST_DRAIN (object);

  g_clear_object (&self->database);
  g_clear_object (&self->store);
  g_clear_object (&self->http);
  g_clear_object (&self->secrets);
  g_clear_object (&self->grabber);
  g_clear_object (&self->clock);
  g_clear_object (&self->profiles);
  g_clear_object (&self->blocklist);
  g_clear_pointer (&self->main_context, g_main_context_unref);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_wishlist_drain_parent_class)->finalize (object);
}

static void
ssv_wishlist_drain_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SsvWishlistDrain *self = SSV_WISHLIST_DRAIN (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, ssv_wishlist_drain_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_wishlist_drain_class_init (SsvWishlistDrainClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_wishlist_drain_dispose;
  object_class->finalize = ssv_wishlist_drain_finalize;
  object_class->get_property = ssv_wishlist_drain_get_property;

  /* A drain or feed check is under way. */
  properties[PROP_RUNNING] = g_param_spec_boolean ("running", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One item searched (on the main context): its wishlist id and the result in plain words. */
  signals[ITEM_SEARCHED] = g_signal_new ("item-searched", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  /* A scheduled drain, feed check or catch-up ended (SsvDrainReport *). */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
ssv_wishlist_drain_init (SsvWishlistDrain *self)
{
  g_mutex_init (&self->lock);
  self->in_flight = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->concurrency = SSV_WISHLIST_DRAIN_CONCURRENCY;
  self->indexer_budget = SSV_WISHLIST_DRAIN_INDEXER_BUDGET;
  self->zone = g_time_zone_new_local ();
}

SsvWishlistDrain *
ssv_wishlist_drain_new (SsvDatabase      *database,
                        SsvHttp          *http,
                        SsvSecrets       *secrets,
                        SsvDownloadStore *store,
                        SsvGrabber       *grabber,
                        SsvClock         *clock)
{
  SsvWishlistDrain *self;

  g_return_val_if_fail (SSV_IS_DATABASE (database) && SSV_IS_HTTP (http) && SSV_IS_GRABBER (grabber), NULL);

  self = g_object_new (SSV_TYPE_WISHLIST_DRAIN, NULL);
  self->database = g_object_ref (database);
  self->store = g_object_ref (store);
  self->http = g_object_ref (http);
  self->secrets = secrets != NULL ? g_object_ref (secrets) : NULL;
  self->grabber = g_object_ref (grabber);
  self->clock = clock != NULL ? g_object_ref (clock) : ssv_clock_new ();
  self->profiles = ssv_profile_store_new (database);
  self->blocklist = ssv_blocklist_store_new (database);
  self->main_context = g_main_context_ref_thread_default ();

  return self;
}
