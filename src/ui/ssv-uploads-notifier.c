/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-uploads-notifier.c: new uploads of followed channels as notifications: one per
 * channel (its videos listed), or a single one for a catch-up after the app was not
 * looking. Which videos count (after the follow date, no Shorts, no premieres still to
 * come, each told once) the channel store decides; "Open" shows the channel's page. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-uploads-notifier.h"

#define MAX_LINES 4

struct _SsvUploadsNotifier
{
  GObject            parent_instance;

  GApplication      *application;   /* not owned: the application owns us */
  SsvChannelService *service;
  GSettings         *settings;
};

G_DEFINE_FINAL_TYPE (SsvUploadsNotifier, ssv_uploads_notifier, G_TYPE_OBJECT)

static const char *
channel_name (SsvVideo *video)
{
  const char *title = ssv_video_get_channel_title (video);

  return title != NULL && *title != '\0' ? title : ssv_video_get_channel_id (video);
}

/* At most MAX_LINES lines of @names, then "and N more". */
static void
append_lines (GString    *body,
              GPtrArray  *names)
{
  for (guint i = 0; i < names->len && i < MAX_LINES; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", (const char *) g_ptr_array_index (names, i));
  if (names->len > MAX_LINES)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("and %u more", "and %u more", names->len - MAX_LINES),
                                               names->len - MAX_LINES);
      g_string_append_printf (body, "\n%s", more);
    }
}

static void
notify_channel (SsvUploadsNotifier *self,
                GPtrArray          *videos)
{
  SsvVideo *first = g_ptr_array_index (videos, 0);
  const char *channel_id = ssv_video_get_channel_id (first);
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *id = g_strdup_printf ("uploads-%s", channel_id);

  if (videos->len == 1)
    /* Translators: a notification's title, %s is a YouTube channel */
    title = g_strdup_printf (_("New Video from %s"), channel_name (first));
  else
    title = g_strdup_printf (ngettext ("%u New Video from %s", "%u New Videos from %s", videos->len),
                             videos->len, channel_name (first));

  /* Newest first, as the channel's page lists them. */
  for (guint i = videos->len; i > 0; i--)
    g_ptr_array_add (titles, (gpointer) ssv_video_get_title (g_ptr_array_index (videos, i - 1)));
  append_lines (body, titles);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_category (notification, "x-gnome.media");
  g_notification_set_default_action_and_target (notification, "app.open-channel", "s", channel_id);
  g_notification_add_button_with_target (notification, _("Open"), "app.open-channel", "s", channel_id);
  g_application_send_notification (self->application, id, notification);
}

static void
notify_catch_up (SsvUploadsNotifier *self,
                 GPtrArray          *videos,
                 GPtrArray          *channels)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *title = NULL;

  title = g_strdup_printf (ngettext ("%u Video Uploaded While You Were Away",
                                     "%u Videos Uploaded While You Were Away", videos->len),
                           videos->len);
  for (guint i = 0; i < channels->len; i++)
    {
      GPtrArray *of_channel = g_ptr_array_index (channels, i);

      g_ptr_array_add (lines, g_strdup_printf ("%s (%u)", channel_name (g_ptr_array_index (of_channel, 0)),
                                               of_channel->len));
    }
  append_lines (body, lines);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body->str);
  g_notification_set_category (notification, "x-gnome.media");
  g_notification_set_default_action (notification, "app.open-watchlist");
  g_notification_add_button (notification, _("Open Watchlist"), "app.open-watchlist");
  g_application_send_notification (self->application, "uploads-catch-up", notification);
}

/**
 * ssv_uploads_notifier_notify:
 * @videos: (element-type SsvVideo): new uploads, by channel then oldest first
 * @catching_up: one notification for all of them, not one per channel
 */
void
ssv_uploads_notifier_notify (SsvUploadsNotifier *self,
                             GPtrArray          *videos,
                             gboolean            catching_up)
{
  g_autoptr(GPtrArray) channels = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) by_channel = g_hash_table_new (g_str_hash, g_str_equal);

  if (videos == NULL || videos->len == 0 || !g_settings_get_boolean (self->settings, "notify-uploads"))
    return;

  for (guint i = 0; i < videos->len; i++)
    {
      SsvVideo *video = g_ptr_array_index (videos, i);
      const char *channel_id = ssv_video_get_channel_id (video);
      GPtrArray *of_channel = g_hash_table_lookup (by_channel, channel_id);

      if (of_channel == NULL)
        {
          of_channel = g_ptr_array_new_with_free_func (g_object_unref);
          g_ptr_array_add (channels, of_channel);
          g_hash_table_insert (by_channel, (gpointer) channel_id, of_channel);
        }
      g_ptr_array_add (of_channel, g_object_ref (video));
    }

  if (catching_up && (channels->len > 1 || videos->len > 1))
    {
      notify_catch_up (self, videos, channels);
      return;
    }

  for (guint i = 0; i < channels->len; i++)
    notify_channel (self, g_ptr_array_index (channels, i));
}

static void
on_new_uploads (SsvUploadsNotifier *self,
                GPtrArray          *videos,
                gboolean            catching_up)
{
  ssv_uploads_notifier_notify (self, videos, catching_up);
}

static void
ssv_uploads_notifier_dispose (GObject *object)
{
  SsvUploadsNotifier *self = SSV_UPLOADS_NOTIFIER (object);

  if (self->service != NULL)
    g_signal_handlers_disconnect_by_data (self->service, self);
  g_clear_object (&self->service);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ssv_uploads_notifier_parent_class)->dispose (object);
}

static void
ssv_uploads_notifier_class_init (SsvUploadsNotifierClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ssv_uploads_notifier_dispose;
}

static void
ssv_uploads_notifier_init (SsvUploadsNotifier *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
}

SsvUploadsNotifier *
ssv_uploads_notifier_new (GApplication      *application,
                          SsvChannelService *service)
{
  SsvUploadsNotifier *self = g_object_new (SSV_TYPE_UPLOADS_NOTIFIER, NULL);

  self->application = application;
  self->service = g_object_ref (service);
  g_signal_connect_swapped (service, "new-uploads", G_CALLBACK (on_new_uploads), self);

  return self;
}
