/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-test-utils.h: temp dirs and databases, main-loop waits and small assertions shared by tests. */

#pragma once

#include <gio/gio.h>

#include "downloads/ssv-quality-profile.h"
#include "downloads/ssv-search-item.h"
#include "ssv-database.h"
#include "ssv-fake-jellyfin.h"
#include "ssv-secrets.h"
#include "workers/ssv-worker.h"

G_BEGIN_DECLS

void      ssv_test_init                (int          *argc,
                                        char       ***argv);
char     *ssv_test_make_temp_dir       (void);
GPtrArray *ssv_test_load_corpus_names  (void);
SsvQualityProfile *ssv_test_profile_with_formats (GPtrArray *formats,
                                                 guint      n_formats);
SsvSearchItem     *ssv_test_item_named_by        (const char *name);
void      ssv_test_remove_tree         (const char   *path);
gboolean  ssv_test_wait_for            (gboolean    (*condition) (gpointer),
                                        gpointer      data,
                                        guint         timeout_ms);
void      ssv_test_wait_for_flag       (gboolean     *flag,
                                        guint         timeout_ms);
gint64    ssv_test_query_int           (SsvDatabase  *db,
                                        const char   *sql);
gboolean  ssv_test_wait_for_query_int  (SsvDatabase  *db,
                                        const char   *sql,
                                        gint64        expected,
                                        guint         timeout_ms);
char     *ssv_test_query_text          (SsvDatabase  *db,
                                        const char   *sql);
char     *ssv_test_dump_table          (SsvDatabase  *db,
                                        const char   *table,
                                        const char   *columns);

SsvDatabase *ssv_test_open_temp_database  (char        **dir_out,
                                           char        **path_out);
void         ssv_test_close_temp_database (SsvDatabase **db,
                                           char        **dir);

SsvFakeJellyfin *ssv_test_add_jellyfin_server (SsvDatabase    *db,
                                               SsvFakeServer  *server,
                                               const char     *api_key,
                                               const char     *shows_name,
                                               gint64         *row);
void      ssv_test_store_api_key         (SsvSecrets     *secrets,
                                          const char     *provider,
                                          const char     *key);

void      ssv_test_wait_for_worker_state (SsvWorker      *worker,
                                          SsvWorkerState  state,
                                          guint           timeout_ms);

G_END_DECLS
