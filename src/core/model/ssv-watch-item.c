/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watch-item.c: one entry of the effective watchlist. */

#include "config.h"

#include "model/ssv-watch-item-private.h"
#include "model/ssv-model-props.h"

G_DEFINE_FINAL_TYPE (SsvWatchItem, ssv_watch_item, G_TYPE_OBJECT)

/* Read-only, for poster cards and expressions: the store fills the fields once. */
static const SsvModelProp props[] = {
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWatchItem, title) },
  /* The show's poster, the person's portrait or the channel's avatar. */
  { "poster-url", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvWatchItem, image_url) },
  { "year", SSV_MODEL_INT, G_STRUCT_OFFSET (SsvWatchItem, year) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

static const char * const kind_names[] = { "show", "person", "channel" };

const char *
ssv_watch_kind_to_string (SsvWatchKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), NULL);

  return kind_names[kind];
}

gboolean
ssv_watch_kind_from_string (const char   *text,
                            SsvWatchKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = (SsvWatchKind) i;
        return TRUE;
      }

  return FALSE;
}

static void
ssv_watch_item_finalize (GObject *object)
{
  SsvWatchItem *self = SSV_WATCH_ITEM (object);

  g_free (self->source);
  g_free (self->source_id);
  g_free (self->title);
  g_free (self->image_url);
  g_free (self->status);

  G_OBJECT_CLASS (ssv_watch_item_parent_class)->finalize (object);
}

static void
ssv_watch_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  ssv_model_get_prop (object, props, prop_id, value);
}

static void
ssv_watch_item_class_init (SsvWatchItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_watch_item_finalize;
  object_class->get_property = ssv_watch_item_get_property;

  ssv_model_install_read_only_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_watch_item_init (SsvWatchItem *self)
{
}

SsvWatchItem *
ssv_watch_item_new (SsvWatchKind  kind,
                    const char   *source,
                    const char   *source_id)
{
  SsvWatchItem *self = g_object_new (SSV_TYPE_WATCH_ITEM, NULL);

  self->kind = kind;
  self->source = g_strdup (source);
  self->source_id = g_strdup (source_id);

  return self;
}

/**
 * ssv_watch_item_new_named:
 * @title: (nullable): what the watchlist calls it once followed
 * @image_url: (nullable): its poster or photo
 *
 * Something not yet on the watchlist, as an eye button follows it.
 */
SsvWatchItem *
ssv_watch_item_new_named (SsvWatchKind  kind,
                          const char   *source,
                          const char   *source_id,
                          const char   *title,
                          const char   *image_url)
{
  SsvWatchItem *self = ssv_watch_item_new (kind, source, source_id);

  self->title = g_strdup (title);
  self->image_url = g_strdup (image_url);

  return self;
}

SsvWatchKind
ssv_watch_item_get_kind (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), SSV_WATCH_KIND_SHOW);
  return self->kind;
}

const char *
ssv_watch_item_get_source (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), NULL);
  return self->source;
}

const char *
ssv_watch_item_get_source_id (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), NULL);
  return self->source_id;
}

const char *
ssv_watch_item_get_title (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), NULL);
  return self->title;
}

const char *
ssv_watch_item_get_image_url (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), NULL);
  return self->image_url;
}

const char *
ssv_watch_item_get_status (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), NULL);
  return self->status;
}

gint64
ssv_watch_item_get_show_id (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), 0);
  return self->show_id;
}

int
ssv_watch_item_get_year (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), 0);
  return self->year;
}

gboolean
ssv_watch_item_get_explicit (SsvWatchItem *self)
{
  g_return_val_if_fail (SSV_IS_WATCH_ITEM (self), FALSE);
  return self->explicit;
}
