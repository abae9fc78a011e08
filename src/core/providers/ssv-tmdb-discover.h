/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-tmdb-discover.h: TMDB beyond the library: multi search, trending, discover, people and
 * their credits, where to watch, home release dates. Pure parsers and
 * the blocking calls that feed them. */

#pragma once

#include "providers/ssv-tmdb.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_TMDB_MOVIE,
  SSV_TMDB_TV,
  SSV_TMDB_PERSON,
} SsvTmdbMediaType;

/* One result of a search, a trending or a discover list. */
typedef struct
{
  SsvTmdbMediaType  media_type;
  gint64            id;
  char             *title;          /* a movie's title, a show's or a person's name */
  char             *original_title;
  int               year;
  char             *date;           /* release or first air date, YYYY-MM-DD */
  char             *overview;
  char             *image_url;      /* poster, or a person's photo */
  char             *backdrop_url;
  char             *known_for;      /* a person's best-known titles, "A, B, C" */
  char             *department;     /* a person's: "Acting" */
  double            popularity;
  double            rating;
} SsvTmdbHit;

/* A part in a movie or a show, from a person's combined credits. */
typedef struct
{
  SsvTmdbMediaType  media_type;     /* movie or tv */
  gint64            id;
  char             *title;
  char             *date;
  int               year;
  char             *character;      /* cast */
  char             *job;            /* crew: "Director" */
  char             *department;
  char             *poster_url;
  int               episode_count;
  double            popularity;
  gboolean          cast;
} SsvTmdbCredit;

typedef struct
{
  gint64      id;
  char       *name;
  char       *biography;
  char       *birthday;
  char       *deathday;
  char       *place_of_birth;
  char       *profile_url;
  char       *known_for_department;
  char       *imdb_id;
  GPtrArray  *credits;              /* SsvTmdbCredit*, newest first; undated ones (upcoming) lead */
} SsvTmdbPerson;

/* Where a title can be watched in one region. */
typedef struct
{
  gint64  id;
  char   *name;
  char   *logo_url;
  char   *kind;                     /* "flatrate", "free", "ads", "rent", "buy" */
  int     priority;                 /* TMDB's display priority: lower first */
} SsvWatchProvider;

/* Pure */
GPtrArray     *ssv_tmdb_parse_hits              (JsonNode              *root,
                                                 SsvTmdbMediaType       fallback,
                                                 const SsvTmdbOptions  *options,
                                                 GError               **error);
SsvTmdbPerson *ssv_tmdb_parse_person            (JsonNode              *root,
                                                 const SsvTmdbOptions  *options,
                                                 GError               **error);
GPtrArray     *ssv_tmdb_parse_watch_providers   (JsonNode              *root,
                                                 const char            *region,
                                                 const SsvTmdbOptions  *options,
                                                 char                 **link,
                                                 GError               **error);
char          *ssv_tmdb_home_release_date       (JsonNode              *root,
                                                 const char            *region,
                                                 char                 **theatrical);

const char    *ssv_tmdb_media_type_to_string    (SsvTmdbMediaType       type);
gboolean       ssv_tmdb_media_type_from_string  (const char            *text,
                                                 SsvTmdbMediaType      *type);

/* Blocking. @path is TMDB's ("/search/multi"); @query holds name, value, …, NULL. */
JsonNode      *ssv_tmdb_get                     (SsvHttp               *http,
                                                 const char            *key,
                                                 const char            *path,
                                                 const char * const    *query,
                                                 GCancellable          *cancellable,
                                                 GError               **error);

void           ssv_tmdb_hit_free                (SsvTmdbHit            *hit);
void           ssv_tmdb_credit_free             (SsvTmdbCredit         *credit);
void           ssv_tmdb_person_free             (SsvTmdbPerson         *person);
gboolean       ssv_tmdb_parse_provider_list     (JsonNode              *root,
                                                 const char            *region,
                                                 const SsvTmdbOptions  *options,
                                                 GPtrArray             *providers,
                                                 GError               **error);
void           ssv_watch_provider_free          (SsvWatchProvider      *provider);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTmdbHit, ssv_tmdb_hit_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvTmdbPerson, ssv_tmdb_person_free)

G_END_DECLS
