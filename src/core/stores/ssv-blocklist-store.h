/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-blocklist-store.h: releases never to grab again, with the reason; added by rules or by hand. */

#pragma once

#include "stores/ssv-store.h"
#include "downloads/ssv-retry.h"

G_BEGIN_DECLS

#define SSV_TYPE_BLOCKLIST_STORE (ssv_blocklist_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvBlocklistStore, ssv_blocklist_store, SSV, BLOCKLIST_STORE, SsvStore)

/* The lookups judging and grabbing make; tests check each walks an index. */
extern const char * const ssv_blocklist_store_lookup_sql[];
extern const char * const ssv_blocklist_store_list_sql;

SsvBlocklistStore *ssv_blocklist_store_new         (SsvDatabase          *database);

gint64             ssv_blocklist_store_add         (SsvBlocklistStore    *self,
                                                    const SsvBlockEntry  *entry,
                                                    gint64                download_id,
                                                    GError              **error);
gboolean           ssv_blocklist_store_remove      (SsvBlocklistStore    *self,
                                                    gint64                id,
                                                    GError              **error);
GPtrArray         *ssv_blocklist_store_list        (SsvBlocklistStore    *self,
                                                    GError              **error);
char              *ssv_blocklist_store_contains    (SsvBlocklistStore    *self,
                                                    const SsvDownloadCandidate *candidate,
                                                    GError              **error);
SsvBlocklist      *ssv_blocklist_store_load        (SsvBlocklistStore    *self,
                                                    GError              **error);

void               ssv_blocklist_store_list_async   (SsvBlocklistStore   *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
GPtrArray         *ssv_blocklist_store_list_finish  (SsvBlocklistStore   *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);
void               ssv_blocklist_store_remove_async (SsvBlocklistStore   *self,
                                                     gint64               id,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean           ssv_blocklist_store_remove_finish (SsvBlocklistStore  *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_END_DECLS
