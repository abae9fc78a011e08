/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-grabber.h: sends a chosen release to the default client of its protocol and records the download. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-client-pool.h"

G_BEGIN_DECLS

#define SSV_TYPE_GRABBER (ssv_grabber_get_type ())

G_DECLARE_FINAL_TYPE (SsvGrabber, ssv_grabber, SSV, GRABBER, GObject)

/* One grab: the wanted item, the release to send (candidates[0]) and the other
 * accepted ones, best first, kept for a retry. */
typedef struct
{
  SsvDownloadWanted   wanted;
  GPtrArray          *candidates;   /* SsvDownloadCandidate */
  gint64              profile_id;
  GStrv               queries;      /* what the search tried; may be NULL */
} SsvGrabRequest;

SsvGrabRequest *ssv_grab_request_new          (void);
void            ssv_grab_request_free         (SsvGrabRequest      *request);

SsvGrabber     *ssv_grabber_new               (SsvClientPool       *pool);
gint64          ssv_grabber_grab              (SsvGrabber          *self,
                                               const SsvGrabRequest *request,
                                               gint64              *download_id,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            ssv_grabber_grab_async        (SsvGrabber          *self,
                                               SsvGrabRequest      *request,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gint64          ssv_grabber_grab_finish       (SsvGrabber          *self,
                                               GAsyncResult        *result,
                                               gint64              *download_id,
                                               GError             **error);

char           *ssv_grabber_send              (SsvGrabber          *self,
                                               const SsvDownloadCandidate *chosen,
                                               SsvClientRow       **row,
                                               GCancellable        *cancellable,
                                               GError             **error);

gboolean        ssv_grabber_cancel            (SsvGrabber          *self,
                                               gint64               download_id,
                                               GCancellable        *cancellable,
                                               GError             **error);
void            ssv_grabber_cancel_async      (SsvGrabber          *self,
                                               gint64               download_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean        ssv_grabber_cancel_finish     (SsvGrabber          *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvGrabRequest, ssv_grab_request_free)

G_END_DECLS
