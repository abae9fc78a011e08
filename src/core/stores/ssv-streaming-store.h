/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-streaming-store.h: where wanted titles stream: TMDB's subscription offers per region, kept. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

/* A wanted title TMDB knows: a movie, or a show ("tv"). */
typedef struct
{
  gboolean  show;
  gint64    tmdb_id;
} SsvStreamingTitle;

/* One subscription offer: who streams it. */
typedef struct
{
  gint64       provider_id;
  const char  *provider_name;
} SsvStreamingOffer;

GArray     *ssv_streaming_store_list_due       (SsvDatabase              *db,
                                                const char               *region,
                                                gint64                    checked_before,
                                                guint                     limit,
                                                GError                  **error);
gboolean    ssv_streaming_store_record         (SsvDatabase              *db,
                                                const SsvStreamingTitle  *title,
                                                const char               *region,
                                                const SsvStreamingOffer  *offers,
                                                gsize                     n_offers,
                                                gint64                    now,
                                                GError                  **error);
GHashTable *ssv_streaming_store_dup_streamed   (SsvDatabase              *db,
                                                const char               *region,
                                                const gint64             *provider_ids,
                                                gsize                     n_ids,
                                                GError                  **error);
char       *ssv_streaming_key                  (gboolean                  show,
                                                gint64                    wishlist_id);

G_END_DECLS
