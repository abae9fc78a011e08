/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-scheduler-job.c: one scheduled job; the scheduler sets its properties, lists bind to them. */

#include "config.h"

#include "model/ssv-model-props.h"
#include "model/ssv-scheduler-job-private.h"

G_DEFINE_FINAL_TYPE (SsvSchedulerJob, ssv_scheduler_job, G_TYPE_OBJECT)

static const SsvModelProp props[] = {
  { "name", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSchedulerJob, name) },
  { "title", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSchedulerJob, title) },
  { "interval", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvSchedulerJob, interval) },
  { "interval-editable", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvSchedulerJob, interval_editable) },
  { "enabled", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvSchedulerJob, enabled) },
  { "last-run", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvSchedulerJob, last_run) },
  { "last-finished", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvSchedulerJob, last_finished) },
  { "last-result", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSchedulerJob, last_result) },
  { "last-message", SSV_MODEL_STRING, G_STRUCT_OFFSET (SsvSchedulerJob, last_message) },
  { "next-run", SSV_MODEL_INT64, G_STRUCT_OFFSET (SsvSchedulerJob, next_run) },
  { "running", SSV_MODEL_BOOLEAN, G_STRUCT_OFFSET (SsvSchedulerJob, running) },
};

static GParamSpec *pspecs[G_N_ELEMENTS (props) + 1];

SSV_MODEL_DEFINE_PROPERTY_FUNCS (SsvSchedulerJob, ssv_scheduler_job, props, pspecs)

static void
ssv_scheduler_job_class_init (SsvSchedulerJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_scheduler_job_finalize;
  object_class->get_property = ssv_scheduler_job_get_property;
  object_class->set_property = ssv_scheduler_job_set_property;

  /* Writable so the scheduler announces each change; only the scheduler writes. */
  ssv_model_install_props (object_class, props, G_N_ELEMENTS (props), pspecs);
}

static void
ssv_scheduler_job_init (SsvSchedulerJob *self)
{
  self->enabled = TRUE;
  self->interval_editable = TRUE;
}

SsvSchedulerJob *
ssv_scheduler_job_new (const char *name,
                       const char *title,
                       gint64      interval)
{
  return g_object_new (SSV_TYPE_SCHEDULER_JOB, "name", name, "title", title, "interval", interval, NULL);
}

#define GETTER(type, name, fallback) \
  type \
  ssv_scheduler_job_get_##name (SsvSchedulerJob *self) \
  { \
    g_return_val_if_fail (SSV_IS_SCHEDULER_JOB (self), fallback); \
    return self->name; \
  }

GETTER (const char *, name, NULL)
GETTER (const char *, title, NULL)
GETTER (gint64, interval, 0)
GETTER (gboolean, interval_editable, FALSE)
GETTER (gboolean, enabled, FALSE)
GETTER (gint64, last_run, 0)
GETTER (gint64, last_finished, 0)
GETTER (const char *, last_result, NULL)
GETTER (const char *, last_message, NULL)
GETTER (gint64, next_run, 0)
GETTER (gboolean, running, FALSE)

#undef GETTER
