/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-profile-store.h: quality profiles and custom formats in the library file. */

#pragma once

#include "stores/ssv-store.h"
#include "downloads/ssv-quality-profile.h"

G_BEGIN_DECLS

#define SSV_TYPE_PROFILE_STORE (ssv_profile_store_get_type ())

G_DECLARE_FINAL_TYPE (SsvProfileStore, ssv_profile_store, SSV, PROFILE_STORE, SsvStore)

extern const char * const ssv_profile_store_profiles_sql;
extern const char * const ssv_profile_store_items_sql;
extern const char * const ssv_profile_store_words_sql;
extern const char * const ssv_profile_store_formats_sql;
extern const char * const ssv_profile_store_conditions_sql;

SsvProfileStore   *ssv_profile_store_new                 (SsvDatabase         *database);

gboolean           ssv_profile_store_ensure_defaults     (SsvProfileStore     *self,
                                                          GError             **error);
GPtrArray         *ssv_profile_store_list                (SsvProfileStore     *self,
                                                          GError             **error);
SsvQualityProfile *ssv_profile_store_get_by_name         (SsvProfileStore     *self,
                                                          const char          *name,
                                                          GError             **error);
gboolean           ssv_profile_store_save                (SsvProfileStore     *self,
                                                          SsvQualityProfile   *profile,
                                                          GError             **error);
gboolean           ssv_profile_store_delete              (SsvProfileStore     *self,
                                                          gint64               id,
                                                          GError             **error);
GPtrArray         *ssv_profile_store_list_formats        (SsvProfileStore     *self,
                                                          GError             **error);
gboolean           ssv_profile_store_save_format         (SsvProfileStore     *self,
                                                          SsvCustomFormat     *format,
                                                          GError             **error);

void               ssv_profile_store_list_async          (SsvProfileStore     *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray         *ssv_profile_store_list_finish         (SsvProfileStore     *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               ssv_profile_store_list_formats_async  (SsvProfileStore     *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
GPtrArray         *ssv_profile_store_list_formats_finish (SsvProfileStore     *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);
void               ssv_profile_store_save_async          (SsvProfileStore     *self,
                                                          SsvQualityProfile   *profile,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean           ssv_profile_store_save_finish         (SsvProfileStore     *self,
                                                          GAsyncResult        *result,
                                                          GError             **error);

G_END_DECLS
