/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-error.h: the project's error domain, shared by core, CLI and UI. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SSV_ERROR (ssv_error_quark ())

typedef enum
{
  SSV_ERROR_FAILED,
  SSV_ERROR_KEY_REJECTED,      /* 401/403: the key or token is wrong; never retried */
  SSV_ERROR_RATE_LIMITED,      /* 429 or a local cooldown; retry after a while */
  SSV_ERROR_NOT_FOUND,         /* 404 or an empty search */
  SSV_ERROR_SERVER,            /* 5xx after retries */
  SSV_ERROR_TIMEOUT,           /* no answer in time after retries */
  SSV_ERROR_UNREACHABLE,       /* connection refused, reset, DNS */
  SSV_ERROR_MALFORMED,         /* the body could not be read */
  SSV_ERROR_DATABASE,          /* SQLite said no */
  SSV_ERROR_MIGRATION,         /* a schema step failed; the file is unchanged */
  SSV_ERROR_NEWER_SCHEMA,      /* the library was written by a newer version */
  SSV_ERROR_INVALID,           /* bad input from the user or the caller */
  SSV_ERROR_INCOMPLETE,        /* the server did not answer completely */
  SSV_ERROR_REFUSED,           /* a safety rule stopped the operation */
  SSV_ERROR_QUOTA,             /* a daily allowance is used up; resume the next day */
  SSV_ERROR_TOO_LARGE,         /* an answer over the service's size cap; not read */
  SSV_ERROR_CHANGED,           /* an answer in a shape we do not know: the service changed */
} SsvError;

GQuark   ssv_error_quark        (void);
gboolean ssv_error_is_transient (const GError *error);

G_END_DECLS
