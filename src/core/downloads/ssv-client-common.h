/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-client-common.h: what the download clients share: address, secret, errors in plain words, JSON-RPC. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "downloads/ssv-download-client.h"
#include "net/ssv-http.h"

G_BEGIN_DECLS

/* Where a client is and who we are to it. The lock guards the session state
 * each client keeps next to it (cookies, session ids). */
typedef struct
{
  SsvClientKind  kind;
  SsvHttp       *http;
  char          *url;
  char          *username;
  char          *secret;
  char          *category;
  GMutex         lock;
} SsvClientConn;

/* Which secret a client uses, for the wording of a rejection. */
typedef enum
{
  SSV_CLIENT_SECRET_PASSWORD,
  SSV_CLIENT_SECRET_API_KEY,
  SSV_CLIENT_SECRET_RPC_SECRET,
} SsvClientSecretKind;

void            ssv_client_conn_init          (SsvClientConn          *conn,
                                               SsvClientKind           kind,
                                               SsvHttp                *http,
                                               const SsvClientConfig  *config);
void            ssv_client_conn_clear         (SsvClientConn          *conn);
const char     *ssv_client_conn_name          (SsvClientConn          *conn);
SsvHttpRequest *ssv_client_conn_request       (SsvClientConn          *conn,
                                               const char             *method,
                                               const char             *path);
char           *ssv_client_conn_dup_url       (SsvClientConn          *conn);
const char     *ssv_client_conn_category      (SsvClientConn          *conn,
                                               const SsvAddRequest    *request);
void            ssv_client_conn_set_basic_auth (SsvClientConn         *conn,
                                                SsvHttpRequest        *request);

gboolean        ssv_client_set_rejected       (SsvClientConn          *conn,
                                               SsvClientSecretKind     secret,
                                               GError                **error);
gboolean        ssv_client_set_not_that_server (SsvClientConn         *conn,
                                                GError               **error);
void            ssv_client_explain_error      (SsvClientConn          *conn,
                                               SsvClientSecretKind     secret,
                                               GError                **error);
gboolean        ssv_client_fail_request       (SsvClientConn          *conn,
                                               SsvClientSecretKind     secret,
                                               GError                 *cause,
                                               GError                **error);
gboolean        ssv_client_set_refused        (SsvClientConn          *conn,
                                               const char             *detail,
                                               GError                **error);
gboolean        ssv_client_set_malformed      (SsvClientConn          *conn,
                                               GError                **error);

void            ssv_client_request_set_form   (SsvHttpRequest         *request,
                                               const char             *first_key,
                                               ...) G_GNUC_NULL_TERMINATED;
void            ssv_client_request_set_multipart (SsvHttpRequest      *request,
                                                  gpointer             multipart);

JsonNode       *ssv_client_json_rpc           (SsvClientConn          *conn,
                                               SsvHttpRequest         *request,
                                               const char             *method,
                                               JsonNode               *params,
                                               gboolean                jsonrpc2,
                                               GCancellable           *cancellable,
                                               GError                **error);
char           *ssv_client_rpc_error_message  (JsonNode               *error_node);
JsonNode       *ssv_client_parse_list         (const char             *json,
                                               gssize                  length,
                                               const char             *what,
                                               const char             *unreadable,
                                               JsonArray             **array,
                                               GError                **error);
JsonNode       *ssv_client_parse_json         (const char             *data,
                                               gssize                  length,
                                               const char             *what,
                                               GError                **error);

GPtrArray      *ssv_client_transfers_new      (void);
GPtrArray      *ssv_client_files_new          (void);
gboolean        ssv_client_wants              (const char * const     *references,
                                               const char             *reference);
gboolean        ssv_client_find_indices       (GPtrArray              *files,
                                               const guint            *indices,
                                               guint                   n_indices,
                                               GError                **error);
char           *ssv_client_join_path          (const char             *folder,
                                               const char             *name);
char           *ssv_client_base64             (GBytes                 *bytes);
double          ssv_client_fraction           (double                  value,
                                               double                  scale);
void            ssv_client_finish_transfer    (SsvTransfer            *transfer);

G_END_DECLS
