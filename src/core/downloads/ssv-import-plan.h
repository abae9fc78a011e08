/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-import-plan.h: what a finished download's files become in the library (pure decisions). */

#pragma once

#include <glib.h>

#include "downloads/ssv-decision.h"
#include "downloads/ssv-quality-profile.h"
#include "model/ssv-download.h"

G_BEGIN_DECLS

/* Below this a video is a sample or an extra, not the film or the episode. */
#define SSV_IMPORT_MIN_MOVIE_BYTES    (100 * 1024 * 1024)
#define SSV_IMPORT_MIN_EPISODE_BYTES  (20 * 1024 * 1024)

typedef struct
{
  const SsvDownloadWanted  *wanted;
  const char               *release_title;    /* the download's release, for what a file name lacks */
  GPtrArray                *files;            /* SsvCandidateFile: paths relative to the download */
  const SsvQualityProfile  *profile;          /* NULL: any quality is enough */
  const SsvOwnedFile       *owned;            /* the library's file of a movie or an episode, or NULL */
  const char               *movie_template;   /* NULL: SSV_NAMING_DEFAULT_MOVIE */
  const char               *episode_template; /* NULL: SSV_NAMING_DEFAULT_EPISODE */
  gint64                    min_video_bytes;  /* 0: the defaults above; -1: no floor */
} SsvImportRequest;

typedef enum
{
  SSV_IMPORT_VIDEO,
  SSV_IMPORT_SUBTITLE,
  SSV_IMPORT_SKIP,
} SsvImportAction;

typedef struct
{
  SsvImportAction  action;
  char            *source;        /* relative to the download */
  char            *destination;   /* relative to the library root; NULL when skipped */
  gint64           size;
  int              season;        /* episodes: which one this file is; -1 otherwise */
  int              episode;
  SsvQuality       quality;
  gboolean         upgrade;       /* replaces the owned file, which goes to the trash */
  char            *reason;        /* why it is skipped, in plain words */
} SsvImportEntry;

typedef struct
{
  gboolean    rejected;      /* the whole release: nothing is imported */
  char       *reason;        /* why, in plain words; NULL when not rejected */
  gboolean    shows;         /* which root: the shows folder (TRUE) or the movies folder */
  GPtrArray  *entries;       /* SsvImportEntry, in the order of @files */
  guint       n_videos;      /* entries imported as videos */
  SsvQuality  quality;       /* the best quality imported */
  gboolean    meets_cutoff;  /* the profile wants nothing better */
} SsvImportPlan;

SsvImportPlan *ssv_import_plan         (const SsvImportRequest *request);
void           ssv_import_plan_free    (SsvImportPlan          *plan);
char          *ssv_import_plan_describe (const SsvImportPlan   *plan);
gboolean       ssv_import_is_subtitle  (const char             *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvImportPlan, ssv_import_plan_free)

G_END_DECLS
