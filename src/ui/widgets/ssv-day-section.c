/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-day-section.c: a day of the Calendar. Its words, its "Today" badge and which of cards
 * or "Nothing airs" shows bind to the day in the template; the cards are a flow box bound to
 * the day's entries, and a card names calendar.open-episode with its episode. Under them, a
 * lane of the day's channel uploads: video cards naming calendar.open-video. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-closures.h"
#include "widgets/ssv-day-section.h"
#include "widgets/ssv-episode-card.h"
#include "widgets/ssv-video-card.h"
#include "model/ssv-calendar-entry.h"

struct _SsvDaySection
{
  GtkListBoxRow     parent_instance;

  SsvCalendarDay   *day;
  SsvTextureLoader *loader;

  GtkWidget        *today_badge;
  GtkFlowBox       *cards;
  GtkFlowBox       *uploads;
};

G_DEFINE_FINAL_TYPE (SsvDaySection, ssv_day_section, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_DAY,
  PROP_LOADER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- words (closures of the template) ------------------------------------------ */

static char *
name_text (gpointer   unused,
           GDateTime *date)
{
  return date ? g_date_time_format (date, "%A") : NULL;
}

static char *
date_text (gpointer   unused,
           GDateTime *date)
{
  /* Translators: a day of a month in g_date_time_format() notation: "17 January" */
  return date ? g_date_time_format (date, _("%-d %B")) : NULL;
}

/* Neither an episode nor an upload: "Nothing airs". */
static gboolean
nothing_on_day (gpointer unused,
                guint    n_entries,
                guint    n_uploads)
{
  return n_entries == 0 && n_uploads == 0;
}

/* ---- the day ------------------------------------------------------------------- */

/* The row's box is reached, not bound: a bound direct child would be unparented by
 * gtk_widget_dispose_template() behind GtkListBoxRow's back. */
static GtkWidget *
section_box (SsvDaySection *self)
{
  return gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self));
}

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  SsvDaySection *self = user_data;

  return ssv_episode_card_new (self->loader, SSV_CALENDAR_ENTRY (item));
}

static GtkWidget *
create_upload_card (gpointer item,
                    gpointer user_data)
{
  SsvDaySection *self = user_data;
  GtkWidget *card = ssv_video_card_new (self->loader);

  ssv_video_card_set_video (SSV_VIDEO_CARD (card), SSV_VIDEO (item));
  /* A day has a handful: each shows its thumbnail at once. */
  ssv_video_card_ensure_thumbnail (SSV_VIDEO_CARD (card));
  return card;
}

static void
on_upload_activated (SsvDaySection   *self,
                     GtkFlowBoxChild *child)
{
  GtkWidget *card = gtk_flow_box_child_get_child (child);
  SsvVideo *video = SSV_IS_VIDEO_CARD (card) ? ssv_video_card_get_video (SSV_VIDEO_CARD (card)) : NULL;

  if (video != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.open-video", "s", ssv_video_get_video_id (video));
}

static void
on_card_activated (SsvDaySection   *self,
                   GtkFlowBoxChild *child)
{
  GtkWidget *card = gtk_flow_box_child_get_child (child);

  if (SSV_IS_EPISODE_CARD (card))
    gtk_widget_activate_action (GTK_WIDGET (self), "calendar.open-episode", "x",
                                ssv_calendar_entry_get_episode_id (ssv_episode_card_get_entry (SSV_EPISODE_CARD (card))));
}

/* Today's colour and what a screen reader calls the day's cards. */
static void
on_day_notify (SsvDaySection *self)
{
  GDateTime *date = ssv_calendar_day_get_date (self->day);
  g_autofree char *name = name_text (self, date);
  g_autofree char *text = date_text (self, date);
  g_autofree char *accessible = NULL;

  if (ssv_calendar_day_get_today (self->day))
    gtk_widget_add_css_class (section_box (self), "today");
  else
    gtk_widget_remove_css_class (section_box (self), "today");

  /* Translators: how a screen reader names a day's episodes: "Episodes on Friday 17 January" */
  accessible = g_strdup_printf (_("Episodes on %s %s"), name ? name : "", text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cards), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_free (accessible);
  /* Translators: how a screen reader names a day's channel uploads: "Uploads on Friday 17 January" */
  accessible = g_strdup_printf (_("Uploads on %s %s"), name ? name : "", text ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->uploads), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Returns: (transfer none) (nullable): the day shown */
SsvCalendarDay *
ssv_day_section_get_day (SsvDaySection *self)
{
  g_return_val_if_fail (SSV_IS_DAY_SECTION (self), NULL);

  return self->day;
}

/* Whether the section is marked as today: its colour and its badge. */
gboolean
ssv_day_section_shows_today (SsvDaySection *self)
{
  g_return_val_if_fail (SSV_IS_DAY_SECTION (self), FALSE);

  return gtk_widget_has_css_class (section_box (self), "today") && gtk_widget_get_visible (self->today_badge);
}

/* Returns: (transfer none) (nullable): the card of the episode, where one shows */
GtkWidget *
ssv_day_section_find_card (SsvDaySection *self,
                           gint64         episode_id)
{
  g_return_val_if_fail (SSV_IS_DAY_SECTION (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->cards)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (SSV_IS_EPISODE_CARD (card) &&
          ssv_calendar_entry_get_episode_id (ssv_episode_card_get_entry (SSV_EPISODE_CARD (card))) == episode_id)
        return card;
    }

  return NULL;
}

/* Returns: (transfer none) (nullable): the lane's card of the video, where one shows */
GtkWidget *
ssv_day_section_find_upload_card (SsvDaySection *self,
                                  const char    *video_id)
{
  g_return_val_if_fail (SSV_IS_DAY_SECTION (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->uploads)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (SSV_IS_VIDEO_CARD (card) && ssv_video_card_get_video (SSV_VIDEO_CARD (card)) != NULL &&
          g_strcmp0 (ssv_video_get_video_id (ssv_video_card_get_video (SSV_VIDEO_CARD (card))), video_id) == 0)
        return card;
    }

  return NULL;
}

/* ---- GObject ------------------------------------------------------------------- */

static void
ssv_day_section_dispose (GObject *object)
{
  SsvDaySection *self = SSV_DAY_SECTION (object);

  if (self->cards != NULL)
    gtk_flow_box_bind_model (self->cards, NULL, NULL, NULL, NULL);
  if (self->uploads != NULL)
    gtk_flow_box_bind_model (self->uploads, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SSV_TYPE_DAY_SECTION);
  if (self->day != NULL)
    g_signal_handlers_disconnect_by_func (self->day, on_day_notify, self);
  g_clear_object (&self->day);
  g_clear_object (&self->loader);

  G_OBJECT_CLASS (ssv_day_section_parent_class)->dispose (object);
}

static void
ssv_day_section_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvDaySection *self = SSV_DAY_SECTION (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_object (value, self->day);
      break;
    case PROP_LOADER:
      g_value_set_object (value, self->loader);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_day_section_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SsvDaySection *self = SSV_DAY_SECTION (object);

  switch (prop_id)
    {
    case PROP_DAY:
      /* Construct-only: the section follows its day from week to week. */
      self->day = g_value_dup_object (value);
      if (self->day != NULL)
        {
          g_signal_connect_object (self->day, "notify::date", G_CALLBACK (on_day_notify), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (self->day, "notify::today", G_CALLBACK (on_day_notify), self, G_CONNECT_SWAPPED);
        }
      break;
    case PROP_LOADER:
      self->loader = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_day_section_constructed (GObject *object)
{
  SsvDaySection *self = SSV_DAY_SECTION (object);

  G_OBJECT_CLASS (ssv_day_section_parent_class)->constructed (object);

  if (self->day == NULL)
    return;

  /* A day holds a handful of episodes: a flow box bound to the day's model is enough. */
  gtk_flow_box_bind_model (self->cards, ssv_calendar_day_get_entries (self->day), create_card, self, NULL);
  gtk_flow_box_bind_model (self->uploads, ssv_calendar_day_get_uploads (self->day), create_upload_card, self, NULL);
  on_day_notify (self);
}

static void
ssv_day_section_class_init (SsvDaySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ssv_day_section_constructed;
  object_class->dispose = ssv_day_section_dispose;
  object_class->get_property = ssv_day_section_get_property;
  object_class->set_property = ssv_day_section_set_property;

  properties[PROP_DAY] =
    g_param_spec_object ("day", NULL, NULL, SSV_TYPE_CALENDAR_DAY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADER] =
    g_param_spec_object ("loader", NULL, NULL, SSV_TYPE_TEXTURE_LOADER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-day-section.ui");
  ssv_widget_class_bind_closures (widget_class);
  gtk_widget_class_bind_template_child (widget_class, SsvDaySection, today_badge);
  gtk_widget_class_bind_template_child (widget_class, SsvDaySection, cards);
  gtk_widget_class_bind_template_child (widget_class, SsvDaySection, uploads);
  gtk_widget_class_bind_template_callback (widget_class, nothing_on_day);
  gtk_widget_class_bind_template_callback (widget_class, on_upload_activated);
  gtk_widget_class_bind_template_callback (widget_class, name_text);
  gtk_widget_class_bind_template_callback (widget_class, date_text);
  gtk_widget_class_bind_template_callback (widget_class, on_card_activated);
}

static void
ssv_day_section_init (SsvDaySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_day_section_new:
 * @loader: (nullable): where the cards' art comes from
 */
GtkWidget *
ssv_day_section_new (SsvCalendarDay   *day,
                     SsvTextureLoader *loader)
{
  return g_object_new (SSV_TYPE_DAY_SECTION, "day", day, "loader", loader, NULL);
}
