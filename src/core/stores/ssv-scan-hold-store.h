/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-hold-store.h: removals a scan held back for the person to confirm, and the disk
 * each folder source was last read from. */

#pragma once

#include "ssv-database.h"
#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

typedef enum
{
  SSV_HOLD_EMPTY,   /* the library's listing came back empty */
  SSV_HOLD_MOST,    /* it lacked more than half of the library */
  SSV_HOLD_DISK,    /* a folder is on another disk than at its last scan */
} SsvHoldReason;

typedef struct
{
  gint64         id;
  gint64         server_id;
  char          *server_name;
  char          *library_key;   /* NULL for a disk */
  char          *library_name;
  SsvMediaKind   kind;          /* movie or show; a disk's is unused */
  SsvHoldReason  reason;
  guint          titles;        /* held titles still in the library */
  guint          listed;        /* titles the listing had */
  guint          stored;        /* titles the library had then */
  guint64        device;        /* a disk's: where the folder is now */
  char          *path;          /* a disk's: the folder */
  gint64         found_at;
} SsvScanHold;

GPtrArray  *ssv_scan_hold_store_list            (SsvDatabase    *db,
                                                 gint64          server_row,
                                                 GError        **error);
gboolean    ssv_scan_hold_store_confirm         (SsvDatabase    *db,
                                                 gint64          hold_id,
                                                 guint          *removed,
                                                 GError        **error);
gboolean    ssv_scan_hold_store_keep            (SsvDatabase    *db,
                                                 gint64          hold_id,
                                                 GError        **error);
gboolean    ssv_scan_hold_store_release_listed  (SsvDatabase    *db,
                                                 gint64          server_row,
                                                 const char     *library_key,
                                                 SsvMediaKind    kind,
                                                 GHashTable     *listed,
                                                 GError        **error);
gboolean    ssv_scan_hold_store_hold_disk       (SsvDatabase    *db,
                                                 gint64          server_row,
                                                 const char     *path,
                                                 guint64         device,
                                                 GError        **error);
gboolean    ssv_scan_hold_store_get_root_device (SsvDatabase    *db,
                                                 gint64          server_row,
                                                 const char     *path,
                                                 guint64        *device,
                                                 GError        **error);
gboolean    ssv_scan_hold_store_set_root_device (SsvDatabase    *db,
                                                 gint64          server_row,
                                                 const char     *path,
                                                 guint64         device,
                                                 GError        **error);
char       *ssv_scan_hold_dup_question          (const SsvScanHold *hold);
void        ssv_scan_hold_free                  (SsvScanHold    *hold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvScanHold, ssv_scan_hold_free)

G_END_DECLS
