/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-http.h: the only owner of a SoupSession. Rate limits, retries, cooldowns. */

#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "net/ssv-xml.h"

G_BEGIN_DECLS

#define SSV_TYPE_HTTP (ssv_http_get_type ())
#define SSV_TYPE_HTTP_REQUEST (ssv_http_request_get_type ())

G_DECLARE_FINAL_TYPE (SsvHttp, ssv_http, SSV, HTTP, GObject)

typedef struct _SsvHttpRequest SsvHttpRequest;

/* Told of every request that went out (each attempt), on the sending thread:
 * the service, the host and the answer's status (0: no answer). */
typedef void (*SsvHttpObserver) (const char *service,
                                 const char *host,
                                 guint       status,
                                 gpointer    user_data);

GType           ssv_http_request_get_type             (void) G_GNUC_CONST;
SsvHttpRequest *ssv_http_request_new                  (const char      *service,
                                                       const char      *method,
                                                       const char      *path);
SsvHttpRequest *ssv_http_request_ref                  (SsvHttpRequest  *self);
void            ssv_http_request_unref                (SsvHttpRequest  *self);
void            ssv_http_request_set_base_url         (SsvHttpRequest  *self,
                                                       const char      *base_url);
void            ssv_http_request_add_query            (SsvHttpRequest  *self,
                                                       const char      *key,
                                                       const char      *value);
void            ssv_http_request_add_query_int        (SsvHttpRequest  *self,
                                                       const char      *key,
                                                       gint64           value);
void            ssv_http_request_add_secret_query     (SsvHttpRequest  *self,
                                                       const char      *key,
                                                       const char      *value);
void            ssv_http_request_set_header           (SsvHttpRequest  *self,
                                                       const char      *name,
                                                       const char      *value);
void            ssv_http_request_set_secret_header    (SsvHttpRequest  *self,
                                                       const char      *name,
                                                       const char      *value);
void            ssv_http_request_set_body             (SsvHttpRequest  *self,
                                                       const char      *content_type,
                                                       GBytes          *body);
void            ssv_http_request_set_json_body        (SsvHttpRequest  *self,
                                                       JsonNode        *body);
void            ssv_http_request_set_max_retries      (SsvHttpRequest  *self,
                                                       int              max_retries);
void            ssv_http_request_set_max_body_size    (SsvHttpRequest  *self,
                                                       gsize            bytes);
guint           ssv_http_request_get_status           (SsvHttpRequest  *self);
gint64          ssv_http_request_get_retry_after      (SsvHttpRequest  *self);
GBytes         *ssv_http_request_get_response_body    (SsvHttpRequest  *self);
const char     *ssv_http_request_get_response_header  (SsvHttpRequest  *self,
                                                       const char      *name);
char           *ssv_http_request_dup_uri              (SsvHttpRequest  *self,
                                                       SsvHttp         *http,
                                                       gboolean         redacted);

SsvHttp        *ssv_http_new                          (void);
void            ssv_http_set_base_url                 (SsvHttp         *self,
                                                       const char      *service,
                                                       const char      *base_url);
char           *ssv_http_dup_base_url                 (SsvHttp         *self,
                                                       const char      *service);
void            ssv_http_set_rate_limit               (SsvHttp         *self,
                                                       const char      *service,
                                                       double           per_second,
                                                       guint            burst);
void            ssv_http_set_max_body_size            (SsvHttp         *self,
                                                       const char      *service,
                                                       gsize            bytes);
gsize           ssv_http_get_max_body_size            (SsvHttp         *self,
                                                       const char      *service);
void            ssv_http_set_timeout                  (SsvHttp         *self,
                                                       guint            seconds);
void            ssv_http_set_retry_policy             (SsvHttp         *self,
                                                       guint            max_retries,
                                                       guint            base_delay_ms);
void            ssv_http_set_max_inline_wait          (SsvHttp         *self,
                                                       guint            seconds);
void            ssv_http_set_observer                 (SsvHttp         *self,
                                                       SsvHttpObserver  observer,
                                                       gpointer         user_data,
                                                       GDestroyNotify   destroy);
gint64          ssv_http_get_cooldown_remaining       (SsvHttp         *self,
                                                       const char      *service);
const char     *ssv_http_service_display_name         (const char      *service);

GBytes         *ssv_http_send                         (SsvHttp         *self,
                                                       SsvHttpRequest  *request,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
JsonNode       *ssv_http_send_json                    (SsvHttp         *self,
                                                       SsvHttpRequest  *request,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
SsvXmlNode     *ssv_http_send_xml                     (SsvHttp         *self,
                                                       SsvHttpRequest  *request,
                                                       GCancellable    *cancellable,
                                                       GError         **error);
void            ssv_http_send_async                   (SsvHttp         *self,
                                                       SsvHttpRequest  *request,
                                                       GCancellable    *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer         user_data);
GBytes         *ssv_http_send_finish                  (SsvHttp         *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);
void            ssv_http_send_json_async              (SsvHttp         *self,
                                                       SsvHttpRequest  *request,
                                                       GCancellable    *cancellable,
                                                       GAsyncReadyCallback callback,
                                                       gpointer         user_data);
JsonNode       *ssv_http_send_json_finish             (SsvHttp         *self,
                                                       GAsyncResult    *result,
                                                       GError         **error);

JsonNode       *ssv_json_parse_bytes                  (GBytes          *bytes,
                                                       const char      *what,
                                                       GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvHttpRequest, ssv_http_request_unref)

G_END_DECLS
