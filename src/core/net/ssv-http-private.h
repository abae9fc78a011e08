/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-http-private.h: what SsvHttp reads of a request it sends. */

#pragma once

#include <libsoup/soup.h>

#include "net/ssv-http.h"

G_BEGIN_DECLS

typedef struct
{
  char     *name;
  char     *value;
  gboolean  secret;   /* only ever sent to the configured host */
} SsvHttpHeader;

struct _SsvHttpRequest
{
  gatomicrefcount  ref;
  char            *service;
  char            *method;
  char            *path;
  char            *base_url;
  GString         *query;
  GPtrArray       *secret_values;
  GPtrArray       *headers;       /* SsvHttpHeader */
  char            *content_type;
  GBytes          *body;
  int              max_retries;
  gsize            max_body;      /* 0: the service's */

  /* Filled in by the last send. */
  guint            status;
  gint64           retry_after_s;
  SoupMessageHeaders *response_headers;
  GBytes          *response_body;
};

char *ssv_http_request_redact (SsvHttpRequest *self,
                               const char     *text);

G_END_DECLS
