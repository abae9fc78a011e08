/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-importer.h: puts finished downloads into the library: atomic copy or hardlink, named by the
 * templates, upgrades to the trash, then the library, the servers and the wishlist told. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-download-monitor.h"
#include "downloads/ssv-import-plan.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-import-store.h"
#include "stores/ssv-profile-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_IMPORTER (ssv_importer_get_type ())

G_DECLARE_FINAL_TYPE (SsvImporter, ssv_importer, SSV, IMPORTER, GObject)

typedef enum
{
  SSV_IMPORT_MODE_COPY,      /* the client keeps seeding its own copy */
  SSV_IMPORT_MODE_HARDLINK,  /* no second copy when both are on one file system; else a copy */
} SsvImportMode;

/* The import preferences (GSettings movies-folder, shows-folder, naming-movie,
 * naming-episode, import-mode). NULL folders: the first folder source's root. */
typedef struct
{
  char           *movies_folder;
  char           *shows_folder;
  char           *movie_template;
  char           *episode_template;
  SsvImportMode   mode;
  gint64          min_video_bytes;   /* 0: the plan's defaults; -1: no floor */
} SsvImportSettings;

/* What one import did. */
typedef struct
{
  SsvImportPlan  *plan;
  char           *root;           /* the library root it went under */
  char           *library_path;   /* the first video written; NULL when rejected */
  gint64          title_id;       /* the library's film or show with that file; 0 when not (yet) there */
  GPtrArray      *written;        /* char *: every file written */
  GPtrArray      *trashed;        /* char *: the files upgrades replaced, now in the trash */
  GPtrArray      *notes;          /* char *: what else happened (a server not told, …) */
  gboolean        linked;         /* hardlinked rather than copied */
} SsvImportOutcome;

SsvImportSettings *ssv_import_settings_load      (void);
SsvImportSettings *ssv_import_settings_copy      (const SsvImportSettings *settings);
void               ssv_import_settings_free      (SsvImportSettings       *settings);
SsvImportMode      ssv_import_mode_from_string   (const char              *text);
void               ssv_import_outcome_free       (SsvImportOutcome        *outcome);

SsvImporter       *ssv_importer_new              (SsvDatabase             *database,
                                                  SsvDownloadStore        *downloads,
                                                  SsvProfileStore         *profiles,
                                                  SsvScanner              *scanner);
void               ssv_importer_set_settings     (SsvImporter             *self,
                                                  const SsvImportSettings *settings);
void               ssv_importer_watch            (SsvImporter             *self,
                                                  SsvDownloadMonitor      *monitor);
char              *ssv_importer_dup_root         (SsvImporter             *self,
                                                  gboolean                 shows,
                                                  GError                 **error);

SsvDownloadWanted *ssv_importer_match_sync       (SsvImporter             *self,
                                                  const char              *path,
                                                  GError                 **error);
SsvImportOutcome  *ssv_importer_import_sync      (SsvImporter             *self,
                                                  SsvDownload             *download,
                                                  const SsvDownloadWanted *wanted,
                                                  const char              *path,
                                                  GCancellable            *cancellable,
                                                  GError                 **error);
void               ssv_importer_import_async     (SsvImporter             *self,
                                                  SsvDownload             *download,
                                                  const char              *path,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
SsvImportOutcome  *ssv_importer_import_finish    (SsvImporter             *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);
void               ssv_importer_adopt_async      (SsvImporter             *self,
                                                  GCancellable            *cancellable,
                                                  GAsyncReadyCallback      callback,
                                                  gpointer                 user_data);
int                ssv_importer_adopt_finish     (SsvImporter             *self,
                                                  GAsyncResult            *result,
                                                  GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvImportSettings, ssv_import_settings_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvImportOutcome, ssv_import_outcome_free)

G_END_DECLS
