/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-application.c: opens the library off the UI thread, then shows the window. */

#include "config.h"

#include <glib/gi18n.h>

#include "ssv-airing-notifier.h"
#include "ssv-import-notifier.h"
#include "ssv-uploads-notifier.h"
#include "ssv-application.h"
#include "ssv-scheduler.h"
#include "ssv-search-provider.h"
#include "ssv-sleep-monitor.h"
#include "ssv-thread.h"
#include "ssv-ui-utils.h"
#include "ssv-window.h"
#include "preferences/ssv-preferences-window.h"
#include "downloads/ssv-release-hit.h"
#include "downloads/ssv-wishlist-drain.h"
#include "sources/ssv-folder-watcher.h"
#include "ssv-image-cache.h"
#include "workers/ssv-enrichment-engine.h"

struct _SsvApplication
{
  AdwApplication  parent_instance;

  SsvContext     *context;
  GCancellable   *cancellable;
  GSettings      *settings;
  SsvAiringNotifier *notifier;
  SsvUploadsNotifier *uploads_notifier;
  SsvImportNotifier *import_notifier;
  SsvSearchProvider *search_provider;
  GPtrArray      *pending;          /* actions that came before the library was open */
  gboolean        opening;
  gboolean        present_when_ready;
  gboolean        held_for_background;
  guint           background_source;
};

/* With a window, the background work starts this long after the window's first
 * frame: the airing monitor's first look (and the wishlist's catch-up it runs) and
 * the enrichment engine's five loops open connections and count their queues,
 * which on two cores takes the processor the first screen of a large library needs. */
#define BACKGROUND_START_DELAY_S 1

/* How long quitting waits for the workers' cancelled calls and the cancelled
 * scheduled jobs to come back. */
#define BACKGROUND_SHUTDOWN_WAIT_MS 3000

G_DEFINE_FINAL_TYPE (SsvApplication, ssv_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

SsvApplication *
ssv_application_new (void)
{
  return g_object_new (SSV_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PATH,
                       NULL);
}

/* Returns: (nullable): the context, once the library is open */
SsvContext *
ssv_application_get_context (SsvApplication *self)
{
  g_return_val_if_fail (SSV_IS_APPLICATION (self), NULL);

  return self->context;
}

static GtkWindow *
get_main_window (SsvApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (SSV_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
show_open_error (SsvApplication *self,
                 const GError   *error)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *status = adw_status_page_new ();
  GtkWidget *quit = gtk_button_new_with_mnemonic (_("_Quit"));

  gtk_window_set_title (GTK_WINDOW (window), _("SoulSync Video"));
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 480);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Your Library Could Not Be Opened"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
  gtk_widget_set_vexpand (status, TRUE);

  gtk_widget_set_halign (quit, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (quit, "pill");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (quit), "app.quit");
  adw_status_page_set_child (ADW_STATUS_PAGE (status), quit);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
}

static void
present_main_window (SsvApplication *self)
{
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    window = GTK_WINDOW (ssv_window_new (GTK_APPLICATION (self), self->context));

  gtk_window_present (window);
}

static void run_pending_actions (SsvApplication *self);

static void
tokens_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Without the keyring, server posters show initials; scans say why. */
  if (!ssv_context_load_server_tokens_finish (SSV_CONTEXT (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("Server tokens could not be read: %s", error->message);
}

/* Notifications, enrichment and scheduled work run with or without a window. */
static void start_scheduler (SsvApplication *self);

static void
start_background (SsvApplication *self)
{
  ssv_airing_monitor_start (ssv_context_get_airing_monitor (self->context));
  ssv_enrichment_engine_start (ssv_context_get_enrichment_engine (self->context));
  /* Downloads are watched, retried and imported from the start, not once the
   * Downloads page is first opened; searches a restart interrupted are taken up. */
  ssv_context_get_retry_engine (self->context);
  start_scheduler (self);
}

static gboolean
start_background_cb (gpointer user_data)
{
  SsvApplication *self = user_data;

  self->background_source = 0;
  start_background (self);
  return G_SOURCE_REMOVE;
}

/* A result picked in GNOME Shell's search: its page, in the main window. */
static void
on_search_result_activated (SsvSearchProvider *provider,
                            const char        *kind,
                            gint64             id,
                            guint32            timestamp,
                            SsvApplication    *self)
{
  GtkWindow *window;

  present_main_window (self);
  window = get_main_window (self);
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), g_str_equal (kind, "show") ? "win.show-show"
                                                                                : "win.show-movie", "x", id);
}

static void
export_search_provider (SsvApplication *self)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (self));
  g_autoptr(GError) error = NULL;

  if (connection == NULL)
    return;

  self->search_provider = ssv_search_provider_new (ssv_context_get_discovery (self->context));
  g_signal_connect_object (self->search_provider, "activate-result", G_CALLBACK (on_search_result_activated),
                           self, G_CONNECT_DEFAULT);
  if (!ssv_search_provider_export (self->search_provider, connection, SSV_SEARCH_PROVIDER_PATH, &error))
    g_message ("GNOME Shell will not search the library: %s", error->message);
}

/* Scans, refreshes and trims come due with a window or without; a run missed while the
 * machine slept runs once when logind says it woke. */
static void
start_scheduler (SsvApplication *self)
{
  SsvScheduler *scheduler = ssv_context_get_scheduler (self->context);
  g_autoptr(SsvSleepMonitor) sleep_monitor = ssv_sleep_monitor_new ();

  ssv_scheduler_set_sleep_monitor (scheduler, sleep_monitor);
  /* Its jobs join the scheduler; what came out while the app was off is searched first. */
  ssv_wishlist_drain_start (ssv_context_get_wishlist_drain (self->context), sleep_monitor);
  ssv_scheduler_start (scheduler);
}

/* The preference is in megabytes; the cache trims on its next fetch, off this thread. */
static void
apply_image_cache_size (SsvApplication *self)
{
  guint megabytes = g_settings_get_uint (self->settings, "image-cache-size");

  if (self->context != NULL)
    ssv_image_cache_set_max_bytes (ssv_context_get_image_cache (self->context),
                                   (guint64) megabytes * 1024 * 1024);
}

static gboolean
first_frame_tick_cb (GtkWidget     *window,
                     GdkFrameClock *clock,
                     gpointer       user_data)
{
  return G_SOURCE_REMOVE;
}

/* The window's first frame is on its way (or the window went before it): the
 * background work gets its turn a moment later, unless the app is quitting. */
static void
first_frame_done (gpointer user_data)
{
  g_autoptr(SsvApplication) self = user_data;

  g_assert (SSV_IS_MAIN_THREAD ());

  if (!g_cancellable_is_cancelled (self->cancellable) && self->background_source == 0)
    self->background_source = g_timeout_add_seconds (BACKGROUND_START_DELAY_S,
                                                      start_background_cb, self);
}

static void
context_ready_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(SsvApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new_finish (result, &error);

  self->opening = FALSE;
  g_application_release (G_APPLICATION (self));

  if (context == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_message ("Could not open the library: %s", error->message);
          show_open_error (self, error);
        }
      return;
    }

  self->context = g_steal_pointer (&context);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTEXT]);
  apply_image_cache_size (self);

  /* Posters of servers need their tokens; folders are watched while the app runs. */
  ssv_context_load_server_tokens_async (self->context, self->cancellable, tokens_loaded_cb, NULL);
  ssv_folder_watcher_start (ssv_context_get_folder_watcher (self->context));

  self->notifier = ssv_airing_notifier_new (G_APPLICATION (self),
                                            ssv_context_get_airing_monitor (self->context));
  self->uploads_notifier = ssv_uploads_notifier_new (G_APPLICATION (self),
                                                     ssv_context_get_channel_service (self->context));
  self->import_notifier = ssv_import_notifier_new (G_APPLICATION (self), ssv_context_get_importer (self->context));
  export_search_provider (self);

  if (self->present_when_ready)
    {
      present_main_window (self);
      /* The first tick comes just before the first frame is drawn. */
      gtk_widget_add_tick_callback (GTK_WIDGET (get_main_window (self)), first_frame_tick_cb,
                                    g_object_ref (self), first_frame_done);
    }
  else
    start_background (self);

  run_pending_actions (self);
}

static void
open_context (SsvApplication *self)
{
  if (self->context != NULL || self->opening)
    return;

  /* Opening may migrate the schema: never on the UI thread. */
  self->opening = TRUE;
  g_application_hold (G_APPLICATION (self));
  ssv_context_new_async (NULL, self->cancellable, context_ready_cb, g_object_ref (self));
}

static void
ssv_application_activate (GApplication *app)
{
  SsvApplication *self = SSV_APPLICATION (app);

  self->present_when_ready = TRUE;

  if (self->context != NULL)
    present_main_window (self);
  else
    open_context (self);
}

/* Runs an action now, or once the library is open (a click on a notification
 * can start the app). */
static gboolean
defer_until_open (SsvApplication *self,
                  GSimpleAction  *action,
                  GVariant       *parameter)
{
  if (self->context != NULL)
    return FALSE;

  g_ptr_array_add (self->pending, g_strdup (g_action_get_name (G_ACTION (action))));
  g_ptr_array_add (self->pending, parameter ? g_variant_ref (parameter) : NULL);
  open_context (self);
  return TRUE;
}

static void
run_pending_actions (SsvApplication *self)
{
  g_autoptr(GPtrArray) pending = g_steal_pointer (&self->pending);

  self->pending = g_ptr_array_new ();
  for (guint i = 0; i + 1 < pending->len; i += 2)
    {
      g_autofree char *name = g_ptr_array_index (pending, i);
      g_autoptr(GVariant) parameter = g_ptr_array_index (pending, i + 1);

      g_action_group_activate_action (G_ACTION_GROUP (self), name, parameter);
    }
}

static void
open_show_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SsvApplication *self = user_data;
  GtkWindow *window;

  if (defer_until_open (self, action, parameter))
    return;

  present_main_window (self);
  window = get_main_window (self);
  /* The show's page where there is one; the calendar otherwise. */
  if (!gtk_widget_activate_action_variant (GTK_WIDGET (window), "win.show-show", parameter))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "calendar");
}

static void
open_calendar_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SsvApplication *self = user_data;

  if (defer_until_open (self, action, parameter))
    return;

  present_main_window (self);
  gtk_widget_activate_action (GTK_WIDGET (get_main_window (self)), "win.show-page", "s", "calendar");
}

/* app.open-channel (UC… id): the channel's page, from a notification of its uploads. */
static void
open_channel_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  SsvApplication *self = user_data;

  if (defer_until_open (self, action, parameter))
    return;

  present_main_window (self);
  gtk_widget_activate_action_variant (GTK_WIDGET (get_main_window (self)), "win.show-channel", parameter);
}

/* app.open-movie (library id), app.open-tmdb-movie and app.open-tmdb-show (TMDB id): the
 * title's page, from the notification that it is ready. */
static void
open_title_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  static const struct { const char *name; const char *window_action; } pages[] = {
    { "open-movie", "win.show-movie" },
    { "open-tmdb-movie", "win.show-tmdb-movie" },
    { "open-tmdb-show", "win.show-tmdb-show" },
  };
  SsvApplication *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (defer_until_open (self, action, parameter))
    return;

  present_main_window (self);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    if (g_str_equal (name, pages[i].name))
      gtk_widget_activate_action_variant (GTK_WIDGET (get_main_window (self)), pages[i].window_action, parameter);
}

static void
say (SsvApplication *self,
     const char     *message)
{
  g_action_group_activate_action (G_ACTION_GROUP (self), "toast", g_variant_new_string (message));
}

static void
player_launched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SsvApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      /* Translators: %s says why no video player could be started */
      g_autofree char *message = g_strdup_printf (_("The video could not be played: %s"), error->message);

      say (self, message);
    }
}

/* app.play-file (a file:// URI): the default video player, from a "Ready" notification.
 * Anyone on the session bus can ask for an app action: only a video file on this
 * computer is handed on. */
static void
play_file_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  SsvApplication *self = user_data;
  const char *uri = g_variant_get_string (parameter, NULL);
  g_autofree char *path = g_str_has_prefix (uri, "file://") ? g_filename_from_uri (uri, NULL, NULL) : NULL;
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GAppLaunchContext) launch = NULL;

  if (path == NULL || !ssv_file_name_is_video (path))
    {
      say (self, _("Only a video file on this computer can be played."));
      return;
    }
  if (display != NULL)
    launch = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (display));
  g_app_info_launch_default_for_uri_async (uri, launch, NULL, player_launched_cb, g_object_ref (self));
}

static void
open_watchlist_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SsvApplication *self = user_data;

  if (defer_until_open (self, action, parameter))
    return;

  present_main_window (self);
  gtk_widget_activate_action (GTK_WIDGET (get_main_window (self)), "win.show-page", "s", "watchlist");
}

static void
wishlist_added_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!ssv_wishlist_store_change_finish (SSV_WISHLIST_STORE (source), result, &error) &&
      error != NULL)
    g_warning ("Could not add an episode to the wishlist: %s", error->message);

  /* The application, held while the change ran. */
  g_object_unref (user_data);
}

static void
wishlist_episodes_action (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  SsvApplication *self = user_data;
  gsize n_ids = 0;
  const gint64 *ids = g_variant_get_fixed_array (parameter, &n_ids, sizeof (gint64));

  if (defer_until_open (self, action, parameter))
    return;

  ssv_wishlist_store_add_episodes_async (ssv_context_get_wishlist_store (self->context),
                                         ids, n_ids, self->cancellable,
                                         wishlist_added_cb, g_object_ref (self));
}

/* Kept running with no window, for notifications: as a service (autostart),
 * or when the person asked for it. */
static void
update_background_hold (SsvApplication *self)
{
  gboolean hold = (g_application_get_flags (G_APPLICATION (self)) & G_APPLICATION_IS_SERVICE) != 0 ||
                  g_settings_get_boolean (self->settings, "run-in-background");

  if (hold == self->held_for_background)
    return;

  self->held_for_background = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  SsvApplication *self = user_data;
  /* A copy: closing a window closes its dialogs, which leave the app's list. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                                     (GCopyFunc) g_object_ref, NULL);

  /* Closing windows first lets them save their size and page. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free_full (windows, g_object_unref);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SsvApplication *self = user_data;
  static const char *developers[] = { "SoulSync Video developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("SoulSync Video"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("SoulSync Video developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Your movies, shows and channels in one place: "
                                      "libraries from Plex, Jellyfin and folders, rich metadata, "
                                      "a watchlist, a wishlist and a calendar of what airs."),
                        "website", "https://github.com/soulsync/soulsync-video",
                        "issue-url", "https://github.com/soulsync/soulsync-video/issues",
                        "developers", developers,
                        "copyright", "© 2026 SoulSync Video developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  SsvApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->context == NULL)
    return;

  ssv_ui_present_window (GTK_WINDOW (ssv_preferences_window_new (self->context)),
                         parent != NULL ? GTK_WIDGET (parent) : NULL);
}

/* app.preferences-key (s): Preferences → Metadata with the keyboard in a provider's key row.
 * app.preferences-page ("metadata", …): Preferences open at that page. */
static void
preferences_at_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SsvApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *where = g_variant_get_string (parameter, NULL);
  SsvPreferencesWindow *preferences;

  if (self->context == NULL)
    return;

  preferences = ssv_preferences_window_new (self->context);
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "preferences-page"))
    ssv_preferences_window_show_page (preferences, where);
  ssv_ui_present_window (GTK_WINDOW (preferences), parent != NULL ? GTK_WIDGET (parent) : NULL);
  /* The key row takes the keyboard once the window is shown. */
  if (g_str_equal (g_action_get_name (G_ACTION (action)), "preferences-key"))
    ssv_preferences_window_show_key (preferences, where);
}

/* Shows @message in @window if it can show toasts: Preferences, or a window whose
 * content is a toast overlay (the main window, Manage Workers, …). */
static gboolean
add_toast_to (GtkWindow  *window,
              const char *message)
{
  GtkWidget *content = NULL;
  /* A toast's title is markup; messages are plain words ("Indexers & Clients"). */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    return FALSE;

  if (ADW_IS_PREFERENCES_WINDOW (window))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (escaped));
      return TRUE;
    }

  if (ADW_IS_APPLICATION_WINDOW (window))
    content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  else if (ADW_IS_WINDOW (window))
    content = adw_window_get_content (ADW_WINDOW (window));

  if (!ADW_IS_TOAST_OVERLAY (content))
    return FALSE;

  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), adw_toast_new (escaped));
  return TRUE;
}

/* A toast goes where the person looks: the most recently focused window that
 * shows toasts (a dialog without an overlay passes it to the window below). */
static void
toast_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  SsvApplication *self = user_data;
  const char *message = g_variant_get_string (parameter, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (add_toast_to (l->data, message))
      return;

  g_message ("%s", message);
}

/* Scans belong to the main window, which shows their progress; widgets anywhere
 * (Preferences, dialogs) ask for them here. */
static void
forward_to_main_window (SsvApplication *self,
                        const char     *window_action,
                        GVariant       *parameter)
{
  GtkWindow *window = get_main_window (self);

  if (window == NULL)
    {
      g_debug ("No window to run %s", window_action);
      return;
    }

  gtk_widget_activate_action_variant (GTK_WIDGET (window), window_action, parameter);
}

static void
scan_library_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  forward_to_main_window (user_data, "win.scan-library", NULL);
}

static void
scan_source_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  forward_to_main_window (user_data, "win.scan-source", parameter);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "preferences-key", preferences_at_action, "s" },
  { "preferences-page", preferences_at_action, "s" },
  { "open-show", open_show_action, "x" },
  { "open-movie", open_title_action, "x" },
  { "open-tmdb-movie", open_title_action, "x" },
  { "open-tmdb-show", open_title_action, "x" },
  { "play-file", play_file_action, "s" },
  { "open-calendar", open_calendar_action },
  { "open-channel", open_channel_action, "s" },
  { "open-watchlist", open_watchlist_action },
  { "wishlist-episodes", wishlist_episodes_action, "ax" },
  { "toast", toast_action, "s" },
  { "scan-library", scan_library_action },
  { "scan-source", scan_source_action, "x" },
};

static void
apply_color_scheme (GSettings  *settings,
                    const char *key,
                    gpointer    user_data)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
ssv_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };
  SsvApplication *self = SSV_APPLICATION (app);

  G_APPLICATION_CLASS (ssv_application_parent_class)->startup (app);

  /* Open the library now, window or not (the airing monitor needs it), and first: the
   * rest of the start-up runs while a thread opens it. */
  open_context (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay", shortcuts_accels);

  self->settings = g_settings_new (APPLICATION_ID);
  g_signal_connect (self->settings, "changed::color-scheme", G_CALLBACK (apply_color_scheme), NULL);
  apply_color_scheme (self->settings, "color-scheme", NULL);
  g_signal_connect_swapped (self->settings, "changed::run-in-background",
                            G_CALLBACK (update_background_hold), self);
  g_signal_connect_swapped (self->settings, "changed::image-cache-size",
                            G_CALLBACK (apply_image_cache_size), self);
  update_background_hold (self);
}

static void
workers_shut_down_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  gboolean *done = user_data;

  ssv_enrichment_engine_shutdown_finish (SSV_ENRICHMENT_ENGINE (source), result, NULL);
  *done = TRUE;
}

static gboolean
give_up_cb (gpointer data)
{
  g_cancellable_cancel (data);
  return G_SOURCE_REMOVE;
}

/* The workers' threads and the scheduled jobs write the library: they end before the app
 * does (or before a test removes the library), the call in hand cancelled and its title left
 * unmarked for next time. A wait that takes too long is given up; the loops and jobs still
 * end on their own. */
static void
wait_for_background_work (SsvApplication *self)
{
  SsvScheduler *scheduler = ssv_context_get_scheduler (self->context);
  g_autoptr(GCancellable) give_up = g_cancellable_new ();
  gboolean workers_done = FALSE;
  guint timeout;

  g_assert (SSV_IS_MAIN_THREAD ());

  ssv_enrichment_engine_shutdown_async (ssv_context_get_enrichment_engine (self->context), give_up,
                                        workers_shut_down_cb, &workers_done);
  timeout = g_timeout_add (BACKGROUND_SHUTDOWN_WAIT_MS, give_up_cb, give_up);
  /* A job's run ends on this main context, where its task completes. */
  while (!workers_done || (ssv_scheduler_get_busy (scheduler) && !g_cancellable_is_cancelled (give_up)))
    g_main_context_iteration (NULL, TRUE);
  if (g_cancellable_is_cancelled (give_up))
    g_message ("Quit before the background work had ended");
  else
    g_source_remove (timeout);
}

/**
 * ssv_application_stop_work:
 *
 * Stops what the app runs in the background (the airing monitor, the scheduled jobs) and
 * waits a moment for the workers' threads and the scheduled jobs under way to end. Shutdown does it; a test that drives the
 * app without running it does it before removing the app's files.
 */
void
ssv_application_stop_work (SsvApplication *self)
{
  g_return_if_fail (SSV_IS_APPLICATION (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->background_source, g_source_remove);
  if (self->context != NULL)
    {
      ssv_airing_monitor_stop (ssv_context_get_airing_monitor (self->context));
      ssv_scheduler_stop (ssv_context_get_scheduler (self->context));
      wait_for_background_work (self);
    }
}

static void
ssv_application_shutdown (GApplication *app)
{
  ssv_application_stop_work (SSV_APPLICATION (app));

  G_APPLICATION_CLASS (ssv_application_parent_class)->shutdown (app);
}

static void
ssv_application_dispose (GObject *object)
{
  SsvApplication *self = SSV_APPLICATION (object);

  g_clear_object (&self->notifier);
  g_clear_object (&self->uploads_notifier);
  g_clear_object (&self->import_notifier);
  if (self->search_provider != NULL)
    ssv_search_provider_unexport (self->search_provider);
  g_clear_object (&self->search_provider);
  g_clear_handle_id (&self->background_source, g_source_remove);
  if (self->context != NULL)
    {
      ssv_airing_monitor_stop (ssv_context_get_airing_monitor (self->context));
      ssv_scheduler_stop (ssv_context_get_scheduler (self->context));
      /* Others may still hold the context; its worker threads must not outlive the app. */
      ssv_enrichment_engine_stop (ssv_context_get_enrichment_engine (self->context));
    }
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  if (self->pending != NULL)
    {
      for (guint i = 0; i + 1 < self->pending->len; i += 2)
        {
          g_free (g_ptr_array_index (self->pending, i));
          g_clear_pointer (&self->pending->pdata[i + 1], g_variant_unref);
        }
      g_clear_pointer (&self->pending, g_ptr_array_unref);
    }

  G_OBJECT_CLASS (ssv_application_parent_class)->dispose (object);
}

static void
ssv_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SsvApplication *self = SSV_APPLICATION (object);

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
ssv_application_class_init (SsvApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ssv_application_dispose;
  object_class->get_property = ssv_application_get_property;
  app_class->activate = ssv_application_activate;
  app_class->startup = ssv_application_startup;
  app_class->shutdown = ssv_application_shutdown;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, SSV_TYPE_CONTEXT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ssv_application_init (SsvApplication *self)
{
  self->cancellable = g_cancellable_new ();
  self->pending = g_ptr_array_new ();
}
