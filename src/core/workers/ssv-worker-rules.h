/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-rules.h: the outcome rules of the enrichment workers, as pure functions: what an
 * answer, an error, a 429, a used-up allowance or a rejected key does to the item and to the
 * worker. SsvWorker applies them on its thread; tests/test-worker-rules.c checks each one. */

#pragma once

#include <gio/gio.h>

#include "stores/ssv-enrichment-store.h"

G_BEGIN_DECLS

/* What becomes of the item in hand. */
typedef enum
{
  SSV_ITEM_FATE_DONE,       /* marked with the verdict's outcome */
  SSV_ITEM_FATE_PUT_BACK,   /* unmarked, and first in line when the worker goes on */
  SSV_ITEM_FATE_UNMARKED,   /* unmarked; the queue brings it again in its turn */
} SsvItemFate;

/* What the worker does next. */
typedef enum
{
  SSV_WORKER_NEXT_ITEM,       /* goes on with the next item */
  SSV_WORKER_NEXT_STOP,       /* the call was cancelled: the run loop ends */
  SSV_WORKER_NEXT_COOL_DOWN,  /* pauses for wait_s seconds */
  SSV_WORKER_NEXT_QUOTA,      /* waits until `until`, remembered across restarts */
  SSV_WORKER_NEXT_KEY,        /* drops the key as rejected and waits for another */
} SsvWorkerNext;

/* What the worker knows when an answer comes. */
typedef struct
{
  const char *display_name;        /* "TMDB" */
  gint64      now;                 /* Unix time */
  guint       transport_failures;  /* calls in a row that could not reach the provider */
  gint64      provider_wait_s;     /* what the HTTP layer says is left of the provider's cooldown */
  gint64      quota_reset_at;      /* when a used-up allowance comes back; 0: a day from now */
  gboolean    keyless;             /* a 401/403 is an ordinary failure, not a rejected key */
} SsvWorkerSituation;

typedef struct
{
  SsvItemFate    item;
  SsvOutcome     outcome;             /* with SSV_ITEM_FATE_DONE */
  gboolean       record;              /* the worker records the outcome: the provider's call wrote nothing */
  char          *message;             /* why it failed: recorded with the item, or warned about */
  SsvWorkerNext  next;
  gint64         wait_s;              /* with SSV_WORKER_NEXT_COOL_DOWN */
  gint64         until;               /* with SSV_WORKER_NEXT_QUOTA, Unix time */
  guint          transport_failures;  /* the count from now on, once the item is marked */
  char          *note;                /* why the worker waits, for people; NULL when it goes on */
  gboolean       log;                 /* the note goes to the activity log too */
  gboolean       warn;                /* the library itself failed: a warning for the journal */
} SsvWorkerVerdict;

void      ssv_worker_rules_judge             (const SsvWorkerSituation *situation,
                                              gboolean                  processed,
                                              SsvOutcome                outcome,
                                              const GError             *error,
                                              SsvWorkerVerdict         *verdict);
void      ssv_worker_rules_write_failed      (const GError             *error,
                                              SsvWorkerVerdict         *verdict);
void      ssv_worker_rules_read_failed       (const GError             *error,
                                              SsvWorkerVerdict         *verdict);
void      ssv_worker_verdict_clear           (SsvWorkerVerdict         *verdict);

gboolean  ssv_worker_rules_error_stops_item  (const GError             *error);
void      ssv_worker_rules_count             (SsvKindStats             *stats,
                                              int                       previous,
                                              SsvOutcome                outcome);

gboolean  ssv_worker_rules_may_use_key       (const char               *key,
                                              const char               *rejected_key,
                                              gboolean                  retry_rejected);
char     *ssv_worker_rules_missing_key_note  (const char               *display_name,
                                              const GError             *keyring_error);
char     *ssv_worker_rules_quota_note        (const char               *display_name,
                                              gint64                    until);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SsvWorkerVerdict, ssv_worker_verdict_clear)

G_END_DECLS
