/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ssv-ui-test-utils.c: helpers for tests that drive the real application. */

#include "config.h"

#include <execinfo.h>

#include "ssv-ui-test-utils.h"

/* A warning or critical ends a test (they are fatal under g_test_init()). Its stack goes
 * to stderr first, so one seen once, in CI or under load, says where it came from:
 * libraries' functions by name, the test program's as offsets for addr2line. */
static gboolean
print_stack_cb (const char     *log_domain,
                GLogLevelFlags  log_level,
                const char     *message,
                gpointer        user_data)
{
  void *frames[64];
  int n = backtrace (frames, G_N_ELEMENTS (frames));

  g_printerr ("Fatal %s message, from:\n", log_domain != NULL ? log_domain : "(no domain)");
  backtrace_symbols_fd (frames, n, 2);
  return TRUE;
}

/**
 * ssv_ui_test_init:
 *
 * g_test_init() for a test that drives the app, then GTK and libadwaita.
 * run-in-session.sh gives the whole run its own HOME and XDG folders;
 * per-test isolation would hide the system's icons and MIME data.
 *
 * Returns: %FALSE when there is no display: the run is marked skipped and
 *   the caller returns g_test_run() at once
 */
gboolean
ssv_ui_test_init (int    *argc,
                  char ***argv)
{
  g_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (print_stack_cb, NULL);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      g_test_skip ("needs a display: run through tests/run-in-session.sh --x11");
      return FALSE;
    }

  gtk_init ();
  adw_init ();
  /* Crossfades and slides end at once: a screenshot shows the page it was taken
   * for, not the middle of the fade from the last one. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return TRUE;
}

/* Starts the app as `soulsync-video` would, without blocking in g_application_run(). */
SsvApplication *
ssv_ui_test_start_app (const char *database_path)
{
  static guint serial;
  g_autoptr(GError) error = NULL;
  g_autofree char *app_id = g_strdup_printf ("com.soulsync.Video.Test%u", ++serial);
  SsvApplication *app;

  g_setenv ("SSV_DATABASE_PATH", database_path, TRUE);

  app = ssv_application_new ();
  /* A private id per start, so neither a running desktop copy nor an earlier
   * test's instance can answer instead. */
  g_application_set_application_id (G_APPLICATION (app), app_id);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  return app;
}

void
ssv_ui_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

GtkWidget *
ssv_ui_test_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (window))
        return window;
    }

  return NULL;
}

/**
 * ssv_ui_test_find_widget:
 *
 * Returns: (transfer none) (nullable): the first of @root and its descendants,
 *   depth first, that @match accepts
 */
GtkWidget *
ssv_ui_test_find_widget (GtkWidget          *root,
                         SsvUiTestMatchFunc  match,
                         gconstpointer       data)
{
  if (match (root, data))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ssv_ui_test_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_of_type (GtkWidget     *widget,
            gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

/* The first of @root and its descendants that is a @type. */
GtkWidget *
ssv_ui_test_find_widget_of_type (GtkWidget *root,
                                 GType      type)
{
  return ssv_ui_test_find_widget (root, is_of_type, GSIZE_TO_POINTER (type));
}

SsvWindow *
ssv_ui_test_wait_for_window (SsvApplication *app)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  GtkWidget *window = NULL;

  while (window == NULL && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      window = ssv_ui_test_find_window (SSV_TYPE_WINDOW);
    }

  g_assert_nonnull (window);
  g_assert_true (gtk_window_get_application (GTK_WINDOW (window)) == GTK_APPLICATION (app));

  /* Let it map, lay out and draw a first frame. */
  ssv_ui_test_iterate (300);
  return SSV_WINDOW (window);
}

/* Renders @widget as it is on screen into tests' build folder as NAME.png. */
void
ssv_ui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (SSV_BUILD_ROOT, "screenshots", NULL);
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  int width, height;

  /* On a loaded machine the window maps and gets its first layout later than the caller waited. */
  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0 ||
          gtk_widget_get_height (widget) == 0) &&
         g_get_monotonic_time () < deadline)
    ssv_ui_test_iterate (20);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  /* A widget paintable shows the last frame drawn; a redraw that was just
   * queued (a spinner, a worker's orb) empties it until the next frame. */
  for (int attempt = 0; attempt < 40 && node == NULL; attempt++)
    {
      g_autoptr(GtkSnapshot) retry = attempt == 0 ? g_object_ref (snapshot) : gtk_snapshot_new ();

      if (attempt > 0)
        ssv_ui_test_iterate (50);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (retry), width, height);
      node = gtk_snapshot_to_node (retry);
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir, 0755);
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

void
ssv_ui_test_stop_app (SsvApplication *app)
{
  /* A copy: a window closes its dialogs with it, which leaves the app's list. */
  GList *windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (app)),
                                     (GCopyFunc) g_object_ref, NULL);

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free_full (windows, g_object_unref);

  ssv_ui_test_iterate (50);
  /* as the app's shutdown does: its workers end before the test removes their library */
  ssv_application_stop_work (app);
  g_object_unref (app);
}

static gboolean
is_shown_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* Returns: (transfer full): the labels of @menu's items, joined by "|" ("" for an item
 * without one) */
char *
ssv_ui_test_dup_menu_labels (GMenuModel *menu)
{
  GString *labels = g_string_new (NULL);

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;

      g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label);
      g_string_append_printf (labels, "%s%s", i > 0 ? "|" : "", label != NULL ? label : "");
    }
  return g_string_free (labels, FALSE);
}

/* Whether @root shows a label reading @text (it and its ancestors visible). */
gboolean
ssv_ui_test_shows_label (GtkWidget  *root,
                         const char *text)
{
  return ssv_ui_test_find_widget (root, is_shown_label, text) != NULL;
}
