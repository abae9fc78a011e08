/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-page.c: the Calendar page. Seven days from today (or a week before or
 * after), each with the episodes of followed shows that air on it (owned, or wished or
 * followed from TMDB's page), as art cards sorted by air time in the person's zone,
 * "Anytime" ones first; today is marked. Under the episodes,
 * a lane of the followed channels' uploads of the day (no Shorts, no premieres to come). The
 * days are a list model of SsvCalendarDay shown by a list box of day sections. A card opens
 * the episode's dialog (calendar.open-episode) or the video's (calendar.open-video); Export
 * writes an iCalendar file off the UI thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-episode-dialog.h"
#include "dialogs/ssv-video-dialog.h"
#include "pages/ssv-calendar-page.h"
#include "ssv-texture-loader.h"
#include "widgets/ssv-day-section.h"
#include "widgets/ssv-episode-card.h"
#include "model/ssv-calendar-entry.h"
#include "ssv-follow-set.h"
#include "ssv-ui-utils.h"
#include "stores/ssv-calendar-store.h"
#include "stores/ssv-channel-store.h"
#include "stores/ssv-wishlist-store.h"

#define EXPORT_PAST_DAYS  7
#define EXPORT_DAYS       30

struct _SsvCalendarPage
{
  SsvPage          parent_instance;

  GListStore      *days;           /* SsvCalendarDay, SSV_CALENDAR_DAYS of them */
  SsvFollowSet    *follow_set;     /* the episode dialogs' eye buttons */
  GDateTime       *today;          /* midnight, local */
  GDateTime       *first_day;      /* of the week shown */
  int              week;           /* 0: from today; -1 the week before, … */
  GCancellable    *cancellable;
  GCancellable    *uploads_cancellable;
  GCancellable    *export_cancellable;
  GFile           *export_file;    /* where the running export writes */
  gboolean         loaded;

  GtkStack        *state_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  AdwStatusPage   *empty_page;
  GtkListBox      *days_list;
  GtkLabel        *range_label;
  GtkWidget       *header_box;
  GtkWidget       *this_week_button;
  GtkWidget       *export_button;
};

G_DEFINE_FINAL_TYPE (SsvCalendarPage, ssv_calendar_page, SSV_TYPE_PAGE)

static void reload (SsvCalendarPage *self);

static void
set_state (SsvCalendarPage *self,
           const char      *state)
{
  gtk_spinner_set_spinning (self->spinner, g_strcmp0 (state, "loading") == 0);
  gtk_stack_set_visible_child_name (self->state_stack, state);
}

/* "loading", "error", "empty" or "content". */
const char *
ssv_calendar_page_get_state (SsvCalendarPage *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->state_stack);
}

/* ---- days ---------------------------------------------------------------------- */

static SsvCalendarDay *
get_day (SsvCalendarPage *self,
         guint            index)
{
  g_autoptr(SsvCalendarDay) day = g_list_model_get_item (G_LIST_MODEL (self->days), index);

  /* The store holds it. */
  return day;
}

static GtkWidget *
create_day_section (gpointer item,
                    gpointer user_data)
{
  SsvCalendarPage *self = user_data;

  return ssv_day_section_new (item, ssv_texture_loader_get_default (ssv_page_get_context (SSV_PAGE (self))));
}

static void
label_days (SsvCalendarPage *self)
{
  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (self->first_day, (int) i);

      ssv_calendar_day_set_date (get_day (self, i), date, g_date_time_compare (date, self->today) == 0);
    }
}

static void
update_range (SsvCalendarPage *self)
{
  g_autoptr(GDateTime) last = g_date_time_add_days (self->first_day, SSV_CALENDAR_DAYS - 1);
  /* Translators: the first and last day of the week shown, in g_date_time_format() notation */
  g_autofree char *from = g_date_time_format (self->first_day, _("%-d %B"));
  g_autofree char *to = g_date_time_format (last, _("%-d %B %Y"));
  /* Translators: a span of days: "17 January – 23 January 2025" */
  g_autofree char *range = g_strdup_printf (_("%s – %s"), from, to);
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  gtk_label_set_label (self->range_label, range);
  gtk_widget_set_sensitive (self->this_week_button, self->week != 0);

  title = self->week == 0 ? g_strdup (_("Nothing Airs This Week"))
        : self->week < 0 ? g_strdup (_("Nothing Aired That Week"))
        : g_strdup (_("Nothing Airs That Week"));
  /* Translators: %s is a span of days */
  description = g_strdup_printf (_("No episode of the shows you follow airs from %s. Shows of your library "
                                   "that still air are followed on their own; follow others with the eye "
                                   "button on their card or page."), range);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
}

/* ---- loading ------------------------------------------------------------------- */

static void
set_week (SsvCalendarPage *self,
          int              week)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);
  self->today = ssv_calendar_day_start (now);
  self->week = week;
  self->first_day = g_date_time_add_days (self->today, week * SSV_CALENDAR_DAYS);

  label_days (self);
  update_range (self);
}

/* "content" when an episode or an upload shows, else "empty"; once the episodes are in. */
static void
update_content_state (SsvCalendarPage *self)
{
  guint shown = 0;

  if (!self->loaded || self->cancellable != NULL)
    return;

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    shown += ssv_calendar_day_get_n_entries (get_day (self, d)) + ssv_calendar_day_get_n_uploads (get_day (self, d));
  set_state (self, shown > 0 ? "content" : "empty");
}

/* ---- the uploads lane ------------------------------------------------------------- */

static void
uploads_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) uploads = ssv_channel_store_list_finish (SSV_CHANNEL_STORE (source), result, &error);
  guint next = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->uploads_cancellable);

  /* The episodes stay; only the lane is missing, and a toast says why. */
  if (uploads == NULL)
    {
      ssv_page_show_toast (SSV_PAGE (self), error->message);
      uploads = g_ptr_array_new ();
    }

  /* Oldest first; each goes to the day whose local midnight it follows. */
  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_days (self->first_day, (int) d + 1);
      gint64 end_unix = g_date_time_to_unix (end);
      guint first = next;

      while (next < uploads->len && ssv_video_get_published (g_ptr_array_index (uploads, next)) < end_unix)
        next++;
      ssv_calendar_day_set_uploads (get_day (self, d), uploads->pdata + first, next - first);
    }

  update_content_state (self);
}

static void
reload_uploads (SsvCalendarPage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));
  g_autoptr(GDateTime) end = g_date_time_add_days (self->first_day, SSV_CALENDAR_DAYS);

  if (self->uploads_cancellable != NULL)
    g_cancellable_cancel (self->uploads_cancellable);
  g_clear_object (&self->uploads_cancellable);
  self->uploads_cancellable = g_cancellable_new ();

  ssv_channel_store_list_uploads_between_async (ssv_context_get_channel_store (context),
                                                g_date_time_to_unix (self->first_day), g_date_time_to_unix (end),
                                                self->uploads_cancellable, uploads_ready_cb, g_object_ref (self));
}

/* calendar.open-video (video id): a card of a day's uploads lane. */
static void
open_video_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (widget);
  const char *video_id = g_variant_get_string (parameter, NULL);

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      GListModel *uploads = ssv_calendar_day_get_uploads (get_day (self, d));

      for (guint i = 0; i < g_list_model_get_n_items (uploads); i++)
        {
          g_autoptr(SsvVideo) video = g_list_model_get_item (uploads, i);

          if (g_strcmp0 (ssv_video_get_video_id (video), video_id) == 0)
            {
              ssv_ui_present_window (GTK_WINDOW (ssv_video_dialog_new (ssv_page_get_context (SSV_PAGE (self)), video)),
                                     widget);
              return;
            }
        }
    }
}

static void
list_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SsvCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = ssv_calendar_store_list_days_finish (SSV_CALENDAR_STORE (source), result, &error);
  GPtrArray *by_day[SSV_CALENDAR_DAYS] = { NULL };
  guint next = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (entries == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      set_state (self, "error");
      return;
    }

  /* Entries come sorted; each goes to the day whose local midnight it follows. */
  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      g_autoptr(GDateTime) end = g_date_time_add_days (self->first_day, (int) d + 1);

      by_day[d] = g_ptr_array_new ();
      while (next < entries->len &&
             (d + 1 == SSV_CALENDAR_DAYS ||
              g_date_time_compare (ssv_calendar_entry_get_airs (g_ptr_array_index (entries, next)), end) < 0))
        g_ptr_array_add (by_day[d], g_ptr_array_index (entries, next++));
    }

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      ssv_calendar_day_set_entries (get_day (self, d), by_day[d]->pdata, by_day[d]->len);
      g_ptr_array_unref (by_day[d]);
    }

  self->loaded = TRUE;
  update_content_state (self);
}

static void
reload (SsvCalendarPage *self)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));

  ssv_page_unqueue_reload (SSV_PAGE (self));
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (!self->loaded)
    set_state (self, "loading");

  ssv_follow_set_load (self->follow_set);
  ssv_calendar_store_list_days_async (ssv_context_get_calendar_store (context), self->first_day,
                                      SSV_CALENDAR_DAYS, self->cancellable,
                                      list_ready_cb, g_object_ref (self));
  reload_uploads (self);
}

/* Follows, wishes, library scans and enrichment (air times) all change what airs. */
static void
on_store_changed (SsvCalendarPage *self,
                  const char      *detail)
{
  ssv_page_queue_reload (SSV_PAGE (self));
}

static void
go_to_week (SsvCalendarPage *self,
            int              week)
{
  set_week (self, week);
  reload (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->days_list),
                                                                            GTK_TYPE_SCROLLED_WINDOW))), 0);
}

/* ---- the episode dialog ----------------------------------------------------------- */

/**
 * ssv_calendar_page_open_episode:
 *
 * Opens the episode's dialog over the window, as a click on its card does.
 */
void
ssv_calendar_page_open_episode (SsvCalendarPage  *self,
                                SsvCalendarEntry *entry)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));
  SsvEpisodeDialog *dialog = ssv_episode_dialog_new (context, self->follow_set, entry);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* calendar.open-episode (episode id): a day's card. */
static void
open_episode_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (widget);
  gint64 episode_id = g_variant_get_int64 (parameter);

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      GListModel *entries = ssv_calendar_day_get_entries (get_day (self, d));

      for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
        {
          g_autoptr(SsvCalendarEntry) entry = g_list_model_get_item (entries, i);

          if (ssv_calendar_entry_get_episode_id (entry) == episode_id)
            {
              ssv_calendar_page_open_episode (self, entry);
              return;
            }
        }
    }
}

/* ---- export --------------------------------------------------------------------- */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = self->export_file ? g_file_get_basename (self->export_file) : NULL;
  g_autofree char *message = NULL;
  guint n_entries = 0;

  if (!ssv_calendar_store_write_ics_finish (SSV_CALENDAR_STORE (source), result, &n_entries, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_page_show_toast (SSV_PAGE (self), error->message);
    }
  else
    {
      /* Translators: a toast; %u episodes and channel uploads, %s a file name */
      message = g_strdup_printf (ngettext ("Exported %u event to “%s”: episodes and uploads of the past week and the next 30 days",
                                           "Exported %u events to “%s”: episodes and uploads of the past week and the next 30 days",
                                           n_entries),
                                 n_entries, name);
      ssv_page_show_toast (SSV_PAGE (self), message);
    }

  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_file);
  gtk_widget_set_sensitive (self->export_button, TRUE);
}

/**
 * ssv_calendar_page_export_to:
 * @file: where the .ics file goes
 *
 * Writes the past week and the next 30 days as iCalendar, off the UI thread; a
 * toast says how it went. The Export button's chooser ends here.
 */
void
ssv_calendar_page_export_to (SsvCalendarPage *self,
                             GFile           *file)
{
  SsvContext *context = ssv_page_get_context (SSV_PAGE (self));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = ssv_calendar_day_start (now);
  g_autoptr(GDateTime) from = g_date_time_add_days (today, -EXPORT_PAST_DAYS);
  g_autoptr(GDateTime) to = g_date_time_add_days (today, EXPORT_DAYS);

  g_return_if_fail (SSV_IS_CALENDAR_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (self->export_button, FALSE);

  g_set_object (&self->export_file, file);
  ssv_calendar_store_write_ics_async (ssv_context_get_calendar_store (context), from, to, file,
                                      self->export_cancellable, exported_cb, g_object_ref (self));
}

gboolean
ssv_calendar_page_get_exporting (SsvCalendarPage *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), FALSE);

  return self->export_cancellable != NULL;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(SsvCalendarPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ssv_calendar_page_export_to (self, file);
    }

  g_object_unref (chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Export Calendar"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: the name the exported calendar file is offered under */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("Airing Episodes.ics"));
  gtk_file_filter_set_name (filter, _("iCalendar Files"));
  gtk_file_filter_add_mime_type (filter, "text/calendar");
  gtk_file_filter_add_suffix (filter, "ics");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ---- actions -------------------------------------------------------------------- */

static void
previous_week_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (widget);

  go_to_week (self, self->week - 1);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (widget);

  go_to_week (self, self->week + 1);
}

static void
this_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  go_to_week (SSV_CALENDAR_PAGE (widget), 0);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  reload (SSV_CALENDAR_PAGE (widget));
}

/* The header's buttons live in the window's header bar, outside the page: they
 * reach the page's actions through it. */
static void
on_previous_clicked (SsvCalendarPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.previous-week", NULL);
}

static void
on_next_clicked (SsvCalendarPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.next-week", NULL);
}

static void
on_this_week_clicked (SsvCalendarPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.this-week", NULL);
}

static void
on_export_clicked (SsvCalendarPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "calendar.export", NULL);
}

/* ---- for tests ----------------------------------------------------------------- */

gboolean
ssv_calendar_page_get_loading (SsvCalendarPage *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), FALSE);

  return self->cancellable != NULL || self->uploads_cancellable != NULL ||
         ssv_page_get_reload_queued (SSV_PAGE (self));
}

int
ssv_calendar_page_get_week (SsvCalendarPage *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), 0);

  return self->week;
}

/* Returns: (transfer none): local midnight of the first day shown */
GDateTime *
ssv_calendar_page_get_first_day (SsvCalendarPage *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);

  return self->first_day;
}

/* Which of the shown days is marked as today, or -1. */
int
ssv_calendar_page_get_today_index (SsvCalendarPage *self)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), -1);

  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    if (ssv_day_section_shows_today (SSV_DAY_SECTION (gtk_list_box_get_row_at_index (self->days_list, (int) i))))
      return (int) i;

  return -1;
}

GListModel *
ssv_calendar_page_get_day_entries (SsvCalendarPage *self,
                                   guint            day)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (day < SSV_CALENDAR_DAYS, NULL);

  return ssv_calendar_day_get_entries (get_day (self, day));
}

GtkWidget *
ssv_calendar_page_get_day_section (SsvCalendarPage *self,
                                   guint            day)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (day < SSV_CALENDAR_DAYS, NULL);

  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->days_list, (int) day));
}

/* Returns: (transfer none) (nullable): the card of the episode, where one shows */
GtkWidget *
ssv_calendar_page_find_card (SsvCalendarPage *self,
                             gint64           episode_id)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      GtkWidget *card = ssv_day_section_find_card (SSV_DAY_SECTION (gtk_list_box_get_row_at_index (self->days_list,
                                                                                                   (int) d)),
                                                   episode_id);

      if (card != NULL)
        return card;
    }

  return NULL;
}

GListModel *
ssv_calendar_page_get_day_uploads (SsvCalendarPage *self,
                                   guint            day)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (day < SSV_CALENDAR_DAYS, NULL);

  return ssv_calendar_day_get_uploads (get_day (self, day));
}

/* Returns: (transfer none) (nullable): the uploads lane's card of the video, where one shows */
GtkWidget *
ssv_calendar_page_find_upload_card (SsvCalendarPage *self,
                                    const char      *video_id)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    {
      GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->days_list, (int) d));
      GtkWidget *card = ssv_day_section_find_upload_card (SSV_DAY_SECTION (row), video_id);

      if (card != NULL)
        return card;
    }

  return NULL;
}

/* ---- GObject ------------------------------------------------------------------- */

static GtkWidget *
ssv_calendar_page_get_header_widget (SsvPage *page)
{
  return SSV_CALENDAR_PAGE (page)->header_box;
}

/* A day may have begun since the page last looked. */
static void
ssv_calendar_page_shown (SsvPage *page)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (page);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) today = ssv_calendar_day_start (now);

  if (self->today != NULL && g_date_time_compare (today, self->today) != 0)
    go_to_week (self, self->week);
}

static void
ssv_calendar_page_constructed (GObject *object)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (object);
  SsvContext *context;

  G_OBJECT_CLASS (ssv_calendar_page_parent_class)->constructed (object);

  context = ssv_page_get_context (SSV_PAGE (self));
  self->follow_set = ssv_follow_set_new (ssv_context_get_watchlist_store (context), SSV_WATCH_KIND_SHOW);

  gtk_list_box_bind_model (self->days_list, G_LIST_MODEL (self->days), create_day_section, self, NULL);

  g_signal_connect_object (ssv_context_get_watchlist_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  /* A show wished from TMDB's page brings its episodes to come (movies and art do not). */
  g_signal_connect_object (ssv_context_get_wishlist_store (context), "changed::show",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  /* A channel refresh brings uploads for the lane. */
  g_signal_connect_object (ssv_context_get_channel_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);

  set_week (self, 0);
}

static void
ssv_calendar_page_load (SsvPage *page)
{
  reload (SSV_CALENDAR_PAGE (page));
}

static void
ssv_calendar_page_dispose (GObject *object)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->uploads_cancellable != NULL)
    g_cancellable_cancel (self->uploads_cancellable);
  g_clear_object (&self->uploads_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->export_file);
  g_clear_object (&self->header_box);

  G_OBJECT_CLASS (ssv_calendar_page_parent_class)->dispose (object);

  g_clear_object (&self->follow_set);
}

static void
ssv_calendar_page_finalize (GObject *object)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (object);

  g_clear_object (&self->days);
  g_clear_pointer (&self->today, g_date_time_unref);
  g_clear_pointer (&self->first_day, g_date_time_unref);

  G_OBJECT_CLASS (ssv_calendar_page_parent_class)->finalize (object);
}

static void
ssv_calendar_page_class_init (SsvCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  SsvPageClass *page_class = SSV_PAGE_CLASS (klass);

  object_class->constructed = ssv_calendar_page_constructed;
  object_class->dispose = ssv_calendar_page_dispose;
  object_class->finalize = ssv_calendar_page_finalize;
  page_class->get_header_widget = ssv_calendar_page_get_header_widget;
  page_class->shown = ssv_calendar_page_shown;
  page_class->load = ssv_calendar_page_load;

  ssv_page_class_set_info (page_class, "calendar", _("Calendar"), "x-office-calendar-symbolic");

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PATH "/ui/pages/ssv-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, state_stack);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, days_list);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, header_box);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, this_week_button);
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, export_button);
  gtk_widget_class_bind_template_callback (widget_class, on_previous_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_next_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_this_week_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  gtk_widget_class_install_action (widget_class, "calendar.previous-week", NULL, previous_week_action);
  gtk_widget_class_install_action (widget_class, "calendar.next-week", NULL, next_week_action);
  gtk_widget_class_install_action (widget_class, "calendar.this-week", NULL, this_week_action);
  gtk_widget_class_install_action (widget_class, "calendar.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "calendar.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "calendar.open-episode", "x", open_episode_action);
  gtk_widget_class_install_action (widget_class, "calendar.open-video", "s", open_video_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK, "calendar.this-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "calendar.export", NULL);
}

static void
ssv_calendar_page_init (SsvCalendarPage *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();
  static const struct { guint key; const char *action; } keys[] = {
    { GDK_KEY_Page_Up, "calendar.previous-week" },
    { GDK_KEY_Page_Down, "calendar.next-week" },
    { GDK_KEY_KP_Page_Up, "calendar.previous-week" },
    { GDK_KEY_KP_Page_Down, "calendar.next-week" },
  };

  self->days = g_list_store_new (SSV_TYPE_CALENDAR_DAY);
  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    {
      g_autoptr(SsvCalendarDay) day = ssv_calendar_day_new ();

      g_list_store_append (self->days, day);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The header's buttons live in the window's header bar, outside this page's tree. */
  g_object_ref_sink (self->header_box);

  /* Page Up and Down turn the week even where the scroller would take them. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i].key, 0),
                                                            gtk_named_action_new (keys[i].action)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
}
