/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-entry-private.h: the fields the calendar store fills in. */

#pragma once

#include "model/ssv-calendar-entry.h"

G_BEGIN_DECLS

struct _SsvCalendarEntry
{
  GObject     parent_instance;

  gint64      episode_id;
  gint64      show_id;
  char       *show_title;
  char       *show_source;      /* the show's key, as the watchlist names it */
  char       *show_source_id;
  int         season_number;
  int         episode_number;
  char       *title;
  char       *overview;
  char       *air_date;
  GDateTime  *airs;             /* in the person's zone; local midnight when anytime */
  gboolean    anytime;
  int         runtime_minutes;
  gboolean    owned;
  char       *still_url;
  char       *poster_url;
  char       *backdrop_url;
  char      **genres;           /* NULL-terminated, maybe NULL */
  char       *show_overview;
  char       *network;
};

SsvCalendarEntry *ssv_calendar_entry_new (void);

G_END_DECLS
