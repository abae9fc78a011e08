/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-retry-engine.c: carries out ssv_retry_plan() for a failed download, in a worker thread:
 * the old transfer out of its client, the next candidate sent inline, or (the pool dry) the
 * download "searching" while the next alternate query is searched under the grab's own profile,
 * or, nothing left, failed with the reason. Every step is a line in the download's timeline. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-grab-hits.h"
#include "downloads/ssv-retry-engine.h"
#include "downloads/ssv-searcher.h"
#include "model/ssv-download-private.h"
#include "stores/ssv-download-store-retry.h"

struct _SsvRetryEngine
{
  GObject             parent_instance;

  SsvClientPool      *pool;
  SsvGrabber         *grabber;
  SsvProfileStore    *profiles;
  SsvBlocklistStore  *blocklist;
  SsvDownloadMonitor *monitor;
  gulong              failed_id;
  gulong              stalled_id;
  gulong              state_id;
  GCancellable       *cancellable;
  GHashTable         *busy;       /* gint64 ids a job works on */
  GHashTable         *gave_up;    /* gint64 ids the engine failed itself: their news is its own */
  GHashTable         *rejected;   /* gint64 ids whose files the import refused: import-rejected retries them */
  guint               n_running;
};

G_DEFINE_FINAL_TYPE (SsvRetryEngine, ssv_retry_engine, G_TYPE_OBJECT)

enum
{
  RETRIED,
  IDLE,
  N_SIGNALS,
};

static guint signals[N_SIGNALS];

typedef enum
{
  JOB_FAILED,     /* the monitor saw it fail */
  JOB_ADOPT,      /* a "searching" row found at start */
  JOB_BY_HAND,    /* "Retry with another" */
  JOB_BLOCK,      /* blocklist the release, then retry */
} JobKind;

typedef struct
{
  JobKind   kind;
  gint64    id;
  char     *reason;      /* JOB_BLOCK: why */
  gboolean  manual;
  gboolean  gave_up;     /* out: the download failed for good */
  gboolean  moved;       /* out: something was written */
} Job;

static void
job_free (Job *job)
{
  g_free (job->reason);
  g_free (job);
}

/* ---- the work, on a worker thread --------------------------------------------- */

typedef struct
{
  SsvRetryEngine   *engine;
  SsvDownloadStore *store;
  SsvDownload      *download;
  GPtrArray        *candidates;  /* SsvDownloadCandidate */
  GPtrArray        *queries;     /* char * */
  SsvBlocklist     *blocklist;
  SsvSearchItem    *item;
  char             *previous;    /* why the last release failed, in plain words */
  char             *last_event;
  int               attempts;
} Run;

static void
run_clear (Run *run)
{
  g_clear_object (&run->download);
  g_clear_pointer (&run->candidates, g_ptr_array_unref);
  g_clear_pointer (&run->queries, g_ptr_array_unref);
  g_clear_pointer (&run->blocklist, ssv_blocklist_unref);
  g_clear_pointer (&run->item, ssv_search_item_unref);
  g_clear_pointer (&run->previous, g_free);
  g_clear_pointer (&run->last_event, g_free);
}

static SsvSearchItem *
item_of (SsvDownload *d)
{
  const SsvDownloadWanted *w = &d->wanted;
  SsvSearchItem *item;

  switch (w->kind)
    {
    case SSV_DOWNLOAD_KIND_EPISODE:
      item = ssv_search_item_new_episode (w->title, (guint) MAX (w->season, 0), (guint) MAX (w->episode, 0));
      break;
    case SSV_DOWNLOAD_KIND_SEASON:
      item = ssv_search_item_new_season (w->title, (guint) MAX (w->season, 0));
      break;
    case SSV_DOWNLOAD_KIND_MOVIE:
    default:
      item = ssv_search_item_new_movie (w->title, (guint) MAX (w->year, 0));
      break;
    }
  if (w->kind != SSV_DOWNLOAD_KIND_MOVIE && w->year > 0)
    item->year = (guint) w->year;
  ssv_search_item_set_ids (item, w->tmdb_id, w->tvdb_id, w->imdb_id);
  if (w->air_date != NULL)
    ssv_search_item_set_air_date (item, w->air_date, FALSE);
  if (w->absolute > 0)
    ssv_search_item_set_absolute (item, (guint) w->absolute);

  return item;
}

static gboolean
run_load (Run     *run,
          gint64   id,
          GError **error)
{
  run->download = ssv_download_store_get (run->store, id, error);
  if (run->download == NULL)
    return FALSE;
  run->candidates = ssv_download_store_list_candidates (run->store, id, error);
  if (run->candidates == NULL)
    return FALSE;
  run->queries = ssv_download_store_list_tries (run->store, id, "query", error);
  if (run->queries == NULL)
    return FALSE;
  run->blocklist = ssv_blocklist_store_load (run->engine->blocklist, error);
  if (run->blocklist == NULL)
    return FALSE;
  run->item = item_of (run->download);
  run->attempts = run->download->attempts;

  return TRUE;
}

/* The pool's entry of the release @d holds now, or one made from the row (added to @candidates). */
static SsvDownloadCandidate *
current_candidate (SsvDownload *d,
                   GPtrArray   *candidates)
{
  SsvDownloadCandidate *c;

  for (guint i = candidates->len; i > 0; i--)
    {
      SsvDownloadCandidate *other = g_ptr_array_index (candidates, i - 1);

      if (other->tried && g_strcmp0 (other->release_title, d->release_title) == 0 &&
          g_strcmp0 (other->indexer, d->indexer) == 0)
        return other;
    }

  c = ssv_download_candidate_new (d->protocol, d->release_title);
  c->indexer = g_strdup (d->indexer);
  c->tried = TRUE;
  g_ptr_array_add (candidates, c);

  return c;
}

/* What blocks the release @d holds: its keys, and a torrent's infohash from the client's
 * reference (a .torrent's is known once the client has it). */
static SsvBlockEntry *
entry_for (SsvDownload *d,
           GPtrArray   *candidates,
           const char  *reason,
           gboolean     manual)
{
  SsvBlockEntry *entry = ssv_block_entry_new_for_candidate (current_candidate (d, candidates), reason, manual);

  if (entry->infohash == NULL && g_strcmp0 (d->protocol, "torrent") == 0 && d->reference != NULL &&
      strlen (d->reference) == 40)
    entry->infohash = g_ascii_strdown (d->reference, -1);

  return entry;
}

/**
 * ssv_retry_engine_dup_block_entry:
 *
 * The blocklist entry for the release @download_id holds now (not stored). Blocks.
 *
 * Returns: (transfer full): the entry, or NULL with @error
 */
SsvBlockEntry *
ssv_retry_engine_dup_block_entry (SsvRetryEngine  *self,
                                  gint64           download_id,
                                  const char      *reason,
                                  gboolean         manual,
                                  GError         **error)
{
  SsvDownloadStore *store;
  g_autoptr(SsvDownload) d = NULL;
  g_autoptr(GPtrArray) candidates = NULL;

  g_return_val_if_fail (SSV_IS_RETRY_ENGINE (self), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  store = ssv_client_pool_get_store (self->pool);
  if ((d = ssv_download_store_get (store, download_id, error)) == NULL ||
      (candidates = ssv_download_store_list_candidates (store, download_id, error)) == NULL)
    return NULL;

  return entry_for (d, candidates, reason, manual);
}

static void
note (Run        *run,
      const char *kind,
      const char *message)
{
  g_autoptr(GError) error = NULL;

  if (!ssv_download_store_add_event (run->store, run->download->id, kind, message, &error))
    g_warning ("Download %" G_GINT64_FORMAT ": %s", run->download->id, error->message);
}

static gboolean
block_current (Run         *run,
               const char  *reason,
               gboolean     manual,
               GError     **error)
{
  g_autoptr(SsvBlockEntry) entry = entry_for (run->download, run->candidates, reason, manual);
  g_autofree char *event = NULL;

  if (ssv_blocklist_store_add (run->engine->blocklist, entry, run->download->id, error) == 0)
    return FALSE;
  /* the set was built by this run and is not shared: it may still grow */
  ssv_blocklist_add (run->blocklist, entry);
  /* Translators: "Blocklisted “Heat.1995…”: No seeds for 3 hours." */
  event = g_strdup_printf (_("Blocklisted “%s”: %s"), entry->release_title, reason);
  note (run, "note", event);

  return TRUE;
}

/* Takes the old transfer out of its client; a client that is gone is said, not fatal. */
static void
remove_old_transfer (Run          *run,
                     GCancellable *cancellable)
{
  SsvDownload *d = run->download;
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(GError) error = NULL;

  if (d->reference == NULL)
    return;
  if (d->client_id > 0)
    client = ssv_client_pool_dup_client (run->engine->pool, d->client_id, cancellable, &error);
  else
    g_set_error_literal (&error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("its client was removed"));

  if (client != NULL && ssv_download_client_remove (client, d->reference, FALSE, cancellable, &error))
    return;
  if (g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND) && client != NULL)
    return;
  {
    /* Translators: "Could not take “X” out of Home: it is not answering" */
    g_autofree char *event = g_strdup_printf (_("Could not take “%s” out of %s: %s"), d->release_title,
                                              d->client_name != NULL ? d->client_name : _("its client"),
                                              error->message);
    note (run, "error", event);
  }
}

static void
set_cancelled (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("That download was cancelled; nothing more is tried."));
}

/* FALSE with %G_IO_ERROR_CANCELLED when the person cancelled the download meanwhile. */
static gboolean
still_wanted (Run     *run,
              GError **error)
{
  g_autoptr(SsvDownload) now = ssv_download_store_get (run->store, run->download->id, error);

  if (now == NULL)
    return FALSE;
  if (now->status != SSV_DOWNLOAD_CANCELLED)
    return TRUE;
  set_cancelled (error);
  return FALSE;
}

/* A release sent for a download that was cancelled meanwhile: out of its client again. */
static void
take_back (Run          *run,
           gint64        client_id,
           const char   *reference,
           GCancellable *cancellable)
{
  g_autoptr(SsvDownloadClient) client = NULL;
  g_autoptr(GError) error = NULL;

  client = ssv_client_pool_dup_client (run->engine->pool, client_id, cancellable, &error);
  if (client == NULL || !ssv_download_client_remove (client, reference, FALSE, cancellable, &error))
    g_warning ("Download %" G_GINT64_FORMAT " was cancelled, but “%s” could not be taken out of its client: %s",
               run->download->id, reference, error->message);
}

/* A write the store refused because the download is cancelled now: said as a cancel. */
static void
stand_down (Run     *run,
            GError **error)
{
  g_autoptr(SsvDownload) now = NULL;

  if (error == NULL || !g_error_matches (*error, SSV_ERROR, SSV_ERROR_REFUSED))
    return;
  now = ssv_download_store_get (run->store, run->download->id, NULL);
  if (now == NULL || now->status != SSV_DOWNLOAD_CANCELLED)
    return;
  g_clear_error (error);
  set_cancelled (error);
}

static void
set_last_event (Run  *run,
                char *event)
{
  g_free (run->last_event);
  run->last_event = event;
}

/* Sends candidate @index; FALSE when the client refused it (then it is tried, and
 * @run->previous says why). */
static gboolean
try_candidate (Run          *run,
               guint         index,
               GCancellable *cancellable,
               GError      **error)
{
  SsvDownloadCandidate *c = g_ptr_array_index (run->candidates, index);
  g_autoptr(SsvClientRow) row = NULL;
  g_autoptr(GError) refusal = NULL;
  g_autofree char *reference = NULL;
  SsvReleaseSwitch change = { 0 };

  /* cancelled while the engine searched: no new release is started for it */
  if (!still_wanted (run, error))
    return FALSE;
  reference = ssv_grabber_send (run->engine->grabber, c, &row, cancellable, &refusal);
  change.position = index;
  change.candidate = c;
  change.client_id = row != NULL ? row->id : 0;
  change.client_name = row != NULL ? row->name : NULL;
  change.reference = reference;
  change.error = refusal != NULL ? refusal->message : NULL;
  /* Translators: "failed: No seeds for 3 hours. → trying Heat.1995.720p… (score 1450)" */
  set_last_event (run, g_strdup_printf (_("failed: %s → trying %s (score %d)"), run->previous, c->release_title,
                                        c->score));
  change.event = run->last_event;
  if (!ssv_download_store_switch_release (run->store, run->download->id, &change, error))
    {
      /* cancelled between the look and the write: what was just sent leaves its client */
      if (reference != NULL && row != NULL)
        take_back (run, row->id, reference, cancellable);
      return FALSE;
    }

  c->tried = TRUE;
  run->attempts++;
  if (reference != NULL)
    return TRUE;

  g_free (run->previous);
  run->previous = g_strdup (refusal->message);
  return FALSE;
}

static SsvQualityProfile *
profile_of (Run     *run,
            GError **error)
{
  g_autoptr(GPtrArray) all = NULL;

  if (!ssv_profile_store_ensure_defaults (run->engine->profiles, error) ||
      (all = ssv_profile_store_list (run->engine->profiles, error)) == NULL)
    return NULL;
  /* the grab's profile: the wanted item's own, or the default one it was judged under */
  if (all->len > 0)
    return ssv_quality_profile_ref (ssv_quality_profiles_find_or_first (all, run->download->profile_id));

  g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("There is no quality profile to judge releases with."));
  return NULL;
}

static char *
describe_failures (GPtrArray *failures)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < failures->len; i++)
    {
      const SsvSearchFailure *f = g_ptr_array_index (failures, i);

      g_string_append_printf (text, "%s%s: %s", i > 0 ? "; " : "", f->source, f->message);
    }

  return g_string_free (text, FALSE);
}

/* Searches @query; the fresh releases join the pool. FALSE when no indexer could be asked. */
static gboolean
requery (Run          *run,
         const char   *query,
         GCancellable *cancellable,
         GError      **error)
{
  SsvRetryEngine *self = run->engine;
  g_autoptr(SsvQualityProfile) profile = NULL;
  g_autoptr(GPtrArray) indexers = NULL;
  g_autoptr(SsvSearcher) searcher = NULL;
  g_autoptr(SsvSearch) search = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  g_autoptr(GPtrArray) fresh = NULL;
  g_autofree char *event = NULL;

  /* Translators: "failed: No seeds. → searching again: “Heat”" */
  event = g_strdup_printf (_("failed: %s → searching again: “%s”"), run->previous, query);
  if (run->download->status != SSV_DOWNLOAD_SEARCHING &&
      !ssv_download_store_move_status (run->store, run->download->id, SSV_DOWNLOAD_RETRY_FROM,
                                       SSV_DOWNLOAD_SEARCHING, NULL, NULL, "state", event, error))
    return FALSE;
  run->download->status = SSV_DOWNLOAD_SEARCHING;
  set_last_event (run, g_strdup (event));

  profile = profile_of (run, error);
  if (profile == NULL)
    return FALSE;
  indexers = ssv_grab_load_indexers (run->store, ssv_client_pool_get_secrets (self->pool), cancellable, error);
  if (indexers == NULL)
    return FALSE;
  if (indexers->len == 0)
    {
      g_set_error_literal (error, SSV_ERROR, SSV_ERROR_NOT_FOUND, _("No indexer is set up to search again."));
      return FALSE;
    }

  searcher = ssv_searcher_new (ssv_client_pool_get_http (self->pool));
  for (guint i = 0; i < indexers->len; i++)
    ssv_searcher_add_indexer (searcher, g_ptr_array_index (indexers, i));
  ssv_searcher_set_blocklist (searcher, run->blocklist);
  search = ssv_searcher_search_text_sync (searcher, run->item, profile, query, cancellable);
  results = ssv_search_dup_results (search);
  failures = ssv_search_dup_failures (search);
  if (results->len == 0 && failures->len > 0 && failures->len >= ssv_search_get_n_sources (search))
    {
      g_autofree char *why = describe_failures (failures);

      /* the query stays untried: a later retry asks again */
      g_set_error (error, SSV_ERROR, SSV_ERROR_FAILED, _("Searching again for “%s” failed: %s"), query, why);
      return FALSE;
    }

  fresh = ssv_retry_merge_candidates (run->candidates, results, run->blocklist);
  g_clear_pointer (&event, g_free);
  event = fresh->len == 0
    ? g_strdup_printf (_("Searching “%s” found nothing new."), query)
    /* Translators: "Searching “Heat” found 3 new releases." */
    : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Searching “%s” found %u new release.",
                                    "Searching “%s” found %u new releases.", fresh->len), query, fresh->len);
  if (!ssv_download_store_add_candidates (run->store, run->download->id, fresh, query, event, error))
    return FALSE;

  g_ptr_array_add (run->queries, g_strdup (query));
  for (guint i = 0; i < fresh->len; i++)
    g_ptr_array_add (run->candidates, g_steal_pointer (&g_ptr_array_index (fresh, i)));
  if (fresh->len == 0)
    {
      g_free (run->previous);
      run->previous = g_strdup_printf (_("“%s” found nothing new"), query);
    }

  return TRUE;
}

static gboolean
give_up (Run         *run,
         const char  *reason,
         GError     **error)
{
  /* Translators: "failed: No seeds. → gave up: Nothing else to try…" */
  set_last_event (run, g_strdup_printf (_("failed: %s → gave up: %s"), run->previous, reason));

  return ssv_download_store_move_status (run->store, run->download->id, SSV_DOWNLOAD_RETRY_FROM,
                                         SSV_DOWNLOAD_FAILED, reason, NULL, "failed", run->last_event, error);
}

/* Plans and acts until a release is sent or nothing is left. */
static gboolean
run_plan (Run          *run,
          Job          *job,
          GCancellable *cancellable,
          GError      **error)
{
  /* each turn sends a release or makes a search; neither repeats */
  guint turns = SSV_RETRY_MAX_ATTEMPTS + run->candidates->len + 16;

  while (turns-- > 0)
    {
      g_autoptr(GPtrArray) tried = g_ptr_array_new ();
      g_autoptr(SsvRetryPlan) plan = NULL;
      SsvRetryDownload state = { 0 };
      g_autoptr(GError) search_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      for (guint i = 0; i < run->queries->len; i++)
        g_ptr_array_add (tried, g_ptr_array_index (run->queries, i));
      g_ptr_array_add (tried, NULL);
      state.attempts = run->attempts;
      state.candidates = run->candidates;
      state.tried_queries = (const char * const *) tried->pdata;
      state.item = run->item;
      plan = ssv_retry_plan (&state, run->blocklist);
      job->moved = TRUE;

      switch (plan->action)
        {
        case SSV_RETRY_CANDIDATE:
          if (try_candidate (run, plan->candidate, cancellable, error))
            return TRUE;
          if (error != NULL && *error != NULL)
            return FALSE;
          run->download->status = SSV_DOWNLOAD_FAILED;
          break;

        case SSV_RETRY_REQUERY:
          if (requery (run, plan->query, cancellable, &search_error))
            break;
          job->gave_up = TRUE;
          if (!give_up (run, search_error->message, error))
            return FALSE;
          return TRUE;

        case SSV_RETRY_FAIL:
        default:
          job->gave_up = TRUE;
          return give_up (run, plan->reason, error);
        }
    }

  job->gave_up = TRUE;
  return give_up (run, _("Nothing else to try."), error);
}

/* Whether the job still applies to the row as it is now. */
static gboolean
applies (Job               *job,
         SsvDownloadStatus  status,
         GError           **error)
{
  switch (job->kind)
    {
    case JOB_FAILED:
      return status == SSV_DOWNLOAD_FAILED;
    case JOB_ADOPT:
      return status == SSV_DOWNLOAD_SEARCHING;
    case JOB_BY_HAND:
    case JOB_BLOCK:
    default:
      if (status == SSV_DOWNLOAD_CANCELLED)
        {
          set_cancelled (error);
          return FALSE;
        }
      if (status == SSV_DOWNLOAD_COMPLETED && job->kind == JOB_BY_HAND)
        {
          g_set_error_literal (error, SSV_ERROR, SSV_ERROR_INVALID,
                               _("That download is complete; there is nothing to retry."));
          return FALSE;
        }
      return TRUE;
    }
}

static char *
run_job (SsvRetryEngine  *self,
         Job             *job,
         GCancellable    *cancellable,
         GError         **error)
{
  Run run = { self, ssv_client_pool_get_store (self->pool), NULL };
  SsvDownloadStatus status;
  char *result = NULL;

  if (!run_load (&run, job->id, error))
    goto out;
  status = run.download->status;
  if (!applies (job, status, error))
    goto out;
  if (job->kind == JOB_FAILED && run.download->error == NULL)
    goto out;

  run.previous = g_strdup (job->reason != NULL ? job->reason
                           : run.download->error != NULL ? run.download->error
                           : job->kind == JOB_BY_HAND ? _("retried by hand")
                           : _("the search was interrupted"));
  if (job->kind == JOB_BLOCK && !block_current (&run, job->reason, job->manual, error))
    goto out;
  if (job->kind != JOB_ADOPT && status != SSV_DOWNLOAD_SEARCHING)
    remove_old_transfer (&run, cancellable);
  if (status == SSV_DOWNLOAD_COMPLETED)
    {
      /* blocked after it finished: what it fetched stays, nothing more is grabbed */
      result = g_strdup_printf (_("Blocklisted “%s”: %s"), run.download->release_title, job->reason);
      goto out;
    }

  if (run_plan (&run, job, cancellable, error))
    result = g_strdup (run.last_event != NULL ? run.last_event : "");
  else
    stand_down (&run, error);

out:
  run_clear (&run);
  return result;
}

/**
 * ssv_retry_engine_run_sync:
 * @block_reason: (nullable): blocklist the release it holds first, with this reason
 *
 * Retries @download_id now, whatever its state (a "Retry with another" or a
 * "Block"), blocking: moves it to its next release, searches again, or fails it
 * with the reason.
 *
 * Returns: (transfer full): the timeline line it ended with, or NULL with @error
 */
char *
ssv_retry_engine_run_sync (SsvRetryEngine  *self,
                           gint64           download_id,
                           const char      *block_reason,
                           gboolean         manual,
                           GCancellable    *cancellable,
                           GError         **error)
{
  Job job = { block_reason != NULL ? JOB_BLOCK : JOB_BY_HAND, download_id, (char *) block_reason, manual };

  g_return_val_if_fail (SSV_IS_RETRY_ENGINE (self), NULL);

  return run_job (self, &job, cancellable, error);
}

/* ---- jobs from the main context ------------------------------------------------- */

static void
job_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  GError *error = NULL;
  char *result = run_job (source, task_data, cancellable, &error);

  if (result == NULL && error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result != NULL ? result : g_strdup (""), g_free);
}

typedef struct
{
  SsvRetryEngine *engine;
  GTask          *caller;   /* NULL: a job of the engine's own */
} JobDone;

static void
job_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  SsvRetryEngine *self = SSV_RETRY_ENGINE (source);
  JobDone *done = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = g_task_propagate_pointer (G_TASK (result), &error);

  g_hash_table_remove (self->busy, &job->id);
  if (job->gave_up)
    g_hash_table_add (self->gave_up, g_memdup2 (&job->id, sizeof job->id));
  if (message != NULL && *message != '\0')
    g_signal_emit (self, signals[RETRIED], 0, job->id, job->gave_up, message);
  else if (error != NULL && done->caller == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Download %" G_GINT64_FORMAT " could not be retried: %s", job->id, error->message);

  if (done->caller != NULL)
    {
      if (error != NULL)
        g_task_return_error (done->caller, g_steal_pointer (&error));
      else
        g_task_return_pointer (done->caller, g_steal_pointer (&message), g_free);
      g_object_unref (done->caller);
    }
  g_free (done);

  if (--self->n_running == 0)
    g_signal_emit (self, signals[IDLE], 0);
  g_object_unref (self);
}

static void
run_async (SsvRetryEngine *self,
           Job            *job,
           GTask          *caller)
{
  g_autoptr(GTask) task = NULL;
  JobDone *done = g_new0 (JobDone, 1);

  done->engine = self;
  done->caller = caller;
  g_hash_table_add (self->busy, g_memdup2 (&job->id, sizeof job->id));
  if (job->kind == JOB_BY_HAND || job->kind == JOB_BLOCK)
    g_hash_table_remove (self->gave_up, &job->id);
  self->n_running++;

  task = g_task_new (g_object_ref (self), self->cancellable, job_done, done);
  g_task_set_source_tag (task, run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
}

static Job *
job_new (JobKind     kind,
         gint64      id,
         const char *reason,
         gboolean    manual)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->id = id;
  job->reason = g_strdup (reason);
  job->manual = manual;

  return job;
}

static void
on_download_failed (SsvDownloadMonitor *monitor,
                    SsvDownload        *download,
                    const char         *reason,
                    SsvRetryEngine     *self)
{
  gint64 id = ssv_download_get_id (download);

  /* its own doing (a refused release on the way, the final word) is no news; files the
   * import refused are retried through import-rejected, with the release blocklisted */
  if (g_hash_table_remove (self->rejected, &id) || g_hash_table_contains (self->busy, &id) ||
      g_hash_table_contains (self->gave_up, &id))
    return;
  run_async (self, job_new (JOB_FAILED, id, NULL, FALSE), NULL);
}

static void
busy_error (GTask  *task,
            gint64  id)
{
  g_task_return_new_error (task, SSV_ERROR, SSV_ERROR_INVALID,
                           _("Download %" G_GINT64_FORMAT " is being retried already."), id);
}

/* "Retry with another": the old transfer out, the next release in. */
void
ssv_retry_engine_retry_now (SsvRetryEngine      *self,
                            gint64               download_id,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SSV_IS_RETRY_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_retry_engine_retry_now);
  if (g_hash_table_contains (self->busy, &download_id))
    {
      busy_error (task, download_id);
      g_object_unref (task);
      return;
    }
  run_async (self, job_new (JOB_BY_HAND, download_id, NULL, FALSE), task);
}

/* Returns: (transfer full): the timeline line it ended with, or NULL with @error */
char *
ssv_retry_engine_retry_now_finish (SsvRetryEngine  *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* "Block": the release blocklisted with @reason, then retried as above. */
void
ssv_retry_engine_block_async (SsvRetryEngine      *self,
                              gint64               download_id,
                              const char          *reason,
                              gboolean             manual,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (SSV_IS_RETRY_ENGINE (self));
  g_return_if_fail (reason != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_retry_engine_block_async);
  if (g_hash_table_contains (self->busy, &download_id))
    {
      busy_error (task, download_id);
      g_object_unref (task);
      return;
    }
  run_async (self, job_new (JOB_BLOCK, download_id, reason, manual), task);
}

char *
ssv_retry_engine_block_finish (SsvRetryEngine  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ssv_retry_engine_block_and_retry:
 *
 * For the rules that give up on a release (a stall, files that prove bad):
 * blocklist it, take it out of its client, and retry. Runs in the background.
 */
void
ssv_retry_engine_block_and_retry (SsvRetryEngine *self,
                                  SsvDownload    *download,
                                  const char     *reason)
{
  gint64 id;

  g_return_if_fail (SSV_IS_RETRY_ENGINE (self));
  g_return_if_fail (SSV_IS_DOWNLOAD (download) && reason != NULL);

  id = ssv_download_get_id (download);
  if (g_hash_table_contains (self->busy, &id))
    return;
  run_async (self, job_new (JOB_BLOCK, id, reason, FALSE), NULL);
}

/* ---- adopting the searches a restart interrupted ---------------------------------- */

static void
adopt_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SsvRetryEngine *self = source;
  GError *error = NULL;
  g_autoptr(GPtrArray) active = ssv_download_store_list (ssv_client_pool_get_store (self->pool), TRUE, 0, &error);
  GArray *ids;

  if (active == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < active->len; i++)
    {
      SsvDownload *d = g_ptr_array_index (active, i);

      if (d->status == SSV_DOWNLOAD_SEARCHING)
        g_array_append_val (ids, d->id);
    }
  g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
adopt_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SsvRetryEngine *self = SSV_RETRY_ENGINE (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);

  if (ids == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("The interrupted searches could not be read: %s", error->message);
    }
  else
    for (guint i = 0; i < ids->len; i++)
      {
        gint64 id = g_array_index (ids, gint64, i);

        if (!g_hash_table_contains (self->busy, &id))
          run_async (self, job_new (JOB_ADOPT, id, NULL, FALSE), NULL);
      }

  if (--self->n_running == 0)
    g_signal_emit (self, signals[IDLE], 0);
  g_object_unref (self);
}

/* Re-adopts the downloads a restart left "searching": their searches go on. */
void
ssv_retry_engine_start (SsvRetryEngine *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (SSV_IS_RETRY_ENGINE (self));

  self->n_running++;
  task = g_task_new (g_object_ref (self), self->cancellable, adopt_done, NULL);
  g_task_set_source_tag (task, ssv_retry_engine_start);
  g_task_run_in_thread (task, adopt_thread);
}

/* ---- the object ----------------------------------------------------------------- */

static void
ssv_retry_engine_dispose (GObject *object)
{
  SsvRetryEngine *self = SSV_RETRY_ENGINE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->monitor != NULL)
    {
      g_clear_signal_handler (&self->failed_id, self->monitor);
      g_clear_signal_handler (&self->stalled_id, self->monitor);
      g_clear_signal_handler (&self->state_id, self->monitor);
    }
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (ssv_retry_engine_parent_class)->dispose (object);
}

static void
ssv_retry_engine_finalize (GObject *object)
{
  SsvRetryEngine *self = SSV_RETRY_ENGINE (object);

  g_clear_object (&self->pool);
  g_clear_object (&self->grabber);
  g_clear_object (&self->profiles);
  g_clear_object (&self->blocklist);
  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->busy);
  g_hash_table_unref (self->gave_up);
  g_hash_table_unref (self->rejected);

  G_OBJECT_CLASS (ssv_retry_engine_parent_class)->finalize (object);
}

static void
ssv_retry_engine_class_init (SsvRetryEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_retry_engine_dispose;
  object_class->finalize = ssv_retry_engine_finalize;

  /* A download moved on (or gave up, then @gave_up): the timeline line it ended with. */
  signals[RETRIED] = g_signal_new ("retried", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_BOOLEAN, G_TYPE_STRING);
  /* No retry runs any more. */
  signals[IDLE] = g_signal_new ("idle", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);
}

static void
ssv_retry_engine_init (SsvRetryEngine *self)
{
  self->cancellable = g_cancellable_new ();
  self->busy = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->gave_up = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->rejected = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

SsvRetryEngine *
ssv_retry_engine_new (SsvClientPool     *pool,
                      SsvGrabber        *grabber,
                      SsvProfileStore   *profiles,
                      SsvBlocklistStore *blocklist)
{
  SsvRetryEngine *self;

  g_return_val_if_fail (SSV_IS_CLIENT_POOL (pool), NULL);
  g_return_val_if_fail (SSV_IS_GRABBER (grabber), NULL);
  g_return_val_if_fail (SSV_IS_PROFILE_STORE (profiles), NULL);
  g_return_val_if_fail (SSV_IS_BLOCKLIST_STORE (blocklist), NULL);

  self = g_object_new (SSV_TYPE_RETRY_ENGINE, NULL);
  self->pool = g_object_ref (pool);
  self->grabber = g_object_ref (grabber);
  self->profiles = g_object_ref (profiles);
  self->blocklist = g_object_ref (blocklist);

  return self;
}

/* A download that fails once its client finished it failed on import: the importer's
 * import-rejected follows, whenever its thread is done, and blocklists before it retries. */
static void
on_download_state_changed (SsvDownloadMonitor *monitor,
                           SsvDownload        *download,
                           guint               old_status,
                           SsvRetryEngine     *self)
{
  gint64 id = ssv_download_get_id (download);

  if (ssv_download_get_status (download) == SSV_DOWNLOAD_FAILED &&
      (old_status == SSV_DOWNLOAD_IMPORTING || old_status == SSV_DOWNLOAD_COMPLETED))
    g_hash_table_add (self->rejected, g_memdup2 (&id, sizeof id));
}

/* A stall rule gave up on the release: it goes on the blocklist before the retry, so
 * no later search takes it again. The download-failed that follows finds it busy. */
static void
on_download_stalled (SsvDownloadMonitor *monitor,
                     SsvDownload        *download,
                     const char         *reason,
                     SsvRetryEngine     *self)
{
  ssv_retry_engine_block_and_retry (self, download, reason);
}

/* Retries what @monitor reports failed, blocklisting what it reports stalled. */
void
ssv_retry_engine_watch (SsvRetryEngine     *self,
                        SsvDownloadMonitor *monitor)
{
  g_return_if_fail (SSV_IS_RETRY_ENGINE (self));
  g_return_if_fail (SSV_IS_DOWNLOAD_MONITOR (monitor));
  g_return_if_fail (self->monitor == NULL);

  self->monitor = g_object_ref (monitor);
  self->stalled_id = g_signal_connect (monitor, "download-stalled", G_CALLBACK (on_download_stalled), self);
  self->state_id = g_signal_connect (monitor, "download-state-changed", G_CALLBACK (on_download_state_changed),
                                     self);
  self->failed_id = g_signal_connect (monitor, "download-failed", G_CALLBACK (on_download_failed), self);
}

guint
ssv_retry_engine_get_n_running (SsvRetryEngine *self)
{
  g_return_val_if_fail (SSV_IS_RETRY_ENGINE (self), 0);

  return self->n_running;
}
