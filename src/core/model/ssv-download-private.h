/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-download-private.h: the fields of SsvDownload, for the store that fills them. */

#pragma once

#include "model/ssv-download.h"

G_BEGIN_DECLS

struct _SsvDownload
{
  GObject            parent_instance;

  gint64             id;
  SsvDownloadWanted  wanted;
  char              *kind_name;
  char              *release_title;
  char              *indexer;
  char              *protocol;
  gint64             client_id;
  char              *client_name;
  char              *reference;
  gint64             size;
  char              *quality;
  gint64             profile_id;
  SsvDownloadStatus  status;
  char              *status_name;
  double             progress;
  gint64             speed;
  gint64             eta;
  char              *error;
  char              *content_path;
  int                attempts;
  gint64             created_at;
  gint64             updated_at;
  gint64             completed_at;
};

SsvDownload *ssv_download_new (void);

G_END_DECLS
