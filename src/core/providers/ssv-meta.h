/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-meta.h: what a provider's parser found about a title, as plain data. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SSV_ITEM_MOVIE,
  SSV_ITEM_SHOW,
  SSV_ITEM_EPISODE,
  SSV_N_ITEM_KINDS
} SsvItemKind;

typedef enum
{
  SSV_CREDIT_CAST,
  SSV_CREDIT_DIRECTOR,
  SSV_CREDIT_WRITER,
  SSV_CREDIT_CREATOR,
} SsvCreditRole;

typedef enum
{
  SSV_IMAGE_POSTER,
  SSV_IMAGE_BACKDROP,
  SSV_IMAGE_LOGO,
  SSV_IMAGE_CLEARART,
  SSV_IMAGE_BANNER,
  SSV_IMAGE_THUMB,
} SsvImageKind;

typedef struct
{
  SsvCreditRole  role;
  gint64         tmdb_id;        /* 0 = unknown */
  char          *name;
  char          *character;
  char          *job;
  char          *profile_url;
  int            order;
} SsvMetaCredit;

typedef struct
{
  SsvImageKind  kind;
  char         *url;
  char         *language;        /* NULL = no text in the image */
  double        score;           /* likes or votes; higher is better */
  int           width;
  int           height;
} SsvMetaImage;

typedef struct
{
  int    season_number;
  char  *title;
  char  *overview;
  char  *air_date;
  char  *poster_url;
  int    episode_count;
} SsvMetaSeason;

typedef struct
{
  int     season_number;
  int     episode_number;
  gint64  tmdb_id;
  gint64  tvdb_id;
  char   *imdb_id;
  char   *title;
  char   *overview;
  char   *air_date;
  char   *still_url;
  int     runtime_minutes;
  int     absolute_number;
  double  rating;
  double  imdb_rating;
} SsvMetaEpisode;

/* Zero, NULL and -1 (the scores) mean "the provider did not say". */
typedef struct
{
  SsvItemKind  kind;
  gint64       tmdb_id;
  gint64       tvdb_id;
  char        *imdb_id;
  char        *title;
  char        *original_title;
  int          year;
  char        *overview;
  char        *tagline;
  char        *status;
  char        *content_rating;
  char        *release_date;
  char        *first_air_date;
  char        *last_air_date;
  char        *air_time;
  char        *air_time_zone;
  int          runtime_minutes;
  char        *studio;
  char        *network;
  char        *collection;
  double       tmdb_rating;
  gint64       tmdb_votes;
  double       imdb_rating;
  gint64       imdb_votes;
  int          rt_score;
  int          metascore;
  char        *poster_url;
  char        *backdrop_url;
  char        *logo_url;
  char        *clearart_url;
  char        *banner_url;
  char        *subtitle_languages;
  GPtrArray   *genres;       /* char* */
  GPtrArray   *credits;      /* SsvMetaCredit* */
  GPtrArray   *images;       /* SsvMetaImage* */
  GPtrArray   *seasons;      /* SsvMetaSeason* */
  GPtrArray   *episodes;     /* SsvMetaEpisode* */
  /* Fill gaps of the library's episodes but add none (another provider's list rules). */
  gboolean     no_new_episodes;
  /* A show's next and last episodes as the provider lists them (0: not said). */
  int          next_episode_season;
  int          next_episode_number;
  char        *next_episode_air_date;
  int          last_episode_season;
  int          last_episode_number;
  int          in_production;        /* 1, 0, or -1: not said */
  /* Seasons whose episodes came with the details (TMDB's append_to_response). */
  GArray      *answered_seasons;     /* int */
} SsvMeta;

typedef struct
{
  gint64  id;
  char   *title;
  char   *original_title;
  int     year;
  char   *overview;
  char   *poster_url;
  double  popularity;
} SsvSearchResult;

const char      *ssv_item_kind_to_string     (SsvItemKind       kind);
gboolean         ssv_item_kind_from_string   (const char       *text,
                                              SsvItemKind      *kind);
const char      *ssv_credit_role_to_string   (SsvCreditRole     role);
const char      *ssv_image_kind_to_string    (SsvImageKind      kind);

SsvMeta         *ssv_meta_new                (SsvItemKind       kind);
void             ssv_meta_free               (SsvMeta          *meta);
SsvMetaCredit   *ssv_meta_add_credit         (SsvMeta          *meta,
                                              SsvCreditRole     role,
                                              const char       *name);
SsvMetaImage    *ssv_meta_add_image          (SsvMeta          *meta,
                                              SsvImageKind      kind,
                                              const char       *url);
SsvMetaSeason   *ssv_meta_add_season         (SsvMeta          *meta,
                                              int               season_number);
SsvMetaEpisode  *ssv_meta_add_episode        (SsvMeta          *meta,
                                              int               season_number,
                                              int               episode_number);
void             ssv_meta_add_genre          (SsvMeta          *meta,
                                              const char       *genre);
/* @languages: tiers separated by ";", each a comma-separated set ("null" = no text). */
const SsvMetaImage *ssv_meta_best_image      (const SsvMeta    *meta,
                                              SsvImageKind      kind,
                                              const char       *languages);

void             ssv_search_result_free      (SsvSearchResult  *result);
int              ssv_search_pick_best        (GPtrArray        *results,
                                              const char       *title,
                                              int               year);
char            *ssv_normalize_title         (const char       *title);
gboolean         ssv_is_imdb_id              (const char       *text);
char            *ssv_dup_valid_date          (const char       *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvMeta, ssv_meta_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvSearchResult, ssv_search_result_free)

G_END_DECLS
