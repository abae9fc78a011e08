/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-store.c: shared plumbing of the domain stores. */

#include "config.h"

#include "ssv-utils.h"
#include "stores/ssv-store.h"
#include "ssv-database.h"
#include "ssv-thread.h"

typedef struct
{
  SsvDatabase  *database;
  GMainContext *main_context;
} SsvStorePrivate;

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_TYPE_WITH_PRIVATE (SsvStore, ssv_store, G_TYPE_OBJECT)

static void
ssv_store_dispose (GObject *object)
{
  SsvStorePrivate *priv = ssv_store_get_instance_private (SSV_STORE (object));

  g_clear_object (&priv->database);
  g_clear_pointer (&priv->main_context, g_main_context_unref);

  G_OBJECT_CLASS (ssv_store_parent_class)->dispose (object);
}

static void
ssv_store_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  SsvStorePrivate *priv = ssv_store_get_instance_private (SSV_STORE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, priv->database);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_store_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  SsvStorePrivate *priv = ssv_store_get_instance_private (SSV_STORE (object));

  switch (prop_id)
    {
    case PROP_DATABASE:
      priv->database = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_store_class_init (SsvStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_store_dispose;
  object_class->get_property = ssv_store_get_property;
  object_class->set_property = ssv_store_set_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL,
                         SSV_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SsvStore::changed:
   * @detail: what changed ("movie", "show", …)
   *
   * Emitted on the main context after a commit that changed rows.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ssv_store_init (SsvStore *self)
{
  SsvStorePrivate *priv = ssv_store_get_instance_private (self);

  /* Signals go to whoever created the store: the app's main loop. */
  priv->main_context = g_main_context_ref_thread_default ();
}

SsvDatabase *
ssv_store_get_database (SsvStore *self)
{
  SsvStorePrivate *priv = ssv_store_get_instance_private (self);

  return priv->database;
}

typedef struct
{
  SsvStore *store;
  char     *detail;
} ChangedData;

static gboolean
emit_changed_cb (gpointer user_data)
{
  ChangedData *data = user_data;

  g_signal_emit (data->store, signals[CHANGED], g_quark_from_string (data->detail), data->detail);
  return G_SOURCE_REMOVE;
}

static void
changed_data_free (gpointer user_data)
{
  ChangedData *data = user_data;

  g_object_unref (data->store);
  g_free (data->detail);
  g_free (data);
}

/**
 * ssv_store_emit_changed:
 *
 * Announces a committed change. Safe from any thread: the signal is emitted on
 * the main context the store was created on.
 */
void
ssv_store_emit_changed (SsvStore   *self,
                        const char *detail)
{
  SsvStorePrivate *priv = ssv_store_get_instance_private (self);
  ChangedData *data = g_new0 (ChangedData, 1);

  data->store = g_object_ref (self);
  data->detail = g_strdup (detail ? detail : "all");
  ssv_dispatch_to (priv->main_context, emit_changed_cb, data, changed_data_free);
}

typedef struct
{
  SsvStoreFunc    func;
  gpointer        data;
  GDestroyNotify  data_free;
  GDestroyNotify  result_free;
} RunData;

static void
run_data_free (gpointer user_data)
{
  RunData *run = user_data;

  if (run->data_free != NULL && run->data != NULL)
    run->data_free (run->data);
  g_free (run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  RunData *run = task_data;
  GError *error = NULL;
  gpointer result;

  g_assert (!SSV_IS_MAIN_THREAD ());

  result = run->func (source_object, run->data, cancellable, &error);
  if (error != NULL)
    {
      if (result != NULL && run->result_free != NULL)
        run->result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, run->result_free);

  /* Back to the pool, which keeps its threads and their connections: the pages this
   * read stay in the file, not in every idle thread's cache. */
  ssv_database_release_thread_memory ();
}

void
ssv_store_run_async (SsvStore            *self,
                     gpointer             source_tag,
                     SsvStoreFunc         func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RunData *run = g_new0 (RunData, 1);

  run->func = func;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, run, run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gpointer
ssv_store_run_finish (SsvStore      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
