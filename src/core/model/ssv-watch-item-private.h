/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-watch-item-private.h: the fields the watchlist store fills in. */

#pragma once

#include "model/ssv-watch-item.h"

G_BEGIN_DECLS

struct _SsvWatchItem
{
  GObject       parent_instance;

  SsvWatchKind  kind;
  char         *source;
  char         *source_id;
  char         *title;
  char         *image_url;
  char         *status;
  gint64        show_id;       /* the library show, 0 when none */
  int           year;
  gboolean      explicit;      /* followed by a row, not because it airs */
};

G_END_DECLS
