/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scan-result.c: what a scan did, in counts and plain words, and the names of the scan modes. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sources/ssv-scan-result.h"

G_DEFINE_BOXED_TYPE (SsvScanResult, ssv_scan_result, ssv_scan_result_copy, ssv_scan_result_free)

/* ---- results ---------------------------------------------------------------- */

SsvScanResult *
ssv_scan_result_new (SsvScanMode mode)
{
  SsvScanResult *result = g_new0 (SsvScanResult, 1);

  result->mode = mode;
  result->messages = g_ptr_array_new_with_free_func (g_free);
  return result;
}

SsvScanResult *
ssv_scan_result_copy (const SsvScanResult *result)
{
  SsvScanResult *copy = g_memdup2 (result, sizeof *result);

  copy->messages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < result->messages->len; i++)
    g_ptr_array_add (copy->messages, g_strdup (g_ptr_array_index (result->messages, i)));
  return copy;
}

void
ssv_scan_result_free (SsvScanResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->messages, g_ptr_array_unref);
  g_free (result);
}

/* "12 added, 3 updated, 0 removed, 1 error", and what waits for the person if anything does */
char *
ssv_scan_result_dup_summary (const SsvScanResult *result)
{
  g_autofree char *added = g_strdup_printf (ngettext ("%u added", "%u added", result->added), result->added);
  g_autofree char *updated = g_strdup_printf (ngettext ("%u updated", "%u updated", result->updated),
                                              result->updated);
  g_autofree char *removed = g_strdup_printf (ngettext ("%u removed", "%u removed", result->removed),
                                              result->removed);
  guint problems = result->errors + result->skipped;
  g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", problems), problems);

  /* Translators: the parts are "12 added", "3 updated", "0 removed", "1 error" */
  g_autofree char *counts = g_strdup_printf (_("%s, %s, %s, %s"), added, updated, removed, errors);

  if (result->held == 0)
    return g_steal_pointer (&counts);

  /* Translators: "0 added, 0 updated, 0 removed, 0 errors; 37 titles wait for your confirmation" */
  return g_strdup_printf (ngettext ("%s; %u title waits for your confirmation",
                                    "%s; %u titles wait for your confirmation", result->held),
                          counts, result->held);
}

const char *
ssv_scan_mode_to_string (SsvScanMode mode)
{
  switch (mode)
    {
    case SSV_SCAN_FULL:
      return "full";
    case SSV_SCAN_DEEP:
      return "deep";
    case SSV_SCAN_INCREMENTAL:
    default:
      return "incremental";
    }
}

gboolean
ssv_scan_mode_from_string (const char  *text,
                           SsvScanMode *mode)
{
  if (g_strcmp0 (text, "incremental") == 0)
    *mode = SSV_SCAN_INCREMENTAL;
  else if (g_strcmp0 (text, "full") == 0)
    *mode = SSV_SCAN_FULL;
  else if (g_strcmp0 (text, "deep") == 0)
    *mode = SSV_SCAN_DEEP;
  else
    return FALSE;

  return TRUE;
}
