/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-title-private.h: the fields of SsvTitle, for the store that reads it (and tests that make one). */

#pragma once

#include "model/ssv-title.h"

G_BEGIN_DECLS

struct _SsvTitle
{
  GObject       parent_instance;

  SsvMediaKind  kind;
  gint64        id;               /* the library's row; 0 for a title built from TMDB alone */
  gint64        tmdb_id;          /* 0 when not known */
  gboolean      wished;           /* a title not owned: on the wishlist by its TMDB id */
  GObject      *item;             /* the library's SsvMovie or SsvShow */
  char         *title;
  int           year;
  int           last_year;        /* a show's last year on air, or 0 */
  char         *tagline;
  char         *overview;
  char         *content_rating;
  int           runtime_minutes;
  char         *status;
  char         *network;          /* a show's network, a movie's studio */
  char         *server_name;
  char         *logo_url;
  char         *backdrop_url;
  char         *poster_url;
  double        imdb_rating;      /* 0 when unknown */
  int           rt_score;         /* -1 when unknown */
  int           metascore;        /* -1 when unknown */
  double        tmdb_rating;      /* 0 when unknown */
  gboolean      synced;           /* TMDB matched it (and, for a show, every season) */
  gboolean      watched;
  int           episode_count;
  int           watched_count;
  guint         n_seasons;        /* season numbers among the episodes, specials included */
  GStrv         genres;           /* the providers', else the server's */
  GStrv         directors;
  GStrv         writers;
  GStrv         creators;
  GListStore   *cast;             /* SsvCastMember, in billing order */
  GListStore   *seasons;          /* SsvSeason, specials last */
  GListStore   *episodes;         /* SsvEpisode, by season (specials first) then number */
  GListStore   *files;            /* SsvLibraryFile: a movie's */
};

SsvTitle *ssv_title_new (SsvMediaKind kind,
                         gint64       id);

G_END_DECLS
