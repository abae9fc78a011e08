/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-import-prefs.c: the Import group of Preferences → Downloads: each naming pattern shows
 * an example name as it is typed and is saved; a pattern the naming code refuses says why under
 * the row and leaves the key as it was; a key set elsewhere shows; the folders and copy or
 * hardlink follow their keys; the group is on the Downloads page. */

#include "config.h"

#include <string.h>

#include "downloads/ssv-naming.h"
#include "preferences/ssv-downloads-preferences.h"
#include "preferences/ssv-import-preferences.h"
#include "ssv-context.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"

static char *tmp_dir;

static gboolean
named (GtkWidget     *widget,
       gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *root,
            const char *name)
{
  GtkWidget *widget = ssv_ui_test_find_widget (root, named, name);

  g_assert_nonnull (widget);
  return widget;
}

static const char *
subtitle_of (GtkWidget *row)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static void
assert_key (GSettings  *settings,
            const char *key,
            const char *expected)
{
  g_autofree char *value = g_settings_get_string (settings, key);

  g_assert_cmpstr (value, ==, expected);
}

typedef struct
{
  GtkWidget  *widget;
  const char *text;
} Shows;

static gboolean
editable_shows (gpointer data)
{
  Shows *s = data;

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (s->widget)), s->text) == 0;
}

static gboolean
subtitle_shows (gpointer data)
{
  Shows *s = data;

  return g_strcmp0 (subtitle_of (s->widget), s->text) == 0;
}

static void
test_patterns (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = g_object_ref_sink (ssv_import_preferences_new ());
  GtkWidget *movie, *movie_preview, *episode, *episode_preview;
  Shows shows;

  gtk_window_set_child (GTK_WINDOW (window), group);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  movie = find_named (group, "naming-movie");
  movie_preview = find_named (group, "movie-preview");
  episode = find_named (group, "naming-episode");
  episode_preview = find_named (group, "episode-preview");

  /* The keys' patterns, each with the name it gives a sample. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (movie)), ==, SSV_NAMING_DEFAULT_MOVIE);
  g_assert_cmpstr (subtitle_of (movie_preview), ==, "Heat (1995)/Heat (1995) - 1080p Bluray.mkv");
  g_assert_cmpstr (subtitle_of (episode_preview), ==, "Severance/Season 01/Severance - S01E02 - Half Loop.mkv");

  /* A new pattern: the example follows as it is typed, and the key keeps it. */
  gtk_editable_set_text (GTK_EDITABLE (movie), "{Title} ({Year}) {Quality}.{ext}");
  g_assert_cmpstr (subtitle_of (movie_preview), ==, "Heat (1995) 1080p Bluray.mkv");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (movie_preview)), ==, "Example");
  assert_key (settings, "naming-movie", "{Title} ({Year}) {Quality}.{ext}");

  /* A pattern the naming code refuses: the reason under the row, in red; not saved. */
  gtk_editable_set_text (GTK_EDITABLE (movie), "{Title} ({Year})");
  g_assert_nonnull (strstr (subtitle_of (movie_preview), "needs {ext}"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (movie_preview)), ==, "Not Saved");
  g_assert_true (gtk_widget_has_css_class (movie_preview, "error"));
  g_assert_true (gtk_widget_has_css_class (movie, "error"));
  assert_key (settings, "naming-movie", "{Title} ({Year}) {Quality}.{ext}");

  gtk_editable_set_text (GTK_EDITABLE (movie), "{Title} {Resolution}.{ext}");
  g_assert_nonnull (strstr (subtitle_of (movie_preview), "“{Resolution}” is not a name part"));
  assert_key (settings, "naming-movie", "{Title} ({Year}) {Quality}.{ext}");

  gtk_editable_set_text (GTK_EDITABLE (episode), "{Show}/{Show} - {Episode Title}.{ext}");
  g_assert_nonnull (strstr (subtitle_of (episode_preview), "{episode:00}"));
  assert_key (settings, "naming-episode", SSV_NAMING_DEFAULT_EPISODE);

  /* Fixed again: saved, and no longer red. */
  gtk_editable_set_text (GTK_EDITABLE (movie), "{Title} ({Year})/{Title}.{ext}");
  g_assert_cmpstr (subtitle_of (movie_preview), ==, "Heat (1995)/Heat.mkv");
  g_assert_false (gtk_widget_has_css_class (movie_preview, "error"));
  g_assert_false (gtk_widget_has_css_class (movie, "error"));
  assert_key (settings, "naming-movie", "{Title} ({Year})/{Title}.{ext}");
  ssv_ui_test_iterate (100);
  ssv_ui_test_screenshot (window, "import-preferences");

  /* Set with gsettings: the row and its example follow. */
  g_settings_set_string (settings, "naming-episode", "{Show}/{Show} {season}x{episode:00}.{ext}");
  shows = (Shows) { episode, "{Show}/{Show} {season}x{episode:00}.{ext}" };
  g_assert_true (ssv_test_wait_for (editable_shows, &shows, 5000));
  g_assert_cmpstr (subtitle_of (episode_preview), ==, "Severance/Severance 1x02.mkv");

  g_settings_reset (settings, "naming-movie");
  g_settings_reset (settings, "naming-episode");
  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (100);
  g_assert_finalize_object (group);
}

static void
test_folders_and_mode (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *group = g_object_ref_sink (ssv_import_preferences_new ());
  GtkWidget *movies, *choose, *mode;
  Shows shows;

  gtk_window_set_child (GTK_WINDOW (window), group);
  gtk_window_present (GTK_WINDOW (window));
  movies = find_named (group, "movies-folder");
  choose = find_named (group, "choose-movies-folder");
  mode = find_named (group, "import-mode");

  /* An icon-only button says what it does. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (choose), ==, "Choose the Movies Folder");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (choose)), ==, "import.choose-folder");

  g_assert_nonnull (strstr (subtitle_of (movies), "first folder source"));
  g_settings_set_string (settings, "movies-folder", "/srv/Films & Series");
  shows = (Shows) { movies, "/srv/Films & Series" };
  g_assert_true (ssv_test_wait_for (subtitle_shows, &shows, 5000));
  gtk_widget_activate_action (group, "import.reset-folder", "s", "movies-folder");
  assert_key (settings, "movies-folder", "");
  g_assert_nonnull (strstr (subtitle_of (movies), "first folder source"));

  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (mode)), ==, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (mode), 1);
  assert_key (settings, "import-mode", "hardlink");
  g_settings_set_string (settings, "import-mode", "copy");
  ssv_ui_test_iterate (50);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (mode)), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  ssv_ui_test_iterate (100);
  g_assert_finalize_object (group);
}

static gboolean
has_no_other_owner (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

/* Where a person looks for it: on the Downloads page of Preferences. */
static void
test_on_downloads_page (void)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, "downloads.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SsvContext) context = ssv_context_new (db_path, &error);
  GtkWidget *page;

  g_assert_no_error (error);
  page = g_object_ref_sink (g_object_new (SSV_TYPE_DOWNLOADS_PREFERENCES, "context", context, NULL));
  g_assert_true (SSV_IS_IMPORT_PREFERENCES (find_named (page, "import")));
  /* the page's own reads done, it goes away whole */
  g_assert_true (ssv_test_wait_for (has_no_other_owner, page, 10000));
  g_assert_finalize_object (page);
}

int
main (int    argc,
      char **argv)
{
  int result;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-import-prefs-XXXXXX", NULL);

  g_test_add_func ("/ui/import-preferences/patterns", test_patterns);
  g_test_add_func ("/ui/import-preferences/folders-and-mode", test_folders_and_mode);
  g_test_add_func ("/ui/import-preferences/on-downloads-page", test_on_downloads_page);

  result = g_test_run ();

  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return result;
}
