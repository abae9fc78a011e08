/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-extras-worker.c: the per-video extras, filled in the background for the
 * videos of followed channels, newest first: SponsorBlock segments, DeArrow
 * titles and (only when turned on) Return YouTube Dislike estimates. Keyless;
 * each its own worker, so each can be paused, and each can be turned off. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-extras-worker.h"
#include "providers/ssv-dearrow.h"
#include "providers/ssv-ryd.h"
#include "providers/ssv-sponsorblock.h"

typedef struct
{
  SsvChannelStore *store;
  gboolean         enabled;   /* atomic */
} SsvExtrasWorkerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (SsvExtrasWorker, ssv_extras_worker, SSV_TYPE_WORKER)

static SsvChannelStore *
store_of (SsvExtrasWorker *self)
{
  SsvExtrasWorkerPrivate *priv = ssv_extras_worker_get_instance_private (self);

  return priv->store;
}

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GPtrArray *
next_items (SsvWorker  *worker,
            gint64      now,
            guint       limit,
            GError    **error)
{
  SsvExtrasWorker *self = SSV_EXTRAS_WORKER (worker);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) ssv_work_item_free);
  g_autoptr(GPtrArray) videos = NULL;

  if (!ssv_extras_worker_get_enabled (self))
    return g_steal_pointer (&items);

  videos = ssv_channel_store_next_for_extra (store_of (self), SSV_EXTRAS_WORKER_GET_CLASS (self)->extra, now,
                                             limit, error);
  if (videos == NULL)
    return NULL;

  for (guint i = 0; i < videos->len; i++)
    {
      SsvVideo *video = g_ptr_array_index (videos, i);
      const char *label = ssv_video_get_title (video) ? ssv_video_get_title (video) : ssv_video_get_video_id (video);

      g_ptr_array_add (items, ssv_worker_item_new (ssv_video_get_id (video), label, FALSE));
    }

  return g_steal_pointer (&items);
}

static gboolean
process_item (SsvWorker          *worker,
              const SsvWorkItem  *item,
              const char         *key,
              SsvOutcome         *outcome,
              GCancellable       *cancellable,
              GError            **error)
{
  SsvExtrasWorker *self = SSV_EXTRAS_WORKER (worker);
  g_autoptr(SsvVideo) video = ssv_channel_store_get_video_by_row (store_of (self), item->id, error);

  if (video == NULL)
    return FALSE;

  /* Turned off while the batch was in hand: ask nothing more. */
  if (!ssv_extras_worker_get_enabled (self))
    {
      *outcome = SSV_OUTCOME_NOT_FOUND;
      return TRUE;
    }

  if (!SSV_EXTRAS_WORKER_GET_CLASS (self)->fetch_and_save (self, video, cancellable, error))
    return FALSE;

  *outcome = SSV_OUTCOME_MATCHED;
  return TRUE;
}

/* Nothing known, or an error: asked all the same, so it waits its turn again. */
static gboolean
record_failure (SsvWorker          *worker,
                const SsvWorkItem  *item,
                SsvOutcome          outcome,
                const GError       *error,
                GError            **record_error)
{
  SsvExtrasWorker *self = SSV_EXTRAS_WORKER (worker);
  g_autoptr(SsvVideo) video = ssv_channel_store_get_video_by_row (store_of (self), item->id, record_error);

  if (video == NULL)
    return FALSE;

  return ssv_channel_store_mark_extra_asked (store_of (self), ssv_video_get_video_id (video),
                                             SSV_EXTRAS_WORKER_GET_CLASS (self)->extra, now_unix (), record_error);
}

static void
ssv_extras_worker_finalize (GObject *object)
{
  SsvExtrasWorkerPrivate *priv = ssv_extras_worker_get_instance_private (SSV_EXTRAS_WORKER (object));

  g_clear_object (&priv->store);

  G_OBJECT_CLASS (ssv_extras_worker_parent_class)->finalize (object);
}

static void
ssv_extras_worker_class_init (SsvExtrasWorkerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  SsvWorkerClass *worker_class = SSV_WORKER_CLASS (klass);

  object_class->finalize = ssv_extras_worker_finalize;
  worker_class->process_item = process_item;
  worker_class->next_items = next_items;
  worker_class->record_failure = record_failure;
  worker_class->keyless = TRUE;
}

static void
ssv_extras_worker_init (SsvExtrasWorker *self)
{
}

SsvWorker *
ssv_extras_worker_new (GType             type,
                       SsvDatabase      *database,
                       SsvHttp          *http,
                       SsvChannelStore  *store,
                       gboolean          enabled)
{
  SsvExtrasWorker *self;
  SsvExtrasWorkerPrivate *priv;

  g_return_val_if_fail (g_type_is_a (type, SSV_TYPE_EXTRAS_WORKER), NULL);

  self = g_object_new (type, "database", database, "http", http, NULL);
  priv = ssv_extras_worker_get_instance_private (self);
  priv->store = g_object_ref (store);
  g_atomic_int_set (&priv->enabled, enabled);
  return SSV_WORKER (self);
}

void
ssv_extras_worker_set_enabled (SsvExtrasWorker *self,
                               gboolean         enabled)
{
  SsvExtrasWorkerPrivate *priv = ssv_extras_worker_get_instance_private (self);

  g_atomic_int_set (&priv->enabled, enabled);
  ssv_worker_wake (SSV_WORKER (self));
}

gboolean
ssv_extras_worker_get_enabled (SsvExtrasWorker *self)
{
  SsvExtrasWorkerPrivate *priv = ssv_extras_worker_get_instance_private (self);

  return g_atomic_int_get (&priv->enabled);
}

/* ---- SponsorBlock ---------------------------------------------------------------- */

typedef struct { SsvExtrasWorker parent_instance; } SsvSponsorblockWorker;
typedef struct { SsvExtrasWorkerClass parent_class; } SsvSponsorblockWorkerClass;

G_DEFINE_FINAL_TYPE (SsvSponsorblockWorker, ssv_sponsorblock_worker, SSV_TYPE_EXTRAS_WORKER)

static gboolean
sponsorblock_fetch_and_save (SsvExtrasWorker  *self,
                             SsvVideo         *video,
                             GCancellable     *cancellable,
                             GError          **error)
{
  g_autoptr(GPtrArray) segments = ssv_sponsorblock_fetch (ssv_worker_get_http (SSV_WORKER (self)),
                                                          ssv_video_get_video_id (video), cancellable, error);

  return segments != NULL &&
         ssv_channel_store_save_segments (store_of (self), ssv_video_get_video_id (video), segments, now_unix (), error);
}

static void
ssv_sponsorblock_worker_class_init (SsvSponsorblockWorkerClass *klass)
{
  SsvExtrasWorkerClass *extras_class = SSV_EXTRAS_WORKER_CLASS (klass);

  extras_class->extra = "sponsorblock";
  extras_class->fetch_and_save = sponsorblock_fetch_and_save;
  ssv_worker_class_set_provider (SSV_WORKER_CLASS (klass), "sponsorblock", "SponsorBlock");
}

static void
ssv_sponsorblock_worker_init (SsvSponsorblockWorker *self)
{
}

/* ---- DeArrow --------------------------------------------------------------------- */

typedef struct { SsvExtrasWorker parent_instance; } SsvDearrowWorker;
typedef struct { SsvExtrasWorkerClass parent_class; } SsvDearrowWorkerClass;

G_DEFINE_FINAL_TYPE (SsvDearrowWorker, ssv_dearrow_worker, SSV_TYPE_EXTRAS_WORKER)

static gboolean
dearrow_fetch_and_save (SsvExtrasWorker  *self,
                        SsvVideo         *video,
                        GCancellable     *cancellable,
                        GError          **error)
{
  gboolean known = FALSE;
  g_autofree char *title = ssv_dearrow_fetch (ssv_worker_get_http (SSV_WORKER (self)),
                                              ssv_video_get_video_id (video), &known, cancellable, error);

  return known &&
         ssv_channel_store_save_dearrow_title (store_of (self), ssv_video_get_video_id (video), title, now_unix (), error);
}

static void
ssv_dearrow_worker_class_init (SsvDearrowWorkerClass *klass)
{
  SsvExtrasWorkerClass *extras_class = SSV_EXTRAS_WORKER_CLASS (klass);

  extras_class->extra = "dearrow";
  extras_class->fetch_and_save = dearrow_fetch_and_save;
  ssv_worker_class_set_provider (SSV_WORKER_CLASS (klass), "dearrow", "DeArrow");
}

static void
ssv_dearrow_worker_init (SsvDearrowWorker *self)
{
}

/* ---- Return YouTube Dislike -------------------------------------------------------- */

typedef struct { SsvExtrasWorker parent_instance; } SsvRydWorker;
typedef struct { SsvExtrasWorkerClass parent_class; } SsvRydWorkerClass;

G_DEFINE_FINAL_TYPE (SsvRydWorker, ssv_ryd_worker, SSV_TYPE_EXTRAS_WORKER)

static gboolean
ryd_fetch_and_save (SsvExtrasWorker  *self,
                    SsvVideo         *video,
                    GCancellable     *cancellable,
                    GError          **error)
{
  gint64 likes, dislikes;

  return ssv_ryd_fetch (ssv_worker_get_http (SSV_WORKER (self)), ssv_video_get_video_id (video),
                        &likes, &dislikes, cancellable, error) &&
         ssv_channel_store_save_votes (store_of (self), ssv_video_get_video_id (video), likes, dislikes,
                                       now_unix (), error);
}

static void
ssv_ryd_worker_class_init (SsvRydWorkerClass *klass)
{
  SsvExtrasWorkerClass *extras_class = SSV_EXTRAS_WORKER_CLASS (klass);

  extras_class->extra = "ryd";
  extras_class->fetch_and_save = ryd_fetch_and_save;
  ssv_worker_class_set_provider (SSV_WORKER_CLASS (klass), "ryd", "Return YouTube Dislike");
}

static void
ssv_ryd_worker_init (SsvRydWorker *self)
{
}
