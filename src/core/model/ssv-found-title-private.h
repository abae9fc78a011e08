/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-found-title-private.h: the fields of a found title, for the stores and services that fill them. */

#pragma once

#include "model/ssv-found-title.h"

G_BEGIN_DECLS

struct _SsvFoundTitle
{
  GObject   parent_instance;

  char     *kind;          /* SSV_FOUND_MOVIE, _SHOW, _PERSON */
  gint64    tmdb_id;       /* 0: not known (a library title TMDB has not matched) */
  gint64    library_id;    /* the movies or shows row; 0 when not owned */
  char     *title;
  int       year;
  char     *overview;
  char     *image_url;     /* poster, or a person's photo */
  char     *known_for;     /* a person's best-known titles */
  char     *role;          /* on a person page: "Neil McCauley", "Director" */
  double    popularity;
  gboolean  owned;
  gboolean  wished;
  gboolean  followed;
};

gboolean ssv_found_title_update_from (SsvFoundTitle *self,
                                      SsvFoundTitle *other);

G_END_DECLS
