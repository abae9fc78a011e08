/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-error.c: the project's error domain. */

#include "config.h"

#include "ssv-error.h"

G_DEFINE_QUARK (ssv-error-quark, ssv_error)

/* Errors worth trying again later, as opposed to "stop and tell the user". */
gboolean
ssv_error_is_transient (const GError *error)
{
  if (error == NULL || error->domain != SSV_ERROR)
    return FALSE;

  switch ((SsvError) error->code)
    {
    case SSV_ERROR_RATE_LIMITED:
    case SSV_ERROR_QUOTA:
    case SSV_ERROR_SERVER:
    case SSV_ERROR_TIMEOUT:
    case SSV_ERROR_UNREACHABLE:
    case SSV_ERROR_MALFORMED:
    case SSV_ERROR_INCOMPLETE:
      return TRUE;
    case SSV_ERROR_FAILED:
    case SSV_ERROR_KEY_REJECTED:
    case SSV_ERROR_NOT_FOUND:
    case SSV_ERROR_DATABASE:
    case SSV_ERROR_MIGRATION:
    case SSV_ERROR_NEWER_SCHEMA:
    case SSV_ERROR_INVALID:
    case SSV_ERROR_REFUSED:
    case SSV_ERROR_TOO_LARGE:
    case SSV_ERROR_CHANGED:
    default:
      return FALSE;
    }
}
