/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-acquire-setup.h: adding, testing and removing indexers and download clients off the UI thread. */

#pragma once

#include "ssv-context.h"
#include "downloads/ssv-download-client.h"

G_BEGIN_DECLS

/* What Preferences lists: both arrays of rows, as the download store reads them. */
typedef struct
{
  GPtrArray *indexers;  /* SsvIndexerRow */
  GPtrArray *clients;   /* SsvClientRow */
} SsvAcquireSetup;

void             ssv_acquire_setup_free            (SsvAcquireSetup     *setup);

/* An http:// or https:// address with a host: what an indexer's or client's address must be. */
gboolean         ssv_acquire_is_web_address        (const char          *url);

void             ssv_acquire_list_async            (SsvContext          *context,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
SsvAcquireSetup *ssv_acquire_list_finish           (GAsyncResult        *result,
                                                    GError             **error);

/* Adds the row, then its @secret (may be NULL) to the keyring; when the keyring fails the
 * row is taken out again, so nothing is half added. Finish with ssv_acquire_add_finish(). */
void             ssv_acquire_add_indexer_async     (SsvContext          *context,
                                                    const char          *kind,
                                                    const char          *name,
                                                    const char          *url,
                                                    const char          *secret,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             ssv_acquire_add_client_async      (SsvContext          *context,
                                                    SsvClientKind        kind,
                                                    const char          *name,
                                                    const char          *url,
                                                    const char          *username,
                                                    const char          *secret,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gint64           ssv_acquire_add_finish            (GAsyncResult        *result,
                                                    GError             **error);

/* Asks the indexer or client whether it answers and takes the key; finish with
 * ssv_acquire_test_finish(), which gives a sentence on what it said (its version, its categories). */
void             ssv_acquire_test_indexer_async    (SsvContext          *context,
                                                    gint64               indexer_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             ssv_acquire_test_client_async     (SsvContext          *context,
                                                    gint64               client_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
char            *ssv_acquire_test_finish           (GAsyncResult        *result,
                                                    GError             **error);

/* Takes the row out and its secret from the keyring; finish with ssv_acquire_finish(). */
void             ssv_acquire_remove_indexer_async  (SsvContext          *context,
                                                    gint64               indexer_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             ssv_acquire_remove_client_async   (SsvContext          *context,
                                                    gint64               client_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
void             ssv_acquire_set_default_client_async (SsvContext       *context,
                                                    const char          *protocol,
                                                    gint64               client_id,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         ssv_acquire_finish                (GAsyncResult        *result,
                                                    GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvAcquireSetup, ssv_acquire_setup_free)

G_END_DECLS
