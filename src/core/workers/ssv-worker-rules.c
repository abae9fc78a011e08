/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-rules.c: the outcome rules of the enrichment workers. Pure: no state but the
 * situation handed in, no I/O; the notes are the words a person reads in the workers view. */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "ssv-error.h"
#include "workers/ssv-worker-rules.h"

/* Calls in a row that cannot reach the provider before the worker backs off, and how:
 * a minute, doubling up to sixteen. */
#define TRANSPORT_FAILURES_BEFORE_BACKOFF 3
#define BACKOFF_FIRST_S                   60
#define BACKOFF_MAX_DOUBLINGS             4

/* A 429 the HTTP layer found no Retry-After in. */
#define RATE_LIMITED_FALLBACK_S           5
/* A used-up allowance whose provider does not say when it comes back. */
#define QUOTA_FALLBACK_S                  (24 * 3600)
#define WRITE_FAILED_COOLDOWN_S           10
#define READ_FAILED_COOLDOWN_S            30

static char *
format_clock (gint64 unix_time)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (unix_time);

  return when ? g_date_time_format (when, "%H:%M") : g_strdup ("?");
}

/* "OMDb daily limit reached, resuming at 01:00" */
char *
ssv_worker_rules_quota_note (const char *display_name,
                             gint64      until)
{
  g_autofree char *clock = format_clock (until);

  /* Translators: "OMDb daily limit reached, resuming at 01:00" */
  return g_strdup_printf (_("%s daily limit reached, resuming at %s"), display_name, clock);
}

/* Why the worker waits for a key: what the keyring said, or that there is none. */
char *
ssv_worker_rules_missing_key_note (const char   *display_name,
                                   const GError *keyring_error)
{
  if (keyring_error != NULL)
    return g_strdup (keyring_error->message);

  /* Translators: "Add your TMDB API key in Preferences" */
  return g_strdup_printf (_("Add your %s API key in Preferences"), display_name);
}

/* A rejected key stays rejected until it changes, or the person says to try it again. */
gboolean
ssv_worker_rules_may_use_key (const char *key,
                              const char *rejected_key,
                              gboolean    retry_rejected)
{
  if (key == NULL || key[0] == '\0')
    return FALSE;

  return rejected_key == NULL || retry_rejected || g_strcmp0 (rejected_key, key) != 0;
}

/* Errors that say "not now" about the whole provider, not about this title:
 * nothing of the item may be written, and the worker waits. */
gboolean
ssv_worker_rules_error_stops_item (const GError *error)
{
  return g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_QUOTA) ||
         g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static gboolean
is_transport_failure (const GError *error)
{
  return g_error_matches (error, SSV_ERROR, SSV_ERROR_UNREACHABLE) ||
         g_error_matches (error, SSV_ERROR, SSV_ERROR_TIMEOUT);
}

static gint64 *
stat_slot (SsvKindStats *stats,
           int           outcome)
{
  switch (outcome)
    {
    case SSV_OUTCOME_MATCHED: return &stats->matched;
    case SSV_OUTCOME_NOT_FOUND: return &stats->not_found;
    case SSV_OUTCOME_ERROR: return &stats->errors;
    default: return &stats->pending;
    }
}

/* A marked item moves from its count before (@previous, an SsvOutcome or -1 for pending)
 * to the count of @outcome. */
void
ssv_worker_rules_count (SsvKindStats *stats,
                        int           previous,
                        SsvOutcome    outcome)
{
  gint64 *from = stat_slot (stats, previous);

  if (*from > 0)
    (*from)--;
  (*stat_slot (stats, outcome))++;
}

void
ssv_worker_verdict_clear (SsvWorkerVerdict *verdict)
{
  g_clear_pointer (&verdict->message, g_free);
  g_clear_pointer (&verdict->note, g_free);
}

/* The worker's own library failed: no title's fault, so nothing is marked; the worker
 * pauses, says why, and warns the journal. Takes @note. */
static void
library_failed (const GError     *error,
                gint64            wait_s,
                char             *note,
                SsvWorkerVerdict *verdict)
{
  memset (verdict, 0, sizeof *verdict);
  verdict->item = SSV_ITEM_FATE_UNMARKED;
  verdict->next = SSV_WORKER_NEXT_COOL_DOWN;
  verdict->wait_s = wait_s;
  verdict->message = g_strdup (error->message);
  verdict->note = note;
  verdict->warn = TRUE;
}

/* The library could not be written: the title stays unmarked and is tried again later. */
void
ssv_worker_rules_write_failed (const GError     *error,
                               SsvWorkerVerdict *verdict)
{
  library_failed (error, WRITE_FAILED_COOLDOWN_S,
                  g_strdup_printf (_("The library could not be written: %s"), error->message), verdict);
}

/* The queue could not be read: there is no item in hand. */
void
ssv_worker_rules_read_failed (const GError     *error,
                              SsvWorkerVerdict *verdict)
{
  library_failed (error, READ_FAILED_COOLDOWN_S,
                  g_strdup_printf (_("The library could not be read: %s"), error->message), verdict);
}

/* A title the provider answered about, or failed on for its own sake: marked, and the
 * worker goes on; unless the provider could not be reached several times in a row. */
static void
judge_title (const SsvWorkerSituation *situation,
             const GError             *error,
             SsvWorkerVerdict         *verdict)
{
  verdict->item = SSV_ITEM_FATE_DONE;
  verdict->record = TRUE;
  verdict->outcome = g_error_matches (error, SSV_ERROR, SSV_ERROR_NOT_FOUND)
                     ? SSV_OUTCOME_NOT_FOUND : SSV_OUTCOME_ERROR;
  verdict->message = g_strdup (error->message);

  if (!is_transport_failure (error))
    {
      verdict->transport_failures = 0;
      return;
    }

  verdict->transport_failures = situation->transport_failures + 1;
  if (verdict->transport_failures >= TRANSPORT_FAILURES_BEFORE_BACKOFF)
    {
      guint doublings = MIN (verdict->transport_failures - TRANSPORT_FAILURES_BEFORE_BACKOFF,
                             BACKOFF_MAX_DOUBLINGS);
      g_autofree char *clock = NULL;

      verdict->next = SSV_WORKER_NEXT_COOL_DOWN;
      verdict->wait_s = (gint64) BACKOFF_FIRST_S << doublings;
      clock = format_clock (situation->now + verdict->wait_s);
      /* Translators: "Could not reach TMDB; trying again at 14:05" */
      verdict->note = g_strdup_printf (_("Could not reach %s; trying again at %s"),
                                       situation->display_name, clock);
    }
}

/**
 * ssv_worker_rules_judge:
 * @processed: the provider's call recorded the item itself (process_item() returned %TRUE)
 * @outcome: with @processed, what it recorded
 * @error: (nullable): without @processed, why the call failed
 * @verdict: (out caller-allocates): what the worker does; clear it with
 *   ssv_worker_verdict_clear()
 *
 * The outcome rules. An answer: the item is done and the provider reachable. NOT_FOUND:
 * not found. RATE_LIMITED: a cooldown as long as the provider asked, the item put back.
 * QUOTA: a wait until the allowance comes back, the item put back. KEY_REJECTED: a wait
 * for another key, the item put back. A database error: a short pause, the item unmarked.
 * Cancelled: the loop ends. Anything else: an error, retried later; a provider that could
 * not be reached three times in a row makes the worker back off.
 */
void
ssv_worker_rules_judge (const SsvWorkerSituation *situation,
                        gboolean                  processed,
                        SsvOutcome                outcome,
                        const GError             *error,
                        SsvWorkerVerdict         *verdict)
{
  g_autoptr(GError) unexplained = NULL;

  memset (verdict, 0, sizeof *verdict);
  verdict->next = SSV_WORKER_NEXT_ITEM;
  verdict->transport_failures = situation->transport_failures;

  if (processed)
    {
      verdict->item = SSV_ITEM_FATE_DONE;
      verdict->outcome = outcome;
      verdict->transport_failures = 0;
      return;
    }

  if (error == NULL)
    error = unexplained = g_error_new (SSV_ERROR, SSV_ERROR_FAILED, _("%s failed without saying why."),
                                       situation->display_name);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      verdict->item = SSV_ITEM_FATE_UNMARKED;
      verdict->next = SSV_WORKER_NEXT_STOP;
    }
  else if (g_error_matches (error, SSV_ERROR, SSV_ERROR_RATE_LIMITED))
    {
      g_autofree char *clock = format_clock (situation->now + MAX (situation->provider_wait_s, 1));

      verdict->item = SSV_ITEM_FATE_PUT_BACK;
      verdict->next = SSV_WORKER_NEXT_COOL_DOWN;
      verdict->wait_s = situation->provider_wait_s > 0 ? situation->provider_wait_s : RATE_LIMITED_FALLBACK_S;
      /* Translators: "TMDB asked to slow down; continuing at 14:03" */
      verdict->note = g_strdup_printf (_("%s asked to slow down; continuing at %s"),
                                       situation->display_name, clock);
    }
  else if (g_error_matches (error, SSV_ERROR, SSV_ERROR_QUOTA))
    {
      verdict->item = SSV_ITEM_FATE_PUT_BACK;
      verdict->next = SSV_WORKER_NEXT_QUOTA;
      verdict->until = situation->quota_reset_at > 0 ? situation->quota_reset_at
                                                     : situation->now + QUOTA_FALLBACK_S;
      verdict->note = ssv_worker_rules_quota_note (situation->display_name, verdict->until);
      verdict->log = TRUE;
    }
  else if (!situation->keyless && g_error_matches (error, SSV_ERROR, SSV_ERROR_KEY_REJECTED))
    {
      verdict->item = SSV_ITEM_FATE_PUT_BACK;
      verdict->next = SSV_WORKER_NEXT_KEY;
      /* Translators: "TMDB rejected the API key" */
      verdict->note = g_strdup_printf (_("%s rejected the API key"), situation->display_name);
      verdict->log = TRUE;
    }
  else if (g_error_matches (error, SSV_ERROR, SSV_ERROR_DATABASE))
    {
      ssv_worker_rules_write_failed (error, verdict);
      verdict->transport_failures = situation->transport_failures;
    }
  else
    judge_title (situation, error, verdict);
}
