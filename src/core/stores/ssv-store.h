/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-store.h: base of the domain stores: the database, a "changed" signal on the
 * main context, and a helper that runs a store function in a GTask thread. */

#pragma once

#include "ssv-database.h"

G_BEGIN_DECLS

#define SSV_TYPE_STORE (ssv_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsvStore, ssv_store, SSV, STORE, GObject)

struct _SsvStoreClass
{
  GObjectClass parent_class;
};

/* Runs on a worker thread with that thread's connection. Returns a new
 * reference or allocation on success; NULL with @error set on failure. For
 * results that are not pointers, return GINT_TO_POINTER (1). */
typedef gpointer (*SsvStoreFunc) (SsvStore      *store,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error);

SsvDatabase  *ssv_store_get_database   (SsvStore            *self);
void          ssv_store_emit_changed   (SsvStore            *self,
                                        const char          *detail);
void          ssv_store_run_async      (SsvStore            *self,
                                        gpointer             source_tag,
                                        SsvStoreFunc         func,
                                        gpointer             data,
                                        GDestroyNotify       data_free,
                                        GDestroyNotify       result_free,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data);
gpointer      ssv_store_run_finish     (SsvStore            *self,
                                        GAsyncResult        *result,
                                        GError             **error);

G_END_DECLS
