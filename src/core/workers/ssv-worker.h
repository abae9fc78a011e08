/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-worker.h: base of the enrichment workers: a run loop in its own thread, the
 * outcome rules, pause/hold/cooldown/key waits, shutdown, stats and main-context signals. */

#pragma once

#include <gio/gio.h>

#include "ssv-database.h"
#include "ssv-secrets.h"
#include "net/ssv-http.h"
#include "stores/ssv-enrichment-store.h"

G_BEGIN_DECLS

#define SSV_TYPE_WORKER (ssv_worker_get_type ())
#define SSV_TYPE_WORKER_STATE (ssv_worker_state_get_type ())

G_DECLARE_DERIVABLE_TYPE (SsvWorker, ssv_worker, SSV, WORKER, GObject)

typedef enum
{
  SSV_WORKER_STOPPED,
  SSV_WORKER_IDLE,         /* running, nothing to do */
  SSV_WORKER_WORKING,
  SSV_WORKER_PAUSED,       /* by the person; remembered across restarts */
  SSV_WORKER_HELD,         /* while a library scan writes */
  SSV_WORKER_COOLDOWN,     /* the provider asked to slow down, or cannot be reached */
  SSV_WORKER_NEEDS_KEY,    /* no key, or the provider rejected it */
  SSV_WORKER_QUOTA,        /* the daily allowance is used up; resumes by itself */
} SsvWorkerState;

struct _SsvWorkerClass
{
  GObjectClass parent_class;

  /* Worker thread. Fetch, parse and record the item through the store (data
   * and outcome in one transaction) and return TRUE with @outcome set; or
   * write nothing and return FALSE with @error set, and the base class applies
   * the outcome rules: NOT_FOUND → not found; RATE_LIMITED → cooldown, item
   * not marked; QUOTA → wait for the next day, item not marked;
   * KEY_REJECTED → wait for a new key, item not marked; anything else →
   * error, retried later. */
  gboolean (*process_item)    (SsvWorker          *self,
                               const SsvWorkItem  *item,
                               const char         *key,
                               SsvOutcome         *outcome,
                               GCancellable       *cancellable,
                               GError            **error);

  /* Any thread: whether @key works, with one cheap call. */
  gboolean (*test_key)        (SsvWorker          *self,
                               const char         *key,
                               GCancellable       *cancellable,
                               GError            **error);

  /* Worker thread: the key changed; drop sessions made with the old one. */
  void     (*key_changed)     (SsvWorker          *self);

  /* When a used-up daily allowance comes back, in Unix time. */
  gint64   (*quota_reset_at)  (SsvWorker          *self,
                               gint64              now);

  /* Optional, worker thread: a queue of the worker's own instead of the
   * enrichment store's (YouTube channels). Items it returns may have kind
   * SSV_N_ITEM_KINDS: they are no library titles and count in no kind. */
  GPtrArray *(*next_items)    (SsvWorker          *self,
                               gint64              now,
                               guint               limit,
                               GError            **error);

  /* Optional, worker thread, with next_items: notes a failed item (the base
   * class's outcome rules decided it is not found or an error). */
  gboolean (*record_failure)  (SsvWorker          *self,
                               const SsvWorkItem  *item,
                               SsvOutcome          outcome,
                               const GError       *error,
                               GError            **record_error);

  /* A keyless worker never waits for a key; a 401/403 is an ordinary failure. */
  gboolean        keyless;

  /*< private >*/
  const char     *name;
  const char     *display_name;
  guint           kinds;                           /* counted: 1 << SsvItemKind */
  guint           queued_kinds;                    /* taken from the queue */
  SsvRequirement  requirements[SSV_N_ITEM_KINDS];
  gpointer        padding[8];
};

GType           ssv_worker_state_get_type        (void) G_GNUC_CONST;
const char     *ssv_worker_state_to_string       (SsvWorkerState   state);

void            ssv_worker_class_set_provider    (SsvWorkerClass  *klass,
                                                  const char      *name,
                                                  const char      *display_name);
void            ssv_worker_class_add_kind        (SsvWorkerClass  *klass,
                                                  SsvItemKind      kind,
                                                  SsvRequirement   requirement);
void            ssv_worker_class_count_kind      (SsvWorkerClass  *klass,
                                                  SsvItemKind      kind);

const char     *ssv_worker_get_name              (SsvWorker       *self);
const char     *ssv_worker_get_display_name      (SsvWorker       *self);
char           *ssv_worker_dup_secret_key        (SsvWorker       *self);
gboolean        ssv_worker_handles_kind          (SsvWorker       *self,
                                                  SsvItemKind      kind);
SsvWorkerState  ssv_worker_get_state             (SsvWorker       *self);
char           *ssv_worker_dup_note              (SsvWorker       *self);
char           *ssv_worker_dup_current_item      (SsvWorker       *self);
gboolean        ssv_worker_get_stats             (SsvWorker       *self,
                                                  SsvItemKind      kind,
                                                  SsvKindStats    *stats);
gint64          ssv_worker_get_cpu_time          (SsvWorker       *self);
gboolean        ssv_worker_get_user_paused       (SsvWorker       *self);

void            ssv_worker_start                 (SsvWorker       *self);
void            ssv_worker_start_once            (SsvWorker       *self);
void            ssv_worker_stop                  (SsvWorker       *self);
void            ssv_worker_shutdown_async        (SsvWorker       *self,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean        ssv_worker_shutdown_finish       (SsvWorker       *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);
gboolean        ssv_worker_is_running            (SsvWorker       *self);
void            ssv_worker_pause                 (SsvWorker       *self);
void            ssv_worker_resume                (SsvWorker       *self);
void            ssv_worker_hold                  (SsvWorker       *self);
void            ssv_worker_release               (SsvWorker       *self);
void            ssv_worker_key_changed           (SsvWorker       *self);
void            ssv_worker_wake                  (SsvWorker       *self);
void            ssv_worker_request               (SsvWorker       *self,
                                                  SsvItemKind      kind,
                                                  gint64           id);
void            ssv_worker_set_retry_window      (SsvWorker       *self,
                                                  gint64           seconds);

void            ssv_worker_test_key_async        (SsvWorker       *self,
                                                  const char      *key,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
gboolean        ssv_worker_test_key_finish       (SsvWorker       *self,
                                                  GAsyncResult    *result,
                                                  GError         **error);

/* For subclasses, on the worker thread. */
SsvWorkItem        *ssv_worker_item_new          (gint64           id,
                                                  const char      *label,
                                                  gboolean         attempted);
gboolean            ssv_worker_error_stops_item  (const GError    *error);
gboolean            ssv_worker_record_match      (SsvWorker       *self,
                                                  const SsvWorkItem *item,
                                                  const SsvMeta   *meta,
                                                  SsvOutcome      *outcome,
                                                  GError         **error);
SsvHttp            *ssv_worker_get_http          (SsvWorker       *self);
SsvEnrichmentStore *ssv_worker_get_store         (SsvWorker       *self);
SsvDatabase        *ssv_worker_get_database      (SsvWorker       *self);
SsvSecrets         *ssv_worker_get_secrets       (SsvWorker       *self);
const char         *ssv_worker_get_language      (SsvWorker       *self);
const char         *ssv_worker_get_region        (SsvWorker       *self);

G_END_DECLS
