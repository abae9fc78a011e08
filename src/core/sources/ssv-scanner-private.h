/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scanner-private.h: what the scanner's files share: the scanner's fields, one source's
 * scan in progress, and the steps the files call in each other. Scan thread only. */

#pragma once

#include "stores/ssv-activity-store.h"
#include "stores/ssv-library-writer.h"
#include "sources/ssv-scanner.h"
#include "stores/ssv-server-store.h"

G_BEGIN_DECLS

struct _SsvScanner
{
  GObject               parent_instance;

  SsvDatabase          *database;
  SsvLibraryStore      *store;
  SsvHttp              *http;
  SsvSecrets           *secrets;
  GMainContext         *main_context;
  guint                 fetch_threads;
  SsvScanProgressFunc   progress_func;
  gpointer              progress_data;

  GMutex                lock;
  gboolean              busy;           /* a scan holds the scanner */
  gboolean              publish_queued;
  gint64                last_changed_us;

  /* What the scan thread wants shown; copied on the main context. */
  gboolean              pending_running;
  char                 *pending_phase;
  char                 *pending_source;
  double                pending_fraction;

  /* What the main context shows (properties). */
  gboolean              running;
  char                 *phase;
  char                 *source_name;
  double                fraction;
};

/* One source's scan, on the scanning thread. */
typedef struct
{
  SsvScanner      *self;
  SsvMediaSource  *source;
  gint64           server_row;
  char            *name;
  SsvScanMode      mode;
  gint64           since;
  SsvScanResult   *result;
  GCancellable    *cancellable;
  SsvWriteCounts   counts;
  guint            done;
  guint            total;
  guint            logged_problems;
  guint            held;
  gint64           last_publish_us;
  const char      *phase;
} Scan;

/* ssv-scanner.c */
void     ssv_scan_progress            (Scan     *scan,
                                       gboolean  force);
void     ssv_scan_maybe_emit_changed  (Scan       *scan,
                                       const char *detail,
                                       gboolean    force);
void     ssv_scan_log_activity        (Scan             *scan,
                                       SsvActivityLevel  level,
                                       const char       *message);
void     ssv_scan_log_problems        (Scan      *scan,
                                       GPtrArray *problems);
void     ssv_scan_note_error          (Scan         *scan,
                                       const char   *what,
                                       const GError *error);
gboolean ssv_scan_is_source_fatal     (const GError *error);
guint    ssv_scan_count_unreadable    (GPtrArray *items);

/* ssv-scanner-prune.c */
gboolean ssv_scan_prune               (Scan             *scan,
                                       SsvMediaKind      kind,
                                       SsvServerLibrary *library,
                                       GHashTable       *seen,
                                       guint             unreadable);
gboolean ssv_scan_release_listed      (Scan             *scan,
                                       SsvMediaKind      kind,
                                       SsvServerLibrary *library,
                                       GHashTable       *seen);
void     ssv_scan_forget_gone         (Scan *scan);
gboolean ssv_scan_prune_unmapped      (Scan    *scan,
                                       GError **error);

/* ssv-scanner-shows.c */
gboolean ssv_scan_shows               (Scan              *scan,
                                       SsvServerLibrary  *library,
                                       gboolean          *fatal,
                                       GError           **db_error);

G_END_DECLS
