/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-searcher.c: one search of every indexer for a wanted item, each in its own thread, judged as it lands. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "downloads/ssv-retry.h"
#include "downloads/ssv-searcher.h"
#include "ssv-utils.h"
#include "ssv-thread.h"

struct _SsvSearcher
{
  GObject     parent_instance;

  SsvHttp    *http;
  GMutex        lock;
  GPtrArray    *indexers;   /* SsvIndexer */
  SsvBlocklist *blocklist;  /* may be NULL */
};

struct _SsvSearch
{
  GObject             parent_instance;

  SsvHttp            *http;
  SsvSearchItem      *item;
  SsvQualityProfile  *profile;
  gboolean            has_owned;
  SsvOwnedFile        owned;
  char               *owned_name;
  SsvBlocklist       *blocklist;  /* may be NULL */
  char               *only_text;  /* a retry's one query; NULL: the item's plan */
  GCancellable       *cancellable;
  GCancellable       *caller_cancellable;
  gulong              caller_handler;
  GMainContext       *context;
  gint64              started_us;

  /* shared with the threads */
  GMutex              lock;
  GHashTable         *seen;       /* the keys of every hit kept so far */
  guint               pending;    /* jobs still running */

  /* the caller's thread only */
  gboolean            running;
  guint               n_sources;
  guint               n_answered;
  GPtrArray          *results;    /* SsvJudgedHit, sorted when asked for */
  GPtrArray          *failures;   /* SsvSearchFailure */
};

G_DEFINE_FINAL_TYPE (SsvSearcher, ssv_searcher, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (SsvSearch, ssv_search, G_TYPE_OBJECT)
G_DEFINE_BOXED_TYPE (SsvSearchBatch, ssv_search_batch, ssv_search_batch_ref, ssv_search_batch_unref)

enum
{
  PROP_0,
  PROP_RUNNING,
  PROP_N_SOURCES,
  PROP_N_ANSWERED,
  N_PROPS
};

enum
{
  BATCH,
  SOURCE_FAILED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static SsvSearch *start       (SsvSearcher        *self,
                               SsvSearchItem      *item,
                               SsvQualityProfile  *profile,
                               const SsvOwnedFile *owned,
                               const char         *only_text,
                               GCancellable       *cancellable);
static SsvSearch *search_sync (SsvSearcher        *self,
                               SsvSearchItem      *item,
                               SsvQualityProfile  *profile,
                               const SsvOwnedFile *owned,
                               const char         *only_text,
                               GCancellable       *cancellable);

/* ---- batches ---------------------------------------------------------------- */

static SsvSearchBatch *
batch_new (const char *source,
           const char *query)
{
  SsvSearchBatch *batch = g_new0 (SsvSearchBatch, 1);

  g_atomic_ref_count_init (&batch->ref);
  batch->source = g_strdup (source);
  batch->query = g_strdup (query);
  batch->hits = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);
  return batch;
}

SsvSearchBatch *
ssv_search_batch_ref (SsvSearchBatch *batch)
{
  g_atomic_ref_count_inc (&batch->ref);
  return batch;
}

void
ssv_search_batch_unref (SsvSearchBatch *batch)
{
  if (batch == NULL || !g_atomic_ref_count_dec (&batch->ref))
    return;
  g_free (batch->source);
  g_free (batch->query);
  g_ptr_array_unref (batch->hits);
  g_free (batch);
}

static void
failure_free (gpointer data)
{
  SsvSearchFailure *failure = data;

  g_free (failure->source);
  g_free (failure->message);
  g_free (failure);
}

/* ---- events on the caller's thread ------------------------------------------ */

typedef enum
{
  EVENT_BATCH,
  EVENT_FAILURE,
  EVENT_SOURCES_ADDED,
  EVENT_SOURCE_DONE,
  EVENT_FINISHED,
} EventKind;

typedef struct
{
  SsvSearch        *search;
  EventKind         kind;
  SsvSearchBatch   *batch;
  SsvSearchFailure *failure;
  guint             count;
} Event;

static void
event_free (gpointer data)
{
  Event *event = data;

  g_object_unref (event->search);
  g_clear_pointer (&event->batch, ssv_search_batch_unref);
  if (event->failure != NULL)
    failure_free (event->failure);
  g_free (event);
}

static gboolean
event_dispatch (gpointer data)
{
  Event *event = data;
  SsvSearch *self = event->search;

  switch (event->kind)
    {
    case EVENT_BATCH:
      for (guint i = 0; i < event->batch->hits->len; i++)
        g_ptr_array_add (self->results, ssv_judged_hit_ref (g_ptr_array_index (event->batch->hits, i)));
      g_signal_emit (self, signals[BATCH], 0, event->batch);
      break;

    case EVENT_FAILURE:
      g_ptr_array_add (self->failures, event->failure);
      g_signal_emit (self, signals[SOURCE_FAILED], 0, event->failure->source, event->failure->message);
      event->failure = NULL;
      break;

    case EVENT_SOURCES_ADDED:
      self->n_sources += event->count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_SOURCES]);
      break;

    case EVENT_SOURCE_DONE:
      self->n_answered++;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANSWERED]);
      break;

    case EVENT_FINISHED:
    default:
      self->running = FALSE;
      ssv_judged_hits_sort (self->results);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
      g_signal_emit (self, signals[FINISHED], 0);
      break;
    }
  return G_SOURCE_REMOVE;
}

static void
post (SsvSearch *self,
      Event     *event)
{
  event->search = g_object_ref (self);
  ssv_dispatch_to (self->context, event_dispatch, event, event_free);
}

static void
post_failure (SsvSearch    *self,
              const char   *source,
              const GError *error)
{
  Event *event = g_new0 (Event, 1);

  event->kind = EVENT_FAILURE;
  event->failure = g_new0 (SsvSearchFailure, 1);
  event->failure->source = g_strdup (source);
  event->failure->message = g_strdup (error->message);
  event->failure->domain = error->domain;
  event->failure->code = error->code;
  post (self, event);
}

static void
post_simple (SsvSearch *self,
             EventKind  kind,
             guint      count)
{
  Event *event = g_new0 (Event, 1);

  event->kind = kind;
  event->count = count;
  post (self, event);
}

/* ---- the work in the threads --------------------------------------------------- */

static void run_job_async (SsvSearch  *self,
                           SsvIndexer *indexer,
                           gboolean    expand);

static void
job_done (SsvSearch *self)
{
  gboolean last;

  g_mutex_lock (&self->lock);
  last = --self->pending == 0;
  g_mutex_unlock (&self->lock);

  if (last)
    post_simple (self, EVENT_FINISHED, 0);
}

/* Keeps the hits nobody delivered before, and judges them. */
static SsvSearchBatch *
make_batch (SsvSearch             *self,
            SsvIndexer            *source,
            const SsvIndexerQuery *query,
            GPtrArray             *hits)
{
  g_autofree char *described = ssv_indexer_query_describe (query);
  SsvSearchBatch *batch = batch_new (ssv_indexer_get_name (source), described);
  g_autoptr(GPtrArray) fresh = g_ptr_array_new ();

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < hits->len; i++)
    {
      SsvReleaseHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(GPtrArray) keys = ssv_release_hit_dup_keys (hit);
      gboolean seen = FALSE;

      for (guint k = 0; k < keys->len && !seen; k++)
        seen = g_hash_table_contains (self->seen, g_ptr_array_index (keys, k));
      if (seen)
        {
          batch->duplicates++;
          continue;
        }
      for (guint k = 0; k < keys->len; k++)
        g_hash_table_add (self->seen, g_strdup (g_ptr_array_index (keys, k)));
      g_ptr_array_add (fresh, hit);
    }
  g_mutex_unlock (&self->lock);

  for (guint i = 0; i < fresh->len; i++)
    {
      SsvReleaseHit *hit = g_ptr_array_index (fresh, i);
      SsvJudgedHit *judged = ssv_judge_hit (self->profile, self->item, self->has_owned ? &self->owned : NULL, hit);
      const char *blocked = ssv_blocklist_match_hit (self->blocklist, hit);

      /* not shared yet: the blocklist's word goes in before anyone sees it */
      if (blocked != NULL)
        ssv_decision_reject (judged->decision, _("Blocklisted: %s"), blocked);
      g_ptr_array_add (batch->hits, judged);
    }
  ssv_judged_hits_sort (batch->hits);
  batch->elapsed_us = g_get_monotonic_time () - self->started_us;
  return batch;
}

/* Errors after which the other queries would fail the same way. */
static gboolean
stops_the_source (const GError *error)
{
  return !g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND) &&
         !g_error_matches (error, SSV_ERROR, SSV_ERROR_INVALID) &&
         !g_error_matches (error, SSV_ERROR, SSV_ERROR_MALFORMED);
}

static void
search_source (SsvSearch  *self,
               SsvIndexer *source)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(SsvIndexerCaps) caps = ssv_indexer_fetch_caps (source, self->http, self->cancellable, &error);
  g_autoptr(GPtrArray) plan = NULL;
  gboolean found = FALSE;

  if (caps == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        post_failure (self, ssv_indexer_get_name (source), error);
      return;
    }

  plan = self->only_text != NULL ? ssv_search_item_text_plan (self->item, caps, self->only_text)
                                 : ssv_search_item_plan (self->item, caps);
  for (guint i = 0; i < plan->len && !g_cancellable_is_cancelled (self->cancellable); i++)
    {
      const SsvIndexerQuery *query = g_ptr_array_index (plan, i);
      g_autoptr(GPtrArray) hits = NULL;
      Event *event;

      if (query->fallback && found)
        break;

      g_clear_error (&error);
      hits = ssv_indexer_search (source, self->http, query, self->cancellable, &error);
      if (hits == NULL)
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            return;
          if (first_error == NULL)
            first_error = g_error_copy (error);
          if (stops_the_source (error))
            break;
          continue;
        }

      found |= hits->len > 0;
      event = g_new0 (Event, 1);
      event->kind = EVENT_BATCH;
      event->batch = make_batch (self, source, query, hits);
      post (self, event);
    }

  /* a query that failed after others found something is still worth saying */
  if (first_error != NULL && !g_cancellable_is_cancelled (self->cancellable))
    post_failure (self, ssv_indexer_get_name (source), first_error);
}

typedef struct
{
  SsvIndexer *indexer;
  gboolean    expand;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_object_unref (job->indexer);
  g_free (job);
}

static void
job_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  SsvSearch *self = source_object;
  Job *job = task_data;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (job->expand)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) sources = ssv_indexer_list_sources (job->indexer, self->http, self->cancellable, &error);

      if (sources == NULL)
        {
          if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            post_failure (self, ssv_indexer_get_name (job->indexer), error);
          post_simple (self, EVENT_SOURCE_DONE, 0);
        }
      else
        {
          /* each of them answers on its own; they take this job's place in the count */
          if (sources->len > 1)
            post_simple (self, EVENT_SOURCES_ADDED, sources->len - 1);
          for (guint i = 0; i < sources->len; i++)
            run_job_async (self, g_ptr_array_index (sources, i), FALSE);
        }
    }
  else
    {
      search_source (self, job->indexer);
      post_simple (self, EVENT_SOURCE_DONE, 0);
    }

  job_done (self);
  g_task_return_boolean (task, TRUE);
}

static void
run_job_async (SsvSearch  *self,
               SsvIndexer *indexer,
               gboolean    expand)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, NULL, NULL);
  Job *job = g_new0 (Job, 1);

  job->indexer = g_object_ref (indexer);
  job->expand = expand;

  g_mutex_lock (&self->lock);
  self->pending++;
  g_mutex_unlock (&self->lock);

  g_task_set_source_tag (task, run_job_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, job_thread);
}

/* ---- SsvSearch ------------------------------------------------------------------ */

static void
caller_cancelled_cb (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static void
ssv_search_dispose (GObject *object)
{
  SsvSearch *self = SSV_SEARCH (object);

  if (self->caller_cancellable != NULL)
    g_cancellable_disconnect (self->caller_cancellable, self->caller_handler);
  g_clear_object (&self->caller_cancellable);

  G_OBJECT_CLASS (ssv_search_parent_class)->dispose (object);
}

static void
ssv_search_finalize (GObject *object)
{
  SsvSearch *self = SSV_SEARCH (object);

  g_clear_object (&self->http);
  g_clear_pointer (&self->item, ssv_search_item_unref);
  g_clear_pointer (&self->profile, ssv_quality_profile_unref);
  g_free (self->owned_name);
  g_clear_pointer (&self->blocklist, ssv_blocklist_unref);
  g_free (self->only_text);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_hash_table_unref (self->seen);
  g_ptr_array_unref (self->results);
  g_ptr_array_unref (self->failures);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_search_parent_class)->finalize (object);
}

static void
ssv_search_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SsvSearch *self = SSV_SEARCH (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    case PROP_N_SOURCES:
      g_value_set_uint (value, self->n_sources);
      break;
    case PROP_N_ANSWERED:
      g_value_set_uint (value, self->n_answered);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_search_class_init (SsvSearchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_search_dispose;
  object_class->finalize = ssv_search_finalize;
  object_class->get_property = ssv_search_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_SOURCES] =
    g_param_spec_uint ("n-sources", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ANSWERED] =
    g_param_spec_uint ("n-answered", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvSearch::batch:
   * @batch: what one source answered to one query, judged and sorted
   *
   * Emitted on the thread that started the search, as each source answers.
   */
  signals[BATCH] = g_signal_new ("batch", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, SSV_TYPE_SEARCH_BATCH);
  /**
   * SsvSearch::source-failed:
   * @source: the indexer's name
   * @message: what went wrong, in plain words
   *
   * The other sources keep answering.
   */
  signals[SOURCE_FAILED] = g_signal_new ("source-failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 0);
}

static void
ssv_search_init (SsvSearch *self)
{
  g_mutex_init (&self->lock);
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->results = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);
  self->failures = g_ptr_array_new_with_free_func (failure_free);
  self->cancellable = g_cancellable_new ();
}

SsvSearchItem *
ssv_search_get_item (SsvSearch *self)
{
  return self->item;
}

gboolean
ssv_search_is_running (SsvSearch *self)
{
  return self->running;
}

guint
ssv_search_get_n_sources (SsvSearch *self)
{
  return self->n_sources;
}

guint
ssv_search_get_n_answered (SsvSearch *self)
{
  return self->n_answered;
}

/**
 * ssv_search_dup_results:
 *
 * Every hit delivered so far, best first (rejected ones last, with their reasons).
 *
 * Returns: (transfer container) (element-type SsvJudgedHit)
 */
GPtrArray *
ssv_search_dup_results (SsvSearch *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_judged_hit_unref);

  for (guint i = 0; i < self->results->len; i++)
    g_ptr_array_add (copy, ssv_judged_hit_ref (g_ptr_array_index (self->results, i)));
  ssv_judged_hits_sort (copy);
  return copy;
}

/**
 * ssv_search_dup_failures:
 *
 * Returns: (transfer container) (element-type SsvSearchFailure): the sources
 *   that could not be searched; the array owns them
 */
GPtrArray *
ssv_search_dup_failures (SsvSearch *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (failure_free);

  for (guint i = 0; i < self->failures->len; i++)
    {
      SsvSearchFailure *failure = g_ptr_array_index (self->failures, i);
      SsvSearchFailure *dup = g_new0 (SsvSearchFailure, 1);

      *dup = *failure;
      dup->source = g_strdup (failure->source);
      dup->message = g_strdup (failure->message);
      g_ptr_array_add (copy, dup);
    }
  return copy;
}

void
ssv_search_cancel (SsvSearch *self)
{
  g_cancellable_cancel (self->cancellable);
}

/* ---- SsvSearcher ------------------------------------------------------------------ */

static void
ssv_searcher_finalize (GObject *object)
{
  SsvSearcher *self = SSV_SEARCHER (object);

  g_clear_object (&self->http);
  g_ptr_array_unref (self->indexers);
  g_clear_pointer (&self->blocklist, ssv_blocklist_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (ssv_searcher_parent_class)->finalize (object);
}

static void
ssv_searcher_class_init (SsvSearcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_searcher_finalize;
}

static void
ssv_searcher_init (SsvSearcher *self)
{
  g_mutex_init (&self->lock);
  self->indexers = g_ptr_array_new_with_free_func (g_object_unref);
}

SsvSearcher *
ssv_searcher_new (SsvHttp *http)
{
  SsvSearcher *self = g_object_new (SSV_TYPE_SEARCHER, NULL);

  self->http = g_object_ref (http);
  return self;
}

/**
 * ssv_searcher_set_blocklist:
 * @blocklist: (nullable): what later searches reject as "Blocklisted: <reason>"
 */
void
ssv_searcher_set_blocklist (SsvSearcher  *self,
                            SsvBlocklist *blocklist)
{
  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->blocklist, ssv_blocklist_unref);
  self->blocklist = blocklist != NULL ? ssv_blocklist_ref (blocklist) : NULL;
  g_mutex_unlock (&self->lock);
}

void
ssv_searcher_add_indexer (SsvSearcher *self,
                          SsvIndexer  *indexer)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_add (self->indexers, g_object_ref (indexer));
  g_mutex_unlock (&self->lock);
}

void
ssv_searcher_remove_indexer (SsvSearcher *self,
                             SsvIndexer  *indexer)
{
  g_mutex_lock (&self->lock);
  g_ptr_array_remove (self->indexers, indexer);
  g_mutex_unlock (&self->lock);
}

/**
 * ssv_searcher_dup_indexers:
 *
 * Returns: (transfer container) (element-type SsvIndexer)
 */
GPtrArray *
ssv_searcher_dup_indexers (SsvSearcher *self)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  g_mutex_lock (&self->lock);
  for (guint i = 0; i < self->indexers->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (self->indexers, i)));
  g_mutex_unlock (&self->lock);
  return copy;
}

/**
 * ssv_searcher_start:
 * @profile: the item's quality profile: every hit is judged under it
 * @owned: (nullable): what is on disk for the item (copied)
 * @cancellable: (nullable): cancels the whole search
 *
 * Searches every indexer at once, each in a thread of its own. The signals
 * come on the thread-default main context of the caller, as each source
 * answers ("batch", "source-failed"), then "finished" once all have.
 *
 * Returns: (transfer full): the running search
 */
SsvSearch *
ssv_searcher_start (SsvSearcher        *self,
                    SsvSearchItem      *item,
                    SsvQualityProfile  *profile,
                    const SsvOwnedFile *owned,
                    GCancellable       *cancellable)
{
  return start (self, item, profile, owned, NULL, cancellable);
}

static SsvSearch *
start (SsvSearcher        *self,
       SsvSearchItem      *item,
       SsvQualityProfile  *profile,
       const SsvOwnedFile *owned,
       const char         *only_text,
       GCancellable       *cancellable)
{
  SsvSearch *search = g_object_new (SSV_TYPE_SEARCH, NULL);
  g_autoptr(GPtrArray) indexers = ssv_searcher_dup_indexers (self);

  g_mutex_lock (&self->lock);
  search->blocklist = self->blocklist != NULL ? ssv_blocklist_ref (self->blocklist) : NULL;
  g_mutex_unlock (&self->lock);
  search->only_text = g_strdup (only_text);

  search->http = g_object_ref (self->http);
  search->item = ssv_search_item_ref (item);
  search->profile = ssv_quality_profile_ref (profile);
  if (owned != NULL)
    {
      search->has_owned = TRUE;
      search->owned = *owned;
      search->owned_name = g_strdup (owned->name);
      search->owned.name = search->owned_name;
    }
  search->context = g_main_context_ref_thread_default ();
  search->started_us = g_get_monotonic_time ();
  search->n_sources = indexers->len;
  if (cancellable != NULL)
    {
      search->caller_cancellable = g_object_ref (cancellable);
      search->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (caller_cancelled_cb),
                                                      search->cancellable, NULL);
    }

  if (indexers->len == 0)
    {
      post_simple (search, EVENT_FINISHED, 0);
      search->running = TRUE;
      return search;
    }

  search->running = TRUE;
  /* one count for the start, so the first job to end does not finish the search */
  search->pending = 1;
  for (guint i = 0; i < indexers->len; i++)
    run_job_async (search, g_ptr_array_index (indexers, i), TRUE);
  job_done (search);

  return search;
}

static void
finished_cb (SsvSearch *search,
             gpointer   user_data)
{
  *(gboolean *) user_data = TRUE;
}

/**
 * ssv_searcher_search_sync:
 *
 * The same search, waited for (for the CLI and worker threads).
 *
 * Returns: (transfer full): the finished search
 */
SsvSearch *
ssv_searcher_search_sync (SsvSearcher        *self,
                          SsvSearchItem      *item,
                          SsvQualityProfile  *profile,
                          const SsvOwnedFile *owned,
                          GCancellable       *cancellable)
{
  return search_sync (self, item, profile, owned, NULL, cancellable);
}

/**
 * ssv_searcher_search_text_sync:
 * @text: the one text query every indexer gets (a retry's alternate form)
 *
 * Like ssv_searcher_search_sync(), with @text instead of the item's own plan.
 *
 * Returns: (transfer full): the finished search
 */
SsvSearch *
ssv_searcher_search_text_sync (SsvSearcher        *self,
                               SsvSearchItem      *item,
                               SsvQualityProfile  *profile,
                               const char         *text,
                               GCancellable       *cancellable)
{
  g_return_val_if_fail (text != NULL, NULL);

  return search_sync (self, item, profile, NULL, text, cancellable);
}

static SsvSearch *
search_sync (SsvSearcher        *self,
             SsvSearchItem      *item,
             SsvQualityProfile  *profile,
             const SsvOwnedFile *owned,
             const char         *only_text,
             GCancellable       *cancellable)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  SsvSearch *search;
  gboolean done = FALSE;

  g_main_context_push_thread_default (context);
  search = start (self, item, profile, owned, only_text, cancellable);
  g_signal_connect (search, "finished", G_CALLBACK (finished_cb), &done);
  while (!done)
    g_main_context_iteration (context, TRUE);
  g_signal_handlers_disconnect_by_func (search, finished_cb, &done);
  g_main_context_pop_thread_default (context);

  return search;
}
