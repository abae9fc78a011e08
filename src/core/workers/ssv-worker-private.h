/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker-private.h: what the worker's files share: its private fields, and the calls
 * the run loop (ssv-worker-loop.c) makes into the object (ssv-worker.c). */

#pragma once

#include "workers/ssv-worker.h"

G_BEGIN_DECLS

enum {
  NOTIFY_STATE = 1 << 0,
  NOTIFY_ITEM  = 1 << 1,
};

typedef struct
{
  SsvItemKind kind;
  gint64      id;
  SsvOutcome  outcome;
  char       *label;
} ItemDone;

typedef struct
{
  SsvItemKind kind;
  gint64      id;
} Request;

typedef struct
{
  SsvDatabase        *database;
  SsvHttp            *http;
  SsvSecrets         *secrets;
  SsvEnrichmentStore *store;
  GMainContext       *main_context;

  GMutex              lock;
  GCond               cond;

  /* Guarded by @lock. */
  SsvWorkerState      state;
  char               *note;
  char               *current_item;
  SsvKindStats        stats[SSV_N_ITEM_KINDS];
  GCancellable       *cancellable;
  gboolean            running;
  gboolean            once;
  gboolean            user_paused;
  gboolean            user_touched_pause;
  guint               hold_count;
  gint64              cooldown_until_us;
  char               *cooldown_note;     /* why it cools down */
  gint64              quota_until;
  gboolean            key_wait;
  char               *key_note;          /* why it waits for a key */
  gboolean            key_check;
  gboolean            key_reload;
  gboolean            retry_rejected_key;
  gboolean            woken;
  GQueue              requests;          /* Request* */
  GQueue              retry_first;       /* SsvWorkItem* put back by a cooldown */
  gint64              retry_window_s;
  gint64              cpu_us;
  guint               pending_notify;
  gboolean            pending_progress;
  gboolean            dispatch_scheduled;
  GQueue              done;              /* ItemDone* */
  GPtrArray          *shutdowns;         /* GTask*, waiting for the loop to end */

  /* Only the worker thread touches these. */
  char               *key;
  char               *rejected_key;
  GPtrArray          *batch;
  guint               batch_pos;
  char               *language;
  char               *region;
  gint64              last_stats_us;
  guint               transport_failures;
} SsvWorkerPrivate;

static inline SsvWorkerClass *
klass_of (SsvWorker *self)
{
  return SSV_WORKER_GET_CLASS (self);
}

/* ssv-worker.c */
SsvWorkerPrivate *ssv_worker_get_private               (SsvWorker       *self);
void              ssv_worker_schedule_dispatch_locked  (SsvWorker       *self);
void              ssv_worker_set_state_locked          (SsvWorker       *self,
                                                        SsvWorkerState   state,
                                                        const char      *note);
void              ssv_worker_set_state                 (SsvWorker       *self,
                                                        SsvWorkerState   state,
                                                        const char      *note);
void              ssv_worker_set_current_item          (SsvWorker       *self,
                                                        const char      *label);
char             *ssv_worker_settings_key              (SsvWorker       *self,
                                                        const char      *what);

/* ssv-worker-loop.c: the run loop, on the worker's own thread, until cancelled (or, for a
 * single pass, until the queue is empty or a person or tomorrow must be waited for). */
void              ssv_worker_run_loop                  (SsvWorker       *self);

G_END_DECLS
