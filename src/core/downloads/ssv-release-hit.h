/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-release-hit.h: one release an indexer or a Soulseek peer offers, as every source reports it. */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SSV_TYPE_RELEASE_HIT (ssv_release_hit_get_type ())

typedef enum
{
  SSV_PROTOCOL_TORRENT,
  SSV_PROTOCOL_USENET,
  SSV_PROTOCOL_SLSKD,
} SsvProtocol;

/* A file of a release. For Soulseek it is the path as the peer shares it
 * ("@@share\\Folder\\File.mkv"); a grab takes the files marked wanted. */
typedef struct
{
  char     *path;
  gint64    size;      /* bytes, -1 unknown */
  gboolean  wanted;    /* a video that is not a sample */
} SsvHitFile;

/* Unknown numbers are -1, unknown strings NULL, unknown dates 0. The struct is
 * filled in by the readers and then handed over whole: treat it as read-only
 * once it left the thread that made it. */
typedef struct
{
  gatomicrefcount  ref;
  SsvProtocol      protocol;
  char            *title;
  char            *guid;
  char            *indexer;        /* the name shown: "NZBgeek", "Soulseek" */
  char            *download_url;   /* a .torrent or .nzb to fetch */
  char            *magnet_url;
  char            *info_url;
  char            *infohash;       /* 40 lower-case hex digits */
  gint64           size;
  int              seeders;
  int              peers;          /* seeders and leechers together */
  int              grabs;
  int              n_files;        /* as the indexer counts them */
  gint64           publish_date;   /* Unix seconds */
  gint64           usenet_date;    /* Unix seconds: when it was posted */
  GArray          *categories;     /* int */
  char            *imdb_id;        /* "tt0039689" */
  gint64           tvdb_id;
  gint64           tmdb_id;
  guint32          indexer_flags;  /* SsvIndexerFlags */

  /* Soulseek: the peer chosen to download from, and every file seen in the folder */
  char            *slskd_user;
  gboolean         free_slot;
  int              queue_length;
  gint64           upload_speed;   /* bytes per second */
  GPtrArray       *files;          /* SsvHitFile */
} SsvReleaseHit;

GType          ssv_release_hit_get_type       (void) G_GNUC_CONST;
SsvReleaseHit *ssv_release_hit_new            (SsvProtocol          protocol);
SsvReleaseHit *ssv_release_hit_copy           (const SsvReleaseHit *hit);
SsvReleaseHit *ssv_release_hit_ref            (SsvReleaseHit       *hit);
void           ssv_release_hit_unref          (SsvReleaseHit       *hit);
void           ssv_release_hit_add_file       (SsvReleaseHit       *hit,
                                               const char          *path,
                                               gint64               size,
                                               gboolean             wanted);
void           ssv_release_hit_finish         (SsvReleaseHit       *hit);
GPtrArray     *ssv_hit_files_new              (void);
void           ssv_hit_files_add              (GPtrArray           *files,
                                               const char          *path,
                                               gint64               size,
                                               gboolean             wanted);
void           ssv_release_hit_add_category   (SsvReleaseHit       *hit,
                                               int                  category);
gboolean       ssv_release_hit_has_category   (const SsvReleaseHit *hit,
                                               int                  category);
gboolean       ssv_release_hit_can_download   (const SsvReleaseHit *hit);
GPtrArray     *ssv_release_hit_dup_keys       (const SsvReleaseHit *hit);
int            ssv_release_hit_availability   (const SsvReleaseHit *hit);
const char    *ssv_protocol_to_string         (SsvProtocol          protocol);

char          *ssv_infohash_from_magnet       (const char          *magnet);

gboolean       ssv_file_name_is_video         (const char          *name);
gboolean       ssv_file_name_is_sample        (const char          *path);
const char    *ssv_file_name_risk             (const char          *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvReleaseHit, ssv_release_hit_unref)

G_END_DECLS
