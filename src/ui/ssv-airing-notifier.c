/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-airing-notifier.c: one notification per episode that aired, one per show
 * when several of a show aired at once, and a single one for a catch-up after
 * the app was not running. Each offers "Open" and "Add to Wishlist". */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-airing-notifier.h"
#include "widgets/ssv-episode-card.h"

struct _SsvAiringNotifier
{
  GObject           parent_instance;

  GApplication     *application;   /* not owned: the application owns us */
  SsvAiringMonitor *monitor;
  GSettings        *settings;
};

G_DEFINE_FINAL_TYPE (SsvAiringNotifier, ssv_airing_notifier, G_TYPE_OBJECT)

static void
ssv_airing_notifier_dispose (GObject *object)
{
  SsvAiringNotifier *self = SSV_AIRING_NOTIFIER (object);

  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ssv_airing_notifier_parent_class)->dispose (object);
}

static void
ssv_airing_notifier_class_init (SsvAiringNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_airing_notifier_dispose;
}

static void
ssv_airing_notifier_init (SsvAiringNotifier *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

/* The library's episodes among @episodes; a wished show's own (negative ids, no
 * library row) are wanted already, as they air. */
static GVariant *
episode_ids (GPtrArray *episodes,
             guint     *n_ids)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("ax"));

  *n_ids = 0;
  for (guint i = 0; i < episodes->len; i++)
    {
      gint64 id = ssv_calendar_entry_get_episode_id (g_ptr_array_index (episodes, i));

      if (id > 0)
        {
          g_variant_builder_add (builder, "x", id);
          (*n_ids)++;
        }
    }

  return g_variant_builder_end (builder);
}

static void
add_buttons (GNotification *notification,
             const char    *open_action,
             GVariant      *open_target,
             GPtrArray     *episodes)
{
  guint n_ids = 0;
  g_autoptr(GVariant) ids = g_variant_ref_sink (episode_ids (episodes, &n_ids));

  if (open_target != NULL)
    {
      g_variant_ref_sink (open_target);
      g_notification_set_default_action_and_target_value (notification, open_action, open_target);
      g_notification_add_button_with_target_value (notification, _("Open"), open_action, open_target);
      g_variant_unref (open_target);
    }
  else
    {
      g_notification_set_default_action (notification, open_action);
      g_notification_add_button (notification, _("Open"), open_action);
    }

  if (n_ids > 0)
    g_notification_add_button_with_target_value (notification, _("Add to Wishlist"),
                                                 "app.wishlist-episodes", ids);
}

static void
notify_show (SsvAiringNotifier *self,
             GPtrArray         *episodes)
{
  SsvCalendarEntry *first = g_ptr_array_index (episodes, 0);
  const char *show = ssv_calendar_entry_get_show_title (first);
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  if (episodes->len == 1)
    {
      g_autofree char *line = ssv_format_episode_heading (first);

      /* Translators: a notification's title, %s is a show */
      title = g_strdup_printf (_("New Episode of %s"), show);
      g_string_append (body, line);
      if (ssv_calendar_entry_get_owned (first))
        g_string_append_printf (body, "\n%s", _("It is in your library."));
      id = g_strdup_printf ("aired-episode-%" G_GINT64_FORMAT, ssv_calendar_entry_get_episode_id (first));
    }
  else
    {
      title = g_strdup_printf (ngettext ("%u New Episode of %s", "%u New Episodes of %s", episodes->len),
                               episodes->len, show);
      for (guint i = 0; i < episodes->len; i++)
        {
          g_autofree char *line = ssv_format_episode_heading (g_ptr_array_index (episodes, i));
          g_string_append_printf (body, "%s%s", i ? "\n" : "", line);
        }
      id = g_strdup_printf ("aired-show-%" G_GINT64_FORMAT, ssv_calendar_entry_get_show_id (first));
    }

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_category (notification, "x-gnome.media");
  /* A show the library lacks has no page of its own here: the calendar lists it. */
  if (ssv_calendar_entry_get_show_id (first) > 0)
    add_buttons (notification, "app.open-show",
                 g_variant_new_int64 (ssv_calendar_entry_get_show_id (first)), episodes);
  else
    add_buttons (notification, "app.open-calendar", NULL, episodes);
  g_application_send_notification (self->application, id, notification);
}

static void
notify_catch_up (SsvAiringNotifier *self,
                 GPtrArray         *episodes,
                 GPtrArray         *shows)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) body = g_string_new (NULL);

  title = g_strdup_printf (ngettext ("%u Episode Aired While You Were Away",
                                     "%u Episodes Aired While You Were Away", episodes->len),
                           episodes->len);
  for (guint i = 0; i < shows->len && i < 4; i++)
    {
      GPtrArray *of_show = g_ptr_array_index (shows, i);
      SsvCalendarEntry *first = g_ptr_array_index (of_show, 0);

      g_string_append_printf (body, "%s%s (%u)", i ? "\n" : "",
                              ssv_calendar_entry_get_show_title (first), of_show->len);
    }
  if (shows->len > 4)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more show", "and %u more shows",
                                                         shows->len - 4),
                                               shows->len - 4);
      g_string_append_printf (body, "\n%s", more);
    }
  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_category (notification, "x-gnome.media");
  add_buttons (notification, "app.open-calendar", NULL, episodes);
  g_application_send_notification (self->application, "aired-catch-up", notification);
}

/**
 * ssv_airing_notifier_notify:
 * @episodes: (element-type SsvCalendarEntry): what aired, in airing order
 * @catching_up: one notification for all of them, not one per show
 */
void
ssv_airing_notifier_notify (SsvAiringNotifier *self,
                            GPtrArray         *episodes,
                            gboolean           catching_up)
{
  g_autoptr(GPtrArray) shows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_show = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  if (episodes->len == 0 || !g_settings_get_boolean (self->settings, "notify-aired"))
    return;

  for (guint i = 0; i < episodes->len; i++)
    {
      SsvCalendarEntry *entry = g_ptr_array_index (episodes, i);
      gint64 show_id = ssv_calendar_entry_get_show_id (entry);
      GPtrArray *of_show = g_hash_table_lookup (by_show, &show_id);

      if (of_show == NULL)
        {
          of_show = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (shows, of_show);
          g_hash_table_insert (by_show, g_memdup2 (&show_id, sizeof show_id), of_show);
        }
      g_ptr_array_add (of_show, g_object_ref (entry));
    }

  if (catching_up && (shows->len > 1 || episodes->len > 1))
    {
      notify_catch_up (self, episodes, shows);
      return;
    }

  for (guint i = 0; i < shows->len; i++)
    notify_show (self, g_ptr_array_index (shows, i));
}

static void
on_episode_aired (SsvAiringNotifier *self,
                  GPtrArray         *episodes,
                  gboolean           catching_up)
{
  ssv_airing_notifier_notify (self, episodes, catching_up);
}

SsvAiringNotifier *
ssv_airing_notifier_new (GApplication     *application,
                         SsvAiringMonitor *monitor)
{
  SsvAiringNotifier *self = g_object_new (SSV_TYPE_AIRING_NOTIFIER, NULL);

  self->application = application;
  self->monitor = g_object_ref (monitor);
  g_signal_connect_swapped (monitor, "episode-aired", G_CALLBACK (on_episode_aired), self);

  return self;
}
