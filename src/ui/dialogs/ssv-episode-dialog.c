/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-episode-dialog.c: what the Calendar opens for an episode: the show's backdrop, the
 * episode's still and synopsis, when it airs in the person's zone, whether the library has
 * it, genres and the show's overview; "Open Show" navigates by win.show-show. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-episode-dialog.h"
#include "dialogs/ssv-release-search-dialog.h"
#include "ssv-texture-loader.h"
#include "widgets/ssv-episode-card.h"
#include "widgets/ssv-poster-card.h"
#include "widgets/ssv-watch-button.h"
#include "model/ssv-calendar-entry.h"

#define BACKDROP_HEIGHT 240
#define STILL_HEIGHT    117

struct _SsvEpisodeDialog
{
  AdwWindow         parent_instance;

  SsvContext       *context;
  SsvFollowSet     *follow_set;
  SsvCalendarEntry *entry;
  GCancellable     *cancellable;
  GtkWidget        *watch_button;

  GtkLabel         *backdrop_placeholder;
  GtkPicture       *backdrop_picture;
  GtkLabel         *show_label;
  GtkLabel         *network_label;
  GtkPicture       *still_picture;
  GtkLabel         *episode_label;
  GtkLabel         *airs_label;
  GtkLabel         *owned_label;
  GtkLabel         *runtime_label;
  GtkLabel         *overview_label;
  GtkLabel         *genres_label;
  GtkWidget        *about_box;
  GtkLabel         *show_overview_label;
  GtkBox           *buttons_box;
  GtkWidget        *open_button;
};

G_DEFINE_FINAL_TYPE (SsvEpisodeDialog, ssv_episode_dialog, ADW_TYPE_WINDOW)

static void
load_picture (SsvEpisodeDialog *self,
              GtkPicture       *picture,
              const char       *uri,
              int               height)
{
  ssv_texture_loader_load_picture (ssv_texture_loader_get_default (self->context), picture, uri,
                                   height * gtk_widget_get_scale_factor (GTK_WIDGET (self)), self->cancellable);
}

/* "Friday 17 January 2025 at 21:00", or the day alone for untimed episodes. */
static char *
format_airs (SsvCalendarEntry *entry)
{
  GDateTime *airs = ssv_calendar_entry_get_airs (entry);
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (airs == NULL)
    return g_strdup (_("Air date unknown"));

  /* Translators: a date in g_date_time_format() notation: "Friday 17 January 2025" */
  day = g_date_time_format (airs, _("%A %-d %B %Y"));
  if (ssv_calendar_entry_get_anytime (entry))
    /* Translators: a day with no time of air known, "Friday 17 January 2025, any time" */
    return g_strdup_printf (_("%s, any time"), day);

  time = ssv_format_air_time (entry);
  /* Translators: "Friday 17 January 2025 at 21:00" */
  return g_strdup_printf (_("%s at %s"), day, time);
}

static void
show_entry (SsvEpisodeDialog *self)
{
  SsvCalendarEntry *entry = self->entry;
  const char *show = ssv_calendar_entry_get_show_title (entry);
  const char *overview = ssv_calendar_entry_get_overview (entry);
  const char *show_overview = ssv_calendar_entry_get_show_overview (entry);
  const char *network = ssv_calendar_entry_get_network (entry);
  const char *backdrop = ssv_calendar_entry_get_backdrop_url (entry);
  int runtime = ssv_calendar_entry_get_runtime_minutes (entry);
  g_autofree char *genres = ssv_calendar_entry_dup_genres_text (entry);
  g_autofree char *heading = ssv_format_episode_heading (entry);
  g_autofree char *airs = format_airs (entry);
  g_autofree char *initials = ssv_poster_initials (show);

  gtk_window_set_title (GTK_WINDOW (self), show);
  gtk_label_set_label (self->show_label, show ? show : "");
  gtk_label_set_label (self->network_label, network ? network : "");
  gtk_widget_set_visible (GTK_WIDGET (self->network_label), network != NULL);
  gtk_label_set_label (self->backdrop_placeholder, initials);
  ssv_poster_set_placeholder_color (GTK_WIDGET (self->backdrop_placeholder), show);

  gtk_label_set_label (self->episode_label, heading);
  gtk_label_set_label (self->airs_label, airs);
  gtk_label_set_label (self->owned_label, ssv_calendar_entry_get_owned (entry) ? _("In Your Library")
                                                                              : _("Not in Your Library"));
  gtk_widget_add_css_class (GTK_WIDGET (self->owned_label),
                            ssv_calendar_entry_get_owned (entry) ? "owned" : "missing");
  if (runtime > 0)
    {
      /* Translators: an episode's length in minutes */
      g_autofree char *text = g_strdup_printf (ngettext ("%d minute", "%d minutes", runtime), runtime);
      gtk_label_set_label (self->runtime_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->runtime_label), TRUE);
    }

  gtk_label_set_label (self->overview_label, overview ? overview : _("No synopsis yet."));
  gtk_label_set_label (self->genres_label, genres ? genres : "");
  gtk_widget_set_visible (GTK_WIDGET (self->genres_label), genres != NULL && genres[0] != '\0');
  gtk_label_set_label (self->show_overview_label, show_overview ? show_overview : "");
  gtk_widget_set_visible (self->about_box, show_overview != NULL);

  load_picture (self, self->backdrop_picture, backdrop ? backdrop : ssv_calendar_entry_get_poster_url (entry),
                BACKDROP_HEIGHT * (backdrop ? 1 : 3));
  load_picture (self, self->still_picture, ssv_calendar_entry_get_still_url (entry), STILL_HEIGHT);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "episode.open-show",
                                 ssv_calendar_entry_get_show_id (entry) > 0);
  /* Not the first selectable label: its text would open selected. */
  gtk_window_set_focus (GTK_WINDOW (self), self->open_button);
}

static void
open_show_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvEpisodeDialog *self = SSV_EPISODE_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 show_id = ssv_calendar_entry_get_show_id (self->entry);

  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-show", "x", show_id);
  gtk_window_close (GTK_WINDOW (self));
}

/* The search dialog opens over the main window: this one closes. */
static void
search_releases_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SsvEpisodeDialog *self = SSV_EPISODE_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(SsvSearchItem) item = NULL;

  item = ssv_search_item_new_episode (ssv_calendar_entry_get_show_title (self->entry),
                                      (guint) MAX (ssv_calendar_entry_get_season_number (self->entry), 0),
                                      (guint) MAX (ssv_calendar_entry_get_episode_number (self->entry), 0));
  ssv_search_item_set_air_date (item, ssv_calendar_entry_get_air_date (self->entry), FALSE);
  ssv_release_search_dialog_present (parent != NULL ? GTK_WIDGET (parent) : widget, self->context, item,
                                     ssv_calendar_entry_get_poster_url (self->entry), 0);
  gtk_window_close (GTK_WINDOW (self));
}

SsvCalendarEntry *
ssv_episode_dialog_get_entry (SsvEpisodeDialog *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_DIALOG (self), NULL);

  return self->entry;
}

const char *
ssv_episode_dialog_get_airs_text (SsvEpisodeDialog *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_DIALOG (self), NULL);

  return gtk_label_get_label (self->airs_label);
}

const char *
ssv_episode_dialog_get_owned_text (SsvEpisodeDialog *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_DIALOG (self), NULL);

  return gtk_label_get_label (self->owned_label);
}

GtkWidget *
ssv_episode_dialog_get_watch_button (SsvEpisodeDialog *self)
{
  g_return_val_if_fail (SSV_IS_EPISODE_DIALOG (self), NULL);

  return self->watch_button;
}

static void
ssv_episode_dialog_dispose (GObject *object)
{
  SsvEpisodeDialog *self = SSV_EPISODE_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* No gtk_widget_dispose_template(): the template's root is the window's content,
   * which AdwWindow tears down itself (its eye button holds the follow set). */
  G_OBJECT_CLASS (ssv_episode_dialog_parent_class)->dispose (object);

  g_clear_object (&self->entry);
  g_clear_object (&self->follow_set);
  g_clear_object (&self->context);
}

static void
ssv_episode_dialog_class_init (SsvEpisodeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ssv_episode_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/dialogs/ssv-episode-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, backdrop_placeholder);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, backdrop_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, show_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, network_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, still_picture);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, episode_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, airs_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, owned_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, runtime_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, overview_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, genres_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, about_box);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, show_overview_label);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, buttons_box);
  gtk_widget_class_bind_template_child (widget_class, SsvEpisodeDialog, open_button);

  gtk_widget_class_install_action (widget_class, "episode.open-show", NULL, open_show_action);
  gtk_widget_class_install_action (widget_class, "episode.search-releases", NULL, search_releases_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "episode.search-releases", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ssv_episode_dialog_init (SsvEpisodeDialog *self)
{
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ssv_episode_dialog_new:
 * @follow_set: the calendar's follow set of shows, for the dialog's eye button
 */
SsvEpisodeDialog *
ssv_episode_dialog_new (SsvContext       *context,
                        SsvFollowSet     *follow_set,
                        SsvCalendarEntry *entry)
{
  SsvEpisodeDialog *self = g_object_new (SSV_TYPE_EPISODE_DIALOG, NULL);

  self->context = g_object_ref (context);
  self->follow_set = g_object_ref (follow_set);
  self->entry = g_object_ref (entry);

  self->watch_button = ssv_watch_button_new (follow_set);
  ssv_watch_button_set_show_label (SSV_WATCH_BUTTON (self->watch_button), TRUE);
  gtk_widget_add_css_class (self->watch_button, "pill");
  ssv_watch_button_set_item (SSV_WATCH_BUTTON (self->watch_button), G_OBJECT (entry));
  gtk_box_append (self->buttons_box, self->watch_button);

  show_entry (self);
  return self;
}
