/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-card.c: an airing episode as the Calendar shows it: 16:9 art (the episode's
 * still, else the show's backdrop or poster), its time in the person's zone or "Anytime",
 * a badge when the library has it, the show and the episode. */

#include "config.h"

#include <glib/gi18n.h>

#include "widgets/ssv-episode-card.h"
#include "widgets/ssv-poster-card.h"
#include "model/ssv-calendar-entry.h"

#define ART_HEIGHT 126

struct _SsvEpisodeCard
{
  GtkWidget          parent_instance;

  SsvTextureLoader  *loader;
  SsvCalendarEntry  *entry;
  GCancellable      *cancellable;

  GtkWidget         *frame;
  GtkLabel          *initials_label;
  GtkPicture        *picture;
  GtkLabel          *time_label;
  GtkWidget         *owned_badge;
  GtkLabel          *show_label;
  GtkLabel          *episode_label;
};

G_DEFINE_FINAL_TYPE (SsvEpisodeCard, ssv_episode_card, GTK_TYPE_WIDGET)

/* GNOME's clock setting (12h or 24h), where the desktop has it. */
static gboolean
use_12_hour_clock (void)
{
  static gsize checked;
  static gboolean twelve;

  if (g_once_init_enter (&checked))
    {
      GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
      g_autoptr(GSettingsSchema) schema = source
        ? g_settings_schema_source_lookup (source, "org.gnome.desktop.interface", TRUE) : NULL;

      if (schema != NULL && g_settings_schema_has_key (schema, "clock-format"))
        {
          g_autoptr(GSettings) settings = g_settings_new_full (schema, NULL, NULL);
          g_autofree char *format = g_settings_get_string (settings, "clock-format");

          twelve = g_strcmp0 (format, "12h") == 0;
        }
      g_once_init_leave (&checked, 1);
    }

  return twelve;
}

/**
 * ssv_format_air_time:
 *
 * Returns: "21:00" (or "9:00 PM") in the person's zone, or "Anytime" for
 *   episodes without a time of day
 */
char *
ssv_format_air_time (SsvCalendarEntry *entry)
{
  GDateTime *airs = ssv_calendar_entry_get_airs (entry);
  g_autofree char *text = NULL;

  if (ssv_calendar_entry_get_anytime (entry) || airs == NULL)
    /* Translators: an episode without a time of day on the calendar */
    return g_strdup (C_("air time", "Anytime"));

  text = g_date_time_format (airs, use_12_hour_clock () ? "%l:%M %p" : "%H:%M");
  return g_strdup (g_strstrip (text));
}

/* "S02E01 · Hello, Ms. Cobel", or the code alone. */
char *
ssv_format_episode_heading (SsvCalendarEntry *entry)
{
  g_autofree char *code = ssv_calendar_entry_dup_code (entry);
  const char *title = ssv_calendar_entry_get_title (entry);

  if (title == NULL || title[0] == '\0')
    return g_steal_pointer (&code);

  return g_strdup_printf ("%s · %s", code, title);
}

static void
load_art (SsvEpisodeCard *self)
{
  const char *uri = ssv_calendar_entry_get_still_url (self->entry);
  int height = ART_HEIGHT * gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (uri == NULL)
    uri = ssv_calendar_entry_get_backdrop_url (self->entry);
  if (uri == NULL)
    {
      /* A 2:3 poster cropped to 16:9 needs to be loaded wide enough. */
      uri = ssv_calendar_entry_get_poster_url (self->entry);
      height *= 3;
    }
  if (uri == NULL || self->loader == NULL)
    return;

  self->cancellable = g_cancellable_new ();
  ssv_texture_loader_load_picture (self->loader, self->picture, uri, height, self->cancellable);
}

static void
show_entry (SsvEpisodeCard *self)
{
  const char *show = ssv_calendar_entry_get_show_title (self->entry);
  g_autofree char *time = ssv_format_air_time (self->entry);
  g_autofree char *heading = ssv_format_episode_heading (self->entry);
  g_autofree char *initials = ssv_poster_initials (show);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (self->time_label, time);
  gtk_label_set_label (self->show_label, show ? show : "");
  gtk_label_set_label (self->episode_label, heading);
  gtk_label_set_label (self->initials_label, initials);
  ssv_poster_set_placeholder_color (GTK_WIDGET (self->initials_label), show);
  gtk_widget_set_visible (self->owned_badge, ssv_calendar_entry_get_owned (self->entry));
  if (ssv_calendar_entry_get_anytime (self->entry))
    gtk_widget_add_css_class (GTK_WIDGET (self->time_label), "anytime");

  /* Translators: a tooltip: show, episode, time: "Severance\nS02E01 · Hello\n21:00" */
  tooltip = g_strdup_printf ("%s\n%s\n%s", show ? show : "", heading, time);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);

  load_art (self);
}

SsvCalendarEntry *
ssv_episode_card_get_entry (SsvEpisodeCard *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_CARD (self), NULL);

  return self->entry;
}

/* What the card's time chip says. */
const char *
ssv_episode_card_get_time_text (SsvEpisodeCard *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_CARD (self), NULL);

  return gtk_label_get_label (self->time_label);
}

gboolean
ssv_episode_card_get_has_art (SsvEpisodeCard *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_CARD (self), FALSE);

  return gtk_picture_get_paintable (self->picture) != NULL;
}

static void
ssv_episode_card_dispose (GObject *object)
{
  SsvEpisodeCard *self = SSV_EPISODE_CARD (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->entry);
  g_clear_object (&self->loader);

  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_EPISODE_CARD);

  G_OBJECT_CLASS (ssv_episode_card_parent_class)->dispose (object);
}

static void
ssv_episode_card_class_init (SsvEpisodeCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_episode_card_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/widgets/ssv-episode-card.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, frame);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, initials_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, picture);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, time_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, owned_badge);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, show_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeCard, episode_label);
  gtk_widget_class_set_css_name (widget_class, "episodecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ssv_episode_card_init (SsvEpisodeCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_episode_card_new:
 * @loader: (nullable): where art comes from; without one, initials only
 * @entry: the episode
 */
GtkWidget *
ssv_episode_card_new (SsvTextureLoader *loader,
                      SsvCalendarEntry *entry)
{
  SsvEpisodeCard *self = g_object_new (SSV_TYPE_EPISODE_CARD, NULL);

  self->loader = loader ? g_object_ref (loader) : NULL;
  self->entry = g_object_ref (entry);
  show_entry (self);

  return GTK_WIDGET (self);
}
