/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-media-item.h: what every source hands the scanner: normalised titles, episodes, files. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SSV_MEDIA_KIND_MOVIE,
  SSV_MEDIA_KIND_SHOW,
  SSV_MEDIA_KIND_EPISODE,
} SsvMediaKind;

typedef enum
{
  SSV_LIBRARY_KIND_NONE,
  SSV_LIBRARY_KIND_MOVIES,
  SSV_LIBRARY_KIND_SHOWS,
} SsvLibraryKind;

/* One file (or one server "media source") of a movie or an episode. */
typedef struct
{
  char    *server_id;
  char    *path;
  gint64   size_bytes;      /* -1 = unknown */
  char    *container;
  char    *video_codec;
  int      video_height;    /* 0 = unknown */
  char    *video_range;     /* "SDR", "HDR10", "HDR10+", "HLG", "DV", or NULL */
  char    *audio_codec;
  int      audio_channels;  /* 0 = unknown */
  gint64   duration_s;      /* -1 = unknown */
  gint64   added_at;        /* unix seconds, 0 = unknown */
} SsvMediaFile;

/* A movie, a show or an episode as a source saw it. Unknown numbers are 0 (or
 * NAN for ratings, -1 for positions); unknown strings NULL. */
typedef struct
{
  SsvMediaKind  kind;
  char         *server_id;
  char         *library_key;

  char         *title;
  char         *sort_title;
  char         *original_title;
  int           year;
  char         *overview;
  char         *tagline;
  char         *content_rating;
  int           runtime_minutes;
  char         *release_date;     /* movies: release; shows: first aired; episodes: aired */
  char         *end_date;         /* shows: last aired */
  char         *studio;           /* movies: studio; shows: network */
  char         *status;
  double        community_rating;
  double        critic_rating;
  gint64        tmdb_id;
  char         *imdb_id;
  gint64        tvdb_id;
  char         *poster_url;
  char         *backdrop_url;
  char         *logo_url;
  gboolean      watched;
  int           play_count;
  gint64        resume_position_s;
  gint64        last_played_at;   /* unix seconds; 0 = never, or the server does not say */
  gint64        added_at;
  gint64        updated_at;
  GPtrArray    *genres;           /* char * */
  GPtrArray    *files;            /* SsvMediaFile */

  /* Episodes only */
  int           season_number;
  int           episode_number;
  int           episode_number_end;   /* last of a multi-episode file, or 0 */
  char         *show_server_id;

  /* Set when the source could not make sense of the item; the scanner logs
   * it and skips the item instead of failing the scan. */
  char         *problem;
} SsvMediaItem;

typedef struct
{
  int    season_number;
  char  *server_id;
  char  *title;
  char  *overview;
  char  *poster_url;
  char  *air_date;
  int    episode_count;
} SsvMediaSeason;

/* A show's seasons and episodes. @seasons may be empty when the source only
 * knows episodes; the scanner derives seasons from them then. */
typedef struct
{
  GPtrArray *seasons;      /* SsvMediaSeason */
  GPtrArray *episodes;     /* SsvMediaItem of kind EPISODE */
} SsvShowTree;

typedef struct
{
  char           *key;
  char           *name;
  SsvLibraryKind  kind;    /* what the server says it holds */
} SsvMediaLibrary;

/* Past these a number from a server is nonsense, not a season or an episode. */
#define SSV_MAX_SEASON_NUMBER      10000
#define SSV_MAX_EPISODE_NUMBER     999999
/* A multi-episode file ("S01E01-E03") covers at most this many episodes. */
#define SSV_MAX_EPISODES_PER_FILE  50

SsvMediaItem    *ssv_media_item_new          (SsvMediaKind     kind);
void             ssv_media_item_free         (SsvMediaItem    *item);
void             ssv_media_item_add_genre    (SsvMediaItem    *item,
                                              const char      *genre);
int              ssv_media_item_last_episode (const SsvMediaItem *item);
SsvMediaFile    *ssv_media_file_new          (void);
void             ssv_media_file_free         (SsvMediaFile    *file);
SsvMediaFile    *ssv_media_file_copy         (const SsvMediaFile *file);
SsvMediaSeason  *ssv_media_season_new        (int              season_number);
void             ssv_media_season_free       (SsvMediaSeason  *season);
SsvShowTree     *ssv_show_tree_new           (void);
void             ssv_show_tree_free          (SsvShowTree     *tree);
SsvMediaLibrary *ssv_media_library_new       (const char      *key,
                                              const char      *name,
                                              SsvLibraryKind   kind);
void             ssv_media_library_free      (SsvMediaLibrary *library);

const char      *ssv_library_kind_to_string  (SsvLibraryKind   kind);
SsvLibraryKind   ssv_library_kind_from_string (const char     *text);
const char      *ssv_video_range_normalize   (const char      *range,
                                              const char      *range_type);
gint64           ssv_parse_iso_date          (const char      *text);
char            *ssv_date_only               (const char      *iso_text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvMediaItem, ssv_media_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvMediaFile, ssv_media_file_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvMediaSeason, ssv_media_season_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvShowTree, ssv_show_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvMediaLibrary, ssv_media_library_free)

G_END_DECLS
