/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-enrichment-engine.c: owns and lists the enrichment workers; holds them while scans write. */

#include "config.h"

#include "workers/ssv-enrichment-engine.h"
#include "stores/ssv-settings-store.h"
#include "workers/ssv-fanart-worker.h"
#include "workers/ssv-omdb-worker.h"
#include "workers/ssv-opensubtitles-worker.h"
#include "workers/ssv-tmdb-worker.h"
#include "workers/ssv-tvdb-worker.h"
#include "ssv-thread.h"

/* Lists refresh at most this often while workers write. */
#define LIBRARY_CHANGED_INTERVAL_MS 1500

struct _SsvEnrichmentEngine
{
  GObject             parent_instance;

  SsvDatabase        *database;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvStore           *library_store;
  SsvEnrichmentStore *store;
  GListStore         *workers;
  guint               holds;
  gboolean            running;
  guint               changed_source;
  guint               changed_kinds;

  GObject            *scanner;
  gulong              scanner_handler;
  gboolean            scanner_holding;
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_HTTP,
  PROP_SECRETS,
  PROP_LIBRARY_STORE,
  N_PROPS
};

enum {
  ITEM_DONE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (SsvEnrichmentEngine, ssv_enrichment_engine, G_TYPE_OBJECT)

static gboolean
emit_library_changed_cb (gpointer data)
{
  SsvEnrichmentEngine *self = data;

  self->changed_source = 0;
  if (self->library_store != NULL)
    for (guint kind = 0; kind < SSV_N_ITEM_KINDS; kind++)
      if (self->changed_kinds & (1u << kind))
        ssv_store_emit_changed (self->library_store, ssv_item_kind_to_string (kind));
  self->changed_kinds = 0;

  return G_SOURCE_REMOVE;
}

static void
on_item_done (SsvEnrichmentEngine *self,
              guint                kind,
              gint64               id,
              guint                outcome,
              const char          *label,
              SsvWorker           *worker)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->workers));

  /* A match may bring the ids other providers need (an IMDb id for OMDb). */
  if (outcome == SSV_OUTCOME_MATCHED && kind < SSV_N_ITEM_KINDS)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(SsvWorker) other = g_list_model_get_item (G_LIST_MODEL (self->workers), i);

        if (other != worker)
          ssv_worker_wake (other);
      }

  if (outcome != SSV_OUTCOME_ERROR && kind < SSV_N_ITEM_KINDS)
    {
      self->changed_kinds |= 1u << kind;
      if (self->changed_source == 0)
        self->changed_source = g_timeout_add (LIBRARY_CHANGED_INTERVAL_MS, emit_library_changed_cb, self);
    }

  g_signal_emit (self, signals[ITEM_DONE], 0, worker, kind, id, outcome, label);
}

static void
add_worker (SsvEnrichmentEngine *self,
            GType                type)
{
  g_autoptr(SsvWorker) worker = g_object_new (type,
                                              "database", self->database,
                                              "http", self->http,
                                              "secrets", self->secrets,
                                              "store", self->store,
                                              NULL);

  ssv_enrichment_engine_add_worker (self, worker);
}

/**
 * ssv_enrichment_engine_add_worker:
 *
 * Adds a worker built elsewhere (the YouTube workers need the channel
 * service): listed, started, stopped and held with the others. A running
 * engine starts it at once.
 */
void
ssv_enrichment_engine_add_worker (SsvEnrichmentEngine *self,
                                  SsvWorker           *worker)
{
  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));
  g_return_if_fail (SSV_IS_WORKER (worker));

  g_signal_connect_object (worker, "item-done", G_CALLBACK (on_item_done), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->workers, worker);
  for (guint i = 0; i < self->holds; i++)
    ssv_worker_hold (worker);
  if (self->running)
    ssv_worker_start (worker);
}

static void
ssv_enrichment_engine_constructed (GObject *object)
{
  SsvEnrichmentEngine *self = SSV_ENRICHMENT_ENGINE (object);

  G_OBJECT_CLASS (ssv_enrichment_engine_parent_class)->constructed (object);

  self->store = ssv_enrichment_store_new (self->database);

  add_worker (self, SSV_TYPE_TMDB_WORKER);
  add_worker (self, SSV_TYPE_TVDB_WORKER);
  add_worker (self, SSV_TYPE_OMDB_WORKER);
  add_worker (self, SSV_TYPE_FANART_WORKER);
  add_worker (self, SSV_TYPE_OPENSUBTITLES_WORKER);
}

static void
ssv_enrichment_engine_dispose (GObject *object)
{
  SsvEnrichmentEngine *self = SSV_ENRICHMENT_ENGINE (object);

  if (self->workers != NULL)
    ssv_enrichment_engine_stop (self);
  ssv_enrichment_engine_follow_scanner (self, NULL);
  g_clear_handle_id (&self->changed_source, g_source_remove);
  g_clear_object (&self->workers);
  g_clear_object (&self->store);
  g_clear_object (&self->library_store);
  g_clear_object (&self->secrets);
  g_clear_object (&self->http);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (ssv_enrichment_engine_parent_class)->dispose (object);
}

static void
ssv_enrichment_engine_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SsvEnrichmentEngine *self = SSV_ENRICHMENT_ENGINE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_HTTP:
      g_value_set_object (value, self->http);
      break;
    case PROP_SECRETS:
      g_value_set_object (value, self->secrets);
      break;
    case PROP_LIBRARY_STORE:
      g_value_set_object (value, self->library_store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_enrichment_engine_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SsvEnrichmentEngine *self = SSV_ENRICHMENT_ENGINE (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_HTTP:
      self->http = g_value_dup_object (value);
      break;
    case PROP_SECRETS:
      self->secrets = g_value_dup_object (value);
      break;
    case PROP_LIBRARY_STORE:
      self->library_store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_enrichment_engine_class_init (SsvEnrichmentEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ssv_enrichment_engine_constructed;
  object_class->dispose = ssv_enrichment_engine_dispose;
  object_class->get_property = ssv_enrichment_engine_get_property;
  object_class->set_property = ssv_enrichment_engine_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, SSV_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HTTP] =
    g_param_spec_object ("http", NULL, NULL, SSV_TYPE_HTTP,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECRETS] =
    g_param_spec_object ("secrets", NULL, NULL, SSV_TYPE_SECRETS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LIBRARY_STORE] =
    g_param_spec_object ("library-store", NULL, NULL, SSV_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvEnrichmentEngine::item-done:
   * @worker: the worker that marked the item
   * @kind: an #SsvItemKind
   * @id: the row id
   * @outcome: an #SsvOutcome
   * @label: what a person calls the item
   */
  signals[ITEM_DONE] =
    g_signal_new ("item-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 5,
                  SSV_TYPE_WORKER, G_TYPE_UINT, G_TYPE_INT64, G_TYPE_UINT, G_TYPE_STRING);
}

static void
ssv_enrichment_engine_init (SsvEnrichmentEngine *self)
{
  self->workers = g_list_store_new (SSV_TYPE_WORKER);
}

/**
 * ssv_enrichment_engine_new:
 * @library_store: (nullable): told "changed" (at most every 1.5 s) as titles fill in
 *
 * The workers are created but not started.
 */
SsvEnrichmentEngine *
ssv_enrichment_engine_new (SsvDatabase *database,
                           SsvHttp     *http,
                           SsvSecrets  *secrets,
                           SsvStore    *library_store)
{
  return g_object_new (SSV_TYPE_ENRICHMENT_ENGINE,
                       "database", database,
                       "http", http,
                       "secrets", secrets,
                       "library-store", library_store,
                       NULL);
}

/* Returns: (transfer none): the workers, in display order */
GListModel *
ssv_enrichment_engine_get_workers (SsvEnrichmentEngine *self)
{
  g_return_val_if_fail (SSV_IS_ENRICHMENT_ENGINE (self), NULL);

  return G_LIST_MODEL (self->workers);
}

/* Returns: (transfer none) (nullable): the worker called @name ("tmdb", …) */
SsvWorker *
ssv_enrichment_engine_lookup (SsvEnrichmentEngine *self,
                              const char          *name)
{
  guint n;

  g_return_val_if_fail (SSV_IS_ENRICHMENT_ENGINE (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->workers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (G_LIST_MODEL (self->workers), i);

      if (g_strcmp0 (ssv_worker_get_name (worker), name) == 0)
        return worker;
    }

  return NULL;
}

SsvEnrichmentStore *
ssv_enrichment_engine_get_store (SsvEnrichmentEngine *self)
{
  g_return_val_if_fail (SSV_IS_ENRICHMENT_ENGINE (self), NULL);

  return self->store;
}

static void
for_each_worker (SsvEnrichmentEngine  *self,
                 void                (*func) (SsvWorker *worker))
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->workers));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (G_LIST_MODEL (self->workers), i);

      func (worker);
    }
}

/* Starts every worker's run loop. A worker the person paused stays paused. */
void
ssv_enrichment_engine_start (SsvEnrichmentEngine *self)
{
  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));

  self->running = TRUE;
  for_each_worker (self, ssv_worker_start);
}

void
ssv_enrichment_engine_stop (SsvEnrichmentEngine *self)
{
  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));

  self->running = FALSE;
  for_each_worker (self, ssv_worker_stop);
}

typedef struct
{
  guint   pending;
  GError *error;    /* the first wait given up */
} Shutdown;

static void
shutdown_free (gpointer data)
{
  Shutdown *shutdown = data;

  g_clear_error (&shutdown->error);
  g_free (shutdown);
}

static void
worker_shut_down_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Shutdown *shutdown = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!ssv_worker_shutdown_finish (SSV_WORKER (source), result, &error) && shutdown->error == NULL)
    shutdown->error = g_steal_pointer (&error);

  if (--shutdown->pending > 0)
    return;

  if (shutdown->error != NULL)
    g_task_return_error (task, g_steal_pointer (&shutdown->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ssv_enrichment_engine_shutdown_async:
 * @cancellable: (nullable): gives up waiting; the loops still end
 *
 * Stops every worker (ssv_worker_shutdown_async()) and calls back once all their loops
 * have ended: nothing of the engine's runs on another thread any more.
 */
void
ssv_enrichment_engine_shutdown_async (SsvEnrichmentEngine *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Shutdown *shutdown = g_new0 (Shutdown, 1);
  guint n;

  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ssv_enrichment_engine_shutdown_async);
  g_task_set_task_data (task, shutdown, shutdown_free);

  self->running = FALSE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->workers));
  /* One more than the workers, given back below: no callback completes the task early. */
  shutdown->pending = n + 1;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (G_LIST_MODEL (self->workers), i);

      ssv_worker_shutdown_async (worker, cancellable, worker_shut_down_cb, g_object_ref (task));
    }

  if (--shutdown->pending == 0)
    g_task_return_boolean (task, TRUE);
}

gboolean
ssv_enrichment_engine_shutdown_finish (SsvEnrichmentEngine  *self,
                                       GAsyncResult         *result,
                                       GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
ssv_enrichment_engine_is_running (SsvEnrichmentEngine *self)
{
  g_return_val_if_fail (SSV_IS_ENRICHMENT_ENGINE (self), FALSE);

  return self->running;
}

void
ssv_enrichment_engine_hold (SsvEnrichmentEngine *self)
{
  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));

  self->holds++;
  for_each_worker (self, ssv_worker_hold);
}

void
ssv_enrichment_engine_release (SsvEnrichmentEngine *self)
{
  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));
  g_return_if_fail (self->holds > 0);

  self->holds--;
  for_each_worker (self, ssv_worker_release);
}

gboolean
ssv_enrichment_engine_is_held (SsvEnrichmentEngine *self)
{
  g_return_val_if_fail (SSV_IS_ENRICHMENT_ENGINE (self), FALSE);

  return self->holds > 0;
}

static void
on_scanner_writing (SsvEnrichmentEngine *self,
                    GParamSpec          *pspec,
                    GObject             *scanner)
{
  gboolean writing = FALSE;

  g_object_get (scanner, "writing", &writing, NULL);
  if (writing && !self->scanner_holding)
    {
      self->scanner_holding = TRUE;
      ssv_enrichment_engine_hold (self);
    }
  else if (!writing && self->scanner_holding)
    {
      self->scanner_holding = FALSE;
      ssv_enrichment_engine_release (self);
    }
}

/**
 * ssv_enrichment_engine_follow_scanner:
 * @scanner: (nullable): an object with a boolean "writing" property, or %NULL to stop
 *
 * Holds the workers whenever @scanner writes, and releases them after.
 */
void
ssv_enrichment_engine_follow_scanner (SsvEnrichmentEngine *self,
                                      GObject             *scanner)
{
  GParamSpec *pspec;

  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));

  if (self->scanner != NULL)
    {
      g_clear_signal_handler (&self->scanner_handler, self->scanner);
      g_clear_object (&self->scanner);
      if (self->scanner_holding)
        {
          self->scanner_holding = FALSE;
          ssv_enrichment_engine_release (self);
        }
    }

  if (scanner == NULL)
    return;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (scanner), "writing");
  g_return_if_fail (pspec != NULL && pspec->value_type == G_TYPE_BOOLEAN);

  self->scanner = g_object_ref (scanner);
  self->scanner_handler = g_signal_connect_object (scanner, "notify::writing",
                                                   G_CALLBACK (on_scanner_writing), self,
                                                   G_CONNECT_SWAPPED);
  on_scanner_writing (self, pspec, scanner);
}

/* Asks every worker that handles @kind about this title first (lazy refresh). */
void
ssv_enrichment_engine_request (SsvEnrichmentEngine *self,
                               SsvItemKind          kind,
                               gint64               id)
{
  guint n;

  g_return_if_fail (SSV_IS_ENRICHMENT_ENGINE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->workers));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (G_LIST_MODEL (self->workers), i);

      ssv_worker_request (worker, kind, id);
    }
}

/* The key of @name changed in the keyring (Preferences stored a new one). */
void
ssv_enrichment_engine_key_changed (SsvEnrichmentEngine *self,
                                   const char          *name)
{
  SsvWorker *worker = ssv_enrichment_engine_lookup (self, name);

  if (worker != NULL)
    ssv_worker_key_changed (worker);
}

typedef struct
{
  SsvItemKind kind;
  gint64      id;
  char       *name;
} Target;

static void
target_free (gpointer data)
{
  Target *target = data;

  g_free (target->name);
  g_free (target);
}

static void
rematch_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SsvEnrichmentEngine *self = g_task_get_source_object (task);
  Target *target = g_task_get_task_data (task);
  GError *error = NULL;

  if (!ssv_enrichment_store_rematch_finish (SSV_ENRICHMENT_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Every provider starts over from the new match, this title first. */
  ssv_enrichment_engine_request (self, target->kind, target->id);
  g_task_return_boolean (task, TRUE);
}

/**
 * ssv_enrichment_engine_rematch_async:
 * @tmdb_id: the TMDB title the person picked
 *
 * Clears the old match's data and asks every worker about the title again.
 */
void
ssv_enrichment_engine_rematch_async (SsvEnrichmentEngine *self,
                                     SsvItemKind          kind,
                                     gint64               id,
                                     gint64               tmdb_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Target *target = g_new0 (Target, 1);

  target->kind = kind;
  target->id = id;
  g_task_set_source_tag (task, ssv_enrichment_engine_rematch_async);
  g_task_set_task_data (task, target, target_free);
  ssv_enrichment_store_rematch_async (self->store, kind, id, tmdb_id, cancellable, rematch_cb, task);
}

gboolean
ssv_enrichment_engine_rematch_finish (SsvEnrichmentEngine  *self,
                                      GAsyncResult         *result,
                                      GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
retry_failed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SsvEnrichmentEngine *self = g_task_get_source_object (task);
  Target *target = g_task_get_task_data (task);
  GError *error = NULL;
  gint64 count = ssv_enrichment_store_retry_failed_finish (SSV_ENRICHMENT_STORE (source), result, &error);
  SsvWorker *worker;

  if (count < 0)
    {
      g_task_return_error (task, error);
      return;
    }

  worker = ssv_enrichment_engine_lookup (self, target->name);
  if (worker != NULL)
    ssv_worker_wake (worker);
  g_task_return_int (task, count);
}

/* Makes every failure of worker @name due now, and wakes it. */
void
ssv_enrichment_engine_retry_failed_async (SsvEnrichmentEngine *self,
                                          const char          *name,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Target *target = g_new0 (Target, 1);

  target->name = g_strdup (name);
  g_task_set_source_tag (task, ssv_enrichment_engine_retry_failed_async);
  g_task_set_task_data (task, target, target_free);
  ssv_enrichment_store_retry_failed_async (self->store, name, cancellable, retry_failed_cb, task);
}

/* Returns: how many titles will be tried again, or -1 with @error set */
gint64
ssv_enrichment_engine_retry_failed_finish (SsvEnrichmentEngine  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}

typedef struct
{
  char *language;
  char *region;
} Language;

static void
language_free (gpointer data)
{
  Language *language = data;

  g_free (language->language);
  g_free (language->region);
  g_free (language);
}

static void
load_language_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SsvEnrichmentEngine *self = source_object;
  Language *language = g_new0 (Language, 1);
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  language->language = ssv_settings_store_get (self->database, "metadata.language", &error);
  if (error == NULL)
    language->region = ssv_settings_store_get (self->database, "metadata.region", &error);
  if (error != NULL)
    {
      language_free (language);
      g_task_return_error (task, error);
      return;
    }

  if (language->language == NULL)
    language->language = g_strdup ("en-US");
  if (language->region == NULL)
    language->region = g_strdup ("US");
  g_task_return_pointer (task, language, language_free);
}

void
ssv_enrichment_engine_load_language_async (SsvEnrichmentEngine *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, ssv_enrichment_engine_load_language_async);
  g_task_run_in_thread (task, load_language_thread);
}

gboolean
ssv_enrichment_engine_load_language_finish (SsvEnrichmentEngine  *self,
                                            GAsyncResult         *result,
                                            char                **language,
                                            char                **region,
                                            GError              **error)
{
  Language *found = g_task_propagate_pointer (G_TASK (result), error);

  if (found == NULL)
    return FALSE;

  *language = g_steal_pointer (&found->language);
  *region = g_steal_pointer (&found->region);
  language_free (found);
  return TRUE;
}

static void
save_language_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  SsvEnrichmentEngine *self = source_object;
  Language *language = task_data;
  GError *error = NULL;

  g_assert (!SSV_IS_MAIN_THREAD ());

  if (!ssv_database_begin (self->database, &error) ||
      !ssv_settings_store_set (self->database, "metadata.language", language->language, &error) ||
      !ssv_settings_store_set (self->database, "metadata.region", language->region, &error) ||
      !ssv_database_commit (self->database, &error))
    {
      ssv_database_rollback (self->database);
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* New requests use it; titles already filled in keep their text. */
void
ssv_enrichment_engine_save_language_async (SsvEnrichmentEngine *self,
                                           const char          *language,
                                           const char          *region,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Language *data = g_new0 (Language, 1);

  data->language = g_strdup (language);
  data->region = g_strdup (region);
  g_task_set_source_tag (task, ssv_enrichment_engine_save_language_async);
  g_task_set_task_data (task, data, language_free);
  g_task_run_in_thread (task, save_language_thread);
}

gboolean
ssv_enrichment_engine_save_language_finish (SsvEnrichmentEngine  *self,
                                            GAsyncResult         *result,
                                            GError              **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
