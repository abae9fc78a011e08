/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-calendar-page.c: the Calendar page. Seven days from today (or a week before or
 * after), each with the episodes of followed shows that air on it, as art cards sorted by
 * air time in the person's zone, "Anytime" ones first; today is marked. A card opens the
 * episode's dialog; Export writes an iCalendar file off the UI thread. */

#include "config.h"

#include <glib/gi18n.h>

#include "dialogs/ssv-episode-dialog.h"
#include "ssv-calendar-page.h"
#include "ssv-texture-loader.h"
#include "widgets/ssv-episode-card.h"

#define EXPORT_PAST_DAYS  7
#define EXPORT_DAYS       30

typedef struct
{
  GListStore *entries;
  GtkWidget  *section;
  GtkWidget  *flow_box;
  GtkLabel   *name_label;
  GtkLabel   *date_label;
  GtkWidget  *today_badge;
  GtkWidget  *empty_label;
} Day;

struct _SsvCalendarPage
{
  SsvPage          parent_instance;

  Day              days[SSV_CALENDAR_DAYS];
  SsvFollowSet    *follow_set;     /* the episode dialogs' eye buttons */
  GDateTime       *today;          /* midnight, local */
  GDateTime       *first_day;      /* of the week shown */
  int              week;           /* 0: from today; -1 the week before, … */
  GCancellable    *cancellable;
  GCancellable    *export_cancellable;
  gboolean         loaded;

  GtkStack        *state_stack;
  GtkSpinner      *spinner;
  AdwStatusPage   *error_page;
  AdwStatusPage   *empty_page;
  GtkBox          *days_box;
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

static GtkWidget *
create_card (gpointer item,
             gpointer user_data)
{
  SsvCalendarPage *self = user_data;
  SsvTextureLoader *loader = ssv_texture_loader_get_default (ssv_page_get_context (SSV_PAGE (self)));

  return ssv_episode_card_new (loader, SSV_CALENDAR_ENTRY (item));
}

static void
on_card_activated (SsvCalendarPage *self,
                   GtkFlowBoxChild *child,
                   GtkFlowBox      *flow_box)
{
  GtkWidget *card = gtk_flow_box_child_get_child (child);

  if (SSV_IS_EPISODE_CARD (card))
    ssv_calendar_page_open_episode (self, ssv_episode_card_get_entry (SSV_EPISODE_CARD (card)));
}

static void
make_day (SsvCalendarPage *self,
          Day             *day)
{
  GtkWidget *section = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *date = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("Today"));
  GtkWidget *flow_box = gtk_flow_box_new ();
  GtkWidget *empty = gtk_label_new (_("Nothing airs"));

  gtk_widget_add_css_class (section, "calendar-day");
  gtk_widget_add_css_class (header, "calendar-day-header");
  gtk_widget_add_css_class (name, "title-4");
  gtk_widget_add_css_class (date, "dim-label");
  /* The day's name and date share a baseline; the badge and the empty note sit beside them. */
  gtk_widget_set_valign (date, GTK_ALIGN_BASELINE);
  gtk_widget_set_valign (name, GTK_ALIGN_BASELINE);
  gtk_box_append (GTK_BOX (names), name);
  gtk_box_append (GTK_BOX (names), date);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "today-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (empty), 0);
  gtk_widget_set_valign (empty, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_add_css_class (empty, "calendar-day-empty");
  gtk_box_append (GTK_BOX (header), names);
  gtk_box_append (GTK_BOX (header), badge);
  gtk_box_append (GTK_BOX (header), empty);

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow_box), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow_box), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow_box), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow_box), 8);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow_box), 12);
  gtk_widget_set_valign (flow_box, GTK_ALIGN_START);
  gtk_widget_add_css_class (flow_box, "calendar-cards");
  /* A day holds a handful of episodes: a flow box bound to the day's model is enough. */
  gtk_flow_box_bind_model (GTK_FLOW_BOX (flow_box), G_LIST_MODEL (day->entries), create_card, self, NULL);
  g_signal_connect_object (flow_box, "child-activated", G_CALLBACK (on_card_activated), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (section), header);
  gtk_box_append (GTK_BOX (section), flow_box);
  gtk_box_append (self->days_box, section);

  day->section = section;
  day->flow_box = flow_box;
  day->name_label = GTK_LABEL (name);
  day->date_label = GTK_LABEL (date);
  day->today_badge = badge;
  day->empty_label = empty;
}

static void
label_days (SsvCalendarPage *self)
{
  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    {
      Day *day = &self->days[i];
      g_autoptr(GDateTime) date = g_date_time_add_days (self->first_day, (int) i);
      g_autofree char *name = g_date_time_format (date, "%A");
      /* Translators: a day of a month in g_date_time_format() notation: "17 January" */
      g_autofree char *text = g_date_time_format (date, _("%-d %B"));
      g_autofree char *accessible = NULL;
      gboolean today = g_date_time_compare (date, self->today) == 0;

      gtk_label_set_label (day->name_label, name);
      gtk_label_set_label (day->date_label, text);
      gtk_widget_set_visible (day->today_badge, today);
      if (today)
        gtk_widget_add_css_class (day->section, "today");
      else
        gtk_widget_remove_css_class (day->section, "today");

      /* Translators: how a screen reader names a day's episodes: "Episodes on Friday 17 January" */
      accessible = g_strdup_printf (_("Episodes on %s %s"), name, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (day->flow_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      accessible, -1);
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
      Day *day = &self->days[d];

      g_list_store_splice (day->entries, 0, g_list_model_get_n_items (G_LIST_MODEL (day->entries)),
                           by_day[d]->pdata, by_day[d]->len);
      gtk_widget_set_visible (day->flow_box, by_day[d]->len > 0);
      gtk_widget_set_visible (day->empty_label, by_day[d]->len == 0);
      g_ptr_array_unref (by_day[d]);
    }

  self->loaded = TRUE;
  set_state (self, entries->len > 0 ? "content" : "empty");
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
}

/* Follows, library scans and enrichment (air times) all change what airs. */
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
                              GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->days_box),
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

/* ---- export --------------------------------------------------------------------- */

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(SsvCalendarPage) self = user_data;
  g_autoptr(GError) error = NULL;
  GFile *file = g_object_get_data (G_OBJECT (self), "ssv-export-file");
  g_autofree char *name = file ? g_file_get_basename (file) : NULL;
  g_autofree char *message = NULL;
  guint n_entries = 0;

  if (!ssv_calendar_store_write_ics_finish (SSV_CALENDAR_STORE (source), result, &n_entries, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        ssv_page_show_toast (SSV_PAGE (self), error->message);
    }
  else
    {
      /* Translators: a toast; %u episodes, %s a file name */
      message = g_strdup_printf (ngettext ("Exported %u episode to “%s”: the past week and the next 30 days",
                                           "Exported %u episodes to “%s”: the past week and the next 30 days",
                                           n_entries),
                                 n_entries, name);
      ssv_page_show_toast (SSV_PAGE (self), message);
    }

  g_clear_object (&self->export_cancellable);
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

  g_object_set_data_full (G_OBJECT (self), "ssv-export-file", g_object_ref (file), g_object_unref);
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

  return self->cancellable != NULL || ssv_page_get_reload_queued (SSV_PAGE (self));
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
    if (gtk_widget_has_css_class (self->days[i].section, "today") &&
        gtk_widget_get_visible (self->days[i].today_badge))
      return (int) i;

  return -1;
}

GListModel *
ssv_calendar_page_get_day_entries (SsvCalendarPage *self,
                                   guint            day)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (day < SSV_CALENDAR_DAYS, NULL);

  return G_LIST_MODEL (self->days[day].entries);
}

GtkWidget *
ssv_calendar_page_get_day_section (SsvCalendarPage *self,
                                   guint            day)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);
  g_return_val_if_fail (day < SSV_CALENDAR_DAYS, NULL);

  return self->days[day].section;
}

/* Returns: (transfer none) (nullable): the card of the episode, where one shows */
GtkWidget *
ssv_calendar_page_find_card (SsvCalendarPage *self,
                             gint64           episode_id)
{
  g_return_val_if_fail (SSV_IS_CALENDAR_PAGE (self), NULL);

  for (guint d = 0; d < SSV_CALENDAR_DAYS; d++)
    for (GtkWidget *child = gtk_widget_get_first_child (self->days[d].flow_box); child != NULL;
         child = gtk_widget_get_next_sibling (child))
      {
        GtkWidget *card = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

        if (SSV_IS_EPISODE_CARD (card) &&
            ssv_calendar_entry_get_episode_id (ssv_episode_card_get_entry (SSV_EPISODE_CARD (card))) == episode_id)
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

  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    make_day (self, &self->days[i]);

  g_signal_connect_object (ssv_context_get_watchlist_store (context), "changed",
                           G_CALLBACK (on_store_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (ssv_context_get_library_store (context), "changed",
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
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_object (&self->header_box);

  G_OBJECT_CLASS (ssv_calendar_page_parent_class)->dispose (object);

  g_clear_object (&self->follow_set);
}

static void
ssv_calendar_page_finalize (GObject *object)
{
  SsvCalendarPage *self = SSV_CALENDAR_PAGE (object);

  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    g_clear_object (&self->days[i].entries);
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
  gtk_widget_class_bind_template_child (widget_class, SsvCalendarPage, days_box);
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

  for (guint i = 0; i < SSV_CALENDAR_DAYS; i++)
    self->days[i].entries = g_list_store_new (SSV_TYPE_CALENDAR_ENTRY);

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
