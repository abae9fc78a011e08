/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scanner-prune.c: what a scan may take out of the library: titles a complete listing
 * lacked (held for the person's word when the listing cannot be trusted), follows of titles
 * gone for good, and titles of libraries no longer mapped. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "stores/ssv-scan-hold-store.h"
#include "sources/ssv-scanner-private.h"
#include "stores/ssv-watchlist-store.h"

static void
note_warning (Scan       *scan,
              const char *message)
{
  g_ptr_array_add (scan->result->messages, g_strdup_printf ("%s: %s", scan->name, message));
  ssv_scan_log_activity (scan, SSV_ACTIVITY_WARNING, message);
}

/* Deep scans, after a complete listing: what the library has that the listing
 * did not goes, unless the listing cannot be trusted for that. */
gboolean
ssv_scan_prune (Scan             *scan,
                SsvMediaKind      kind,
                SsvServerLibrary *library,
                GHashTable       *seen,
                guint             unreadable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  SsvPruneOutcome outcome;

  scan->phase = "pruning";
  ssv_scan_progress (scan, TRUE);

  if (unreadable > 0)
    {
      message = g_strdup_printf (ngettext ("Nothing was removed from %s: %u item of its list could not be read, "
                                           "and it may be any title.",
                                           "Nothing was removed from %s: %u items of its list could not be read, "
                                           "and they may be any title.", unreadable),
                                 library->name, unreadable);
      note_warning (scan, message);
      return TRUE;
    }

  if (!ssv_library_store_prune_titles (scan->self->store, kind, scan->server_row, library->key, library->name,
                                       seen, &outcome, &error))
    {
      ssv_scan_note_error (scan, library->name, error);
      return FALSE;
    }

  if (outcome.held > 0)
    {
      if (outcome.reason == SSV_HOLD_EMPTY)
        /* Translators: "Movies came back empty: …" */
        message = g_strdup_printf (ngettext ("%s came back empty: not removing its %u title until you confirm.",
                                             "%s came back empty: not removing its %u titles until you confirm.",
                                             outcome.held),
                                   library->name, outcome.held);
      else
        message = g_strdup_printf (_("Not removing %u of %u titles of %s until you confirm: more than half "
                                     "of the library would go."),
                                   outcome.held, outcome.stored, library->name);
      note_warning (scan, message);
      scan->held += outcome.held;
    }

  scan->counts.removed += outcome.removed;
  return TRUE;
}

/* Listings that do not prune: a title listed again is no longer held. */
gboolean
ssv_scan_release_listed (Scan             *scan,
                         SsvMediaKind      kind,
                         SsvServerLibrary *library,
                         GHashTable       *seen)
{
  g_autoptr(GError) error = NULL;

  if (!ssv_scan_hold_store_release_listed (scan->self->database, scan->server_row, library->key, kind, seen, &error))
    {
      ssv_scan_note_error (scan, library->name, error);
      return FALSE;
    }

  return TRUE;
}

/* After a complete full or deep scan, which listed every title: follows and
 * mutes of titles gone for good go (see ssv_watchlist_forget_gone()). */
void
ssv_scan_forget_gone (Scan *scan)
{
  g_autoptr(GError) error = NULL;
  guint forgotten = 0;

  if (!ssv_watchlist_forget_gone (scan->self->database, scan->server_row,
                                  g_get_real_time () / G_USEC_PER_SEC, &forgotten, &error))
    {
      ssv_scan_log_activity (scan, SSV_ACTIVITY_WARNING, error->message);
      return;
    }

  if (forgotten > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Forgot %u follow or mute of a title gone since the last full scan",
                                                            "Forgot %u follows and mutes of titles gone since the last full scan",
                                                            forgotten),
                                                  forgotten);

      ssv_scan_log_activity (scan, SSV_ACTIVITY_INFO, message);
    }
}

/* Titles of libraries the person no longer maps (to their kind) go in every
 * mode: that is their choice, not a guess from a server's answer. */
gboolean
ssv_scan_prune_unmapped (Scan    *scan,
                         GError **error)
{
  guint removed = 0;

  scan->phase = "pruning";
  ssv_scan_progress (scan, TRUE);

  if (!ssv_library_store_prune_unmapped (scan->self->store, scan->server_row, &removed, error))
    return FALSE;

  if (removed > 0)
    {
      g_autofree char *message = g_strdup_printf (ngettext ("Removed %u title of libraries no longer chosen as movies or shows",
                                                            "Removed %u titles of libraries no longer chosen as movies or shows",
                                                            removed),
                                                  removed);

      ssv_scan_log_activity (scan, SSV_ACTIVITY_INFO, message);
      ssv_scan_maybe_emit_changed (scan, "all", TRUE);
    }

  scan->counts.removed += removed;
  return TRUE;
}
