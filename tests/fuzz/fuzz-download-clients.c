/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-download-clients.c: libFuzzer target: every download client's parser on one arbitrary answer. */

#include "config.h"

#include <stdint.h>

#include "downloads/ssv-aria2.h"
#include "downloads/ssv-deluge.h"
#include "downloads/ssv-nzbget.h"
#include "downloads/ssv-qbittorrent.h"
#include "downloads/ssv-sabnzbd.h"
#include "downloads/ssv-slskd.h"
#include "downloads/ssv-transmission.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check (GPtrArray *result,
       gboolean   transfers)
{
  if (result == NULL)
    return;

  /* A listed transfer always has a reference and a progress within bounds. */
  for (guint i = 0; transfers && i < result->len; i++)
    {
      SsvTransfer *transfer = g_ptr_array_index (result, i);

      g_assert_nonnull (transfer->reference);
      g_assert_true (transfer->progress >= 0.0 && transfer->progress <= 1.0);
    }
  g_ptr_array_unref (result);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *json = (const char *) data;
  gssize length = (gssize) size;
  g_autofree char *text = g_strndup (json, size);

  check (ssv_qbittorrent_parse_torrents (json, length, NULL), TRUE);
  check (ssv_qbittorrent_parse_files (json, length, NULL), FALSE);
  check (ssv_transmission_parse_torrents (json, length, NULL), TRUE);
  check (ssv_transmission_parse_files (json, length, NULL), FALSE);
  check (ssv_deluge_parse_torrents (json, length, NULL), TRUE);
  check (ssv_deluge_parse_files (json, length, NULL), FALSE);
  check (ssv_aria2_parse_downloads (json, length, NULL), TRUE);
  check (ssv_aria2_parse_files (json, length, "/downloads", NULL), FALSE);
  check (ssv_nzbget_parse_groups (json, length, 1000, NULL), TRUE);
  check (ssv_nzbget_parse_history (json, length, NULL), TRUE);
  check (ssv_nzbget_parse_files (json, length, NULL), FALSE);
  check (ssv_sabnzbd_parse_queue (json, length, NULL), TRUE);
  check (ssv_sabnzbd_parse_history (json, length, NULL), TRUE);
  check (ssv_sabnzbd_parse_files (json, length, NULL), FALSE);
  check (ssv_slskd_parse_downloads (json, length, "/downloads", NULL), TRUE);
  ssv_sabnzbd_parse_timeleft (text);
  ssv_slskd_parse_timespan (text);
  g_free (ssv_deluge_clean_message (text));

  return 0;
}
