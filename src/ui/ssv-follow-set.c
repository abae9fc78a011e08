/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-follow-set.c: the followed keys of one kind for one page. A page loads it once
 * (one query, however many cards it shows); every eye button asks it, and it follows
 * the store's follow-changed signal so all of them agree without asking again. */

#include "config.h"

#include "ssv-follow-set.h"
#include "ssv-thread.h"
#include "model/ssv-watch-item.h"
#include "stores/ssv-watchlist-store.h"

struct _SsvFollowSet
{
  GObject            parent_instance;

  SsvWatchlistStore *store;
  SsvWatchKind       kind;
  GHashTable        *keys;       /* "source:id" → NULL; NULL until loaded */
  GHashTable        *changes;    /* what changed while a load ran: key → followed */
  GCancellable      *cancellable;
  guint              n_loads;
};

G_DEFINE_FINAL_TYPE (SsvFollowSet, ssv_follow_set, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
apply_change (GHashTable *keys,
              const char *key,
              gboolean    followed)
{
  if (followed)
    g_hash_table_add (keys, g_strdup (key));
  else
    g_hash_table_remove (keys, key);
}

static void
on_follow_changed (SsvFollowSet *self,
                   int           kind,
                   const char   *source,
                   const char   *source_id,
                   gboolean      followed,
                   SsvWatchlistStore *store)
{
  g_autofree char *key = NULL;

  /* The keys and the changes are unlocked: main thread only. */
  g_assert (SSV_IS_MAIN_THREAD ());

  if ((SsvWatchKind) kind != self->kind)
    return;

  key = ssv_watchlist_key (source, source_id);

  /* A load that is running may have read the database before this change. */
  if (self->cancellable != NULL)
    g_hash_table_insert (self->changes, g_strdup (key), GINT_TO_POINTER (followed));

  if (self->keys != NULL)
    {
      apply_change (self->keys, key, followed);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

static void
keys_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvFollowSet) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) keys = NULL;
  GHashTableIter iter;
  gpointer key, followed;

  g_assert (SSV_IS_MAIN_THREAD ());

  keys = ssv_watchlist_store_dup_followed_keys_finish (SSV_WATCHLIST_STORE (source), result, &error);
  if (keys == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Buttons keep their last state; the next load tries again. */
          g_warning ("Could not read what is followed: %s", error->message);
          g_clear_object (&self->cancellable);
          g_hash_table_remove_all (self->changes);
        }
      return;
    }

  g_clear_object (&self->cancellable);

  g_hash_table_iter_init (&iter, self->changes);
  while (g_hash_table_iter_next (&iter, &key, &followed))
    apply_change (keys, key, GPOINTER_TO_INT (followed));
  g_hash_table_remove_all (self->changes);

  g_clear_pointer (&self->keys, g_hash_table_unref);
  self->keys = g_steal_pointer (&keys);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * ssv_follow_set_load:
 *
 * Reads the followed keys in one query off the UI thread; #SsvFollowSet::changed
 * follows. Pages call it when they load their items, never per card.
 */
void
ssv_follow_set_load (SsvFollowSet *self)
{
  g_return_if_fail (SSV_IS_FOLLOW_SET (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_hash_table_remove_all (self->changes);

  self->cancellable = g_cancellable_new ();
  self->n_loads++;
  ssv_watchlist_store_dup_followed_keys_async (self->store, self->kind, self->cancellable,
                                               keys_ready_cb, g_object_ref (self));
}

gboolean
ssv_follow_set_get_loaded (SsvFollowSet *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_SET (self), FALSE);

  return self->keys != NULL;
}

/**
 * ssv_follow_set_contains_any:
 * @keys: ssv_watchlist_key() strings one item is known by
 *
 * Returns: whether the item is followed (%FALSE before the first load)
 */
gboolean
ssv_follow_set_contains_any (SsvFollowSet       *self,
                             const char * const *keys)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_SET (self), FALSE);

  if (self->keys == NULL || keys == NULL)
    return FALSE;

  for (guint i = 0; keys[i] != NULL; i++)
    if (g_hash_table_contains (self->keys, keys[i]))
      return TRUE;

  return FALSE;
}

/* How many queries the set has made: a page's cards share them. */
guint
ssv_follow_set_get_n_loads (SsvFollowSet *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_SET (self), 0);

  return self->n_loads;
}

SsvWatchlistStore *
ssv_follow_set_get_store (SsvFollowSet *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_SET (self), NULL);

  return self->store;
}

SsvWatchKind
ssv_follow_set_get_kind (SsvFollowSet *self)
{
  g_return_val_if_fail (SSV_IS_FOLLOW_SET (self), SSV_WATCH_KIND_SHOW);

  return self->kind;
}

static void
ssv_follow_set_dispose (GObject *object)
{
  SsvFollowSet *self = SSV_FOLLOW_SET (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ssv_follow_set_parent_class)->dispose (object);
}

static void
ssv_follow_set_finalize (GObject *object)
{
  SsvFollowSet *self = SSV_FOLLOW_SET (object);

  g_clear_pointer (&self->keys, g_hash_table_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);

  G_OBJECT_CLASS (ssv_follow_set_parent_class)->finalize (object);
}

static void
ssv_follow_set_class_init (SsvFollowSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ssv_follow_set_dispose;
  object_class->finalize = ssv_follow_set_finalize;

  /**
   * SsvFollowSet::changed:
   *
   * The set was loaded, or something of its kind was followed or unfollowed.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ssv_follow_set_init (SsvFollowSet *self)
{
  self->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

SsvFollowSet *
ssv_follow_set_new (SsvWatchlistStore *store,
                    SsvWatchKind       kind)
{
  SsvFollowSet *self;

  g_return_val_if_fail (SSV_IS_WATCHLIST_STORE (store), NULL);

  self = g_object_new (SSV_TYPE_FOLLOW_SET, NULL);
  self->store = g_object_ref (store);
  self->kind = kind;
  g_signal_connect_object (store, "follow-changed", G_CALLBACK (on_follow_changed),
                           self, G_CONNECT_SWAPPED);

  return self;
}
