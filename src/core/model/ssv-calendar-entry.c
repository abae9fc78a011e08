/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-entry.c: one airing episode. */

#include "config.h"

#include "model/ssv-calendar-entry-private.h"

G_DEFINE_FINAL_TYPE (SsvCalendarEntry, ssv_calendar_entry, G_TYPE_OBJECT)

static void
ssv_calendar_entry_finalize (GObject *object)
{
  SsvCalendarEntry *self = SSV_CALENDAR_ENTRY (object);

  g_free (self->show_title);
  g_free (self->show_source);
  g_free (self->show_source_id);
  g_free (self->title);
  g_free (self->overview);
  g_free (self->air_date);
  g_clear_pointer (&self->airs, g_date_time_unref);
  g_free (self->still_url);
  g_free (self->poster_url);
  g_free (self->backdrop_url);
  g_strfreev (self->genres);
  g_free (self->show_overview);
  g_free (self->network);

  G_OBJECT_CLASS (ssv_calendar_entry_parent_class)->finalize (object);
}

static void
ssv_calendar_entry_class_init (SsvCalendarEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ssv_calendar_entry_finalize;
}

static void
ssv_calendar_entry_init (SsvCalendarEntry *self)
{
}

SsvCalendarEntry *
ssv_calendar_entry_new (void)
{
  return g_object_new (SSV_TYPE_CALENDAR_ENTRY, NULL);
}

#define GETTER(type, name, fallback) \
  type \
  ssv_calendar_entry_get_##name (SsvCalendarEntry *self) \
  { \
    g_return_val_if_fail (SSV_IS_CALENDAR_ENTRY (self), fallback); \
    return self->name; \
  }

GETTER (gint64, episode_id, 0)
GETTER (gint64, show_id, 0)
GETTER (const char *, show_title, NULL)
GETTER (const char *, show_source, NULL)
GETTER (const char *, show_source_id, NULL)
GETTER (int, season_number, 0)
GETTER (int, episode_number, 0)
GETTER (const char *, title, NULL)
GETTER (const char *, overview, NULL)
GETTER (const char *, air_date, NULL)
GETTER (GDateTime *, airs, NULL)
GETTER (gboolean, anytime, FALSE)
GETTER (int, runtime_minutes, 0)
GETTER (gboolean, owned, FALSE)
GETTER (const char *, still_url, NULL)
GETTER (const char *, poster_url, NULL)
GETTER (const char *, backdrop_url, NULL)
GETTER (const char *, show_overview, NULL)
GETTER (const char *, network, NULL)

#undef GETTER

/* Returns: (transfer none) (nullable): the show's genres */
const char * const *
ssv_calendar_entry_get_genres (SsvCalendarEntry *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_ENTRY (self), NULL);

  return (const char * const *) self->genres;
}

/* "Drama, Mystery", or %NULL */
char *
ssv_calendar_entry_dup_genres_text (SsvCalendarEntry *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_ENTRY (self), NULL);

  return self->genres ? g_strjoinv (", ", self->genres) : NULL;
}

/* "S01E02" */
char *
ssv_calendar_entry_dup_code (SsvCalendarEntry *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_ENTRY (self), NULL);

  return g_strdup_printf ("S%02dE%02d", self->season_number, self->episode_number);
}

/* Stable across exports and rescans: the show's key, season and number. */
char *
ssv_calendar_entry_dup_uid (SsvCalendarEntry *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_ENTRY (self), NULL);

  return g_strdup_printf ("%s-%s-s%de%d@soulsync-video", self->show_source, self->show_source_id,
                          self->season_number, self->episode_number);
}
