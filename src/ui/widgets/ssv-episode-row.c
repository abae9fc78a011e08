/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-row.c: an episode on a show's billboard: still, number, title, synopsis, air date, state. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-episode-row.h"

struct _SsvEpisodeRow
{
  GtkListBoxRow  parent_instance;

  const char    *state;

  GtkPicture    *still;
  GtkLabel      *number_label;
  GtkLabel      *title_label;
  GtkLabel      *state_label;
  GtkLabel      *overview_label;
  GtkLabel      *date_label;
};

G_DEFINE_FINAL_TYPE (SsvEpisodeRow, ssv_episode_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * ssv_episode_state_for:
 * @today: "YYYY-MM-DD"
 *
 * "owned" when the library has a file, "upcoming" when it has not aired (or
 * has no date yet), "missing" when it aired and there is no file.
 */
const char *
ssv_episode_state_for (const SsvBillboardEpisode *episode,
                       const char                *today)
{
  if (episode->owned)
    return "owned";
  if (episode->air_date == NULL || g_strcmp0 (episode->air_date, today) > 0)
    return "upcoming";

  return "missing";
}

static char *
format_air_date (const char *date)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *iso = NULL;

  if (date == NULL)
    return g_strdup (_("No air date yet"));

  iso = g_strconcat (date, "T12:00:00Z", NULL);
  when = g_date_time_new_from_iso8601 (iso, NULL);
  if (when == NULL)
    return g_strdup (date);

  /* Translators: an episode's air date, strftime format: "17 April 2011" */
  return g_date_time_format (when, _("%-d %B %Y"));
}

static void
ssv_episode_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SSV_TYPE_EPISODE_ROW);

  G_OBJECT_CLASS (ssv_episode_row_parent_class)->dispose (object);
}

static void
ssv_episode_row_class_init (SsvEpisodeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_episode_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/widgets/ssv-episode-row.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, still);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, overview_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeRow, date_label);
}

static void
ssv_episode_row_init (SsvEpisodeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ssv_episode_row_new (const SsvBillboardEpisode *episode,
                     const char                *today)
{
  SsvEpisodeRow *self = g_object_new (SSV_TYPE_EPISODE_ROW, NULL);
  g_autofree char *number = g_strdup_printf ("%d", episode->episode_number);
  g_autofree char *date = format_air_date (episode->air_date);
  g_autofree char *title = episode->title ? g_strdup (episode->title)
                                          : g_strdup_printf (_("Episode %d"), episode->episode_number);
  g_autofree char *spoken = NULL;
  const char *state_text;

  self->state = ssv_episode_state_for (episode, today);
  if (g_str_equal (self->state, "owned"))
    state_text = episode->watched ? _("Watched") : _("In library");
  else if (g_str_equal (self->state, "upcoming"))
    state_text = _("Upcoming");
  else
    state_text = _("Missing");

  gtk_label_set_label (self->number_label, number);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->overview_label, episode->overview ? episode->overview : "");
  gtk_widget_set_visible (GTK_WIDGET (self->overview_label), episode->overview != NULL);
  gtk_label_set_label (self->date_label, date);
  gtk_label_set_label (self->state_label, state_text);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), self->state);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->state);

  /* Translators: an episode row read aloud: "Episode 3, Lord Snow, Missing, 1 May 2011" */
  spoken = g_strdup_printf (_("Episode %d, %s, %s, %s"), episode->episode_number, title, state_text, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return GTK_WIDGET (self);
}

void
ssv_episode_row_set_still (SsvEpisodeRow *self,
                           GdkPaintable  *still)
{
  g_return_if_fail (SSV_IS_EPISODE_ROW (self));

  gtk_picture_set_paintable (self->still, still);
}

/* "owned", "missing" or "upcoming". */
const char *
ssv_episode_row_get_state (SsvEpisodeRow *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_ROW (self), NULL);

  return self->state;
}

/* A button at the row's end, e.g. "Add to Wishlist" (the wishlist feature's). */
void
ssv_episode_row_add_suffix (SsvEpisodeRow *self,
                            GtkWidget     *widget)
{
  g_return_if_fail (SSV_IS_EPISODE_ROW (self));

  /* The row's box is reached, not bound: a bound direct child would be unparented
   * by gtk_widget_dispose_template() behind GtkListBoxRow's back. */
  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (self))), widget);
}
