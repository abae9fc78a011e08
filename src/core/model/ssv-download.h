/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download.h: one download as lists show it: the wanted item, the release, its state (notify on change). */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_DOWNLOAD (ssv_download_get_type ())

G_DECLARE_FINAL_TYPE (SsvDownload, ssv_download, SSV, DOWNLOAD, GObject)

typedef enum
{
  SSV_DOWNLOAD_QUEUED,
  SSV_DOWNLOAD_DOWNLOADING,
  SSV_DOWNLOAD_STALLED,
  SSV_DOWNLOAD_SEARCHING,
  SSV_DOWNLOAD_IMPORTING,
  SSV_DOWNLOAD_COMPLETED,
  SSV_DOWNLOAD_FAILED,
  SSV_DOWNLOAD_CANCELLED,
  SSV_DOWNLOAD_N_STATUSES,
} SsvDownloadStatus;

typedef enum
{
  SSV_DOWNLOAD_KIND_MOVIE,
  SSV_DOWNLOAD_KIND_EPISODE,
  SSV_DOWNLOAD_KIND_SEASON,
} SsvDownloadKind;

/* The wanted item a download is for. Unknown: 0, NULL, -1 for numbers a title may lack. */
typedef struct
{
  SsvDownloadKind  kind;
  gint64           wishlist_id;
  gint64           tmdb_id;
  gint64           tvdb_id;
  char            *imdb_id;
  char            *title;          /* the film's or the show's */
  int              year;
  int              season;
  int              episode;
  char            *air_date;
  int              absolute;
  char            *poster_url;
} SsvDownloadWanted;

/* A release a grab can send to a client: the chosen one, or one of the others kept
 * for a retry. Soulseek: the peer and the files to fetch from it. */
typedef struct
{
  char       *release_title;
  char       *indexer;
  char       *protocol;       /* "torrent", "usenet", "slskd" */
  char       *guid;
  char       *download_url;   /* a .torrent or .nzb */
  char       *magnet_url;
  char       *infohash;
  gint64      size;           /* -1 unknown */
  char       *quality;        /* "1080p · BluRay · x265" */
  int         score;
  int         seeders;        /* -1 unknown */
  char       *slskd_user;
  GPtrArray  *files;          /* SsvCandidateFile: a release's file list, when known */
  gboolean    tried;
} SsvDownloadCandidate;

typedef struct
{
  char   *path;
  gint64  size;
} SsvCandidateFile;

typedef struct
{
  gint64  at;          /* Unix seconds */
  char   *kind;        /* "grabbed", "state", "error", … */
  char   *message;
} SsvDownloadEvent;

const char           *ssv_download_status_to_string   (SsvDownloadStatus status);
gboolean              ssv_download_status_from_string (const char       *text,
                                                       SsvDownloadStatus *status);
gboolean              ssv_download_status_is_active   (SsvDownloadStatus status);
const char           *ssv_download_kind_to_string     (SsvDownloadKind   kind);
gboolean              ssv_download_kind_from_string   (const char       *text,
                                                       SsvDownloadKind  *kind);

gint64                ssv_download_get_id             (SsvDownload      *self);
SsvDownloadStatus     ssv_download_get_status         (SsvDownload      *self);
const char           *ssv_download_get_title          (SsvDownload      *self);
const char           *ssv_download_get_release_title  (SsvDownload      *self);
const char           *ssv_download_get_error          (SsvDownload      *self);
const char           *ssv_download_get_content_path   (SsvDownload      *self);
const char           *ssv_download_get_reference      (SsvDownload      *self);
const char           *ssv_download_get_protocol       (SsvDownload      *self);
gint64                ssv_download_get_client_id      (SsvDownload      *self);
double                ssv_download_get_progress       (SsvDownload      *self);
int                   ssv_download_get_attempts       (SsvDownload      *self);
char                 *ssv_download_dup_label          (SsvDownload      *self);
gboolean              ssv_download_update_from        (SsvDownload      *self,
                                                       SsvDownload      *other);

void                  ssv_download_wanted_clear       (SsvDownloadWanted *wanted);
SsvDownloadCandidate *ssv_download_candidate_new      (const char       *protocol,
                                                       const char       *release_title);
void                  ssv_download_candidate_add_file (SsvDownloadCandidate *candidate,
                                                       const char       *path,
                                                       gint64            size);
void                  ssv_download_candidate_free     (SsvDownloadCandidate *candidate);
void                  ssv_download_event_free         (SsvDownloadEvent *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvDownloadCandidate, ssv_download_candidate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvDownloadEvent, ssv_download_event_free)

G_END_DECLS
