/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-window.c: the main window: sidebar of pages, content pane, header bound to the page. */

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "ssv-texture-loader.h"
#include "ssv-ui-utils.h"
#include "ssv-window.h"
#include "ssv-window-private.h"
#include "pages/ssv-calendar-page.h"
#include "pages/ssv-channel-page.h"
#include "pages/ssv-channels-page.h"
#include "pages/ssv-discover-page.h"
#include "pages/ssv-library-page.h"
#include "pages/ssv-parse-page.h"
#include "pages/ssv-person-detail-page.h"
#include "pages/ssv-title-page.h"
#include "pages/ssv-watchlist-page.h"
#include "pages/ssv-wishlist-page.h"
#include "pages/ssv-downloads-page.h"
#include "widgets/ssv-scan-bar.h"
#include "dialogs/ssv-find-dialog.h"
#include "dialogs/ssv-follow-person-dialog.h"
#include "dialogs/ssv-workers-dialog.h"
#include "widgets/ssv-worker-orb.h"
#include "sources/ssv-scan-result.h"
#include "sources/ssv-scanner.h"
#include "workers/ssv-enrichment-engine.h"

struct _SsvWindow
{
  AdwApplicationWindow  parent_instance;

  SsvContext           *context;
  GSettings            *settings;
  GArray               *page_types;  /* the sidebar's pages' GTypes, in order */
  GPtrArray            *pages;       /* the sidebar's pages, NULL until first shown */
  GPtrArray            *page_labels; /* the sidebar rows' labels, in order */
  GPtrArray            *history;     /* pages pushed on top (detail pages) */
  GBindingGroup        *page_bindings; /* the visible page's title and header widget */
  GtkShortcutController *page_shortcuts;
  gboolean              restoring;
  GCancellable         *scan_cancellable;
  GArray               *queued_scans;  /* server rows to scan after the running scan */
  gboolean              scan_asked;    /* the running scan was asked for by the person */
  SsvScanResult        *last_scan;
  gboolean              holding_images; /* the page left still fades out, or no frame yet */
  guint                 release_id;
  GdkFrameClock        *start_clock;    /* watched until the first cards are drawn */
  gulong                start_paint_handler;
  guint                 start_idle_id;
  SsvPage              *waiting_page;   /* pushed, shown once ready (held by history) */
  gulong                waiting_handler;
  guint                 waiting_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
#if ADW_CHECK_VERSION (1, 4, 0)
  AdwNavigationSplitView *split_view;
#else
  AdwLeaflet           *leaflet;
  GtkWidget            *content_pane;
#endif
  GtkListBox           *sidebar;
  AdwWindowTitle       *content_title;
  GtkWidget            *back_button;
  AdwBin               *header_end;
  AdwBin               *scan_slot;
  GtkStack             *stack;
  GtkBox               *worker_orbs;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;

  GtkWindow            *workers_dialog;   /* weak */
  GtkWindow            *find_dialog;      /* weak */
  GtkWindow            *shortcuts_window; /* weak */
};

G_DEFINE_FINAL_TYPE (SsvWindow, ssv_window, ADW_TYPE_APPLICATION_WINDOW)

/* How long a pushed page may read its first screenful before it shows anyway. */
#define READY_WAIT_MS 250
/* How long a starting window holds images back if no frame shows the cards asking
 * for them (a window never shown). */
#define START_HOLD_MS 2000

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_folded (SsvWindow *self)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  return adw_navigation_split_view_get_collapsed (self->split_view);
#else
  return adw_leaflet_get_folded (self->leaflet);
#endif
}

static void
show_content_pane (SsvWindow *self,
                   gboolean   show)
{
#if ADW_CHECK_VERSION (1, 4, 0)
  adw_navigation_split_view_set_show_content (self->split_view, show);
#else
  adw_leaflet_navigate (self->leaflet,
                        show ? ADW_NAVIGATION_DIRECTION_FORWARD : ADW_NAVIGATION_DIRECTION_BACK);
  if (show)
    adw_leaflet_set_visible_child (self->leaflet, self->content_pane);
#endif
}

static SsvPage *
get_visible_page (SsvWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);

  return SSV_IS_PAGE (child) ? SSV_PAGE (child) : NULL;
}

/* ---- sidebar pages, built on their first show ------------------------------ */

static SsvPageClass *
page_class_at (SsvWindow *self,
               guint      index)
{
  return g_type_class_peek (g_array_index (self->page_types, GType, index));
}

static const char *
page_name_at (SsvWindow *self,
              guint      index)
{
  SsvPage *page = g_ptr_array_index (self->pages, index);

  return page != NULL ? ssv_page_get_name (page) : page_class_at (self, index)->page_name;
}

/* The sidebar's page at @index, built now if it has not been shown yet: the window
 * opens with the one page it shows, the others cost nothing until asked for. */
static SsvPage *
page_at (SsvWindow *self,
         guint      index)
{
  SsvPage *page = g_ptr_array_index (self->pages, index);

  if (page == NULL)
    {
      page = g_object_new (g_array_index (self->page_types, GType, index), "context", self->context, NULL);
      g_ptr_array_index (self->pages, index) = page;
      gtk_stack_add_named (self->stack, GTK_WIDGET (page), ssv_page_get_name (page));
      g_object_bind_property (page, "title", g_ptr_array_index (self->page_labels, index), "label",
                              G_BINDING_SYNC_CREATE);
    }

  return page;
}

static int
page_index (SsvWindow  *self,
            const char *name)
{
  for (guint i = 0; i < self->pages->len; i++)
    if (g_strcmp0 (page_name_at (self, i), name) == 0)
      return (int) i;

  return -1;
}

static void
update_back_button (SsvWindow *self)
{
  gboolean can_go_back = self->history->len > 0 || is_folded (self);

  gtk_widget_set_visible (self->back_button, can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-back", can_go_back);
}

/* The header follows whichever page the stack shows, through the bindings. */
static void
on_visible_page_changed (SsvWindow *self)
{
  if (self->page_bindings == NULL)
    return;

  g_binding_group_set_source (self->page_bindings, get_visible_page (self));
  update_back_button (self);
}

/* ---- a pushed page shown once ready ---- */

static void
forget_waiting_page (SsvWindow *self)
{
  if (self->waiting_page != NULL)
    g_clear_signal_handler (&self->waiting_handler, self->waiting_page);
  g_clear_handle_id (&self->waiting_id, g_source_remove);
  self->waiting_page = NULL;
}

static void
clear_history (SsvWindow *self)
{
  forget_waiting_page (self);
  while (self->history->len > 0)
    {
      GtkWidget *page = g_ptr_array_steal_index (self->history, self->history->len - 1);

      gtk_stack_remove (self->stack, page);
      g_object_unref (page);
    }
}

/* The title page on top (if any) is what the next start reopens. */
static void
remember_open_title (SsvWindow *self)
{
  g_autofree char *key = NULL;

  if (self->restoring)
    return;

  for (guint i = self->history->len; i > 0 && key == NULL; i--)
    {
      SsvPage *page = g_ptr_array_index (self->history, i - 1);

      if (SSV_IS_TITLE_PAGE (page))
        key = ssv_title_page_dup_restore_key (SSV_TITLE_PAGE (page));
    }

  g_settings_set_string (self->settings, "last-title", key ? key : "");
}

static void
stop_watching_frames (SsvWindow *self)
{
  g_clear_handle_id (&self->start_idle_id, g_source_remove);
  if (self->start_clock != NULL)
    g_clear_signal_handler (&self->start_paint_handler, self->start_clock);
  g_clear_object (&self->start_clock);
}

static void
release_images (SsvWindow *self)
{
  g_clear_handle_id (&self->release_id, g_source_remove);
  stop_watching_frames (self);
  if (!self->holding_images)
    return;

  self->holding_images = FALSE;
  ssv_texture_loader_release (ssv_texture_loader_get_default (self->context));
}

static gboolean
release_images_cb (gpointer user_data)
{
  SsvWindow *self = user_data;

  self->release_id = 0;
  release_images (self);
  return G_SOURCE_REMOVE;
}

/* After the page left is unmapped and its cards' cancellations have run (idles of
 * default priority): what it still asked for is then only what is shown again. */
static void
schedule_release_images (SsvWindow *self)
{
  if (self->holding_images && self->release_id == 0)
    self->release_id = g_idle_add_full (G_PRIORITY_LOW, release_images_cb, self, NULL);
}

/* The page coming gets the processor for its first frame: the images the page left
 * asked for and that are not decoding yet wait until then. */
static void
hold_images (SsvWindow *self,
             SsvPage   *coming)
{
  GtkWidget *leaving = gtk_stack_get_visible_child (self->stack);

  if (leaving != NULL && leaving != GTK_WIDGET (coming))
    {
      g_clear_handle_id (&self->release_id, g_source_remove);
      self->holding_images = TRUE;
      ssv_texture_loader_hold_queued (ssv_texture_loader_get_default (self->context));
    }
}

/* After a frame and what ran after it (a grid asks for the posters of the cards it
 * drew then): what was asked for decodes now. */
static gboolean
start_frame_drawn_cb (gpointer user_data)
{
  SsvWindow *self = user_data;

  self->start_idle_id = 0;
  if (ssv_texture_loader_get_held (ssv_texture_loader_get_default (self->context)) > 0)
    release_images (self);
  return G_SOURCE_REMOVE;
}

static void
on_start_after_paint (SsvWindow *self)
{
  if (self->start_idle_id == 0)
    self->start_idle_id = g_idle_add (start_frame_drawn_cb, self);
}

/* The frame clock goes with the surface: the images then wait for the timeout. */
static void
on_start_unrealize (SsvWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_start_unrealize, self);
  stop_watching_frames (self);
}

static void
on_start_realize (SsvWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, on_start_realize, self);
  if (!self->holding_images || self->start_clock != NULL)
    return;

  g_signal_connect_swapped (self, "unrealize", G_CALLBACK (on_start_unrealize), self);

  self->start_clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->start_paint_handler = g_signal_connect_swapped (self->start_clock, "after-paint",
                                                        G_CALLBACK (on_start_after_paint), self);
}

/* A starting window's images wait for the frame that shows the cards asking for
 * them: those cards show their placeholder in it either way, and on a machine of
 * few cores, decoding would only delay it. */
static void
hold_images_until_drawn (SsvWindow *self)
{
  self->holding_images = TRUE;
  ssv_texture_loader_hold_all (ssv_texture_loader_get_default (self->context));
  self->release_id = g_timeout_add (START_HOLD_MS, release_images_cb, self);
  g_signal_connect_swapped (self, "realize", G_CALLBACK (on_start_realize), self);
}

static void
show_page (SsvWindow  *self,
           SsvPage    *page)
{
  hold_images (self, page);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (page));
  ssv_page_shown (page);
  schedule_release_images (self);
}

/* Builds the sidebar page @name without showing it, as the window once built every page
 * at start; benchmarks use it to compare openings with the figures of that time. */
SsvPage *
ssv_window_build_page (SsvWindow  *self,
                       const char *name)
{
  int index;

  g_return_val_if_fail (SSV_IS_WINDOW (self), NULL);

  index = page_index (self, name);
  return index >= 0 ? page_at (self, (guint) index) : NULL;
}

/**
 * ssv_window_show_page:
 * @name: a sidebar page's name ("library", …)
 *
 * Returns: %TRUE if such a page exists and is now shown
 */
gboolean
ssv_window_show_page (SsvWindow  *self,
                      const char *name)
{
  int index;

  g_return_val_if_fail (SSV_IS_WINDOW (self), FALSE);

  index = page_index (self, name);
  if (index < 0)
    return FALSE;

  clear_history (self);
  show_page (self, page_at (self, (guint) index));
  gtk_list_box_select_row (self->sidebar, gtk_list_box_get_row_at_index (self->sidebar, index));
  show_content_pane (self, TRUE);

  if (!self->restoring)
    g_settings_set_string (self->settings, "last-page", name);
  remember_open_title (self);

  return TRUE;
}

static void
show_waiting_page (SsvWindow *self)
{
  SsvPage *page = self->waiting_page;

  if (page == NULL)
    return;

  forget_waiting_page (self);
  show_page (self, page);
  show_content_pane (self, TRUE);
  remember_open_title (self);
}

static gboolean
waiting_timeout_cb (gpointer user_data)
{
  SsvWindow *self = user_data;

  self->waiting_id = 0;
  show_waiting_page (self);
  return G_SOURCE_REMOVE;
}

static void
on_waiting_page_ready (SsvWindow *self)
{
  if (ssv_page_get_ready (self->waiting_page))
    show_waiting_page (self);
}

/**
 * ssv_window_push_page:
 * @page: (transfer full): a page to show on top, such as a title's detail page
 *
 * The back button (and Alt+Left) returns to what was shown before.
 */
void
ssv_window_push_page (SsvWindow *self,
                      SsvPage   *page)
{
  g_return_if_fail (SSV_IS_WINDOW (self));
  g_return_if_fail (SSV_IS_PAGE (page));

  /* One still waiting shows first, so the pages stay in the order they came. */
  show_waiting_page (self);
  g_ptr_array_add (self->history, g_object_ref_sink (page));
  gtk_stack_add_child (self->stack, GTK_WIDGET (page));

  /* A page reading its first screenful (a saved channel) comes with it, a moment
   * later, instead of blank and then again filled: one frame to draw, not two. */
  self->waiting_page = page;
  if (!ssv_page_get_ready (page))
    {
      /* It reads meanwhile: the page on screen decodes no more images. */
      hold_images (self, page);
      self->waiting_handler = g_signal_connect_swapped (page, "notify::ready", G_CALLBACK (on_waiting_page_ready),
                                                        self);
      self->waiting_id = g_timeout_add (READY_WAIT_MS, waiting_timeout_cb, self);
      return;
    }
  show_waiting_page (self);
}

const char *
ssv_window_get_visible_page_name (SsvWindow *self)
{
  SsvPage *page = get_visible_page (self);

  return page ? ssv_page_get_name (page) : NULL;
}

SsvPage *
ssv_window_get_visible_page (SsvWindow *self)
{
  return get_visible_page (self);
}

/* The names of the sidebar's pages, in order. */
GStrv
ssv_window_dup_page_names (SsvWindow *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->pages->len; i++)
    g_strv_builder_add (builder, page_name_at (self, i));

  return g_strv_builder_end (builder);
}

static void
go_back (SsvWindow *self)
{
  /* Back before the page pushed came: it never shows. */
  if (self->waiting_page != NULL)
    {
      GtkWidget *top = g_ptr_array_steal_index (self->history, self->history->len - 1);

      g_assert (top == GTK_WIDGET (self->waiting_page));
      forget_waiting_page (self);
      gtk_stack_remove (self->stack, top);
      g_object_unref (top);
      schedule_release_images (self);
      return;
    }

  if (self->history->len > 0)
    {
      GtkWidget *top = g_ptr_array_steal_index (self->history, self->history->len - 1);
      SsvPage *below = self->history->len > 0
                       ? g_ptr_array_index (self->history, self->history->len - 1)
                       : NULL;

      if (below == NULL)
        {
          GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
          int index = row ? gtk_list_box_row_get_index (row) : 0;
          below = page_at (self, (guint) MAX (index, 0));
        }

      show_page (self, below);
      gtk_stack_remove (self->stack, top);
      g_object_unref (top);
      remember_open_title (self);
      return;
    }

  if (is_folded (self))
    show_content_pane (self, FALSE);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (!ssv_window_show_page (self, name))
    g_debug ("No page named “%s”", name);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  go_back (SSV_WINDOW (widget));
}

/* One dialog of @type (a window with a "context") per main window, kept in @slot (weak),
 * brought to the front when open. */
static void
present_single_dialog (SsvWindow  *self,
                       GtkWindow **slot,
                       GType       type)
{
  if (*slot == NULL)
    {
      *slot = g_object_new (type, "context", self->context, NULL);
      g_object_add_weak_pointer (G_OBJECT (*slot), (gpointer *) slot);
    }

  ssv_ui_present_window (*slot, GTK_WIDGET (self));
}

static void
destroy_single_dialog (GtkWindow **slot)
{
  if (*slot == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (*slot), (gpointer *) slot);
  gtk_window_destroy (*slot);
  *slot = NULL;
}

static void
manage_workers_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);

  present_single_dialog (self, &self->workers_dialog, SSV_TYPE_WORKERS_DIALOG);
}

/* Find Anything (Ctrl+K): one per main window, brought to the front when open. */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);

  present_single_dialog (self, &self->find_dialog, SSV_TYPE_FIND_DIALOG);
}

/* The keyboard shortcuts (Ctrl+?): built on first use, not with the window, which is
 * what GtkApplication would do with a gtk/help-overlay.ui resource. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);

  if (self->shortcuts_window == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PATH "/ui/ssv-shortcuts-window.ui");

      self->shortcuts_window = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_hide_on_close (self->shortcuts_window, TRUE);
      g_object_add_weak_pointer (G_OBJECT (self->shortcuts_window), (gpointer *) &self->shortcuts_window);
    }

  ssv_ui_present_window (self->shortcuts_window, widget);
}

static void
add_worker_orbs (SsvWindow *self)
{
  GListModel *workers = ssv_enrichment_engine_get_workers (ssv_context_get_enrichment_engine (self->context));
  const char *legend;

  for (guint i = 0; i < g_list_model_get_n_items (workers); i++)
    {
      g_autoptr(SsvWorker) worker = g_list_model_get_item (workers, i);

      gtk_box_append (self->worker_orbs, ssv_worker_orb_new (worker));
    }

  /* The legend: what the colours mean, for a row of dots that otherwise explains nothing. */
  legend = _("Metadata workers, a dot each: green is up to date, blue is working, yellow is waiting "
             "(for a scan, or a provider's limit), grey is paused, red needs an API key. "
             "Point at a dot for its name; click one for Manage Workers.");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->worker_orbs), legend);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->worker_orbs), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, legend,
                                  -1);
}

static void
show_title_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);
  SsvMediaKind kind = g_str_equal (action_name, "win.show-show") ? SSV_MEDIA_KIND_SHOW : SSV_MEDIA_KIND_MOVIE;

  ssv_window_push_page (self, ssv_title_page_new (self->context, kind, g_variant_get_int64 (parameter)));
}

/* win.show-channel (UC… id): a YouTube channel's page on top. */
static void
show_channel_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);

  ssv_window_push_page (self, ssv_channel_page_new (self->context, g_variant_get_string (parameter, NULL)));
}

/* win.show-tmdb-movie and win.show-tmdb-show: a title not owned, from TMDB. */
static void
show_tmdb_title_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);
  SsvMediaKind kind = g_str_equal (action_name, "win.show-tmdb-show") ? SSV_MEDIA_KIND_SHOW : SSV_MEDIA_KIND_MOVIE;

  ssv_window_push_page (self, ssv_title_page_new_from_tmdb (self->context, kind, g_variant_get_int64 (parameter)));
}

/* win.show-person (TMDB id): a person's page. */
static void
show_person_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);

  ssv_window_push_page (self, ssv_person_detail_page_new (self->context, g_variant_get_int64 (parameter)));
}

/* win.follow-person (TMDB id, name): asks how far back their movies count, then follows. */
static void
follow_person_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);
  gint64 id = 0;
  const char *name = NULL;

  g_variant_get (parameter, "(x&s)", &id, &name);
  ssv_ui_present_window (GTK_WINDOW (ssv_follow_person_dialog_new (self->context, id, name)), widget);
}

/* ---- scans ------------------------------------------------------------------ */

static void start_scan (SsvWindow *self,
                        gint64     server_row,
                        gboolean   asked);

static void
scan_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(SsvWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvScanResult) outcome = ssv_scanner_scan_finish (SSV_SCANNER (source), result, &error);

  g_clear_object (&self->scan_cancellable);

  /* The window closed meanwhile: nothing to show, nothing to start. */
  if (self->queued_scans == NULL)
    return;

  if (outcome == NULL)
    ssv_ui_toast (GTK_WIDGET (self), error->message);

  if (self->queued_scans->len > 0)
    {
      gint64 next = g_array_index (self->queued_scans, gint64, 0);

      g_array_remove_index (self->queued_scans, 0);
      start_scan (self, next, TRUE);
    }
}

/* @server_row: one source (scanned fully), or 0 for every source in the saved mode. */
static void
start_scan (SsvWindow *self,
            gint64     server_row,
            gboolean   asked)
{
  SsvScanner *scanner = ssv_context_get_scanner (self->context);

  if (ssv_scanner_get_running (scanner) || self->scan_cancellable != NULL)
    {
      /* One scan at a time; a new source waits its turn. */
      if (server_row > 0)
        g_array_append_val (self->queued_scans, server_row);
      else if (asked)
        ssv_ui_toast (GTK_WIDGET (self), _("A scan is already running."));
      return;
    }

  self->scan_asked = asked;
  self->scan_cancellable = g_cancellable_new ();
  if (server_row > 0)
    ssv_scanner_scan_async (scanner, SSV_SCAN_FULL, server_row, self->scan_cancellable,
                            scan_done_cb, g_object_ref (self));
  else
    ssv_scanner_scan_saved_mode_async (scanner, 0, self->scan_cancellable, scan_done_cb, g_object_ref (self));
}

static void
scan_library_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  start_scan (SSV_WINDOW (widget), 0, TRUE);
}

static void
scan_source_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  start_scan (SSV_WINDOW (widget), g_variant_get_int64 (parameter), TRUE);
}

static void
stop_scan_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);

  g_array_set_size (self->queued_scans, 0);
  if (self->scan_cancellable != NULL)
    g_cancellable_cancel (self->scan_cancellable);
}

static void
show_scan_report_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  SsvWindow *self = SSV_WINDOW (widget);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  if (self->last_scan == NULL)
    return;

  for (guint i = 0; i < self->last_scan->messages->len; i++)
    g_string_append_printf (body, "%s%s", i ? "\n\n" : "", (char *) g_ptr_array_index (self->last_scan->messages, i));
  if (self->last_scan->skipped > 0)
    g_string_append_printf (body, "%s%s", body->len ? "\n\n" : "",
                            _("Items that could not be read are listed in the activity log."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("What the Scan Found"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every scan ends in a toast (scans nobody asked for only when they changed something).
 * It offers the report, which only this window has, so it stays in this window. */
static void
on_scan_finished (SsvWindow     *self,
                  SsvScanResult *result)
{
  g_autofree char *summary = ssv_scan_result_dup_summary (result);
  g_autofree char *message = NULL;
  gboolean changed = result->added + result->updated + result->removed > 0;
  gboolean troubled = result->errors + result->skipped > 0 || result->messages->len > 0;
  AdwToast *toast;

  g_clear_pointer (&self->last_scan, ssv_scan_result_free);
  self->last_scan = ssv_scan_result_copy (result);

  if (!self->scan_asked && !changed && !troubled)
    return;
  self->scan_asked = FALSE;

  message = g_strdup_printf (result->cancelled ? _("Scan stopped: %s") : _("Scan finished: %s"), summary);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, troubled ? 10 : 5);
  if (troubled)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-scan-report");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The last scan's outcome, as the closing toast reported it. */
const SsvScanResult *
ssv_window_get_last_scan (SsvWindow *self)
{
  g_return_val_if_fail (SSV_IS_WINDOW (self), NULL);

  return self->last_scan;
}

static void
on_sidebar_row_activated (SsvWindow     *self,
                          GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint) index >= self->pages->len)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-page", "s", page_name_at (self, (guint) index));
}

static void
on_folded_changed (SsvWindow *self)
{
  update_back_button (self);
}

static GtkWidget *
create_sidebar_row (SsvPageClass *klass,
                    GtkWidget   **label_out)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name (klass->page_icon_name);
  GtkWidget *label = gtk_label_new (klass->page_title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, klass->page_name);
  *label_out = label;

  return row;
}

/**
 * ssv_window_add_page:
 * @page_type: an #SsvPage subclass that set its name, title and icon with
 *   ssv_page_class_set_info()
 *
 * Adds a page to the sidebar. The page itself is built the first time it shows,
 * so start-up pays only for the page it opens on. Only pages that work are added:
 * later features plug in here.
 */
void
ssv_window_add_page (SsvWindow *self,
                     GType      page_type)
{
  SsvPageClass *klass;
  GtkWidget *label = NULL;

  g_return_if_fail (SSV_IS_WINDOW (self));
  g_return_if_fail (g_type_is_a (page_type, SSV_TYPE_PAGE));

  /* Sidebar page classes live as long as the program: the class is kept. */
  klass = g_type_class_ref (page_type);
  g_array_append_val (self->page_types, page_type);
  g_ptr_array_add (self->pages, NULL);
  gtk_list_box_append (self->sidebar, create_sidebar_row (klass, &label));
  g_ptr_array_add (self->page_labels, label);

  /* Alt+1 … Alt+9 reach the sidebar's pages in order. */
  if (self->pages->len <= 9)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (GDK_KEY_0 + self->pages->len, GDK_ALT_MASK);
      GtkShortcutAction *action = gtk_named_action_new ("win.show-page");
      GtkShortcut *shortcut = gtk_shortcut_new_with_arguments (trigger, action, "s", klass->page_name);
      gtk_shortcut_controller_add_shortcut (self->page_shortcuts, shortcut);
    }
}

/* Reopens the title page (billboard) that was open at the last close. */
static void
restore_open_title (SsvWindow *self)
{
  g_autofree char *key = g_settings_get_string (self->settings, "last-title");
  const char *colon = strchr (key, ':');
  char *end = NULL;
  gint64 id;

  if (colon == NULL)
    return;

  id = g_ascii_strtoll (colon + 1, &end, 10);
  if (id <= 0 || end == colon + 1 || *end != '\0')
    return;

  if (g_str_has_prefix (key, "movie:"))
    ssv_window_push_page (self, ssv_title_page_new (self->context, SSV_MEDIA_KIND_MOVIE, id));
  else if (g_str_has_prefix (key, "show:"))
    ssv_window_push_page (self, ssv_title_page_new (self->context, SSV_MEDIA_KIND_SHOW, id));
}

static void
restore_state (SsvWindow *self)
{
  g_autofree char *last_page = g_settings_get_string (self->settings, "last-page");
  int width, height;

  g_settings_get (self->settings, "window-size", "(ii)", &width, &height);
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->restoring = TRUE;
  if (!ssv_window_show_page (self, last_page) && self->pages->len > 0)
    ssv_window_show_page (self, page_name_at (self, 0));
  restore_open_title (self);
  self->restoring = FALSE;
}

static gboolean
ssv_window_close_request (GtkWindow *window)
{
  SsvWindow *self = SSV_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set (self->settings, "window-size", "(ii)", width, height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (ssv_window_parent_class)->close_request (window);
}

static void
ssv_window_constructed (GObject *object)
{
  SsvWindow *self = SSV_WINDOW (object);

  G_OBJECT_CLASS (ssv_window_parent_class)->constructed (object);

  hold_images_until_drawn (self);
  ssv_window_add_page (self, SSV_TYPE_LIBRARY_PAGE);
  ssv_window_add_page (self, SSV_TYPE_WATCHLIST_PAGE);
  ssv_window_add_page (self, SSV_TYPE_WISHLIST_PAGE);
  ssv_window_add_page (self, SSV_TYPE_DOWNLOADS_PAGE);
  ssv_window_add_page (self, SSV_TYPE_CALENDAR_PAGE);
  ssv_window_add_page (self, SSV_TYPE_CHANNELS_PAGE);
  ssv_window_add_page (self, SSV_TYPE_DISCOVER_PAGE);
  ssv_window_add_page (self, SSV_TYPE_PARSE_PAGE);
  add_worker_orbs (self);

  adw_bin_set_child (self->scan_slot, ssv_scan_bar_new (self->context));
  g_signal_connect_object (ssv_context_get_scanner (self->context), "scan-finished",
                           G_CALLBACK (on_scan_finished), self, G_CONNECT_SWAPPED);

  restore_state (self);
}

static void
ssv_window_dispose (GObject *object)
{
  SsvWindow *self = SSV_WINDOW (object);

  /* No gtk_widget_dispose_template(): the template's root is the window's
   * "content", which AdwApplicationWindow tears down itself. */
  if (self->page_bindings != NULL)
    g_binding_group_set_source (self->page_bindings, NULL);
  g_clear_object (&self->page_bindings);
  if (self->history != NULL)
    clear_history (self);
  if (self->context != NULL)
    release_images (self);
  destroy_single_dialog (&self->workers_dialog);
  destroy_single_dialog (&self->find_dialog);
  destroy_single_dialog (&self->shortcuts_window);

  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->page_labels, g_ptr_array_unref);
  g_clear_pointer (&self->page_types, g_array_unref);
  /* A running scan finishes on its own; this window just stops listening. */
  g_clear_object (&self->scan_cancellable);
  g_clear_pointer (&self->queued_scans, g_array_unref);
  g_clear_pointer (&self->last_scan, ssv_scan_result_free);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ssv_window_parent_class)->dispose (object);
}

static void
ssv_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SsvWindow *self = SSV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SsvWindow *self = SSV_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ssv_window_class_init (SsvWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ssv_window_constructed;
  object_class->dispose = ssv_window_dispose;
  object_class->get_property = ssv_window_get_property;
  object_class->set_property = ssv_window_set_property;
  window_class->close_request = ssv_window_close_request;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SSV_TYPE_LIBRARY_PAGE);
  g_type_ensure (SSV_TYPE_PARSE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/ui/ssv-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, toast_overlay);
#if ADW_CHECK_VERSION (1, 4, 0)
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, split_view);
#else
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, content_pane);
#endif
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, header_end);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, scan_slot);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, worker_orbs);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, SsvWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_visible_page_changed);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.show-movie", "x", show_title_action);
  gtk_widget_class_install_action (widget_class, "win.show-show", "x", show_title_action);
  gtk_widget_class_install_action (widget_class, "win.show-channel", "s", show_channel_action);
  gtk_widget_class_install_action (widget_class, "win.show-tmdb-movie", "x", show_tmdb_title_action);
  gtk_widget_class_install_action (widget_class, "win.show-tmdb-show", "x", show_tmdb_title_action);
  gtk_widget_class_install_action (widget_class, "win.show-person", "x", show_person_action);
  gtk_widget_class_install_action (widget_class, "win.follow-person", "(xs)", follow_person_action);
  gtk_widget_class_install_action (widget_class, "win.scan-library", NULL, scan_library_action);
  gtk_widget_class_install_action (widget_class, "win.scan-source", "x", scan_source_action);
  gtk_widget_class_install_action (widget_class, "win.stop-scan", NULL, stop_scan_action);
  gtk_widget_class_install_action (widget_class, "win.show-scan-report", NULL, show_scan_report_action);
  gtk_widget_class_install_action (widget_class, "win.manage-workers", NULL, manage_workers_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL, show_help_overlay_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Back, 0, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.scan-library", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.find", NULL);
}

static void
ssv_window_init (SsvWindow *self)
{
  self->page_types = g_array_new (FALSE, FALSE, sizeof (GType));
  self->pages = g_ptr_array_new ();
  self->page_labels = g_ptr_array_new ();
  self->history = g_ptr_array_new ();
  self->queued_scans = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->settings = g_settings_new (APPLICATION_ID);

  self->page_bindings = g_binding_group_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  ssv_ui_set_menu_when_opened (self->primary_menu_button, self->primary_menu);
  g_binding_group_bind (self->page_bindings, "title",
                        self->content_title, "title", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->page_bindings, "subtitle",
                        self->content_title, "subtitle", G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->page_bindings, "header-widget",
                        self->header_end, "child", G_BINDING_SYNC_CREATE);

  self->page_shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (self->page_shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->page_shortcuts));
}

SsvWindow *
ssv_window_new (GtkApplication *application,
                SsvContext     *context)
{
  return g_object_new (SSV_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

SsvContext *
ssv_window_get_context (SsvWindow *self)
{
  g_return_val_if_fail (SSV_IS_WINDOW (self), NULL);

  return self->context;
}
