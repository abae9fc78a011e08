/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-server-store.h: the sources a library comes from (servers, folders) and their mapping. */

#pragma once

#include "ssv-database.h"
#include "sources/ssv-media-item.h"

G_BEGIN_DECLS

typedef struct
{
  char           *key;
  char           *name;
  SsvLibraryKind  kind;     /* what the person mapped it to */
} SsvServerLibrary;

typedef struct
{
  gint64      id;
  char       *kind;          /* "plex", "jellyfin", "folder" */
  char       *name;
  char       *url;           /* a folder's path for "folder" */
  char       *user_id;
  char       *user_name;
  char       *machine_id;
  gboolean    enabled;
  gint64      last_scan_at;
  gint64      last_full_scan_at;
  char       *uuid;          /* lasting: its keyring entry and its titles' keys use it */
  char       *legacy_token_key;  /* the keyring entry of its token before schema 6, until moved */
  GPtrArray  *libraries;     /* SsvServerLibrary */
} SsvServerInfo;

gboolean       ssv_server_store_add              (SsvDatabase     *db,
                                                  const char      *kind,
                                                  const char      *name,
                                                  const char      *url,
                                                  const char      *user_id,
                                                  gint64          *id,
                                                  GError         **error);
gboolean       ssv_server_store_remove           (SsvDatabase     *db,
                                                  gint64           id,
                                                  GError         **error);
GPtrArray     *ssv_server_store_list             (SsvDatabase     *db,
                                                  GError         **error);
SsvServerInfo *ssv_server_store_get              (SsvDatabase     *db,
                                                  gint64           id,
                                                  GError         **error);
SsvServerInfo *ssv_server_store_find             (SsvDatabase     *db,
                                                  const char      *name_or_id,
                                                  GError         **error);
gboolean       ssv_server_store_update_identity  (SsvDatabase     *db,
                                                  gint64           id,
                                                  const char      *name,
                                                  const char      *user_id,
                                                  const char      *user_name,
                                                  const char      *machine_id,
                                                  GError         **error);
gboolean       ssv_server_store_set_libraries    (SsvDatabase     *db,
                                                  gint64           id,
                                                  GPtrArray       *libraries,
                                                  GError         **error);
gboolean       ssv_server_store_set_library_kind (SsvDatabase     *db,
                                                  gint64           id,
                                                  const char      *library_key,
                                                  SsvLibraryKind   kind,
                                                  GError         **error);
gboolean       ssv_server_store_mark_scanned     (SsvDatabase     *db,
                                                  gint64           id,
                                                  gint64           when,
                                                  gboolean         full,
                                                  GError         **error);
gboolean       ssv_server_store_forget_legacy_token_key (SsvDatabase *db,
                                                         gint64       id,
                                                         GError     **error);
void           ssv_server_info_free              (SsvServerInfo   *info);
void           ssv_server_library_free           (SsvServerLibrary *library);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvServerInfo, ssv_server_info_free)

G_END_DECLS
