/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-day.c: a day of the calendar, the episodes that air on it and the uploads of
 * followed channels that came out on it. The calendar keeps seven and moves them from week
 * to week; a day section binds to one. */

#include "config.h"

#include "model/ssv-calendar-day.h"
#include "model/ssv-calendar-entry.h"
#include "model/ssv-video.h"

struct _SsvCalendarDay
{
  GObject     parent_instance;

  GDateTime  *date;       /* local midnight */
  gboolean    today;
  GListStore *entries;    /* SsvCalendarEntry, by air time */
  GListStore *uploads;    /* SsvVideo, by upload time */
};

G_DEFINE_FINAL_TYPE (SsvCalendarDay, ssv_calendar_day, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TODAY,
  PROP_ENTRIES,
  PROP_N_ENTRIES,
  PROP_UPLOADS,
  PROP_N_UPLOADS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ssv_calendar_day_finalize (GObject *object)
{
  SsvCalendarDay *self = SSV_CALENDAR_DAY (object);

  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->entries);
  g_clear_object (&self->uploads);

  G_OBJECT_CLASS (ssv_calendar_day_parent_class)->finalize (object);
}

static void
ssv_calendar_day_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  SsvCalendarDay *self = SSV_CALENDAR_DAY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_TODAY:
      g_value_set_boolean (value, self->today);
      break;
    case PROP_ENTRIES:
      g_value_set_object (value, self->entries);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, ssv_calendar_day_get_n_entries (self));
      break;
    case PROP_UPLOADS:
      g_value_set_object (value, self->uploads);
      break;
    case PROP_N_UPLOADS:
      g_value_set_uint (value, ssv_calendar_day_get_n_uploads (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_calendar_day_class_init (SsvCalendarDayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ssv_calendar_day_finalize;
  object_class->get_property = ssv_calendar_day_get_property;

  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TODAY] =
    g_param_spec_boolean ("today", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENTRIES] =
    g_param_spec_object ("entries", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPLOADS] =
    g_param_spec_object ("uploads", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_UPLOADS] =
    g_param_spec_uint ("n-uploads", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssv_calendar_day_init (SsvCalendarDay *self)
{
  self->entries = g_list_store_new (SSV_TYPE_CALENDAR_ENTRY);
  self->uploads = g_list_store_new (SSV_TYPE_VIDEO);
}

SsvCalendarDay *
ssv_calendar_day_new (void)
{
  return g_object_new (SSV_TYPE_CALENDAR_DAY, NULL);
}

/* Returns: (transfer none) (nullable): local midnight of the day */
GDateTime *
ssv_calendar_day_get_date (SsvCalendarDay *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_DAY (self), NULL);

  return self->date;
}

/**
 * ssv_calendar_day_set_date:
 * @date: local midnight of the day
 * @today: whether it is the person's today
 */
void
ssv_calendar_day_set_date (SsvCalendarDay *self,
                           GDateTime      *date,
                           gboolean        today)
{
  g_return_if_fail (SSV_IS_CALENDAR_DAY (self));
  g_return_if_fail (date != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->date == NULL || !g_date_time_equal (self->date, date))
    {
      g_clear_pointer (&self->date, g_date_time_unref);
      self->date = g_date_time_ref (date);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
    }
  if (self->today != !!today)
    {
      self->today = !!today;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TODAY]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
ssv_calendar_day_get_today (SsvCalendarDay *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_DAY (self), FALSE);

  return self->today;
}

/* Returns: (transfer none): the day's SsvCalendarEntry items, by air time */
GListModel *
ssv_calendar_day_get_entries (SsvCalendarDay *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_DAY (self), NULL);

  return G_LIST_MODEL (self->entries);
}

guint
ssv_calendar_day_get_n_entries (SsvCalendarDay *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_DAY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->entries));
}

/**
 * ssv_calendar_day_set_entries:
 * @entries: (array length=n_entries): SsvCalendarEntry items, by air time
 *
 * Replaces what airs on the day.
 */
void
ssv_calendar_day_set_entries (SsvCalendarDay *self,
                              gpointer       *entries,
                              guint           n_entries)
{
  guint before;

  g_return_if_fail (SSV_IS_CALENDAR_DAY (self));

  before = ssv_calendar_day_get_n_entries (self);
  g_list_store_splice (self->entries, 0, before, entries, n_entries);
  if (before != n_entries)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTRIES]);
}

/* Returns: (transfer none): the day's SsvVideo uploads, by upload time */
GListModel *
ssv_calendar_day_get_uploads (SsvCalendarDay *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_DAY (self), NULL);

  return G_LIST_MODEL (self->uploads);
}

guint
ssv_calendar_day_get_n_uploads (SsvCalendarDay *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_DAY (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->uploads));
}

/**
 * ssv_calendar_day_set_uploads:
 * @uploads: (array length=n_uploads): SsvVideo items, by upload time
 *
 * Replaces the uploads of followed channels that came out on the day.
 */
void
ssv_calendar_day_set_uploads (SsvCalendarDay *self,
                              gpointer       *uploads,
                              guint           n_uploads)
{
  guint before;

  g_return_if_fail (SSV_IS_CALENDAR_DAY (self));

  before = ssv_calendar_day_get_n_uploads (self);
  g_list_store_splice (self->uploads, 0, before, uploads, n_uploads);
  if (before != n_uploads)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UPLOADS]);
}
