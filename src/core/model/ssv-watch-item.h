/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watch-item.h: one entry of the effective watchlist: a show, a person or a channel. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SSV_WATCH_KIND_SHOW,
  SSV_WATCH_KIND_PERSON,
  SSV_WATCH_KIND_CHANNEL,
} SsvWatchKind;

#define SSV_TYPE_WATCH_ITEM (ssv_watch_item_get_type ())

G_DECLARE_FINAL_TYPE (SsvWatchItem, ssv_watch_item, SSV, WATCH_ITEM, GObject)

const char    *ssv_watch_kind_to_string       (SsvWatchKind  kind);
gboolean       ssv_watch_kind_from_string     (const char   *text,
                                               SsvWatchKind *kind);

SsvWatchItem  *ssv_watch_item_new             (SsvWatchKind  kind,
                                               const char   *source,
                                               const char   *source_id);
SsvWatchItem  *ssv_watch_item_new_named       (SsvWatchKind  kind,
                                               const char   *source,
                                               const char   *source_id,
                                               const char   *title,
                                               const char   *image_url);
SsvWatchKind   ssv_watch_item_get_kind        (SsvWatchItem *self);
const char    *ssv_watch_item_get_source      (SsvWatchItem *self);
const char    *ssv_watch_item_get_source_id   (SsvWatchItem *self);
const char    *ssv_watch_item_get_title       (SsvWatchItem *self);
const char    *ssv_watch_item_get_image_url   (SsvWatchItem *self);
const char    *ssv_watch_item_get_status      (SsvWatchItem *self);
gint64         ssv_watch_item_get_show_id     (SsvWatchItem *self);
int            ssv_watch_item_get_year        (SsvWatchItem *self);
gboolean       ssv_watch_item_get_explicit    (SsvWatchItem *self);

G_END_DECLS
