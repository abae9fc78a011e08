/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-fake-server.h: an in-process SoupServer on 127.0.0.1 replaying recorded
 * responses, with faults injectable per route. Runs in its own thread, so both
 * blocking clients in the test thread and async clients on its main loop work. */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SsvFakeServer SsvFakeServer;

typedef struct
{
  char        *method;
  char        *path;
  char        *query;         /* raw, or NULL */
  GHashTable  *headers;       /* lower-cased name → value */
  GBytes      *body;
  gint64       at_us;         /* monotonic time of arrival */
} SsvFakeRequest;

typedef enum
{
  SSV_FAKE_FAULT_NONE,
  SSV_FAKE_FAULT_STATUS,      /* answer with .status (and .retry_after if ≥ 0) */
  SSV_FAKE_FAULT_DELAY,       /* answer normally after .delay_ms */
  SSV_FAKE_FAULT_TRUNCATE,    /* promise the whole body, send half, close */
  SSV_FAKE_FAULT_MALFORMED,   /* 200 with a body that is not JSON/XML */
  SSV_FAKE_FAULT_RESET,       /* close the connection without answering */
  SSV_FAKE_FAULT_GZIP,        /* answer normally, gzipped, Content-Length of the gzip (a proxy's mod_deflate) */
  SSV_FAKE_FAULT_REDIRECT,    /* .status (302 if 0) to .redirect_to + the asked path and query */
} SsvFakeFaultKind;

typedef struct
{
  SsvFakeFaultKind kind;
  guint            status;
  int              retry_after;   /* seconds, < 0 = no header */
  guint            delay_ms;
  int              times;         /* how many requests it hits; < 0 = every one */
  const char      *retry_after_text;  /* STATUS: a Retry-After as sent, instead of .retry_after */
  const char      *redirect_to;       /* REDIRECT: a base URL, "http://host:port" */
} SsvFakeFault;

/* A handler answers dynamically; return FALSE to fall through to 404. It may
 * set *status, *content_type and *body (transfer full). Called on the server thread. */
typedef gboolean (*SsvFakeHandler) (SsvFakeServer        *server,
                                    const SsvFakeRequest *request,
                                    guint                *status,
                                    char                **content_type,
                                    GBytes              **body,
                                    gpointer              user_data);

SsvFakeServer *ssv_fake_server_new               (void);
void           ssv_fake_server_free              (SsvFakeServer   *self);
const char    *ssv_fake_server_get_url           (SsvFakeServer   *self);
guint16        ssv_fake_server_get_port          (SsvFakeServer   *self);
void           ssv_fake_server_add_fixture       (SsvFakeServer   *self,
                                                  const char      *route,
                                                  const char      *fixture,
                                                  const char      *content_type);
void           ssv_fake_server_add_body          (SsvFakeServer   *self,
                                                  const char      *route,
                                                  guint            status,
                                                  const char      *content_type,
                                                  const char      *body);
void           ssv_fake_server_add_bytes         (SsvFakeServer   *self,
                                                  const char      *route,
                                                  guint            status,
                                                  const char      *content_type,
                                                  GBytes          *body);
void           ssv_fake_server_add_handler       (SsvFakeServer   *self,
                                                  const char      *route,
                                                  SsvFakeHandler   handler,
                                                  gpointer         user_data,
                                                  GDestroyNotify   destroy);
void           ssv_fake_server_set_fault         (SsvFakeServer   *self,
                                                  const char      *route,
                                                  const SsvFakeFault *fault);
void           ssv_fake_server_clear_faults      (SsvFakeServer   *self);
void           ssv_fake_server_set_rate_limit    (SsvFakeServer   *self,
                                                  double           per_second);
guint          ssv_fake_server_get_over_limit    (SsvFakeServer   *self);
guint          ssv_fake_server_get_hits          (SsvFakeServer   *self,
                                                  const char      *path);
guint          ssv_fake_server_get_total_hits    (SsvFakeServer   *self);
GPtrArray     *ssv_fake_server_dup_requests      (SsvFakeServer   *self);
void           ssv_fake_server_reset_log         (SsvFakeServer   *self);
guint          ssv_fake_server_max_in_window     (SsvFakeServer   *self,
                                                  gint64           window_us);

GBytes        *ssv_fake_gzip                     (GBytes          *bytes);

char          *ssv_fixture_path                  (const char      *relative);
GBytes        *ssv_fixture_load                  (const char      *relative);
void           ssv_fake_request_free             (SsvFakeRequest  *request);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SsvFakeServer, ssv_fake_server_free)

G_END_DECLS
