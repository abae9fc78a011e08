/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-ui-profiles.c: editing quality profiles in Preferences, as a person does, and what
 * the library file keeps of it. */

#include "config.h"

#include "preferences/ssv-preferences-window.h"
#include "ssv-test-utils.h"
#include "ssv-ui-test-utils.h"
#include "downloads/ssv-quality-profile.h"
#include "stores/ssv-profile-store.h"

static char *tmp_dir;

typedef struct
{
  SsvApplication       *app;
  SsvProfileStore      *store;
  SsvPreferencesWindow *prefs;
  GtkWidget            *editor;
} Session;

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  return ssv_ui_test_find_widget (widget, has_name, name);
}

static GtkWidget *
find_in_row (GtkWidget  *root,
             const char *row_name,
             const char *child_name)
{
  GtkWidget *row = find_named (root, row_name);

  g_assert_nonnull (row);
  return child_name != NULL ? find_named (row, child_name) : row;
}

static gboolean
downloads_page_ready (gpointer data)
{
  return ssv_preferences_window_show_page (data, "downloads");
}

static void
open_profile (Session    *s,
              const char *db_name,
              const char *profile)
{
  g_autofree char *db_path = g_build_filename (tmp_dir, db_name, NULL);
  GtkWidget *row;

  s->app = ssv_ui_test_start_app (db_path);
  ssv_ui_test_wait_for_window (s->app);
  s->store = ssv_context_get_profile_store (ssv_application_get_context (s->app));

  g_action_group_activate_action (G_ACTION_GROUP (s->app), "preferences", NULL);
  ssv_ui_test_iterate (200);
  s->prefs = SSV_PREFERENCES_WINDOW (ssv_ui_test_find_window (SSV_TYPE_PREFERENCES_WINDOW));
  g_assert_nonnull (s->prefs);
  gtk_window_set_default_size (GTK_WINDOW (s->prefs), 720, 900);

  /* Profiles are read off the main thread; the Downloads page appears with them */
  g_assert_true (ssv_test_wait_for (downloads_page_ready, s->prefs, 10000));
  ssv_ui_test_iterate (100);

  row = find_in_row (GTK_WIDGET (s->prefs), profile, NULL);
  g_assert_true (gtk_widget_is_visible (row));
  g_signal_emit_by_name (row, "activated");
  ssv_ui_test_iterate (200);
  s->editor = find_named (GTK_WIDGET (s->prefs), "profile-editor");
  g_assert_nonnull (s->editor);
  g_assert_true (gtk_widget_is_visible (s->editor));
}

static SsvQualityProfile *
stored (Session    *s,
        const char *name)
{
  g_autoptr(GError) error = NULL;
  SsvQualityProfile *profile = ssv_profile_store_get_by_name (s->store, name, &error);

  g_assert_no_error (error);
  return profile;
}

typedef gboolean (*ProfileCheck) (const SsvQualityProfile *profile);

/* Saves run off the main thread; give them a moment to land. */
static void
wait_until_stored (Session      *s,
                   const char   *name,
                   ProfileCheck  check)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr(SsvQualityProfile) profile = stored (s, name);

      if (check (profile))
        return;
      ssv_ui_test_iterate (20);
    }
  g_assert_not_reached ();
}

static const char *
subtitle_of (Session    *s,
             const char *row_name)
{
  GtkWidget *row = find_named (GTK_WIDGET (s->prefs), row_name);

  /* The list row, not a custom format row of the same name on the editor page */
  g_assert_true (gtk_widget_is_ancestor (row, s->editor) == FALSE);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
takes_bluray_720 (const SsvQualityProfile *profile)
{
  return ssv_quality_profile_allows (profile, SSV_QUALITY_BLURAY_720);
}

static gboolean
webdl_over_bluray (const SsvQualityProfile *profile)
{
  return ssv_quality_profile_get_rank (profile, SSV_QUALITY_WEBDL_1080) >
         ssv_quality_profile_get_rank (profile, SSV_QUALITY_BLURAY_1080);
}

static gboolean
hdr_scores_700 (const SsvQualityProfile *profile)
{
  return ssv_quality_profile_get_format_score (profile, "HDR") == 700;
}

static gboolean
cutoff_is_bluray (const SsvQualityProfile *profile)
{
  return profile->cutoff == SSV_QUALITY_BLURAY_1080 && profile->min_format_score == 20;
}

static gboolean
no_upgrades (const SsvQualityProfile *profile)
{
  return !profile->upgrades_allowed;
}

static void
test_edit_profile (void)
{
  Session s = { 0 };
  GtkWidget *check, *up, *spin, *row;
  AdwComboRow *cutoff;
  GListModel *choices;
  guint bluray = G_MAXUINT;

  open_profile (&s, "edit.db", "HD 1080p");
  g_assert_cmpstr (subtitle_of (&s, "HD 1080p"), ==, "4 qualities · upgrades until 1080p WEB-DL");
  ssv_ui_test_screenshot (GTK_WIDGET (s.prefs), "preferences-profile");

  /* Tick a quality: the profile takes it */
  check = find_in_row (s.editor, "bluray-720p", "allowed");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  wait_until_stored (&s, "HD 1080p", takes_bluray_720);
  g_assert_cmpstr (subtitle_of (&s, "HD 1080p"), ==, "5 qualities · upgrades until 1080p WEB-DL");

  /* Want WEB-DL more than Blu-ray: the arrow moves it above, on screen and in the file */
  up = find_in_row (s.editor, "webdl-1080p", "up");
  g_assert_true (gtk_widget_get_sensitive (up));
  gtk_widget_activate (up);
  wait_until_stored (&s, "HD 1080p", webdl_over_bluray);
  row = find_named (s.editor, "webdl-1080p");
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_next_sibling (row)), ==, "bluray-1080p");
  /* The most wanted quality cannot go higher */
  g_assert_false (gtk_widget_get_sensitive (find_in_row (s.editor, gtk_widget_get_name (gtk_widget_get_first_child (gtk_widget_get_parent (row))), "up")));

  /* Score a custom format */
  spin = find_in_row (s.editor, "HDR", "score");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 700);
  wait_until_stored (&s, "HD 1080p", hdr_scores_700);

  /* The cutoff offers only what the profile takes, most wanted first */
  cutoff = ADW_COMBO_ROW (find_named (s.editor, "cutoff"));
  choices = adw_combo_row_get_model (cutoff);
  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 5);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==,
                   ssv_quality_get_label (SSV_QUALITY_WEBDL_1080));
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i),
                   ssv_quality_get_label (SSV_QUALITY_BLURAY_1080)) == 0)
      bluray = i;
  g_assert_cmpuint (bluray, <, 5);
  adw_combo_row_set_selected (cutoff, bluray);
  spin = find_in_row (s.editor, "min-score", "score");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 20);
  wait_until_stored (&s, "HD 1080p", cutoff_is_bluray);

  /* No upgrades: the cutoff no longer applies */
  gtk_switch_set_active (GTK_SWITCH (find_named (s.editor, "upgrades")), FALSE);
  wait_until_stored (&s, "HD 1080p", no_upgrades);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (cutoff)));
  g_assert_cmpstr (subtitle_of (&s, "HD 1080p"), ==, "5 qualities · no upgrades");

  ssv_ui_test_stop_app (s.app);
}

static gboolean
takes_only_one (const SsvQualityProfile *profile)
{
  guint n = 0;

  for (guint i = 0; i < profile->items->len; i++)
    n += g_array_index (profile->items, SsvProfileItem, i).allowed;
  return n == 1 && ssv_quality_profile_allows (profile, profile->cutoff);
}

static void
test_keeps_one_quality (void)
{
  Session s = { 0 };
  static const char * const ultra_hd[] = { "remux-2160p", "bluray-2160p", "webdl-2160p", "webrip-2160p", "hdtv-2160p" };
  GtkWidget *last = NULL;
  g_autoptr(SsvQualityProfile) profile = NULL;

  open_profile (&s, "one.db", "Ultra-HD");

  /* Untick every quality the profile takes: the last one stays ticked */
  for (guint i = 0; i < G_N_ELEMENTS (ultra_hd); i++)
    {
      last = find_in_row (s.editor, ultra_hd[i], "allowed");
      g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (last)));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (last), FALSE);
      ssv_ui_test_iterate (20);
    }
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (last)));

  /* The cutoff moved along to a quality still taken */
  wait_until_stored (&s, "Ultra-HD", takes_only_one);
  profile = stored (&s, "Ultra-HD");
  g_assert_true (ssv_quality_profile_allows (profile, SSV_QUALITY_HDTV_2160));
  g_assert_cmpint (profile->cutoff, ==, SSV_QUALITY_HDTV_2160);

  ssv_ui_test_stop_app (s.app);
}

int
main (int    argc,
      char **argv)
{
  int status;

  if (!ssv_ui_test_init (&argc, &argv))
    return g_test_run ();

  tmp_dir = g_dir_make_tmp ("ssv-ui-profiles-XXXXXX", NULL);

  g_test_add_func ("/ui/profiles/edit", test_edit_profile);
  g_test_add_func ("/ui/profiles/keeps-one-quality", test_keeps_one_quality);

  status = g_test_run ();
  ssv_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return status;
}
