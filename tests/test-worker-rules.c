/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-worker-rules.c: the enrichment workers' outcome rules, one table row per rule: what an
 * answer, each kind of error, a 429, a used-up allowance and a rejected key do to the item and
 * to the worker, with the words a person reads. Times are shown in UTC here. */

#include "config.h"

#include "ssv-error.h"
#include "ssv-test-utils.h"
#include "workers/ssv-worker-rules.h"

/* 2023-11-14 22:13:20 UTC */
#define NOW G_GINT64_CONSTANT (1700000000)

#define NO_ERROR (-1)
#define IO_DOMAIN (-2)

typedef struct
{
  const char    *name;
  /* the answer */
  gboolean       processed;
  SsvOutcome     processed_outcome;
  int            code;               /* an SsvError code, NO_ERROR, or IO_DOMAIN with io_code */
  int            io_code;
  const char    *message;
  /* the situation */
  guint          transport_failures;
  gint64         provider_wait_s;
  gint64         quota_reset_at;
  /* the verdict */
  SsvItemFate    item;
  SsvOutcome     outcome;
  gboolean       record;
  const char    *recorded;           /* the message recorded or warned about, or NULL */
  SsvWorkerNext  next;
  gint64         wait_s;
  gint64         until;
  guint          failures_after;
  const char    *note;
  gboolean       log;
  gboolean       warn;
} JudgeRow;

static const JudgeRow judge_rows[] = {
  { "answer-matched", TRUE, SSV_OUTCOME_MATCHED, NO_ERROR, 0, NULL, 5, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_MATCHED, FALSE, NULL, SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL, FALSE, FALSE },
  { "answer-not-found", TRUE, SSV_OUTCOME_NOT_FOUND, NO_ERROR, 0, NULL, 2, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_NOT_FOUND, FALSE, NULL, SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL, FALSE, FALSE },
  { "404-not-found", FALSE, 0, SSV_ERROR_NOT_FOUND, 0, "No such title", 2, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_NOT_FOUND, TRUE, "No such title", SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL,
    FALSE, FALSE },
  { "5xx-error", FALSE, 0, SSV_ERROR_SERVER, 0, "TMDB answered 503", 2, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "TMDB answered 503", SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL,
    FALSE, FALSE },
  { "malformed-error", FALSE, 0, SSV_ERROR_MALFORMED, 0, "could not be read", 0, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "could not be read", SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL,
    FALSE, FALSE },
  { "other-domain-error", FALSE, 0, IO_DOMAIN, G_IO_ERROR_FAILED, "odd", 0, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "odd", SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL, FALSE, FALSE },
  { "no-error-given", FALSE, 0, NO_ERROR, 0, NULL, 1, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "TMDB failed without saying why.", SSV_WORKER_NEXT_ITEM,
    0, 0, 0, NULL, FALSE, FALSE },
  { "429-retry-after", FALSE, 0, SSV_ERROR_RATE_LIMITED, 0, "slow down", 2, 120, 0,
    SSV_ITEM_FATE_PUT_BACK, 0, FALSE, NULL, SSV_WORKER_NEXT_COOL_DOWN, 120, 0, 2,
    "TMDB asked to slow down; continuing at 22:15", FALSE, FALSE },
  { "429-without-retry-after", FALSE, 0, SSV_ERROR_RATE_LIMITED, 0, "slow down", 0, 0, 0,
    SSV_ITEM_FATE_PUT_BACK, 0, FALSE, NULL, SSV_WORKER_NEXT_COOL_DOWN, 5, 0, 0,
    "TMDB asked to slow down; continuing at 22:13", FALSE, FALSE },
  { "quota-provider-reset", FALSE, 0, SSV_ERROR_QUOTA, 0, "limit", 1, 0, NOW + 2 * 3600 + 47 * 60,
    SSV_ITEM_FATE_PUT_BACK, 0, FALSE, NULL, SSV_WORKER_NEXT_QUOTA, 0, NOW + 2 * 3600 + 47 * 60, 1,
    "TMDB daily limit reached, resuming at 01:00", TRUE, FALSE },
  { "quota-a-day", FALSE, 0, SSV_ERROR_QUOTA, 0, "limit", 0, 0, 0,
    SSV_ITEM_FATE_PUT_BACK, 0, FALSE, NULL, SSV_WORKER_NEXT_QUOTA, 0, NOW + 24 * 3600, 0,
    "TMDB daily limit reached, resuming at 22:13", TRUE, FALSE },
  { "401-key-rejected", FALSE, 0, SSV_ERROR_KEY_REJECTED, 0, "401", 2, 0, 0,
    SSV_ITEM_FATE_PUT_BACK, 0, FALSE, NULL, SSV_WORKER_NEXT_KEY, 0, 0, 2,
    "TMDB rejected the API key", TRUE, FALSE },
  { "database-error", FALSE, 0, SSV_ERROR_DATABASE, 0, "disk I/O error", 2, 0, 0,
    SSV_ITEM_FATE_UNMARKED, 0, FALSE, "disk I/O error", SSV_WORKER_NEXT_COOL_DOWN, 10, 0, 2,
    "The library could not be written: disk I/O error", FALSE, TRUE },
  { "cancelled", FALSE, 0, IO_DOMAIN, G_IO_ERROR_CANCELLED, "Operation was cancelled", 2, 0, 0,
    SSV_ITEM_FATE_UNMARKED, 0, FALSE, NULL, SSV_WORKER_NEXT_STOP, 0, 0, 2, NULL, FALSE, FALSE },
  { "unreachable-first", FALSE, 0, SSV_ERROR_UNREACHABLE, 0, "refused", 0, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "refused", SSV_WORKER_NEXT_ITEM, 0, 0, 1, NULL, FALSE, FALSE },
  { "timeout-second", FALSE, 0, SSV_ERROR_TIMEOUT, 0, "no answer", 1, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "no answer", SSV_WORKER_NEXT_ITEM, 0, 0, 2, NULL, FALSE, FALSE },
  { "unreachable-third-backs-off", FALSE, 0, SSV_ERROR_UNREACHABLE, 0, "refused", 2, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "refused", SSV_WORKER_NEXT_COOL_DOWN, 60, 0, 3,
    "Could not reach TMDB; trying again at 22:14", FALSE, FALSE },
  { "timeout-fourth-doubles", FALSE, 0, SSV_ERROR_TIMEOUT, 0, "no answer", 3, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "no answer", SSV_WORKER_NEXT_COOL_DOWN, 120, 0, 4,
    "Could not reach TMDB; trying again at 22:15", FALSE, FALSE },
  { "unreachable-seventh-sixteen-minutes", FALSE, 0, SSV_ERROR_UNREACHABLE, 0, "refused", 6, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "refused", SSV_WORKER_NEXT_COOL_DOWN, 960, 0, 7,
    "Could not reach TMDB; trying again at 22:29", FALSE, FALSE },
  { "unreachable-many-stays-sixteen-minutes", FALSE, 0, SSV_ERROR_UNREACHABLE, 0, "refused", 40, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_ERROR, TRUE, "refused", SSV_WORKER_NEXT_COOL_DOWN, 960, 0, 41,
    "Could not reach TMDB; trying again at 22:29", FALSE, FALSE },
  { "answer-after-failures-resets", FALSE, 0, SSV_ERROR_NOT_FOUND, 0, "none", 7, 0, 0,
    SSV_ITEM_FATE_DONE, SSV_OUTCOME_NOT_FOUND, TRUE, "none", SSV_WORKER_NEXT_ITEM, 0, 0, 0, NULL, FALSE, FALSE },
};

static void
test_judge (gconstpointer data)
{
  const JudgeRow *row = data;
  SsvWorkerSituation situation = { "TMDB", NOW, row->transport_failures, row->provider_wait_s, row->quota_reset_at };
  g_auto(SsvWorkerVerdict) verdict = { 0 };
  g_autoptr(GError) error = NULL;

  if (row->code == IO_DOMAIN)
    error = g_error_new_literal (G_IO_ERROR, row->io_code, row->message);
  else if (row->code != NO_ERROR)
    error = g_error_new_literal (SSV_ERROR, row->code, row->message);

  ssv_worker_rules_judge (&situation, row->processed, row->processed_outcome, error, &verdict);

  g_assert_cmpint (verdict.item, ==, row->item);
  if (row->item == SSV_ITEM_FATE_DONE)
    g_assert_cmpint (verdict.outcome, ==, row->outcome);
  g_assert_cmpint (verdict.record, ==, row->record);
  if (row->recorded != NULL)
    g_assert_cmpstr (verdict.message, ==, row->recorded);
  g_assert_cmpint (verdict.next, ==, row->next);
  g_assert_cmpint (verdict.wait_s, ==, row->wait_s);
  g_assert_cmpint (verdict.until, ==, row->until);
  g_assert_cmpuint (verdict.transport_failures, ==, row->failures_after);
  g_assert_cmpstr (verdict.note, ==, row->note);
  g_assert_cmpint (verdict.log, ==, row->log);
  g_assert_cmpint (verdict.warn, ==, row->warn);
}

/* What the worker's own failures do: its library could not be written or read. */
static void
test_library_failures (void)
{
  g_autoptr(GError) error = g_error_new_literal (SSV_ERROR, SSV_ERROR_DATABASE, "database is locked");
  g_auto(SsvWorkerVerdict) written = { 0 };
  g_auto(SsvWorkerVerdict) read = { 0 };

  ssv_worker_rules_write_failed (error, &written);
  g_assert_cmpint (written.item, ==, SSV_ITEM_FATE_UNMARKED);
  g_assert_cmpint (written.next, ==, SSV_WORKER_NEXT_COOL_DOWN);
  g_assert_cmpint (written.wait_s, ==, 10);
  g_assert_cmpstr (written.note, ==, "The library could not be written: database is locked");
  g_assert_cmpstr (written.message, ==, "database is locked");
  g_assert_true (written.warn);
  g_assert_false (written.record);

  ssv_worker_rules_read_failed (error, &read);
  g_assert_cmpint (read.item, ==, SSV_ITEM_FATE_UNMARKED);
  g_assert_cmpint (read.next, ==, SSV_WORKER_NEXT_COOL_DOWN);
  g_assert_cmpint (read.wait_s, ==, 30);
  g_assert_cmpstr (read.note, ==, "The library could not be read: database is locked");
  g_assert_true (read.warn);
}

/* Which errors stop a provider's call that makes several (a show's seasons) from writing. */
static void
test_error_stops_item (void)
{
  static const struct
  {
    GQuark   (*domain) (void);
    int        code;
    gboolean   stops;
  } rows[] = {
    { ssv_error_quark, SSV_ERROR_RATE_LIMITED, TRUE },
    { ssv_error_quark, SSV_ERROR_KEY_REJECTED, TRUE },
    { ssv_error_quark, SSV_ERROR_QUOTA, TRUE },
    { g_io_error_quark, G_IO_ERROR_CANCELLED, TRUE },
    { ssv_error_quark, SSV_ERROR_NOT_FOUND, FALSE },
    { ssv_error_quark, SSV_ERROR_SERVER, FALSE },
    { ssv_error_quark, SSV_ERROR_TIMEOUT, FALSE },
    { ssv_error_quark, SSV_ERROR_UNREACHABLE, FALSE },
    { ssv_error_quark, SSV_ERROR_MALFORMED, FALSE },
    { ssv_error_quark, SSV_ERROR_DATABASE, FALSE },
    { g_io_error_quark, G_IO_ERROR_FAILED, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (rows[i].domain (), rows[i].code, "x");

      g_test_message ("row %u: %s %d", i, g_quark_to_string (error->domain), error->code);
      g_assert_cmpint (ssv_worker_rules_error_stops_item (error), ==, rows[i].stops);
    }
}

/* A marked item leaves the count it was in (pending when never tried) for its outcome's. */
static void
test_count (void)
{
  static const struct
  {
    int         previous;
    SsvOutcome  outcome;
    SsvKindStats before;
    SsvKindStats after;     /* matched, not_found, errors, pending */
  } rows[] = {
    { -1, SSV_OUTCOME_MATCHED, { 0, 0, 0, 3 }, { 1, 0, 0, 2 } },
    { -1, SSV_OUTCOME_NOT_FOUND, { 0, 0, 0, 1 }, { 0, 1, 0, 0 } },
    { -1, SSV_OUTCOME_ERROR, { 0, 0, 0, 1 }, { 0, 0, 1, 0 } },
    { SSV_OUTCOME_ERROR, SSV_OUTCOME_MATCHED, { 4, 0, 2, 0 }, { 5, 0, 1, 0 } },
    { SSV_OUTCOME_NOT_FOUND, SSV_OUTCOME_NOT_FOUND, { 0, 1, 0, 0 }, { 0, 1, 0, 0 } },
    /* A count that is already zero (the counts were refreshed meanwhile) stays zero. */
    { SSV_OUTCOME_ERROR, SSV_OUTCOME_MATCHED, { 0, 0, 0, 0 }, { 1, 0, 0, 0 } },
    { -1, SSV_OUTCOME_ERROR, { 0, 0, 0, 0 }, { 0, 0, 1, 0 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      SsvKindStats stats = rows[i].before;

      g_test_message ("row %u", i);
      ssv_worker_rules_count (&stats, rows[i].previous, rows[i].outcome);
      g_assert_cmpint (stats.matched, ==, rows[i].after.matched);
      g_assert_cmpint (stats.not_found, ==, rows[i].after.not_found);
      g_assert_cmpint (stats.errors, ==, rows[i].after.errors);
      g_assert_cmpint (stats.pending, ==, rows[i].after.pending);
    }
}

/* A rejected key stays rejected until it changes, or the person says to try it again. */
static void
test_may_use_key (void)
{
  static const struct
  {
    const char *key;
    const char *rejected;
    gboolean    retry;
    gboolean    usable;
  } rows[] = {
    { "abc", NULL, FALSE, TRUE },
    { "abc", "abc", FALSE, FALSE },
    { "abc", "abc", TRUE, TRUE },
    { "new", "abc", FALSE, TRUE },
    { "", NULL, FALSE, FALSE },
    { NULL, NULL, TRUE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_test_message ("row %u", i);
      g_assert_cmpint (ssv_worker_rules_may_use_key (rows[i].key, rows[i].rejected, rows[i].retry), ==,
                       rows[i].usable);
    }
}

static void
test_notes (void)
{
  g_autoptr(GError) keyring = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "The keyring is locked");
  g_autofree char *missing = ssv_worker_rules_missing_key_note ("fanart.tv", NULL);
  g_autofree char *locked = ssv_worker_rules_missing_key_note ("fanart.tv", keyring);
  g_autofree char *quota = ssv_worker_rules_quota_note ("OMDb", NOW + 2 * 3600 + 47 * 60);

  g_assert_cmpstr (missing, ==, "Add your fanart.tv API key in Preferences");
  g_assert_cmpstr (locked, ==, "The keyring is locked");
  g_assert_cmpstr (quota, ==, "OMDb daily limit reached, resuming at 01:00");
}

int
main (int    argc,
      char **argv)
{
  /* Before GLib reads the local time zone: the notes' clocks are in UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  ssv_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (judge_rows); i++)
    {
      g_autofree char *path = g_strconcat ("/core/worker-rules/judge/", judge_rows[i].name, NULL);

      g_test_add_data_func (path, &judge_rows[i], test_judge);
    }
  g_test_add_func ("/core/worker-rules/library-failures", test_library_failures);
  g_test_add_func ("/core/worker-rules/error-stops-item", test_error_stops_item);
  g_test_add_func ("/core/worker-rules/count", test_count);
  g_test_add_func ("/core/worker-rules/may-use-key", test_may_use_key);
  g_test_add_func ("/core/worker-rules/notes", test_notes);

  return g_test_run ();
}
